using System.Text.Json;
using Microsoft.Playwright;
using Shishin.Scanning.Browser;

namespace Shishin.Scanning.Engine;

/// <summary>
/// One isolated JavaScript world in one frame, made through the DevTools protocol (<c>Page.createIsolatedWorld</c>):
/// it shares the frame's DOM but has globals and built-ins of its own (<c>window</c>, <c>Array.prototype</c>,
/// <c>JSON</c>, <c>Promise</c>, the DOM's prototypes), so nothing the page's scripts define or replace reaches what runs
/// here, and the page's scripts cannot reach it. ADR 0017 says why the scanner works this way.
/// </summary>
internal sealed class IsolatedWorld
{
    /// <summary>The name Chromium shows for the world in DevTools; page scripts never see it.</summary>
    public const string Name = "shishin-scanner";

    /// <summary>The message of the error that a navigation of the frame causes; callers wait for the new document and try again.</summary>
    public const string ContextDestroyed = "Execution context was destroyed";

    private readonly ICDPSession session;
    private readonly long contextId;

    private IsolatedWorld(ICDPSession session, string frameId, long contextId)
    {
        this.session = session;
        FrameId = frameId;
        this.contextId = contextId;
    }

    /// <summary>The DevTools session of the frame's process.</summary>
    public ICDPSession Session => session;

    /// <summary>The DevTools id of the frame.</summary>
    public string FrameId { get; }

    /// <summary>Whether axe-core has been evaluated in this world (once per world: compiling it is costly).</summary>
    public bool HasAxe { get; set; }

    /// <summary>Creates a world in the frame; null when the session does not hold that frame (it is in another process).</summary>
    public static async Task<IsolatedWorld?> CreateAsync(ICDPSession session, string frameId, CancellationToken token)
    {
        JsonElement? created;
        try
        {
            created = await session.SendAsync("Page.createIsolatedWorld", new Dictionary<string, object>
            {
                ["frameId"] = frameId,
                ["worldName"] = Name,
                ["grantUniveralAccess"] = false,
            }).WaitAsync(token).ConfigureAwait(false);
        }
        catch (PlaywrightException e) when (e.Message.Contains("No frame", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("not found", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        return new IsolatedWorld(session, frameId, created?.GetProperty("executionContextId").GetInt64()
            ?? throw new PlaywrightException("Chromium made no isolated world."));
    }

    /// <summary>Evaluates a script in the world (axe-core's source) and returns its value, which must be JSON-serialisable.</summary>
    public async Task<JsonElement> EvaluateAsync(string expression, CancellationToken token)
    {
        var response = await SendAsync("Runtime.evaluate", new Dictionary<string, object>
        {
            ["expression"] = expression,
            ["contextId"] = contextId,
            ["returnByValue"] = true,
            ["awaitPromise"] = true,
            ["silent"] = true,
        }, token).ConfigureAwait(false);
        return Value(response);
    }

    /// <summary>Calls <paramref name="function"/> (a function expression) with one argument and returns the string it resolves to.</summary>
    public async Task<string> CallAsync(string function, object? argument, CancellationToken token)
    {
        var response = await SendAsync("Runtime.callFunctionOn", CallParameters(function, argument, byValue: true), token).ConfigureAwait(false);
        var value = Value(response);
        return value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new PlaywrightException("The scanner's script gave no answer.");
    }

    /// <summary>
    /// Calls <paramref name="function"/> and returns the DevTools frame id of the frame owner element (an
    /// <c>iframe</c>) it returns, or null when it returns something else.
    /// </summary>
    public async Task<string?> FrameOfElementAsync(string function, object? argument, CancellationToken token)
    {
        var response = await SendAsync("Runtime.callFunctionOn", CallParameters(function, argument, byValue: false), token).ConfigureAwait(false);
        ThrowOnException(response);
        if (!response.GetProperty("result").TryGetProperty("objectId", out var objectId))
        {
            return null;
        }

        var described = await SendAsync("DOM.describeNode", new Dictionary<string, object> { ["objectId"] = objectId.GetString()! }, token).ConfigureAwait(false);
        _ = SendAsync("Runtime.releaseObject", new Dictionary<string, object> { ["objectId"] = objectId.GetString()! }, CancellationToken.None)
            .ContinueWith(t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
        return described.GetProperty("node").TryGetProperty("frameId", out var frameId) ? frameId.GetString() : null;
    }

    private Dictionary<string, object> CallParameters(string function, object? argument, bool byValue) => new()
    {
        ["functionDeclaration"] = function,
        ["executionContextId"] = contextId,
        ["arguments"] = argument is null ? Array.Empty<object>() : new object[] { new Dictionary<string, object> { ["value"] = argument } },
        ["returnByValue"] = byValue,
        ["awaitPromise"] = true,
        ["silent"] = true,
    };

    private async Task<JsonElement> SendAsync(string method, Dictionary<string, object> parameters, CancellationToken token)
    {
        try
        {
            return await session.SendAsync(method, parameters).WaitAsync(token).ConfigureAwait(false)
                ?? throw new PlaywrightException($"{method} gave no answer.");
        }
        catch (PlaywrightException e) when (e.Message.Contains("context was destroyed", StringComparison.OrdinalIgnoreCase)
            || e.Message.Contains("Cannot find context", StringComparison.OrdinalIgnoreCase)
            || e.Message.Contains("Inspected target navigated", StringComparison.OrdinalIgnoreCase))
        {
            // The frame navigated (a script redirect, a meta refresh): this world went with its document.
            throw new PlaywrightException($"{ContextDestroyed} (the frame navigated while the scanner read it).", e);
        }
    }

    private static JsonElement Value(JsonElement response)
    {
        ThrowOnException(response);
        return response.GetProperty("result").TryGetProperty("value", out var value) ? value : default;
    }

    private static void ThrowOnException(JsonElement response)
    {
        if (response.TryGetProperty("exceptionDetails", out var details))
        {
            var description = details.TryGetProperty("exception", out var exception) && exception.TryGetProperty("description", out var text)
                ? text.GetString()
                : details.GetProperty("text").GetString();
            throw new PlaywrightException($"The scanner's script failed in the page: {BrowserHost.FirstLine(description ?? "")}");
        }
    }
}
