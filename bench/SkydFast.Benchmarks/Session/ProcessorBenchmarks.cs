using System.Buffers;
using System.Text;
using BenchmarkDotNet.Attributes;
using SkydFast.Engine.Connections;
using SkydFast.Protocol.Skyhash;
using SkydFast.Store;

namespace SkydFast.Benchmarks.Session;

/// <summary>
/// The whole request path without a socket: query bytes into <see cref="SkyhashProcessor"/>, response bytes
/// out into a buffer reset every op. Each setup runs its query once and checks the answer, so a benchmark
/// measures the path its name says (SET on a present key answers code 2, for instance).
/// </summary>
[MemoryDiagnoser]
public class ProcessorBenchmarks
{
    private static readonly string StoredValue = Encoding.ASCII.GetString(Packets.Value);

    private readonly ArrayBufferWriter<byte> _output = new(4096);
    private readonly byte[] _getHit = Packets.Simple("GET", "bench");
    private readonly byte[] _getMiss = Packets.Simple("GET", "absent");
    private readonly byte[] _getPipeline = Packets.Pipeline(16, "GET", "bench");
    private readonly byte[] _setOverwrite = Packets.Simple(["SET"u8.ToArray(), "bench"u8.ToArray(), Packets.Value]);
    private readonly byte[] _update = Packets.Simple(["UPDATE"u8.ToArray(), "bench"u8.ToArray(), Packets.Value]);
    private readonly byte[] _uset = Packets.Simple(["USET"u8.ToArray(), "bench"u8.ToArray(), Packets.Value]);
    private SkyhashProcessor _processor = null!;
    private SkydFast.Engine.Session _session = null!;

    [GlobalSetup(Target = nameof(GetHit))]
    public void SetupGetHit() => Prepare(_getHit, $"*1\n?64\n{StoredValue}\n");

    [GlobalSetup(Target = nameof(GetMiss))]
    public void SetupGetMiss() => Prepare(_getMiss, "*1\n!1\n1\n");

    [GlobalSetup(Target = nameof(GetPipeline16))]
    public void SetupGetPipeline16() => Prepare(_getPipeline, "*16\n" + string.Concat(Enumerable.Repeat($"?64\n{StoredValue}\n", 16)));

    [GlobalSetup(Target = nameof(SetOverwrite))]
    public void SetupSetOverwrite() => Prepare(_setOverwrite, "*1\n!1\n2\n");

    [GlobalSetup(Target = nameof(Update))]
    public void SetupUpdate() => Prepare(_update, "*1\n!1\n0\n");

    [GlobalSetup(Target = nameof(USet))]
    public void SetupUSet() => Prepare(_uset, "*1\n:1\n1\n");

    [GlobalCleanup]
    public void Cleanup() => _session.Dispose();

    [Benchmark]
    public int GetHit() => Run(_getHit);

    [Benchmark]
    public int GetMiss() => Run(_getMiss);

    [Benchmark]
    public int GetPipeline16() => Run(_getPipeline);

    [Benchmark]
    public int SetOverwrite() => Run(_setOverwrite);

    [Benchmark]
    public int Update() => Run(_update);

    [Benchmark]
    public int USet() => Run(_uset);

    private int Run(byte[] packet)
    {
        _output.ResetWrittenCount();
        _processor.Process(packet, out var consumed, out _, out _);
        return consumed;
    }

    /// <summary>A fresh store holding <c>bench</c>, then one run of <paramref name="packet"/> checked against <paramref name="expected"/>.</summary>
    private void Prepare(byte[] packet, string expected)
    {
        var store = new CoreStore();
        store.DefaultTable.Kv!.TryInsert("bench"u8, Packets.Value);
        _session = new SkydFast.Engine.Session(store);
        _processor = new SkyhashProcessor(_session, _output, ParserLimits.Default);
        Run(packet);
        var answer = Encoding.Latin1.GetString(_output.WrittenSpan);
        if (answer != expected)
        {
            throw new InvalidOperationException($"unexpected answer {answer.Replace("\n", "\\n", StringComparison.Ordinal)}");
        }
    }
}
