using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Playwright;
using Shishin.Scanning.Checks;

namespace Shishin.Scanning.Engine;

/// <summary>
/// Runs our own axe-core (never a <c>window.axe</c> of the page) in the scanner's isolated world of every frame of a
/// page, the way Deque's own integrations do: <c>axe.runPartial</c> in each frame, depth first, and
/// <c>axe.finishRun</c> over all of them in the top frame's world. A frame that cannot be checked (it did not load,
/// went away, navigated, did not answer in time, or has no process Playwright can reach) is passed to axe-core as
/// null, so axe-core's <c>frame-tested</c> rule reports it, with the frame's address and the reason.
/// </summary>
internal static class IsolatedAxeRunner
{
    private static readonly Lazy<string> Partial = new(() => PageScanner.Script("axe-partial.js"));
    private static readonly Lazy<string> Finish = new(() => PageScanner.Script("axe-run.js"));

    /// <summary>The frame owner element a frame's world kept at an index; the scanner asks Chromium which frame it holds.</summary>
    private const string FrameElement = "(i) => globalThis.shishinFrames[i]";

    /// <summary>
    /// Runs axe-core with <paramref name="arguments"/> (<see cref="AxeChecks.Arguments"/>: run options and locale) and
    /// returns what <see cref="AxeChecks.Parse"/> reads. Each frame below the top one gets at most
    /// <paramref name="frameTimeout"/>; a frame whose address <paramref name="refused"/> says the SSRF guard refused
    /// holds no document of the site (only the proxy's empty refusal) and is reported as not checked.
    /// </summary>
    public static async Task<string> RunAsync(
        IsolatedWorlds worlds, object arguments, TimeSpan frameTimeout, Func<string, bool> refused, StageClock stages, CancellationToken token)
    {
        var argumentsJson = JsonSerializer.SerializeToElement(arguments, ArgumentsJson.Options);
        var runOptions = argumentsJson.GetProperty("runOptions");
        var top = await worlds.TopAsync(token).ConfigureAwait(false);
        using (stages.Start("axe-inject"))
        {
            await InjectAsync(top, token).ConfigureAwait(false);
        }

        var running = stages.Start("axe-run");
        var topPart = Part(await top.CallAsync(Partial.Value, new Dictionary<string, object?>
        {
            ["runOptions"] = runOptions,
            ["locale"] = argumentsJson.TryGetProperty("locale", out var locale) && locale.ValueKind == JsonValueKind.String ? locale.GetString() : null,
            ["context"] = null,
            ["path"] = Array.Empty<object>(),
            ["keep"] = true,
        }, token).ConfigureAwait(false));

        running.Dispose();
        var run = new FrameRun(worlds, runOptions, frameTimeout, refused);
        using (stages.Start("axe-frames"))
        {
            await run.VisitChildrenAsync(top, topPart, token).ConfigureAwait(false);
        }

        using var finishing = stages.Start("axe-finish");
        return await top.CallAsync(Finish.Value, new Dictionary<string, object?>
        {
            ["runOptions"] = runOptions,
            ["children"] = run.Children,
            ["frames"] = run.Frames,
            ["untested"] = run.Untested,
        }, token).ConfigureAwait(false);
    }

    private static async Task InjectAsync(IsolatedWorld world, CancellationToken token)
    {
        if (!world.HasAxe)
        {
            // The completion value is dropped: the script's own would be axe-core's object, far too big to send back.
            await world.EvaluateAsync(AxeChecks.Source + "\n;0", token).ConfigureAwait(false);
            world.HasAxe = true;
        }
    }

    private static FramePart Part(string json) =>
        JsonSerializer.Deserialize<FramePart>(json, ArgumentsJson.Options) ?? throw new PlaywrightException("axe-core gave no answer.");

    /// <summary>What axe-partial.js returns for one frame.</summary>
    private sealed record FramePart(string Url, string? Partial, IReadOnlyList<ChildFrame> Frames);

