using System.Text.Json;
using System.Text.Json.Serialization;
using Shishin.Core.Services;

namespace Shishin.Core.Notifications;

/// <summary>The JSON body of webhook requests (docs/notifications.md has an example).</summary>
public static class WebhookPayloads
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { DefaultIgnoreCondition = JsonIgnoreCondition.Never };

    public static string For(NotificationEventRecord record, Service service, Uri? link)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(service);
        return JsonSerializer.Serialize(new Payload(
            record.Id, record.Kind.ToString(), record.OccurredAt,
            new PayloadService(service.Id, service.Key, service.NameJa, service.NameEn),
            NotificationEmails.Facts(record), record.Path, link?.AbsoluteUri), Json);
    }

    /// <summary>What "Send a test" posts: the same shape, kind <c>Test</c>.</summary>
    public static string Test(Service service, DateTime now)
    {
        ArgumentNullException.ThrowIfNull(service);
        return JsonSerializer.Serialize(new Payload(
            Guid.CreateVersion7(), "Test", now, new PayloadService(service.Id, service.Key, service.NameJa, service.NameEn),
            new Dictionary<string, string>(), "", null), Json);
    }

    private sealed record Payload(Guid Id, string Kind, DateTime OccurredAt, PayloadService Service, Dictionary<string, string> Facts, string Path, string? Url);

    private sealed record PayloadService(Guid Id, string Key, string NameJa, string NameEn);
}
