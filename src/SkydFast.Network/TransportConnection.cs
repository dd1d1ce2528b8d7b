using System.Buffers;
using System.IO.Pipelines;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace SkydFast.Network;

/// <summary>
/// One accepted connection with a receive loop filling <see cref="Input"/> and a send loop draining
/// <see cref="Output"/> (the shape of Kestrel's <c>SocketConnection</c>). The handler sees only the pipes; the
/// transport underneath is a plain socket (<see cref="SocketConnection"/>) or TLS over one (<see cref="TlsConnection"/>),
/// and both share these loops, so back-pressure, the idle timeout, stopping and the linger on close are the same.
/// </summary>
public abstract partial class TransportConnection : IListenedConnection
{
    // 4 KiB: what one receive asks the pipe for; a typical GET or SET is a few dozen bytes.
    private const int MinReceiveBuffer = 4096;

    // Written by this connection's own loops only (a plain add per read or write, never an atomic on a shared
    // counter); the metrics read them.
    private long _bytesReceived;
    private long _bytesSent;
    private readonly Pipe _input;
    private readonly Pipe _output;

    private protected TransportConnection(Socket socket, TransportOptions options, ILogger logger, CancellationToken stopping)
    {
        Socket = socket;
        Options = options;
        Logger = logger;
        Stopping = stopping;
        RemoteEndPoint = socket.RemoteEndPoint;
        // Readers resume on the thread pool, so a slow handler never runs on a socket completion;
        // writers resume inline, which keeps a flush that frees space from bouncing threads.
        _input = new Pipe(new PipeOptions(
            pool: MemoryPool<byte>.Shared,
            readerScheduler: PipeScheduler.Inline,
            writerScheduler: PipeScheduler.Inline,
            pauseWriterThreshold: options.InputPauseThreshold,
            resumeWriterThreshold: options.InputPauseThreshold / 2,
            useSynchronizationContext: false));
        _output = new Pipe(new PipeOptions(
            pool: MemoryPool<byte>.Shared,
            readerScheduler: PipeScheduler.Inline,
            writerScheduler: PipeScheduler.Inline,
            pauseWriterThreshold: options.OutputPauseThreshold,
            resumeWriterThreshold: options.OutputPauseThreshold / 2,
            useSynchronizationContext: false));
    }

    /// <summary>Bytes from the client (decrypted, on a TLS connection).</summary>
    public PipeReader Input => _input.Reader;

    /// <summary>Bytes to the client; flushing waits while too much is unsent (back-pressure).</summary>
    public PipeWriter Output => _output.Writer;

    /// <summary>The client's address.</summary>
    public EndPoint? RemoteEndPoint { get; }

    /// <summary>Bytes received from the client so far (for TLS, the decrypted bytes).</summary>
    public long BytesReceived => Volatile.Read(ref _bytesReceived);

    /// <summary>Bytes sent to the client so far (for TLS, before encryption).</summary>
    public long BytesSent => Volatile.Read(ref _bytesSent);

    /// <summary>Fires when the server stops: finish the request in hand and return.</summary>
    public CancellationToken Stopping { get; }

    /// <summary>The accepted TCP socket (under the TLS stream, on a TLS connection).</summary>
    private protected Socket Socket { get; }

    private protected TransportOptions Options { get; }

    private protected ILogger Logger { get; }

    /// <summary>
    /// Acknowledges received data at once instead of after the delayed-ACK timer (<see cref="QuickAck"/>). Over TLS
    /// each small write is a small record, so the same holds for the socket underneath.
    /// </summary>
    public void RequestQuickAck() => QuickAck.Request(Socket);

    /// <summary>Runs the loops and the handler until the connection is over; never throws.</summary>
    internal async Task RunAsync(ConnectionHandler handler)
    {
        try
        {
            if (await StartAsync())
            {
                await ServeAsync(handler);
            }
            else
            {
                Abort();
            }
        }
        finally
        {
            ReleaseTransport();
        }
    }

    /// <summary>Aborts the socket at once: pending receives and sends fail and the loops end.</summary>
    internal void Abort()
    {
        try
        {
            Socket.Dispose();
        }
        catch (ObjectDisposedException)
        {
        }
    }

    void IListenedConnection.Abort() => Abort();

    /// <summary>Readies the transport before any byte reaches the handler; false drops the connection silently.</summary>
    private protected abstract ValueTask<bool> StartAsync();

