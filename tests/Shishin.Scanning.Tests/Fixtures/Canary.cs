using System.Net;
using System.Net.Sockets;

namespace Shishin.Scanning.Tests.Fixtures;

/// <summary>A loopback listener (IPv4 and IPv6) that only counts connections: no scan may ever make one.</summary>
public sealed class Canary : IDisposable
{
    private readonly TcpListener listener = new(IPAddress.IPv6Any, 0);
    private int connections;

    public Canary()
    {
        // One dual-stack socket catches 127.0.0.1, ::1 and ::ffff:127.0.0.1 on the same port.
        listener.Server.DualMode = true;
        listener.Start();
        _ = AcceptAsync();
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    public int Connections => Volatile.Read(ref connections);

    private async Task AcceptAsync()
    {
        try
        {
            while (true)
            {
                using var socket = await listener.AcceptSocketAsync();
                Interlocked.Increment(ref connections);
            }
        }
        catch (Exception e) when (e is ObjectDisposedException or SocketException or InvalidOperationException)
        {
            // Stopped.
        }
    }

    public void Dispose() => listener.Stop();
}
