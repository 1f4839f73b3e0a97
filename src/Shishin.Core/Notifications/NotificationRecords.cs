using Shishin.Core.Auditing;

namespace Shishin.Core.Notifications;

/// <summary>A published <see cref="NotificationEvent"/> as stored for its deliveries and the daily digest.</summary>
[MeasurementData]
public class NotificationEventRecord
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public NotificationKind Kind { get; set; }
    public Guid ServiceId { get; set; }
    public DateTime OccurredAt { get; set; }

    /// <summary>The event's facts as a JSON object of strings.</summary>
    public string FactsJson { get; set; } = "{}";

    /// <summary>The page of this site the event is about (a path such as <c>/services/x/scans/…</c>).</summary>
    public string Path { get; set; } = "";

    public DateTime CreatedAt { get; set; }
}

public enum NotificationChannel
{
    Email,
    Webhook,
}

public enum NotificationDeliveryStatus
{
    /// <summary>Not sent yet (a webhook waiting for its next attempt).</summary>
    Pending,

    /// <summary>Waits for the next daily digest.</summary>
    AwaitingDigest,

    Sent,

    /// <summary>Given up: the last attempt failed, <see cref="NotificationDelivery.LastError"/> says why.</summary>
    Failed,

    /// <summary>Not sent because notification e-mail is not configured (<c>Notifications:Smtp:Host</c>).</summary>
    EmailOff,
}

/// <summary>One event to one subscriber or webhook, with what became of it (shown to those who manage the service).</summary>
[MeasurementData]
public class NotificationDelivery
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid EventId { get; set; }
    public NotificationEventRecord? Event { get; set; }
    public Guid ServiceId { get; set; }
    public NotificationChannel Channel { get; set; }
    public Guid? UserId { get; set; }
    public Guid? WebhookId { get; set; }

    /// <summary>The e-mail's language, <c>ja</c> or <c>en</c>.</summary>
    public string Language { get; set; } = NotificationKinds.DefaultLanguage;

    public NotificationDeliveryStatus Status { get; set; }
    public int Attempts { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? LastAttemptAt { get; set; }
    public DateTime? NextAttemptAt { get; set; }

    /// <summary>The HTTP status of the webhook's last answer.</summary>
    public int? ResponseStatus { get; set; }

    /// <summary>Why the last attempt failed: an exception's type and message or an HTTP status, never a secret.</summary>
    public string? LastError { get; set; }

    /// <summary>A webhook's JSON body, kept so that every attempt sends (and signs) the same bytes.</summary>
    public string? Payload { get; set; }
}
