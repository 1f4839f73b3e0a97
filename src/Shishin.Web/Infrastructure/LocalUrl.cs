namespace Shishin.Web.Infrastructure;

/// <summary>
/// The one check for a return address taken from the request. Only a path on this site passes; anything a browser or
/// <see cref="Microsoft.AspNetCore.Mvc.IUrlHelper.IsLocalUrl"/> could read differently (protocol-relative, backslashes,
/// control characters, which browsers strip) is refused, so <c>LocalRedirect</c> never throws on what passed.
/// </summary>
public static class LocalUrl
{
    public const int MaxLength = 2048;

    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url) || url.Length > MaxLength || url[0] != '/')
        {
            return false;
        }

        if (url.Length > 1 && url[1] is '/' or '\\')
        {
            return false;
        }

        foreach (var c in url)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c) || char.IsSurrogate(c) || c == '\\')
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>The address when it is local, otherwise the home page.</summary>
    public static string OrHome(string? url) => IsLocal(url) ? url! : "/";
}
