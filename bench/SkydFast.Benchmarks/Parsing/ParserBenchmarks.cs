using BenchmarkDotNet.Attributes;
using SkydFast.Protocol.Skyhash;

namespace SkydFast.Benchmarks.Parsing;

/// <summary>The parser alone: one packet in a contiguous buffer, parsed into a reused <see cref="ParsedQuery"/>.</summary>
[MemoryDiagnoser]
public class ParserBenchmarks
{
    private readonly ParsedQuery _query = new();
    private readonly byte[] _get = Packets.Simple("GET", "user:1000");
    private readonly byte[] _set = Packets.Simple(["SET"u8.ToArray(), "user:1000"u8.ToArray(), Packets.Value]);
    private readonly byte[] _pipeline = Packets.Pipeline(16, "GET", "user:1000");

    [Benchmark]
    public int ParseGet() => Parse(_get);

    [Benchmark]
    public int ParseSet() => Parse(_set);

    [Benchmark]
    public int ParsePipeline16() => Parse(_pipeline);

    private int Parse(byte[] packet)
    {
        var status = SkyhashParser.Parse(packet, _query, ParserLimits.Default, out var consumed, out _);
        return status == ParseStatus.Complete ? consumed : throw new InvalidOperationException(status.ToString());
    }
}
