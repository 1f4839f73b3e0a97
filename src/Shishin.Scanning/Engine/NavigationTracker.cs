using Microsoft.Playwright;

namespace Shishin.Scanning.Engine;

/// <summary>
/// Follows the main frame's navigations of one page: every navigation request (the first of its redirect chain) in
/// order, and each time a document commits or a navigation fails. With it the scanner can tell that the document it
/// checks has started to leave (a meta refresh, a script setting <c>location</c>) and wait for where it goes, instead
/// of racing the navigation and reporting what it found under the wrong document.
/// </summary>
internal sealed class NavigationTracker : IDisposable
{
    private readonly Lock gate = new();
    private readonly IPage page;
    private readonly List<IRequest> navigations = [];
    private readonly Dictionary<IRequest, int> commitsAtStart = [];
    private TaskCompletionSource changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int commits;

    public NavigationTracker(IPage page)
    {
        this.page = page;
        page.Request += OnRequest;
        page.RequestFailed += OnRequestFailed;
        page.FrameNavigated += OnFrameNavigated;
    }

    /// <summary>Stops following the page (its tab goes on to another page).</summary>
    public void Dispose()
    {
        page.Request -= OnRequest;
        page.RequestFailed -= OnRequestFailed;
        page.FrameNavigated -= OnFrameNavigated;
    }

    private void OnRequest(object? sender, IRequest request)
    {
        if (!IsMainNavigation(request))
        {
            return;
        }

        if (request.RedirectedFrom is null)
        {
            lock (gate)
            {
                navigations.Add(request);
                commitsAtStart[request] = Commits;
            }
        }

        Signal();
    }

    private void OnRequestFailed(object? sender, IRequest request)
    {
        if (IsMainNavigation(request))
        {
            Signal();
        }
    }

    private void OnFrameNavigated(object? sender, IFrame frame)
    {
        if (frame == page.MainFrame)
        {
            Interlocked.Increment(ref commits);
            Signal();
        }
    }

    /// <summary>How often the main frame has committed a document (or moved within one) so far.</summary>
    public int Commits => Volatile.Read(ref commits);

    /// <summary>The navigation that started after the one that began with <paramref name="current"/>, if there is one yet.</summary>
    public IRequest? Next(IRequest current)
    {
        var root = Root(current);
        lock (gate)
        {
            var index = navigations.IndexOf(root);
            return index >= 0 && index + 1 < navigations.Count ? navigations[index + 1] : null;
        }
    }

    /// <summary>
    /// True once a document has committed since the navigation <paramref name="root"/> started: its own, or Chromium's
    /// error page when it failed (a document can only commit after its request has started).
    /// </summary>
    public bool Committed(IRequest root)
    {
        lock (gate)
        {
            return commitsAtStart.TryGetValue(root, out var before) && Commits > before;
        }
    }

    /// <summary>Waits until <paramref name="done"/> holds, re-checking it each time a navigation event arrives; false after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitUntilAsync(Func<bool> done, TimeSpan timeout, CancellationToken token)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(token);
        limit.CancelAfter(timeout);
        while (true)
        {
            Task next;
            lock (gate)
            {
                next = changed.Task;
            }

            if (done())
            {
                return true;
            }

            try
            {
                await next.WaitAsync(limit.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (!token.IsCancellationRequested)
            {
                return done();
            }
        }
    }

    /// <summary>The last request of the redirect chain that <paramref name="request"/> begins.</summary>
    public static IRequest Last(IRequest request)
    {
        var last = request;
        for (var hops = 0; last.RedirectedTo is { } next && hops < 100; hops++)
        {
            last = next;
        }

        return last;
    }

    private static IRequest Root(IRequest request)
    {
        var root = request;
        for (var hops = 0; root.RedirectedFrom is { } previous && hops < 100; hops++)
        {
            root = previous;
        }

        return root;
    }

    private bool IsMainNavigation(IRequest request)
    {
        try
        {
            return request.IsNavigationRequest && request.Frame == page.MainFrame;
        }
        catch (PlaywrightException)
        {
            // A request of a frame that is already gone.
            return false;
        }
    }

    private void Signal()
    {
        TaskCompletionSource previous;
        lock (gate)
        {
            previous = changed;
            changed = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        previous.TrySetResult();
    }
}
