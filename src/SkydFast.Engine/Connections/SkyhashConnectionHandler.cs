using System.Buffers;
using System.IO.Pipelines;
using SkydFast.Protocol.Skyhash;

namespace SkydFast.Engine.Connections;

/// <summary>
/// Serves one Skyhash connection over a pair of pipes: read, execute every complete packet, one flush per
/// batch (style.md, "the consumer loop"). It knows nothing of sockets; the host plugs it into the listener. A packet
/// with a blocking action (MKSNAP) runs on the <see cref="BlockingWorkers"/> while the connection awaits it.
/// </summary>
public sealed class SkyhashConnectionHandler : IDisposable
{
    private readonly ServerContext _server;
    private readonly ParserLimits _limits;
    private readonly BlockingWorkers _workers;

    /// <summary>Creates a handler serving <paramref name="server"/>'s store within <paramref name="limits"/>.</summary>
    /// <param name="server">The store and the server's persistence (MKSNAP, SYS METRIC storage).</param>
    /// <param name="limits">Packet limits.</param>
    /// <param name="blockingThreads">Worker threads for blocking actions; default
    /// <see cref="BlockingWorkers.DefaultThreads"/>.</param>
    public SkyhashConnectionHandler(ServerContext server, ParserLimits limits, int? blockingThreads = null)
    {
        _server = server;
        _limits = limits;
        _workers = new BlockingWorkers(blockingThreads ?? BlockingWorkers.DefaultThreads);
    }

    /// <summary>
    /// Runs until the peer closes, a parse error closes the connection, or <paramref name="stopping"/> fires
    /// (the packet in hand is finished first: cancellation only interrupts a wait for more bytes).
    /// </summary>
    /// <param name="input">Bytes from the client.</param>
    /// <param name="output">Bytes to the client.</param>
    /// <param name="incompletePacket">
    /// Called when a read ended inside a packet: the client is most likely writing one query in several small
    /// writes, and acknowledging at once spares it a delayed-ACK stall (the host sets TCP_QUICKACK).
    /// </param>
    /// <param name="stopping">Server shutdown.</param>
    public async Task RunAsync(PipeReader input, PipeWriter output, Action? incompletePacket, CancellationToken stopping)
    {
        using var session = new Session(_server);
        var processor = new SkyhashProcessor(session, output, _limits);
        var pending = new PendingBytes();
        try
        {
            // After a blocking packet taken from the pending buffer, what followed it is still there, already read.
            var drainPending = false;
            while (true)
            {
                var batch = default(Batch);
                var completed = false;
                if (drainPending)
                {
                    drainPending = false;
                    batch = ProcessPending(processor, pending);
                }
                else
                {
                    ReadResult result;
                    try
                    {
                        result = await input.ReadAsync(stopping);
                    }
                    catch (OperationCanceledException)
                    {
                        return;
                    }

                    if (result.IsCanceled)
                    {
                        return;
                    }

                    completed = result.IsCompleted;
                    batch = Process(processor, pending, input, result.Buffer);
                }

                if (batch.Blocking is { } packet)
                {
                    // The answers before it go out now: the blocking one may take seconds.
                    if (batch.Responses > 0 && (await output.FlushAsync(CancellationToken.None)).IsCompleted)
                    {
                        return;
                    }

                    await RunBlockingAsync(processor, packet, batch.BlockingLength, batch.BlockingStage);
                    batch = batch with { Responses = 1 };
                    drainPending = !pending.IsEmpty;
                }

                if (batch.Responses > 0)
                {
                    var flush = await output.FlushAsync(CancellationToken.None);
                    if (flush.IsCompleted)
                    {
                        return;
                    }
                }

                if (batch.Outcome == ProcessOutcome.Close || (completed && !drainPending && batch.Blocking is null))
                {
                    return;
                }

                if (batch.Partial && batch.Blocking is null)
                {
                    incompletePacket?.Invoke();
                }
            }
        }
        finally
        {
            pending.Dispose();
        }
    }

    // Its own method: a lambda in the loop would capture loop variables, and C# allocates their closure on every
    // pass through the loop (measured: 57 B per GET round trip), not only when a blocking packet comes.
    private async Task RunBlockingAsync(SkyhashProcessor processor, byte[] packet, int length, int stage)
    {
        try
        {
            await _workers.RunAsync(() => processor.ExecuteBlocking(packet.AsSpan(0, length), stage));
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(packet);
        }
    }

    /// <summary>
    /// A session for a connection served by an event loop, writing to <paramref name="output"/> and calling
    /// <paramref name="resume"/> when a blocking packet is done (with what it threw, if it did).
    /// </summary>
    public SkyhashSession CreateSession(IBufferWriter<byte> output, Action<Exception?> resume) =>
        new(_server, _limits, _workers, output, resume);