    /// <summary>Receives into <paramref name="buffer"/>: 0 means the client closed; an empty buffer waits for data.</summary>
    private protected abstract ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken token);

    /// <summary>Sends all of <paramref name="buffer"/>.</summary>
    private protected abstract ValueTask SendAsync(ReadOnlyMemory<byte> buffer);

    /// <summary>Tells the client nothing more will come (after the last reply has been sent).</summary>
    private protected abstract ValueTask ShutdownSendAsync();

    /// <summary>Frees what the transport holds besides the socket; called once, after both loops have ended.</summary>
    private protected abstract void ReleaseTransport();

    private async Task ServeAsync(ConnectionHandler handler)
    {
        var receiving = ReceiveLoopAsync();
        var sending = SendLoopAsync();
        try
        {
            await handler(this);
        }
        catch (Exception ex)
        {
            LogHandlerFailed(Logger, RemoteEndPoint, ex);
        }
        finally
        {
            // The handler is done with both pipes: let the send loop drain what it wrote, then close.
            await _input.Reader.CompleteAsync();
            await _output.Writer.CompleteAsync();
        }

        await sending;

        // FIN after the last reply; the receive loop discards what the client still sends until it closes too,
        // so the kernel does not answer unread data with a reset that could destroy that reply.
        await ShutdownSendAsync();
        await Task.WhenAny(receiving, Task.Delay(Options.LingerOnClose));
        Abort();
        await receiving;
    }

    private async Task ReceiveLoopAsync()
    {
        Exception? error = null;
        var writer = _input.Writer;
        using var idle = Options.IdleTimeout > TimeSpan.Zero ? new CancellationTokenSource() : null;
        var idleToken = idle?.Token ?? CancellationToken.None;
        try
        {
            while (true)
            {
                // Re-arming moves the one timer; nothing is allocated per receive.
                idle?.CancelAfter(Options.IdleTimeout);
                if (Options.WaitForDataBeforeAllocatingBuffer)
                {
                    await ReceiveAsync(Memory<byte>.Empty, idleToken);
                }

                var memory = writer.GetMemory(MinReceiveBuffer);
                var received = await ReceiveAsync(memory, idleToken);
                if (received == 0)
                {
                    break;
                }

                writer.Advance(received);
                Volatile.Write(ref _bytesReceived, _bytesReceived + received);
                var flush = await writer.FlushAsync();
                if (flush.IsCompleted || flush.IsCanceled)
                {
                    await DiscardUntilClosedAsync();
                    break;
                }
            }
        }
        catch (SocketException ex) when (IsConnectionEnd(ex.SocketErrorCode))
        {
            // The peer reset, or the server closed the socket: an ordinary end of a connection.
        }
        catch (ObjectDisposedException)
        {
        }
        catch (IOException)
        {
            // Only the TLS stream throws these: it wraps socket errors and records that fail to decrypt. Either way
            // the connection is over.
        }
        catch (OperationCanceledException) when (idleToken.IsCancellationRequested)
        {
            // Idle too long: end the input as if the client had closed; the handler returns and we close.
            LogIdleTimeout(Logger, RemoteEndPoint);
        }
        catch (Exception ex)
        {
            error = ex;
        }

        await writer.CompleteAsync(error);
    }

    private async Task SendLoopAsync()
    {
        var reader = _output.Reader;
        try
        {
            while (true)
            {
                var result = await reader.ReadAsync();
                var buffer = result.Buffer;
                foreach (var segment in buffer)
                {
                    await SendAsync(segment);
                    Volatile.Write(ref _bytesSent, _bytesSent + segment.Length);
                }

                reader.AdvanceTo(buffer.End);
                if (result.IsCompleted || result.IsCanceled)
                {
                    break;
                }
            }

            await reader.CompleteAsync();
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException or IOException)
        {
            // The client went away: complete the reader so a handler flushing into a full pipe is released.
            await reader.CompleteAsync(ex);
        }
    }

    /// <summary>The handler is gone: read and drop whatever arrives until the client closes or the socket is aborted.</summary>
    private async Task DiscardUntilClosedAsync()
    {
        var sink = ArrayPool<byte>.Shared.Rent(MinReceiveBuffer);
        try
        {
            while (await ReceiveAsync(sink, CancellationToken.None) > 0)
            {
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(sink);
        }
    }

    private static bool IsConnectionEnd(SocketError error) =>
        error is SocketError.ConnectionReset or SocketError.ConnectionAborted or SocketError.OperationAborted
            or SocketError.Shutdown or SocketError.Interrupted or SocketError.NotConnected;

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing idle connection {Remote}")]
    private static partial void LogIdleTimeout(ILogger logger, EndPoint? remote);

    [LoggerMessage(Level = LogLevel.Error, Message = "Connection {Remote} failed")]
    private static partial void LogHandlerFailed(ILogger logger, EndPoint? remote, Exception exception);
}
