using System.Collections.Concurrent;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Shishin.Core.CitizenFeedback;
using Shishin.Core.Data;
using Shishin.Tests;

namespace Shishin.Web.Tests.Feedback;

/// <summary>A host whose intake has a tiny bucket (3, never refilled during a test) and a queue of one.</summary>
public sealed class FeedbackLimitsFactory() : ShishinAppFactory(TestProvider.Sqlite)
{
    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("Feedback:RateLimit:TokenLimit", "3");
        builder.UseSetting("Feedback:RateLimit:ReplenishmentPeriod", "01:00:00");
        builder.UseSetting("Feedback:Queue:Capacity", "1");
    }
}

/// <summary>The per-client token bucket and the bounded queue.</summary>
public sealed class FeedbackLimitsTests(FeedbackLimitsFactory app) : IClassFixture<FeedbackLimitsFactory>
{
    private readonly IntakeSamples samples = new(app);

    [Fact]
    public async Task Submit_PastTheClientsBucket_Answers429WithRetryAfterAndOthersStillPass()
    {
        var (serviceId, key) = await samples.ServiceAsync();
        var client = samples.Client();

        var allowed = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            allowed.Add((await IntakeSamples.PostAsync(client, key, IntakeSamples.Valid(), IntakeSamples.Origin)).StatusCode);
        }

        var refused = await IntakeSamples.PostAsync(client, key, IntakeSamples.Valid(), IntakeSamples.Origin);
        using var form = new FormUrlEncodedContent([new("rating", "5"), new("taskCompleted", "yes")]);
        var refusedForm = await client.PostAsync($"/feedback/{key}", form);
        var other = await IntakeSamples.PostAsync(samples.Client(), key, IntakeSamples.Valid());

        Assert.All(allowed, s => Assert.Equal(HttpStatusCode.Accepted, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.True(refused.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType!.MediaType);
        // The widget on the registered origin can read the refusal.
        Assert.Equal(IntakeSamples.Origin, Assert.Single(refused.Headers.GetValues("Access-Control-Allow-Origin")));
        Assert.Equal(HttpStatusCode.TooManyRequests, refusedForm.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, other.StatusCode);
        Assert.Equal(4, (await samples.StoredAsync(serviceId)).Count);
    }

    [Fact]
    public async Task Submit_QueueFull_Answers503WithRetryAfterAtOnceAndTheQueuedOnesAreStored()
    {
        var (serviceId, key) = await samples.ServiceAsync();
        var writer = app.Services.GetRequiredService<FeedbackWriter>();
        HttpResponseMessage full;
        Task<HttpResponseMessage> writing, queued;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.ServiceFeedbackSettings.Where(s => s.ServiceId == serviceId).ExecuteUpdateAsync(s => s.SetProperty(x => x.Revision, x => x.Revision));

            writing = IntakeSamples.PostAsync(samples.Client(), key, IntakeSamples.Valid());
            await FeedbackApiTests.UntilAsync(() => writer.Writing == 1);
            queued = IntakeSamples.PostAsync(samples.Client(), key, IntakeSamples.Valid());
            await FeedbackApiTests.UntilAsync(() => writer.Waiting == 1);
            full = await IntakeSamples.PostAsync(samples.Client(), key, IntakeSamples.Valid());
            Assert.False(writing.IsCompleted || queued.IsCompleted);
            await transaction.RollbackAsync();
        }

        Assert.Equal(HttpStatusCode.ServiceUnavailable, full.StatusCode);
        Assert.True(full.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        var ids = new[] { await IntakeSamples.IdAsync(await writing), await IntakeSamples.IdAsync(await queued) };
        Assert.Equal(ids.Order(), (await samples.StoredAsync(serviceId)).Select(f => f.Id).Order());
    }
}

/// <summary>The same tiny bucket, switched off (load tests, a gateway that limits already).</summary>
public sealed class FeedbackRateLimitOffFactory() : ShishinAppFactory(TestProvider.Sqlite)
{
    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("Feedback:RateLimit:Enabled", "false");
        builder.UseSetting("Feedback:RateLimit:TokenLimit", "3");
        builder.UseSetting("Feedback:RateLimit:ReplenishmentPeriod", "01:00:00");
    }
}

