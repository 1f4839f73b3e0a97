using System.Text.Json;
using Microsoft.Playwright;

namespace Shishin.Scanning.Engine;

/// <summary>
/// The scanner's isolated worlds in one page's frames, one per frame, made on first use and kept for the page (so
/// axe-core is compiled once per frame). Frames in the page's process are reached through one DevTools session of
/// the page; a cross-origin frame that Chromium runs in a process of its own (an out-of-process iframe) through a
/// session of its own, which Playwright opens for the frame. Nothing is ever read from the page's main world.
/// </summary>
internal sealed class IsolatedWorlds(IBrowserContext context, IPage page)
{
    private readonly Dictionary<string, IsolatedWorld> worlds = new(StringComparer.Ordinal);
    private readonly Dictionary<string, ICDPSession> outOfProcess = new(StringComparer.Ordinal);
    private readonly HashSet<IFrame> triedFrames = [];
    private ICDPSession? pageSession;
    private string? topFrameId;

    /// <summary>The world of the top document.</summary>
    public async Task<IsolatedWorld> TopAsync(CancellationToken token)
    {
        pageSession ??= await context.NewCDPSessionAsync(page).WaitAsync(token).ConfigureAwait(false);
        if (topFrameId is null)
        {
            var tree = await pageSession.SendAsync("Page.getFrameTree").WaitAsync(token).ConfigureAwait(false);
            topFrameId = tree?.GetProperty("frameTree").GetProperty("frame").GetProperty("id").GetString()
                ?? throw new PlaywrightException("The page has no frame.");
        }

        if (worlds.TryGetValue(topFrameId, out var top))
        {
            return top;
        }

        top = await IsolatedWorld.CreateAsync(pageSession, topFrameId, token).ConfigureAwait(false)
            ?? throw new PlaywrightException($"{IsolatedWorld.ContextDestroyed} (the page's frame went away).");
        worlds[topFrameId] = top;
        return top;
    }

    /// <summary>
    /// The world of a frame whose owner element is in <paramref name="parent"/>'s document; null when the frame cannot
    /// be reached (it went away, or is in a process Playwright has no session for).
    /// </summary>
    public async Task<IsolatedWorld?> FrameAsync(string frameId, IsolatedWorld parent, CancellationToken token)
    {
        if (worlds.TryGetValue(frameId, out var world))
        {
            return world;
        }

        // In the parent's process first (same-origin frames and, without site isolation, all of them); else the frame
        // is the root of a process of its own.
        world = await IsolatedWorld.CreateAsync(parent.Session, frameId, token).ConfigureAwait(false);
        if (world is null && await OutOfProcessSessionAsync(frameId, token).ConfigureAwait(false) is { } session)
        {
            world = await IsolatedWorld.CreateAsync(session, frameId, token).ConfigureAwait(false);
        }

        if (world is not null)
        {
            worlds[frameId] = world;
        }

        return world;
    }

    /// <summary>Forgets every world: the page navigated, and they went with its documents.</summary>
    public void Reset()
    {
        worlds.Clear();
        topFrameId = null;
    }

    /// <summary>
    /// The session of the out-of-process frame <paramref name="frameId"/>. Playwright opens a session only for a frame
    /// with a target of its own and refuses the others, so each of the page's frames is tried once.
    /// </summary>
    private async Task<ICDPSession?> OutOfProcessSessionAsync(string frameId, CancellationToken token)
    {
        if (outOfProcess.TryGetValue(frameId, out var known))
        {
            return known;
        }

        foreach (var frame in page.Frames)
        {
            if (ReferenceEquals(frame, page.MainFrame) || !triedFrames.Add(frame))
            {
                continue;
            }

            ICDPSession session;
            JsonElement? tree;
            try
            {
                session = await context.NewCDPSessionAsync(frame).WaitAsync(token).ConfigureAwait(false);
                tree = await session.SendAsync("Page.getFrameTree").WaitAsync(token).ConfigureAwait(false);
            }
            catch (PlaywrightException)
            {
                // A frame of its parent's process (it has no session of its own), or one that went away meanwhile.
                continue;
            }

            if (tree?.GetProperty("frameTree").GetProperty("frame").GetProperty("id").GetString() is { } root)
            {
                outOfProcess[root] = session;
            }
        }

        return outOfProcess.GetValueOrDefault(frameId);
    }
}
