using System.Text;
using BenchmarkDotNet.Attributes;
using SkydFast.Store;

namespace SkydFast.Benchmarks.Store;

/// <summary>The store's map alone: 100,000 keys in the default 64 shards, uncontended.</summary>
[MemoryDiagnoser]
public class ShardedMapBenchmarks
{
    private const int Keys = 100_000;

    private readonly ShardedMap<byte[]> _map = new();
    private readonly byte[] _present = Encoding.ASCII.GetBytes("key:54321");
    private readonly byte[] _absent = Encoding.ASCII.GetBytes("key:none");
    private readonly byte[] _value = Packets.Value;

    [GlobalSetup]
    public void Setup()
    {
        for (var i = 0; i < Keys; i++)
        {
            _map.TryInsert(Encoding.ASCII.GetBytes($"key:{i}"), Packets.Value);
        }
    }

    [Benchmark]
    public bool TryGetValueHit() => _map.TryGetValue(_present, out _);

    [Benchmark]
    public bool TryGetValueMiss() => _map.TryGetValue(_absent, out _);

    /// <summary>Inserts a new key (the map copies the key) and removes it again, so every op inserts.</summary>
    [Benchmark]
    public bool TryInsertNewKey() => _map.TryInsert(_absent, _value) && _map.Remove(_absent);

    [Benchmark]
    public bool TryInsertExistingKey() => _map.TryInsert(_present, _value);

    [Benchmark]
    public bool TryUpdate() => _map.TryUpdate(_present, _value);
}
