using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shishin.Core.CitizenFeedback;
using Shishin.Core.Data;
using Shishin.Core.Organizations;
using Shishin.Tests;

namespace Shishin.Web.Tests.Feedback;

/// <summary>Services that take feedback, clients from addresses of their own (the intake's token bucket is per client) and reads of what was stored.</summary>
internal sealed class FeedbackSamples(ShishinAppFactory app)
{
    public const string Origin = "https://www.example.jp";
    public const string ExtraOrigin = "https://forms.example.org:8443";

    private static int nextAddress;

    private readonly RegisterSamples register = new(app.Services);

    /// <summary>A public service started at https://www.example.jp/apply, taking feedback, with one extra origin.</summary>
    public async Task<(Guid Id, string Key)> ServiceAsync(bool isPublic = true, bool enabled = true)
    {
        var organization = await register.OrganizationAsync(register.Prefix + "-org", OrganizationKind.Bureau, null);
        var service = await register.ServiceAsync("svc", organization, isPublic, entryUrls: Origin + "/apply?x=1 https://other.example.jp/start");
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        db.ServiceFeedbackSettings.Add(new ServiceFeedbackSettings { ServiceId = service.Id, Enabled = enabled, ExtraOrigins = ExtraOrigin + "/\n" });
        await db.SaveChangesAsync();
        return (service.Id, service.Key);
    }

    /// <summary>A client from an address no other test uses.</summary>
    public HttpClient Client()
    {
        var n = Interlocked.Increment(ref nextAddress) + (Environment.ProcessId % 200 * 1000);
        return app.NewClient().From($"10.{(n >> 16) & 255}.{(n >> 8) & 255}.{n & 255}");
    }

    public static object Valid(string? comment = null) => new
    {
        rating = 4,
        taskCompleted = "partly",
        reasons = new[] { "easy-to-understand", "took-too-long" },
        comment,
        language = "en",
        pagePath = "/apply/step-2?token=secret#top",
    };

    public static Task<HttpResponseMessage> PostAsync(HttpClient client, string key, object body, string? origin = null) =>
        SendAsync(client, key, JsonSerializer.Serialize(body), "application/json", origin);

    public static async Task<HttpResponseMessage> SendAsync(HttpClient client, string key, string body, string contentType, string? origin = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/api/v1/services/{key}/feedback")
        {
            Content = new StringContent(body, Encoding.UTF8, contentType),
        };
        request.Content.Headers.ContentType = System.Net.Http.Headers.MediaTypeHeaderValue.Parse(contentType);
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        return await client.SendAsync(request);
    }

    public static async Task<JsonElement> JsonAsync(HttpResponseMessage response) =>
        JsonSerializer.Deserialize<JsonElement>(await response.Content.ReadAsStringAsync());

    public static async Task<Guid> IdAsync(HttpResponseMessage response) => (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

    public async Task<List<Core.CitizenFeedback.Feedback>> StoredAsync(Guid serviceId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        return await db.Feedback.AsNoTracking().Where(f => f.ServiceId == serviceId).ToListAsync();
    }

    public async Task<List<FeedbackDailyAggregate>> AggregatesAsync(Guid serviceId)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ShishinDbContext>();
        return await db.FeedbackDailyAggregates.AsNoTracking().Where(a => a.ServiceId == serviceId).ToListAsync();
    }
}
