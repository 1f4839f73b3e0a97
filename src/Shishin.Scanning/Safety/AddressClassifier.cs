using System.Net;
using System.Net.Sockets;

namespace Shishin.Scanning.Safety;

/// <summary>Why an address is not on the public internet.</summary>
internal enum AddressKind
{
    /// <summary>A public unicast address.</summary>
    Public,

    /// <summary>0.0.0.0/8 or ::.</summary>
    Unspecified,

    /// <summary>127.0.0.0/8 or ::1.</summary>
    Loopback,

    /// <summary>10/8, 172.16/12, 192.168/16.</summary>
    Private,

    /// <summary>169.254/16 (cloud metadata lives here) or fe80::/10.</summary>
    LinkLocal,

    /// <summary>100.64/10, shared address space of carrier-grade NAT.</summary>
    CarrierGradeNat,

    /// <summary>224/4 or ff00::/8.</summary>
    Multicast,

    /// <summary>fc00::/7 unique local, or the deprecated fec0::/10 site-local.</summary>
    UniqueLocal,

    /// <summary>Documentation, benchmarking, protocol-assignment, reserved and broadcast ranges, and tunnels (Teredo) that can reach anything.</summary>
    Reserved,
}

/// <summary>
/// Classifies IP addresses for the scanner's SSRF guard. IPv6 forms that carry an IPv4 address (IPv4-mapped,
/// IPv4-compatible, NAT64, 6to4) are judged by the IPv4 address inside them, so ::ffff:127.0.0.1 is loopback.
/// </summary>
internal static class AddressClassifier
{
    private static readonly (IPNetwork Network, AddressKind Kind)[] V4 =
    [
        (IPNetwork.Parse("0.0.0.0/8"), AddressKind.Unspecified),
        (IPNetwork.Parse("10.0.0.0/8"), AddressKind.Private),
        (IPNetwork.Parse("100.64.0.0/10"), AddressKind.CarrierGradeNat),
        (IPNetwork.Parse("127.0.0.0/8"), AddressKind.Loopback),
        (IPNetwork.Parse("169.254.0.0/16"), AddressKind.LinkLocal),
        (IPNetwork.Parse("172.16.0.0/12"), AddressKind.Private),
        (IPNetwork.Parse("192.0.0.0/24"), AddressKind.Reserved),
        (IPNetwork.Parse("192.0.2.0/24"), AddressKind.Reserved),
        (IPNetwork.Parse("192.88.99.0/24"), AddressKind.Reserved),
        (IPNetwork.Parse("192.168.0.0/16"), AddressKind.Private),
        (IPNetwork.Parse("198.18.0.0/15"), AddressKind.Reserved),
        (IPNetwork.Parse("198.51.100.0/24"), AddressKind.Reserved),
        (IPNetwork.Parse("203.0.113.0/24"), AddressKind.Reserved),
        (IPNetwork.Parse("224.0.0.0/4"), AddressKind.Multicast),
        (IPNetwork.Parse("240.0.0.0/4"), AddressKind.Reserved),
    ];

    private static readonly (IPNetwork Network, AddressKind Kind)[] V6 =
    [
        (IPNetwork.Parse("64:ff9b:1::/48"), AddressKind.Reserved),
        (IPNetwork.Parse("100::/64"), AddressKind.Reserved),
        (IPNetwork.Parse("2001::/32"), AddressKind.Reserved),
        (IPNetwork.Parse("2001:2::/48"), AddressKind.Reserved),
        (IPNetwork.Parse("2001:10::/28"), AddressKind.Reserved),
        (IPNetwork.Parse("2001:20::/28"), AddressKind.Reserved),
        (IPNetwork.Parse("2001:db8::/32"), AddressKind.Reserved),
        (IPNetwork.Parse("3fff::/20"), AddressKind.Reserved),
        (IPNetwork.Parse("fc00::/7"), AddressKind.UniqueLocal),
        (IPNetwork.Parse("fe80::/10"), AddressKind.LinkLocal),
        (IPNetwork.Parse("fec0::/10"), AddressKind.UniqueLocal),
        (IPNetwork.Parse("ff00::/8"), AddressKind.Multicast),
    ];

    private static readonly IPNetwork Nat64 = IPNetwork.Parse("64:ff9b::/96");
    private static readonly IPNetwork SixToFour = IPNetwork.Parse("2002::/16");
    private static readonly IPNetwork V4Compatible = IPNetwork.Parse("::/96");

    /// <summary>What kind of address this is; only <see cref="AddressKind.Public"/> may be reached by default.</summary>
    public static AddressKind Classify(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily == AddressFamily.InterNetwork)
        {
            if (address.Equals(IPAddress.Broadcast))
            {
                return AddressKind.Reserved;
            }

            foreach (var (network, kind) in V4)
            {
                if (network.Contains(address))
                {
                    return kind;
                }
            }

            return AddressKind.Public;
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return AddressKind.Reserved;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return Classify(address.MapToIPv4());
        }

        if (address.Equals(IPAddress.IPv6None) || address.Equals(IPAddress.IPv6Any))
        {
            return AddressKind.Unspecified;
        }

        if (address.Equals(IPAddress.IPv6Loopback))
        {
            return AddressKind.Loopback;
        }

        var bytes = address.GetAddressBytes();
        if (Nat64.Contains(address) || V4Compatible.Contains(address))
        {
            return Classify(new IPAddress(bytes.AsSpan(12, 4)));
        }

        if (SixToFour.Contains(address))
        {
            return Classify(new IPAddress(bytes.AsSpan(2, 4)));
        }

        foreach (var (network, kind) in V6)
        {
            if (network.Contains(address))
            {
                return kind;
            }
        }

        return AddressKind.Public;
    }
}
