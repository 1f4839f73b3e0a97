namespace Shishin.Web.Infrastructure;

public static class ShishinClaims
{
    /// <summary>"true" when the account has two-factor sign-in enabled; admins without it are held at enrolment.</summary>
    public const string TwoFactorEnabled = "shishin:2fa";
    public const string DisplayName = "shishin:name";

    /// <summary>The server-side session (ADR 0010) this sign-in belongs to.</summary>
    public const string SessionId = "shishin:sid";
}
