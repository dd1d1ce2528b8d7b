using System.Net.Sockets;

namespace SkydFast.Network;

/// <summary>
/// Acknowledges received data at once instead of after the delayed-ACK timer. A client that writes one request in
/// several small writes without TCP_NODELAY waits for the ACK of each write before sending the next (Nagle): up to
/// 40 ms each without this. Both ways of serving a connection call it when a read ends inside a request.
/// </summary>
internal static class QuickAck
{
    // setsockopt level and name from <netinet/tcp.h> (Linux only).
    private const int IpProtoTcp = 6;
    private const int TcpQuickAck = 12;

    public static void Request(Socket socket)
    {
        if (!OperatingSystem.IsLinux())
        {
            return;
        }

        try
        {
            Span<byte> on = [1, 0, 0, 0];
            socket.SetRawSocketOption(IpProtoTcp, TcpQuickAck, on);
        }
        catch (SocketException)
        {
            // The socket is already closing: nothing left to acknowledge.
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
