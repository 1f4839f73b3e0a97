using System.Globalization;
using System.Text.Json;
using Shishin.Core.Email;

namespace Shishin.Core.Notifications;

/// <summary>The texts of notification e-mails in Japanese and English, in the one layout of <see cref="EmailTemplate"/>.</summary>
public static class NotificationEmails
{
    /// <summary>One event to one subscriber.</summary>
    public static EmailMessage Event(string to, CultureInfo culture, NotificationEventRecord record, string serviceName, Uri? link)
    {
        ArgumentNullException.ThrowIfNull(record);
        var english = EmailTemplate.IsEnglish(culture);
        var paragraphs = new List<string> { Sentence(record, serviceName, culture) };
        paragraphs.AddRange(Details(record, culture));
        paragraphs.Add(english
            ? "You receive this because you subscribed to notifications of this service in Shishin. You can change or end the subscription on the service's notifications page."
            : "指針（Shishin）でこのサービスの通知を受け取る設定をしているため、このメールをお送りしています。設定の変更や解除は、サービスの通知のページでできます。");
        return EmailTemplate.Build(to, culture, $"{Subject(record.Kind, english)}: {serviceName}", paragraphs, link,
            english ? "Open in Shishin" : "指針（Shishin）で開く");
    }

    /// <summary>The day's events of every subscribed service in one e-mail.</summary>
    public static EmailMessage Digest(string to, CultureInfo culture, IReadOnlyList<(NotificationEventRecord Record, string ServiceName)> events, Uri? link)
    {
        ArgumentNullException.ThrowIfNull(events);
        var english = EmailTemplate.IsEnglish(culture);
        var paragraphs = new List<string>
        {
            english
                ? $"{events.Count} notification(s) of the services you follow since the last summary:"
                : $"前回のまとめ以降、通知を受け取っているサービスに {events.Count} 件の出来事がありました。",
        };
        foreach (var (record, serviceName) in events.OrderBy(e => e.Record.OccurredAt))
        {
            paragraphs.Add($"{EmailTemplate.TokyoTime(new DateTimeOffset(record.OccurredAt, TimeSpan.Zero), culture)} — {Sentence(record, serviceName, culture)}");
        }

        paragraphs.Add(english
            ? "You receive this summary once a day because you chose a daily summary for these services in Shishin."
            : "指針（Shishin）でこれらのサービスの通知を1日1回のまとめで受け取る設定をしているため、このメールをお送りしています。");
        return EmailTemplate.Build(to, culture, english ? "Shishin: today's notifications" : "指針（Shishin）：本日の通知のまとめ", paragraphs, link,
            english ? "Your notification settings" : "通知の設定");
    }

    public static string Subject(NotificationKind kind, bool english) => kind switch
    {
        NotificationKind.NewSeriousFindings => english ? "New serious accessibility issues" : "重大なアクセシビリティの問題が新たに見つかりました",
        NotificationKind.IncidentOpened => english ? "Service unavailable: incident opened" : "サービスに接続できません（障害発生）",
        NotificationKind.IncidentClosed => english ? "Service available again: incident closed" : "サービスが復旧しました（障害終了）",
        NotificationKind.CertificateExpiring => english ? "TLS certificate expiring soon" : "TLS証明書の有効期限が近づいています",
        NotificationKind.ActionItemsOverdue => english ? "Action items overdue" : "期限を過ぎた対応事項があります",
        _ => english ? "Notification" : "通知",
    };

    /// <summary>The one sentence that says what happened, used alone in digests.</summary>
    public static string Sentence(NotificationEventRecord record, string serviceName, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(record);
        var english = EmailTemplate.IsEnglish(culture);
        var facts = Facts(record);
        var count = facts.GetValueOrDefault(NotificationFacts.Count);
        var url = facts.GetValueOrDefault(NotificationFacts.Url);
        return record.Kind switch
        {
            NotificationKind.NewSeriousFindings => english
                ? $"The latest scan of {serviceName} found {count ?? "some"} serious or critical accessibility issue(s) that the previous scan did not have."
                : $"{serviceName} の最新のスキャンで、前回のスキャンになかった重大（serious・critical）なアクセシビリティの問題が{(count is null ? "" : $" {count} 件")}見つかりました。",
            NotificationKind.IncidentOpened => english
                ? $"{serviceName} is not answering{(url is null ? "" : $" at {url}")}: an incident has been opened."
                : $"{serviceName}{(url is null ? "" : $"（{url}）")}に接続できないため、障害を記録しました。",
            NotificationKind.IncidentClosed => english
                ? $"{serviceName} answers again{(url is null ? "" : $" at {url}")}: the incident is closed."
                : $"{serviceName}{(url is null ? "" : $"（{url}）")}が再び応答するようになり、障害を終了しました。",
            NotificationKind.CertificateExpiring => english
                ? $"The TLS certificate of {serviceName}{(url is null ? "" : $" ({url})")} expires{ExpiryText(facts, culture)}."
                : $"{serviceName}{(url is null ? "" : $"（{url}）")}のTLS証明書の有効期限が近づいています{ExpiryText(facts, culture)}。",
            NotificationKind.ActionItemsOverdue => english
                ? $"{count ?? "Some"} action item(s) of {serviceName} passed their due date and are still open."
                : $"{serviceName} の対応事項{(count is null ? "" : $" {count} 件")}が期限を過ぎても完了していません。",
            _ => serviceName,
        };
    }

    /// <summary>The event's facts as stored (an empty set for a malformed record).</summary>
    public static Dictionary<string, string> Facts(NotificationEventRecord record)
    {
        ArgumentNullException.ThrowIfNull(record);
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string>>(record.FactsJson) ?? [];
        }
        catch (JsonException)
        {
            return [];
        }
    }

    private static string ExpiryText(Dictionary<string, string> facts, CultureInfo culture) =>
        facts.GetValueOrDefault(NotificationFacts.ExpiresAt) is { } value
        && DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var expires)
            ? EmailTemplate.IsEnglish(culture) ? $" on {EmailTemplate.TokyoTime(expires, culture)}" : $"（{EmailTemplate.TokyoTime(expires, culture)}まで）"
            : "";

    private static IEnumerable<string> Details(NotificationEventRecord record, CultureInfo culture)
    {
        var facts = Facts(record);
        if (facts.GetValueOrDefault(NotificationFacts.Titles) is { Length: > 0 } titles)
        {
            yield return string.Join("\n", titles.Split('\n').Select(t => "・" + t.Trim()));
        }

        var known = new[] { NotificationFacts.Count, NotificationFacts.Url, NotificationFacts.ExpiresAt, NotificationFacts.Titles };
        var rest = facts.Where(f => !known.Contains(f.Key, StringComparer.Ordinal)).OrderBy(f => f.Key, StringComparer.Ordinal).ToList();
        if (rest.Count > 0)
        {
            yield return string.Join("\n", rest.Select(f => $"{f.Key}: {f.Value}"));
        }

        yield return (EmailTemplate.IsEnglish(culture) ? "When: " : "日時：") + EmailTemplate.TokyoTime(new DateTimeOffset(record.OccurredAt, TimeSpan.Zero), culture);
    }
}
