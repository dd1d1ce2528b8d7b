using System.Buffers;
using SkydFast.Engine.Dispatch;
using SkydFast.Protocol.Responses;
using SkydFast.Protocol.Skyhash;

namespace SkydFast.Engine.Connections;

/// <summary>What the connection does after a batch of input was processed.</summary>
public enum ProcessOutcome : byte
{
    /// <summary>Keep the connection and read more bytes.</summary>
    Continue,

    /// <summary>A parse error was answered; close the connection (DECISIONS.md 1).</summary>
    Close,

    /// <summary>
    /// The next packet, <see cref="SkyhashProcessor.BlockingPacketLength"/> bytes at the consumed offset, reached a
    /// blocking action at stage <see cref="SkyhashProcessor.BlockingStage"/> (the stages before it are answered):
    /// run the rest with <see cref="SkyhashProcessor.ExecuteBlocking"/> on a worker thread, then go on after it.
    /// </summary>
    Offload,
}

/// <summary>
/// The whole request path without a socket: bytes in, every complete packet executed, response bytes out.
/// The async connection loop and the session benchmarks both drive this one method.
/// </summary>
public sealed class SkyhashProcessor
{
    private readonly ParsedQuery _query = new();
    private readonly ResponseWriter _writer;
    private readonly Session _session;
    private readonly ParserLimits _limits;

    /// <summary>Creates a processor for one connection's session, writing to <paramref name="output"/>.</summary>
    public SkyhashProcessor(Session session, IBufferWriter<byte> output, ParserLimits limits)
    {
        _session = session;
        _writer = new ResponseWriter(output);
        session.Statistics.Writer = _writer;
        _limits = limits;
    }

    /// <summary>After <see cref="ProcessOutcome.Offload"/>: the length of the packet to finish off the I/O loop.</summary>
    public int BlockingPacketLength { get; private set; }

    /// <summary>After <see cref="ProcessOutcome.Offload"/>: the stage of that packet to resume at.</summary>
    public int BlockingStage { get; private set; }

    /// <summary>
    /// Executes every complete packet at the start of <paramref name="buffer"/> (DECISIONS.md 3: no response
    /// lag), writing one response packet each, up to a packet with a blocking action
    /// (<see cref="ProcessOutcome.Offload"/>).
    /// </summary>
    /// <param name="buffer">The connection's unconsumed bytes.</param>
    /// <param name="consumed">How many bytes the executed packets took.</param>
    /// <param name="needed">
    /// When the rest is an incomplete packet: how many unconsumed bytes it takes before parsing again is useful.
    /// </param>
    /// <param name="responses">How many response packets were written.</param>
    public ProcessOutcome Process(ReadOnlySpan<byte> buffer, out int consumed, out long needed, out int responses)
    {
        consumed = 0;
        needed = 0;
        responses = 0;
        while (consumed < buffer.Length)
        {
            var rest = buffer[consumed..];
            var status = SkyhashParser.Parse(rest, _query, _limits, out var length, out needed);
            switch (status)
            {
                case ParseStatus.Complete:
                    var stopped = Dispatcher.Execute(_query, rest[..length], _session, _writer, mayBlock: false);
                    if (stopped >= 0)
                    {
                        BlockingPacketLength = length;
                        BlockingStage = stopped;
                        return ProcessOutcome.Offload;
                    }

                    consumed += length;
                    responses++;
                    needed = 0;
                    break;
                case ParseStatus.NotEnough:
                    return ProcessOutcome.Continue;
                case ParseStatus.UnknownDatatype:
                    _writer.WriteProtocolError(Responses.UnknownDataTypePacket);
                    _session.Statistics.ProtocolErrors++;
                    responses++;
                    return ProcessOutcome.Close;
                case ParseStatus.DatatypeParseFailure:
                    _writer.WriteProtocolError(Responses.DatatypeParseFailurePacket);
                    _session.Statistics.ProtocolErrors++;
                    responses++;
                    return ProcessOutcome.Close;
                default:
                    _writer.WriteProtocolError(Responses.PacketErrorPacket);
                    _session.Statistics.ProtocolErrors++;
                    responses++;
                    return ProcessOutcome.Close;
            }
        }

        return ProcessOutcome.Continue;
    }

    /// <summary>
    /// Finishes a packet that <see cref="Process"/> left for a worker thread (a copy of its bytes, since the receive
    /// buffer moves on) from stage <paramref name="stage"/> on, writing the rest of its response. The connection must
    /// not process anything else meanwhile: the session and the writer are its own.
    /// </summary>
    public void ExecuteBlocking(ReadOnlySpan<byte> packet, int stage)
    {
        var status = SkyhashParser.Parse(packet, _query, _limits, out var length, out _);
        if (status != ParseStatus.Complete || length != packet.Length)
        {
            throw new ArgumentException("not one complete packet", nameof(packet));
        }

        Dispatcher.Resume(_query, packet, _session, _writer, stage);
    }
}