    /// <summary>A frame in a frame's document: the context axe-core gives it, its selector path from the top and its src.</summary>
    private sealed record ChildFrame(JsonElement Context, JsonElement Path, string Src);

    /// <summary>The walk over a page's frames, collecting partial results in axe-core's order.</summary>
    private sealed class FrameRun(IsolatedWorlds worlds, JsonElement runOptions, TimeSpan frameTimeout, Func<string, bool> refused)
    {
        /// <summary>The frames' partial results as JSON, depth first; null for a frame that could not be checked.</summary>
        public List<string?> Children { get; } = [];

        /// <summary>Each checked frame's selector path and address.</summary>
        public List<object> Frames { get; } = [];

        /// <summary>Each frame that could not be checked: selector path and why.</summary>
        public List<object> Untested { get; } = [];

        public async Task VisitChildrenAsync(IsolatedWorld parent, FramePart part, CancellationToken token)
        {
            for (var i = 0; i < part.Frames.Count; i++)
            {
                var child = part.Frames[i];
                var (world, childPart, reason) = await CheckAsync(parent, i, child, token).ConfigureAwait(false);
                if (world is null || childPart is null)
                {
                    Children.Add(null);
                    Untested.Add(new { path = child.Path, reason = $"The frame {Address(child.Src)} could not be checked: {reason}" });
                    continue;
                }

                Children.Add(childPart.Partial);
                Frames.Add(new { path = child.Path, url = childPart.Url });
                await VisitChildrenAsync(world, childPart, token).ConfigureAwait(false);
            }
        }

        private async Task<(IsolatedWorld? World, FramePart? Part, string Reason)> CheckAsync(IsolatedWorld parent, int index, ChildFrame child, CancellationToken token)
        {
            using var limit = CancellationTokenSource.CreateLinkedTokenSource(token);
            limit.CancelAfter(frameTimeout);
            try
            {
                var frameId = await parent.FrameOfElementAsync(FrameElement, index, limit.Token).ConfigureAwait(false);
                var world = frameId is null ? null : await worlds.FrameAsync(frameId, parent, limit.Token).ConfigureAwait(false);
                if (world is null)
                {
                    return (null, null, "the scanner cannot reach its document.");
                }

                // A frame whose load failed (refused by the SSRF guard, unreachable) holds Chromium's error page, which
                // is no document of the site.
                var url = (await world.EvaluateAsync("location.href", limit.Token).ConfigureAwait(false)).GetString() ?? "";
                if (url.StartsWith("chrome-error:", StringComparison.Ordinal))
                {
                    return (null, null, "it did not load (the address was refused or did not answer).");
                }

                if (refused(url))
                {
                    return (null, null, "the SSRF guard refused its address.");
                }

                await InjectAsync(world, limit.Token).ConfigureAwait(false);
                var part = Part(await world.CallAsync(Partial.Value, new Dictionary<string, object?>
                {
                    ["runOptions"] = runOptions,
                    ["locale"] = null,
                    ["context"] = child.Context,
                    ["path"] = child.Path,
                    ["keep"] = false,
                }, limit.Token).ConfigureAwait(false));
                return (world, part, "");
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                return (null, null, string.Create(CultureInfo.InvariantCulture, $"it did not answer within {frameTimeout.TotalSeconds:0} s."));
            }
            catch (PlaywrightException e)
            {
                return (null, null, e.Message.Contains(IsolatedWorld.ContextDestroyed, StringComparison.Ordinal)
                    ? "it navigated while it was being checked."
                    : Browser.BrowserHost.FirstLine(e.Message));
            }
        }

        private static string Address(string src) => src.Length > 0 ? src : "(without src)";
    }

    /// <summary>How the scanner's values are written for the page's scripts: camelCase, nulls kept.</summary>
    private static class ArgumentsJson
    {
        public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
        {
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
    }
}
