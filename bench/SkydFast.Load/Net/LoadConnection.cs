using System.Net;
using System.Net.Sockets;
using SkydFast.Load.Protocols;
using SkydFast.Load.Workload;

namespace SkydFast.Load.Net;

/// <summary>
/// One connection and its batch in flight. The request and reply buffers are allocated once, for the largest batch
/// with right replies, so a phase allocates nothing per request.
/// </summary>
internal sealed class LoadConnection : IDisposable
{
    // Room for replies that are wrong but still framed (an error word instead of a short code).
    private const int ReplySlack = 4096;

    private readonly Socket _socket;

    private LoadConnection(Socket socket, WireProtocol protocol, int maxBatch)
    {
        _socket = socket;
        Fd = (int)socket.SafeHandle.DangerousGetHandle();
        Protocol = protocol;
        Request = new byte[protocol.MaxHeaderLength + (maxBatch * protocol.MaxRequestLength)];
        Reply = new byte[protocol.MaxHeaderLength + (maxBatch * protocol.MaxReplyLength) + ReplySlack];
        Operations = new Operation[maxBatch];
        Keys = new long[maxBatch];
    }

    /// <summary>The socket's file descriptor, for epoll and libc's send and recv.</summary>
    public int Fd { get; }

    public WireProtocol Protocol { get; }

    /// <summary>The batch's bytes; <see cref="Sent"/> of <see cref="RequestLength"/> are out.</summary>
    public byte[] Request { get; }

    public int RequestLength { get; set; }

    public int Sent { get; set; }

    /// <summary>Reply bytes received for the batch: <see cref="Received"/> of them, framed up to
    /// <see cref="Scanned"/>, in which <see cref="Answered"/> replies (after the header, once
    /// <see cref="HeaderDone"/>) were checked.</summary>
    public byte[] Reply { get; }

    public int Received { get; set; }

    public int Scanned { get; set; }

    public int Answered { get; set; }

    public bool HeaderDone { get; set; }

    /// <summary>The batch's requests: <see cref="Count"/> of them.</summary>
    public Operation[] Operations { get; }

    public long[] Keys { get; }

    public int Count { get; set; }

    /// <summary>Wrong replies in the batch so far.</summary>
    public int Wrong { get; set; }

    /// <summary>When the batch was sent, in <see cref="System.Diagnostics.Stopwatch"/> ticks.</summary>
    public long SentAt { get; set; }

    /// <summary>Whether epoll also watches for room to send the rest of the batch.</summary>
    public bool WantsWrite { get; set; }

    /// <summary>The connection's index in its worker, its epoll tag.</summary>
    public int Tag { get; set; }

    /// <summary>Whether a batch is in flight.</summary>
    public bool Busy { get; set; }

    /// <summary>Why the connection stopped for good, or null.</summary>
    public string? Failure { get; set; }

    /// <summary>What the connection asks for in the current phase.</summary>
    public RequestSource? Source { get; set; }

    /// <summary>Connects to <paramref name="server"/> for batches of up to <paramref name="maxBatch"/> requests.</summary>
    public static LoadConnection Connect(IPEndPoint server, WireProtocol protocol, int maxBatch)
    {
        var socket = new Socket(server.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            // A blocking connect (loopback answers at once), then non-blocking for the event loop.
            socket.Connect(server);
            socket.Blocking = false;
            return new LoadConnection(socket, protocol, maxBatch);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>Forgets the batch's reply state, ready for the next batch.</summary>
    public void ResetReply()
    {
        Received = 0;
        Scanned = 0;
        Answered = 0;
        HeaderDone = false;
        Wrong = 0;
    }

    public void Dispose() => _socket.Dispose();
}
