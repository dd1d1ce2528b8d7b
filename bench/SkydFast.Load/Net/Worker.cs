using System.Diagnostics;
using System.Runtime.InteropServices;
using SkydFast.Load.Measurement;
using SkydFast.Load.Protocols;
using SkydFast.Network.Epoll;

namespace SkydFast.Load.Net;

/// <summary>
/// One thread's event loop over its share of the connections, like redis-benchmark's and memtier's: each connection
/// keeps one batch in flight (closed loop); when its last reply arrives and checks out, the next batch is built into
/// the same buffer and sent. Level-triggered epoll, one recv per readiness event, no allocation per batch.
/// </summary>
internal sealed class Worker : IDisposable
{
    private const int MaxEvents = 256;

    private readonly LoadConnection[] _connections;
    private readonly int _epoll;
    private readonly byte[] _events = new byte[MaxEvents * EpollNative.EventSize];
    private RunClock? _clock;
    private int _batchSize;

    /// <summary>A worker for <paramref name="connections"/> (it owns them from here on).</summary>
    public Worker(LoadConnection[] connections)
    {
        _connections = connections;
        _epoll = EpollNative.CreateEpoll();
        for (var i = 0; i < connections.Length; i++)
        {
            connections[i].Tag = i;
            Check(EpollNative.Add(_epoll, connections[i].Fd, EpollNative.In, (ulong)i));
        }
    }

    /// <summary>The current phase's warm-up counts.</summary>
    public PhaseStats Warmup { get; private set; } = new();

    /// <summary>The current phase's measured counts.</summary>
    public PhaseStats Measured { get; private set; } = new();

    /// <summary>The connections, with <see cref="LoadConnection.Failure"/> set on those that stopped.</summary>
    public IReadOnlyList<LoadConnection> Connections => _connections;

    /// <summary>Prepares a phase: fresh counts (so a progress reader sees them before the thread starts).</summary>
    public void Prepare(RunClock clock, int batchSize)
    {
        _clock = clock;
        _batchSize = batchSize;
        Warmup = new PhaseStats();
        Measured = new PhaseStats();
    }

    /// <summary>The thread body: runs the prepared phase until every connection is idle or the clock abandons it.</summary>
    public void Run()
    {
        var clock = _clock ?? throw new InvalidOperationException("Prepare first");
        var inFlight = 0;
        foreach (var connection in _connections)
        {
            if (connection.Failure is null && Start(connection, Stopwatch.GetTimestamp()))
            {
                inFlight++;
            }
        }

        while (inFlight > 0)
        {
            var now = Stopwatch.GetTimestamp();
            if (now >= clock.Abandon)
            {
                break;
            }

            // Wake up at least every 100 ms to notice the abandon time when a server stops answering.
            var timeoutMs = (int)Math.Clamp(((clock.Abandon - now) * 1000 / Stopwatch.Frequency) + 1, 1, 100);
            var count = EpollNative.Wait(_epoll, _events, timeoutMs);
            for (var i = 0; i < count; i++)
            {
                var connection = _connections[(int)EpollNative.TagOf(_events, i)];
                var events = EpollNative.EventsOf(_events, i);
                var wasBusy = connection.Busy;
                if (!wasBusy)
                {
                    // Nothing is owed to an idle connection: bytes or a hang-up now are the server's error.
                    Fail(connection, "bytes or a hang-up with no request in flight");
                    continue;
                }

                if ((events & EpollNative.Out) != 0)
                {
                    Send(connection);
                }

                if (connection.Busy && (events & (EpollNative.In | EpollNative.Err | EpollNative.Hup)) != 0)
                {
                    Receive(connection);
                }

                if (!connection.Busy)
                {
                    inFlight--;
                }
            }
        }

        foreach (var connection in _connections)
        {
            if (connection.Busy)
            {
                Fail(connection, "no complete reply before the run was abandoned");
            }
        }
    }

    public void Dispose()
    {
        EpollNative.CloseDescriptor(_epoll);
        foreach (var connection in _connections)
        {
            connection.Dispose();
        }
    }

