using Microsoft.Extensions.Localization;
using Shishin.Core.Notifications;

namespace Shishin.Web.Pages.Notifications;

/// <summary>The words of the notification pages for kinds, modes and delivery states.</summary>
public sealed class NotificationLabels(IStringLocalizer<SharedResource> l)
{
    public string Kind(NotificationKind kind) => kind switch
    {
        NotificationKind.NewSeriousFindings => l["New serious or critical accessibility issues"],
        NotificationKind.IncidentOpened => l["Incident opened"],
        NotificationKind.IncidentClosed => l["Incident closed"],
        NotificationKind.CertificateExpiring => l["TLS certificate expiring"],
        NotificationKind.ActionItemsOverdue => l["Overdue action items"],
        _ => kind.ToString(),
    };

    public string Kinds(int mask) =>
        string.Join(System.Globalization.CultureInfo.CurrentUICulture.TwoLetterISOLanguageName == "en" ? ", " : "、", NotificationKinds.Split(mask).Select(Kind));

    public string Mode(NotificationMode mode) => mode == NotificationMode.DailyDigest ? l["Once a day, as a summary"] : l["At once, one e-mail per event"];

    public string Status(NotificationDeliveryStatus status) => status switch
    {
        NotificationDeliveryStatus.Pending => l["Waiting for the next attempt"],
        NotificationDeliveryStatus.AwaitingDigest => l["Waiting for the daily summary"],
        NotificationDeliveryStatus.Sent => l["Sent"],
        NotificationDeliveryStatus.Failed => l["Failed"],
        NotificationDeliveryStatus.EmailOff => l["Not sent: e-mail is off"],
        _ => status.ToString(),
    };

    public string Channel(NotificationChannel channel) => channel == NotificationChannel.Webhook ? l["Webhook"] : l["E-mail"];

    /// <summary>Parses the kinds a form sent; unknown values are ignored.</summary>
    public static List<NotificationKind> Parse(IEnumerable<string> values) =>
        [.. values.Select(v => Enum.TryParse<NotificationKind>(v, ignoreCase: false, out var kind) && Enum.IsDefined(kind) ? kind : (NotificationKind?)null)
            .OfType<NotificationKind>().Distinct()];
}