public sealed class FeedbackRateLimitOffTests(FeedbackRateLimitOffFactory app) : IClassFixture<FeedbackRateLimitOffFactory>
{
    [Fact]
    public async Task Submit_RateLimitDisabled_AcceptsEveryOnePastTheBucketSize()
    {
        var samples = new IntakeSamples(app);
        var (serviceId, key) = await samples.ServiceAsync();
        var client = samples.Client();

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 8; i++)
        {
            answers.Add((await IntakeSamples.PostAsync(client, key, new { rating = (i % 5) + 1, taskCompleted = "yes" }, IntakeSamples.Origin)).StatusCode);
        }

        using var form = new FormUrlEncodedContent([new("rating", "5"), new("taskCompleted", "yes")]);
        answers.Add((await client.PostAsync($"/feedback/{key}", form)).StatusCode);

        Assert.Equal([.. Enumerable.Repeat(HttpStatusCode.Accepted, 8), HttpStatusCode.SeeOther], answers);
        Assert.Equal(9, (await samples.StoredAsync(serviceId)).Count);
    }
}

/// <summary>A host that keeps every log line at every level, for the logging hygiene test.</summary>
public sealed class FeedbackLogCaptureFactory() : ShishinAppFactory(TestProvider.Sqlite)
{
    public ConcurrentQueue<string> Lines { get; } = new();

    protected override void ConfigureMore(IWebHostBuilder builder)
    {
        builder.UseSetting("Logging:LogLevel:Default", "Trace");
        builder.ConfigureLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(new CaptureProvider(Lines)));
    }

    private sealed class CaptureProvider(ConcurrentQueue<string> lines) : ILoggerProvider, ISupportExternalScope
    {
        private IExternalScopeProvider scopes = new LoggerExternalScopeProvider();

        public ILogger CreateLogger(string categoryName) => new Capture(categoryName, lines, () => scopes);

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => scopes = scopeProvider;

        public void Dispose()
        {
        }
    }

    private sealed class Capture(string category, ConcurrentQueue<string> lines, Func<IExternalScopeProvider> scopes) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => scopes().Push(state);

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scope = new System.Text.StringBuilder();
            scopes().ForEachScope((s, b) => b.Append(s).Append(" | "), scope);
            var values = state is IEnumerable<KeyValuePair<string, object?>> pairs ? string.Join(";", pairs.Select(p => $"{p.Key}={p.Value}")) : "";
            lines.Enqueue($"{category} {formatter(state, exception)} {values} {scope} {exception}");
        }
    }
}

public sealed class FeedbackLoggingTests(FeedbackLogCaptureFactory app) : IClassFixture<FeedbackLogCaptureFactory>
{
    private const string Email = "hanako.canary@example.jp";
    private const string Phone = "090-8765-4321";

    [Fact]
    public async Task Submit_CommentWithEmailAndPhone_NoLogLineContainsThem()
    {
        var samples = new IntakeSamples(app);
        var (_, key) = await samples.ServiceAsync();
        var client = samples.Client();
        var comment = $"連絡先 {Email} / {Phone}";

        var answers = new List<HttpStatusCode>
        {
            (await IntakeSamples.PostAsync(client, key, IntakeSamples.Valid(comment))).StatusCode,
            (await IntakeSamples.PostAsync(client, key, new { rating = 7, taskCompleted = "yes", comment })).StatusCode,
            (await IntakeSamples.PostAsync(client, key, new { rating = 3, taskCompleted = "yes", comment = comment + new string('x', 2000) })).StatusCode,
            (await IntakeSamples.SendAsync(client, key, "{\"comment\":\"" + comment + "\"", "application/json")).StatusCode,
            (await client.PostAsync($"/feedback/{key}", new FormUrlEncodedContent([new("rating", "x"), new("comment", comment)]))).StatusCode,
            (await client.PostAsync($"/feedback/{key}", new FormUrlEncodedContent([new("rating", "4"), new("taskCompleted", "yes"), new("comment", comment + " form")]))).StatusCode,
        };

        Assert.Equal([HttpStatusCode.Accepted, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.OK, HttpStatusCode.SeeOther], answers);
        var lines = app.Lines.ToArray();
        // The capture works: the requests themselves were logged.
        Assert.Contains(lines, l => l.Contains($"/api/v1/services/{key}/feedback", StringComparison.Ordinal));
        Assert.DoesNotContain(lines, l => l.Contains("hanako.canary", StringComparison.Ordinal) || l.Contains("8765-4321", StringComparison.Ordinal)
            || l.Contains("canary%40", StringComparison.OrdinalIgnoreCase));
    }
}
