using System.Buffers;
using System.IO.Pipelines;
using SkydFast.Protocol.Skyhash;
using SkydFast.Store;

namespace SkydFast.Engine.Connections;

/// <summary>
/// Serves one Skyhash connection over a pair of pipes: read, execute every complete packet, one flush per
/// batch (style.md, "the consumer loop"). It knows nothing of sockets; the host plugs it into the listener.
/// </summary>
public sealed class SkyhashConnectionHandler
{
    private readonly CoreStore _store;
    private readonly ParserLimits _limits;

    /// <summary>Creates a handler serving <paramref name="store"/> within <paramref name="limits"/>.</summary>
    public SkyhashConnectionHandler(CoreStore store, ParserLimits limits)
    {
        _store = store;
        _limits = limits;
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
        using var session = new Session(_store);
        var processor = new SkyhashProcessor(session, output, _limits);
        var pending = new PendingBytes();
        try
        {
            while (true)
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

                var buffer = result.Buffer;
                ProcessOutcome outcome;
                int responses;
                bool partial;
                if (pending.IsEmpty && buffer.IsSingleSegment)
                {
                    // The common case: whole queries in one segment, parsed where they lie.
                    var span = buffer.FirstSpan;
                    outcome = processor.Process(span, out var consumed, out var needed, out responses);
                    partial = consumed < span.Length;
                    pending.Needed = needed;
                    input.AdvanceTo(buffer.GetPosition(consumed), buffer.End);
                }
                else
                {
                    // A packet spread over segments: gather it into one contiguous buffer, drain the pipe, and
                    // parse again only once enough bytes have arrived for the parser to make progress.
                    pending.Append(buffer);
                    input.AdvanceTo(buffer.End);
                    outcome = ProcessOutcome.Continue;
                    responses = 0;
                    if (pending.Length >= pending.Needed)
                    {
                        outcome = processor.Process(pending.Span, out var consumed, out var needed, out responses);
                        pending.Consume(consumed);
                        pending.Needed = needed;
                    }

                    partial = !pending.IsEmpty;
                }

                if (responses > 0)
                {
                    var flush = await output.FlushAsync(CancellationToken.None);
                    if (flush.IsCompleted)
                    {
                        return;
                    }
                }

                if (outcome == ProcessOutcome.Close || result.IsCompleted)
                {
                    return;
                }

                if (partial)
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
