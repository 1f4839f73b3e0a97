namespace Shishin.Core.Notifications;

/// <summary>
/// The names of <see cref="NotificationEvent.Facts"/> that the e-mails put into words (docs/notifications.md). Other
/// facts are listed as they are, name and value; webhooks carry all of them.
/// </summary>
public static class NotificationFacts
{
    /// <summary>How many things the event is about: new findings, overdue action items.</summary>
    public const string Count = "count";

    /// <summary>The entry URL or page concerned.</summary>
    public const string Url = "url";

    /// <summary>When a certificate expires (ISO 8601, UTC).</summary>
    public const string ExpiresAt = "expiresAt";

    /// <summary>Titles of the items concerned, one per line.</summary>
    public const string Titles = "titles";
}
