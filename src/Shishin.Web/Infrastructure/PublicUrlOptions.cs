namespace Shishin.Web.Infrastructure;

/// <summary>
/// <c>Shishin:PublicUrl</c>, the address where people reach Shishin. Every absolute link is built from it, never
/// from the request's Host header, which any client can set (AllowedHosts is <c>*</c> behind proxies).
/// </summary>
public sealed class PublicUrlOptions
{
    public const string SectionName = "Shishin";

    public string? PublicUrl { get; set; }

    /// <summary>The public address with a trailing slash, so that relative paths keep a path base such as /shishin/.</summary>
    public Uri BaseUri => new(PublicUrl!.EndsWith('/') ? PublicUrl : PublicUrl + "/", UriKind.Absolute);

    /// <summary>The absolute address of a path (and query) of this site, already escaped.</summary>
    public Uri Link(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        // "./" keeps a first segment such as "javascript:x" or "//host" from being read as a scheme or an authority.
        return new Uri(BaseUri, "./" + path.TrimStart('/'));
    }

    internal static bool IsValid(string? url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) &&
        (uri.Scheme == Uri.UriSchemeHttps || uri.Scheme == Uri.UriSchemeHttp) &&
        !string.IsNullOrEmpty(uri.Host) && string.IsNullOrEmpty(uri.UserInfo) && string.IsNullOrEmpty(uri.Query) &&
        string.IsNullOrEmpty(uri.Fragment);
}
