using System.Globalization;
using Microsoft.Extensions.Localization;
using Shishin.Core.Uptime;

namespace Shishin.Web.Pages.Status;

/// <summary>The words and tags the status pages show for states, failures and availability.</summary>
public sealed class UptimeLabels(IStringLocalizer<SharedResource> l)
{
    public string State(UptimeState state) => state switch
    {
        UptimeState.Up => l["Up"],
        UptimeState.Failing => l["Failing"],
        UptimeState.Down => l["Down"],
        _ => l["Not probed yet"],
    };

    public static string StateTag(UptimeState state) => state switch
    {
        UptimeState.Up => "tag tag--success",
        UptimeState.Failing => "tag tag--warning",
        UptimeState.Down => "tag tag--danger",
        _ => "tag tag--neutral",
    };

    public string Error(UptimeErrorKind error, int? status) => error switch
    {
        UptimeErrorKind.None => status is { } ok ? l["HTTP {0}", ok] : "",
        UptimeErrorKind.HttpStatus => l["HTTP {0}", status ?? 0],
        UptimeErrorKind.Timeout => l["No answer in time"],
        UptimeErrorKind.Connection => l["Connection failed"],
        UptimeErrorKind.Tls => l["TLS handshake failed"],
        UptimeErrorKind.Dns => l["The host name does not resolve"],
        UptimeErrorKind.Blocked => l["Address not allowed"],
        UptimeErrorKind.TooManyRedirects => l["Too many redirects"],
        _ => error.ToString(),
    };

    public string Event(UptimeIncidentEventKind kind) => kind switch
    {
        UptimeIncidentEventKind.Opened => l["The incident was opened"],
        UptimeIncidentEventKind.StillFailing => l["Still failing, for another reason"],
        _ => l["Recovered"],
    };

    /// <summary>The share of successful probes as a percentage with two decimals, or a word when there were none.</summary>
    public string Share(Availability availability)
    {
        ArgumentNullException.ThrowIfNull(availability);
        return availability.Share is { } share ? (share * 100).ToString("0.00", CultureInfo.InvariantCulture) + "%" : l["No probes"];
    }

    /// <summary>A month as yyyy-MM (the same in both languages).</summary>
    public static string Month(int year, int month) => string.Create(CultureInfo.InvariantCulture, $"{year:0000}-{month:00}");

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
