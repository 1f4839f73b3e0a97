using System.Globalization;
using Shishin.Core.Email;

namespace Shishin.Core.Identity;

/// <summary>What a two-step verification e-mail reports.</summary>
public enum TwoFactorChange
{
    Enabled,
    Disabled,
    RecoveryCodesRenewed,
}

/// <summary>
/// The account e-mails in Japanese and English (the recipient's language is the one of the request that caused the
/// e-mail, or the inviting administrator's). Links are absolute, built by the caller from <c>Shishin:PublicUrl</c>.
/// </summary>
public static class AccountEmails
{
    public static EmailMessage Invitation(string to, CultureInfo culture, string displayName, string inviter, Uri link, DateTimeOffset expiresAt) =>
        EmailTemplate.IsEnglish(culture)
            ? EmailTemplate.Build(to, culture, "You are invited to Shishin",
                [$"Dear {displayName},", $"{inviter} has created an account for you on Shishin. Open the link below to choose your password.",
                 $"The link works once and expires on {EmailTemplate.TokyoTime(expiresAt, culture)}. If it has expired, ask an administrator for a new one."],
                link, "Choose your password")
            : EmailTemplate.Build(to, culture, "指針（Shishin）へのご招待",
                [$"{displayName} 様", $"{inviter} さんが指針（Shishin）のアカウントを作成しました。次のリンクを開いて、パスワードを設定してください。",
                 $"リンクは 1 回だけ使えます。有効期限は {EmailTemplate.TokyoTime(expiresAt, culture)} です。期限が切れた場合は、管理者に新しいリンクを依頼してください。"],
                link, "パスワードを設定する");

    public static EmailMessage PasswordReset(string to, CultureInfo culture, Uri link, TimeSpan lifetime) =>
        EmailTemplate.IsEnglish(culture)
            ? EmailTemplate.Build(to, culture, "Reset your Shishin password",
                ["Someone asked to reset the password of your Shishin account. Open the link below to choose a new password.",
                 $"The link works once and for {lifetime.TotalMinutes:0} minutes. If you did not ask for it, you can ignore this e-mail: your password stays as it is."],
                link, "Choose a new password")
            : EmailTemplate.Build(to, culture, "指針（Shishin）のパスワードの再設定",
                ["指針（Shishin）のアカウントのパスワードを再設定する依頼がありました。次のリンクを開いて、新しいパスワードを設定してください。",
                 $"リンクは 1 回だけ、{lifetime.TotalMinutes:0} 分間使えます。心当たりがない場合は、このメールを無視してください。パスワードは変わりません。"],
                link, "新しいパスワードを設定する");

    public static EmailMessage Lockout(string to, CultureInfo culture, DateTimeOffset until, Uri resetLink) =>
        EmailTemplate.IsEnglish(culture)
            ? EmailTemplate.Build(to, culture, "Your Shishin account is locked for a while",
                [$"There were too many failed sign-ins to your Shishin account, so it is locked until {EmailTemplate.TokyoTime(until, culture)}.",
                 "If this was you, wait and try again, or reset your password with the link below. If it was not you, someone may be guessing your password: reset it, and tell your administrator."],
                resetLink, "Reset your password")
            : EmailTemplate.Build(to, culture, "指針（Shishin）のアカウントを一時的にロックしました",
                [$"指針（Shishin）のアカウントへのサインインの失敗が続いたため、{EmailTemplate.TokyoTime(until, culture)} までアカウントをロックしました。",
                 "ご自身の操作であれば、時間をおいてもう一度お試しいただくか、次のリンクからパスワードを再設定してください。心当たりがない場合は、誰かがパスワードを推測しようとしている可能性があります。パスワードを再設定し、管理者に連絡してください。"],
                resetLink, "パスワードを再設定する");

