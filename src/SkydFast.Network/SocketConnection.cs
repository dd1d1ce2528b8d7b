using System.Net.Sockets;
using System.Runtime.CompilerServices;
using Microsoft.Extensions.Logging;

namespace SkydFast.Network;

/// <summary>A plain TCP connection: the loops of <see cref="TransportConnection"/> straight on the socket.</summary>
public sealed class SocketConnection : TransportConnection
{
    internal SocketConnection(Socket socket, TransportOptions options, ILogger logger, CancellationToken stopping)
        : base(socket, options, logger, stopping)
    {
    }

    private protected override ValueTask<bool> StartAsync() => ValueTask.FromResult(true);

    private protected override ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken token) =>
        Socket.ReceiveAsync(buffer, SocketFlags.None, token);

    // Usually one send takes the whole segment and the method completes synchronously, allocating nothing; when the
    // socket buffer is full it goes asynchronous, and the pooling builder reuses the state machine instead of
    // allocating one per send.
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder))]
    private protected override async ValueTask SendAsync(ReadOnlyMemory<byte> buffer)
    {
        while (!buffer.IsEmpty)
        {
            var sent = await Socket.SendAsync(buffer, SocketFlags.None);
            buffer = buffer[sent..];
        }
    }

    private protected override ValueTask ShutdownSendAsync()
    {
        try
        {
            Socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
        }

        return ValueTask.CompletedTask;
    }

    private protected override void ReleaseTransport()
    {
        // The socket is the whole transport; Abort has disposed it.
    }
}
