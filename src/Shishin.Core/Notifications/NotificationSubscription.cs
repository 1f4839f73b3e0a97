using Shishin.Core.Identity;
using Shishin.Core.Services;

namespace Shishin.Core.Notifications;

/// <summary>How a subscriber hears of events: one e-mail per event, or one e-mail a day with the day's events.</summary>
public enum NotificationMode
{
    Immediate,
    DailyDigest,
}

/// <summary>
/// One person's wish to hear about some kinds of events of one service. The language is the one the page was shown in
/// when the subscription was last saved (accounts carry no preferred language): the e-mails are written in it.
/// </summary>
public class NotificationSubscription
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid UserId { get; set; }
    public ShishinUser? User { get; set; }
    public Guid ServiceId { get; set; }
    public Service? Service { get; set; }

    /// <summary>The kinds subscribed to, as a <see cref="NotificationKinds"/> bit set.</summary>
    public int Kinds { get; set; }

    public NotificationMode Mode { get; set; }

    /// <summary><c>ja</c> or <c>en</c>.</summary>
    public string Language { get; set; } = NotificationKinds.DefaultLanguage;

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
}

/// <summary>
/// A service's endpoint that receives every event of the chosen kinds as a signed JSON POST. The secret is needed in
/// clear to sign, so it is stored protected with Data Protection (keys in the database, optionally encrypted by a
/// certificate), shown once when created and never logged.
/// </summary>
public class NotificationWebhook
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid ServiceId { get; set; }
    public Service? Service { get; set; }
    public string Url { get; set; } = "";

    /// <summary>The secret protected with <see cref="WebhookSecrets"/>; masked in the audit log.</summary>
    public string ProtectedSecret { get; set; } = "";

    /// <summary>The first characters of the secret, so that people can tell which one a receiver holds.</summary>
    public string SecretPrefix { get; set; } = "";

    public int Kinds { get; set; }
    public bool Enabled { get; set; } = true;
    public DateTime CreatedAt { get; set; }
    public Guid? CreatedById { get; set; }
}

/// <summary>The kinds a subscription or webhook covers, kept as one integer with a bit per <see cref="NotificationKind"/>.</summary>
public static class NotificationKinds
{
    public const string DefaultLanguage = "ja";

    public static IReadOnlyList<NotificationKind> All { get; } = Enum.GetValues<NotificationKind>();

    public static int Of(IEnumerable<NotificationKind> kinds)
    {
        ArgumentNullException.ThrowIfNull(kinds);
        return kinds.Aggregate(0, (mask, kind) => mask | Bit(kind));
    }

    public static bool Contains(int mask, NotificationKind kind) => (mask & Bit(kind)) != 0;

    public static IReadOnlyList<NotificationKind> Split(int mask) => [.. All.Where(k => Contains(mask, k))];

    public static int Bit(NotificationKind kind) => 1 << (int)kind;

    /// <summary><c>en</c> for English, otherwise the default Japanese.</summary>
    public static string LanguageOf(string? twoLetterName) => twoLetterName == "en" ? "en" : DefaultLanguage;
}