    public static EmailMessage TwoFactorChanged(string to, CultureInfo culture, TwoFactorChange change, DateTimeOffset at, Uri accountLink)
    {
        var english = EmailTemplate.IsEnglish(culture);
        var time = EmailTemplate.TokyoTime(at, culture);
        var (subject, what) = (change, english) switch
        {
            (TwoFactorChange.Enabled, true) => ("Two-step verification is on", $"Two-step verification was turned on for your Shishin account on {time}."),
            (TwoFactorChange.Disabled, true) => ("Two-step verification is off", $"Two-step verification was turned off for your Shishin account on {time}."),
            (_, true) => ("New recovery codes", $"New recovery codes were created for your Shishin account on {time}. The old codes no longer work."),
            (TwoFactorChange.Enabled, false) => ("2 段階認証を有効にしました", $"{time} に、指針（Shishin）のアカウントの 2 段階認証を有効にしました。"),
            (TwoFactorChange.Disabled, false) => ("2 段階認証を無効にしました", $"{time} に、指針（Shishin）のアカウントの 2 段階認証を無効にしました。"),
            _ => ("リカバリーコードを作り直しました", $"{time} に、指針（Shishin）のアカウントのリカバリーコードを作り直しました。以前のコードは使えません。"),
        };
        var warning = english
            ? "If this was not you, change your password now and tell your administrator."
            : "心当たりがない場合は、すぐにパスワードを変更し、管理者に連絡してください。";
        return EmailTemplate.Build(to, culture, english ? subject : subject + "（指針）", [what, warning], accountLink, english ? "Open your account" : "アカウントを開く");
    }

    public static EmailMessage NewDevice(string to, CultureInfo culture, string device, DateTimeOffset at, Uri accountLink) =>
        EmailTemplate.IsEnglish(culture)
            ? EmailTemplate.Build(to, culture, "New sign-in to your Shishin account",
                [$"Your Shishin account was signed in to on {EmailTemplate.TokyoTime(at, culture)} from a browser it has not used before: {device}.",
                 "If this was you, there is nothing to do. If it was not, sign out everywhere from your account page, change your password and tell your administrator."],
                accountLink, "Open your account")
            : EmailTemplate.Build(to, culture, "新しいブラウザーから指針（Shishin）にサインインしました",
                [$"{EmailTemplate.TokyoTime(at, culture)} に、これまで使われていないブラウザー（{device}）から指針（Shishin）のアカウントにサインインがありました。",
                 "ご自身の操作であれば、対応は不要です。心当たりがない場合は、アカウントのページから「すべての端末でサインアウト」を行い、パスワードを変更して、管理者に連絡してください。"],
                accountLink, "アカウントを開く");

    public static EmailMessage EmailChangeConfirmation(string to, CultureInfo culture, Uri link, TimeSpan lifetime) =>
        EmailTemplate.IsEnglish(culture)
            ? EmailTemplate.Build(to, culture, "Confirm your new e-mail address for Shishin",
                ["Someone asked to use this address for their Shishin account. Open the link below to confirm it; the address changes only then.",
                 $"The link works once and for {lifetime.TotalMinutes:0} minutes. If you did not ask for this, ignore this e-mail."],
                link, "Confirm the new address")
            : EmailTemplate.Build(to, culture, "指針（Shishin）の新しいメールアドレスの確認",
                ["指針（Shishin）のアカウントのメールアドレスを、このアドレスに変更する依頼がありました。次のリンクを開いて確認してください。確認するまでアドレスは変わりません。",
                 $"リンクは 1 回だけ、{lifetime.TotalMinutes:0} 分間使えます。心当たりがない場合は、このメールを無視してください。"],
                link, "新しいアドレスを確認する");

    public static EmailMessage EmailChanged(string to, CultureInfo culture, string newAddress, DateTimeOffset at) =>
        EmailTemplate.IsEnglish(culture)
            ? EmailTemplate.Build(to, culture, "The e-mail address of your Shishin account was changed",
                [$"On {EmailTemplate.TokyoTime(at, culture)}, the e-mail address of your Shishin account was changed from this address to {newAddress}. Sign in with the new address from now on.",
                 "If this was not you, tell your administrator now: they can restore the address and lock the account."])
            : EmailTemplate.Build(to, culture, "指針（Shishin）のメールアドレスを変更しました",
                [$"{EmailTemplate.TokyoTime(at, culture)} に、指針（Shishin）のアカウントのメールアドレスを、このアドレスから {newAddress} に変更しました。今後は新しいアドレスでサインインしてください。",
                 "心当たりがない場合は、すぐに管理者に連絡してください。管理者がアドレスを戻し、アカウントを止めることができます。"]);
}
