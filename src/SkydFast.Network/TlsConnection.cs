using System.Diagnostics.CodeAnalysis;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace SkydFast.Network;

/// <summary>
/// A TLS connection: the server side of the handshake, bounded by <see cref="TransportOptions.TlsHandshakeTimeout"/>,
/// then the loops of <see cref="TransportConnection"/> over the <see cref="SslStream"/>.
/// </summary>
[SuppressMessage("Design", "CA1001", Justification = "The connection's own RunAsync disposes the stream when it ends; nothing else may.")]
public sealed partial class TlsConnection : TransportConnection
{
    private readonly SslStream _tls;
    private readonly SslServerAuthenticationOptions _authentication;

    internal TlsConnection(Socket socket, SslServerAuthenticationOptions authentication, TransportOptions options, ILogger logger, CancellationToken stopping)
        : base(socket, options, logger, stopping)
    {
        _authentication = authentication;
        _tls = new SslStream(new NetworkStream(socket, ownsSocket: true), leaveInnerStreamOpen: false);
    }

    /// <summary>
    /// The handshake. Whatever goes wrong (no ClientHello within the timeout, garbage, TLS 1.1, no common cipher) ends
    /// here: the connection is dropped with no more than the alert the TLS library may send, and the listener frees its
    /// slot (DECISIONS.md 17).
    /// </summary>
    private protected override async ValueTask<bool> StartAsync()
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(Stopping);
        timeout.CancelAfter(Options.TlsHandshakeTimeout);
        try
        {
            await _tls.AuthenticateAsServerAsync(_authentication, timeout.Token);
            return true;
        }
        catch (OperationCanceledException) when (!Stopping.IsCancellationRequested)
        {
            LogHandshakeTimedOut(Logger, RemoteEndPoint, Options.TlsHandshakeTimeout.TotalSeconds);
            return false;
        }
        catch (Exception ex)
        {
            LogHandshakeFailed(Logger, RemoteEndPoint, ex.Message);
            return false;
        }
    }

    private protected override ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken token) =>
        _tls.ReadAsync(buffer, token);

    // One record per segment: a reply of several pipe segments goes out as several records, each up to 4 KiB or more.
    private protected override ValueTask SendAsync(ReadOnlyMemory<byte> buffer) => _tls.WriteAsync(buffer);

    private protected override async ValueTask ShutdownSendAsync()
    {
        try
        {
            // close_notify first, so a client can tell the end of the replies from a truncation attack; then FIN.
            // It is a write: a client that reads nothing could hold it forever, so it gets the linger time at most.
            var closing = _tls.ShutdownAsync();
            if (await Task.WhenAny(closing, Task.Delay(Options.LingerOnClose)) != closing)
            {
                Abort();
            }

            await closing;
            Socket.Shutdown(SocketShutdown.Send);
        }
        catch (Exception ex) when (ex is IOException or SocketException or ObjectDisposedException or InvalidOperationException)
        {
            // The client is gone already, or the stream failed: nothing left to say.
        }
    }

    // After both loops: disposing the stream while a read or write is pending is not allowed.
    private protected override void ReleaseTransport() => _tls.Dispose();

    [LoggerMessage(Level = LogLevel.Debug, Message = "TLS handshake with {Remote} failed: {Reason}")]
    private static partial void LogHandshakeFailed(ILogger logger, EndPoint? remote, string reason);

    [LoggerMessage(Level = LogLevel.Debug, Message = "TLS handshake with {Remote} did not finish within {Seconds} s")]
    private static partial void LogHandshakeTimedOut(ILogger logger, EndPoint? remote, double seconds);
}
