using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Shishin.Core.Notifications;

/// <summary>
/// The signature of a webhook request (docs/notifications.md): HMAC-SHA256, keyed with the secret's UTF-8 bytes, over
/// the timestamp in decimal, a full stop and the exact body bytes. The timestamp is signed with the body so that an
/// old request cannot be sent again with a fresh timestamp.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "Shishin-Signature";
    public const string TimestampHeader = "Shishin-Timestamp";
    public const string DeliveryHeader = "Shishin-Delivery";
    public const string EventHeader = "Shishin-Event";

    /// <summary>The header's value: <c>sha256=</c> and the lower-case hex of the HMAC.</summary>
    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>What a receiver does: the signature matches (in constant time) and the timestamp is recent.</summary>
    public static bool Verify(string secret, string? timestampHeader, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (!long.TryParse(timestampHeader, NumberStyles.None, CultureInfo.InvariantCulture, out var timestamp) || signatureHeader is null)
        {
            return false;
        }

        if ((now - DateTimeOffset.FromUnixTimeSeconds(timestamp)).Duration() > tolerance)
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, timestamp, body));
        return CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(signatureHeader));
    }
}