    // Builds and sends the connection's next batch; false when the phase or the source has no more.
    private bool Start(LoadConnection connection, long now)
    {
        var wanted = _clock!.Reserve(_batchSize, now);
        if (wanted == 0 || connection.Source is not { } source)
        {
            return false;
        }

        var count = source.NextBatch(connection.Operations.AsSpan(0, wanted), connection.Keys.AsSpan(0, wanted));
        if (count == 0)
        {
            return false;
        }

        var protocol = connection.Protocol;
        var request = connection.Request.AsSpan();
        var length = protocol.WriteBatchHeader(request, count);
        for (var i = 0; i < count; i++)
        {
            length += protocol.WriteRequest(request[length..], connection.Operations[i], connection.Keys[i]);
        }

        connection.Count = count;
        connection.RequestLength = length;
        connection.Sent = 0;
        connection.ResetReply();
        connection.Busy = true;
        connection.SentAt = Stopwatch.GetTimestamp();
        Send(connection);
        return connection.Busy;
    }

    private void Send(LoadConnection connection)
    {
        var sent = EpollNative.Send(connection.Fd, connection.Request.AsSpan(connection.Sent, connection.RequestLength - connection.Sent));
        if (sent < 0)
        {
            Fail(connection, $"send: {EpollNative.Describe(sent)}");
            return;
        }

        connection.Sent += sent;
        var done = connection.Sent == connection.RequestLength;
        if (done == connection.WantsWrite)
        {
            // The socket buffer was full (a large batch): finish when epoll says it drained, then stop asking.
            connection.WantsWrite = !done;
            Check(EpollNative.Modify(_epoll, connection.Fd, done ? EpollNative.In : EpollNative.In | EpollNative.Out, (ulong)connection.Tag));
        }
    }

    private void Receive(LoadConnection connection)
    {
        var received = EpollNative.Receive(connection.Fd, connection.Reply.AsSpan(connection.Received));
        if (received == -EpollNative.EAgain)
        {
            return;
        }

        if (received == 0)
        {
            Fail(connection, "recv: the server closed the connection");
            return;
        }

        if (received < 0)
        {
            Fail(connection, $"recv: {EpollNative.Describe(received)}");
            return;
        }

        connection.Received += received;
        Scan(connection);
    }

    // Frames and checks every complete reply received so far; completes the batch after its last reply.
    private void Scan(LoadConnection connection)
    {
        var protocol = connection.Protocol;
        var bytes = connection.Reply.AsSpan(0, connection.Received);
        if (!connection.HeaderDone)
        {
            var header = protocol.ScanBatchHeader(bytes, connection.Count, out var end);
            if (header == ScanStatus.Malformed)
            {
                Malformed(connection, "a reply header that does not match the batch");
                return;
            }

            if (header == ScanStatus.NeedMore)
            {
                CheckRoom(connection);
                return;
            }

            connection.Scanned = end;
            connection.HeaderDone = true;
        }

        while (connection.Answered < connection.Count)
        {
            var status = protocol.ScanElement(bytes, connection.Scanned, out var end);
            if (status == ScanStatus.NeedMore)
            {
                CheckRoom(connection);
                return;
            }

            if (status == ScanStatus.Malformed)
            {
                Malformed(connection, "a reply that cannot be framed");
                return;
            }

            var index = connection.Answered;
            if (!protocol.IsExpected(bytes[connection.Scanned..end], connection.Operations[index], connection.Keys[index]))
            {
                connection.Wrong++;
            }

            connection.Scanned = end;
            connection.Answered++;
        }

        if (connection.Scanned != connection.Received)
        {
            Malformed(connection, "bytes after the batch's last reply");
            return;
        }

        var now = Stopwatch.GetTimestamp();
        var stats = StatsOf(connection);
        stats.Complete(connection.Count - connection.Wrong, connection.Wrong, now - connection.SentAt, now);
        connection.Busy = false;
        Start(connection, now);
    }

    private void CheckRoom(LoadConnection connection)
    {
        if (connection.Received == connection.Reply.Length)
        {
            Malformed(connection, "replies longer than any right reply to the batch");
        }
    }

    private void Malformed(LoadConnection connection, string why)
    {
        // The wrong replies found so far and the one that broke the framing; the rest of the batch is unknown.
        StatsOf(connection).Fail(connection.Wrong + 1);
        Fail(connection, why);
    }

    private PhaseStats StatsOf(LoadConnection connection) =>
        connection.SentAt < _clock!.MeasureStart ? Warmup : Measured;

    private void Fail(LoadConnection connection, string why)
    {
        connection.Busy = false;
        if (connection.Failure is null)
        {
            connection.Failure = why;
            EpollNative.Remove(_epoll, connection.Fd);
        }
    }

    private static void Check(bool done)
    {
        if (!done)
        {
            throw new IOException($"epoll_ctl: {Marshal.GetPInvokeErrorMessage(Marshal.GetLastPInvokeError())}");
        }
    }
}