    /// <summary>Stops the blocking workers once their queued work is done.</summary>
    public void Dispose() => _workers.Dispose();

    private static Batch Process(SkyhashProcessor processor, PendingBytes pending, PipeReader input, in ReadOnlySequence<byte> buffer)
    {
        if (pending.IsEmpty && buffer.IsSingleSegment)
        {
            // The common case: whole queries in one segment, parsed where they lie.
            var span = buffer.FirstSpan;
            var outcome = processor.Process(span, out var consumed, out var needed, out var responses);
            pending.Needed = needed;
            if (outcome == ProcessOutcome.Offload)
            {
                var length = processor.BlockingPacketLength;
                var copy = Copy(span.Slice(consumed, length));
                consumed += length;
                // Nothing after the blocking packet was examined: the next read returns what is buffered at once.
                input.AdvanceTo(buffer.GetPosition(consumed));
                return new Batch(outcome, responses, consumed < span.Length, copy, length, processor.BlockingStage);
            }

            input.AdvanceTo(buffer.GetPosition(consumed), buffer.End);
            return new Batch(outcome, responses, consumed < span.Length, null, 0, 0);
        }

        // A packet spread over segments: gather it into one contiguous buffer, drain the pipe, and parse again only
        // once enough bytes have arrived for the parser to make progress.
        pending.Append(buffer);
        input.AdvanceTo(buffer.End);
        return pending.Length >= pending.Needed ? ProcessPending(processor, pending) : new Batch(ProcessOutcome.Continue, 0, true, null, 0, 0);
    }

    private static Batch ProcessPending(SkyhashProcessor processor, PendingBytes pending)
    {
        var outcome = processor.Process(pending.Span, out var consumed, out var needed, out var responses);
        byte[]? copy = null;
        var length = 0;
        if (outcome == ProcessOutcome.Offload)
        {
            length = processor.BlockingPacketLength;
            copy = Copy(pending.Span.Slice(consumed, length));
            consumed += length;
            needed = 0;
        }

        pending.Consume(consumed);
        pending.Needed = needed;
        return new Batch(outcome, responses, !pending.IsEmpty, copy, length, processor.BlockingStage);
    }

    /// <summary>A pooled copy of a blocking packet, for the worker that runs it after the receive buffer moved on.</summary>
    internal static byte[] Copy(ReadOnlySpan<byte> packet)
    {
        var copy = ArrayPool<byte>.Shared.Rent(packet.Length);
        packet.CopyTo(copy);
        return copy;
    }

    /// <summary>What one pass over the input did.</summary>
    /// <param name="Outcome">Go on, close, or run <paramref name="Blocking"/> first.</param>
    /// <param name="Responses">Response packets written.</param>
    /// <param name="Partial">The input ended inside a packet.</param>
    /// <param name="Blocking">A pooled copy of the packet to run on a worker, or null.</param>
    /// <param name="BlockingLength">Its length.</param>
    /// <param name="BlockingStage">The stage to resume it at.</param>
    private readonly record struct Batch(ProcessOutcome Outcome, int Responses, bool Partial, byte[]? Blocking, int BlockingLength, int BlockingStage);

    /// <summary>The pooled contiguous buffer of a packet that did not arrive in one segment.</summary>
    private sealed class PendingBytes : IDisposable
    {
        private byte[]? _array;
        private int _length;

        public bool IsEmpty => _length == 0;

        public int Length => _length;

        /// <summary>Unconsumed bytes required before parsing again is useful.</summary>
        public long Needed { get; set; }

        public ReadOnlySpan<byte> Span => _array.AsSpan(0, _length);

        public void Append(in ReadOnlySequence<byte> data)
        {
            var required = _length + (int)data.Length;
            if (_array is null || _array.Length < required)
            {
                // Grows with bytes received only; the parser caps a packet at MaxQuerySize.
                var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(required, (_array?.Length ?? 2048) * 2));
                Span.CopyTo(bigger);
                Return();
                _array = bigger;
            }

            data.CopyTo(_array.AsSpan(_length));
            _length = required;
        }

        public void Consume(int count)
        {
            if (count == 0)
            {
                return;
            }

            _length -= count;
            if (_length == 0)
            {
                // Back to parsing in place: an idle connection holds no buffer.
                Return();
                return;
            }

            _array.AsSpan(count, _length).CopyTo(_array);
        }

        public void Dispose()
        {
            Return();
            _length = 0;
        }

        private void Return()
        {
            if (_array is not null)
            {
                ArrayPool<byte>.Shared.Return(_array);
                _array = null;
            }
        }
    }
}
