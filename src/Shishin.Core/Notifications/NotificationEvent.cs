namespace Shishin.Core.Notifications;

/// <summary>What people can subscribe to, per service.</summary>
public enum NotificationKind
{
    /// <summary>A run found serious or critical violations that the previous run of its profile did not have.</summary>
    NewSeriousFindings,
    IncidentOpened,
    IncidentClosed,

    /// <summary>An entry URL's TLS certificate expires within the catalogue's threshold.</summary>
    CertificateExpiring,
    ActionItemsOverdue,
}

/// <summary>
/// Something that happened to a service and may be worth telling its subscribers about. <see cref="Facts"/> holds the
/// values the texts are made of (counts, URLs, times in ISO 8601), never personal data or secrets.
/// </summary>
public sealed record NotificationEvent(
    NotificationKind Kind,
    Guid ServiceId,
    DateTime OccurredAt,
    IReadOnlyDictionary<string, string> Facts,
    string Path);
