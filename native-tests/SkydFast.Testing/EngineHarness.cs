using System.Buffers;
using System.Text;
using SkydFast.Engine;
using SkydFast.Engine.Connections;
using SkydFast.Persistence.Services;
using SkydFast.Protocol.Skyhash;
using SkydFast.Store;

namespace SkydFast.Testing;

/// <summary>One session on a store, driven without sockets: query bytes in, response bytes out.</summary>
public sealed class EngineHarness : IDisposable
{
    private readonly ArrayBufferWriter<byte> _output = new();
    private readonly SkyhashProcessor _processor;

    public EngineHarness(CoreStore? store = null, string? dataDirectory = null, SnapshotService? snapshots = null)
        : this(new ServerContext(store ?? new CoreStore(), dataDirectory, snapshots))
    {
    }

    public EngineHarness(ServerContext context)
    {
        Store = context.Store;
        Session = new Session(context);
        _processor = new SkyhashProcessor(Session, _output, ParserLimits.Default);
    }

    public CoreStore Store { get; }

    public Session Session { get; }

    /// <summary>Encodes a simple query the way every 0.7 client does.</summary>
    public static byte[] Encode(params byte[][] args)
    {
        var sb = new List<byte>();
        sb.AddRange(Encoding.ASCII.GetBytes($"*1\n~{args.Length}\n"));
        foreach (var a in args)
        {
            sb.AddRange(Encoding.ASCII.GetBytes($"{a.Length}\n"));
            sb.AddRange(a);
            sb.Add((byte)'\n');
        }

        return [.. sb];
    }

    /// <summary>Runs raw packet bytes and returns everything written. A packet with a blocking action runs on this
    /// thread, where the server would hand it to a worker.</summary>
    public byte[] Run(ReadOnlySpan<byte> packet)
    {
        _output.ResetWrittenCount();
        while (_processor.Process(packet, out var consumed, out _, out _) == ProcessOutcome.Offload)
        {
            var end = consumed + _processor.BlockingPacketLength;
            _processor.ExecuteBlocking(packet[consumed..end], _processor.BlockingStage);
            packet = packet[end..];
        }

        return _output.WrittenSpan.ToArray();
    }

    public byte[] Query(params string[] args) => Run(Encode([.. args.Select(Encoding.UTF8.GetBytes)]));

    public byte[] Query(params byte[][] args) => Run(Encode(args));

    public void Dispose() => Session.Dispose();
}
