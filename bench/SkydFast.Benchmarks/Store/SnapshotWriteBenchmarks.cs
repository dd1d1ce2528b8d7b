using BenchmarkDotNet.Attributes;
using SkydFast.Store;

namespace SkydFast.Benchmarks.Store;

/// <summary>
/// What a snapshot costs the request path: the cut alone, and the cut plus one update of a key whose shard the
/// reader has not taken yet (the copy-on-write path a writer takes during every BGSAVE), over 1M keys of 64 bytes
/// in the default table. The difference between the two is what the first write to a pending shard costs.
/// </summary>
[MemoryDiagnoser]
public class SnapshotWriteBenchmarks
{
    private readonly CoreStore _store = new();
    private readonly byte[] _key = new byte[KeyValueSet.KeyLength];
    private readonly byte[] _value = new byte[64];

    /// <summary>10,000 keys in the allocation check (its bytes per op do not grow with the keys), 1M otherwise.</summary>
    public static IEnumerable<int> KeyCounts => [BudgetCheck.IsRunning ? 10_000 : 1_000_000];

    [ParamsSource(nameof(KeyCounts))]
    public int Keys { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        KeyValueSet.Fill(_store, Keys, _value.Length);
        KeyValueSet.WriteKey(Keys / 2, _key);
        KeyValueSet.WriteValue(_key, (byte)'w', _value);
    }

    /// <summary>Cuts a view and ends it: locks and marks every shard, then releases them.</summary>
    [Benchmark(Baseline = true)]
    public long Cut()
    {
        using var snapshot = _store.TakeSnapshot();
        return snapshot.Keyspaces.Count;
    }

    /// <summary>Cuts a view, updates one key of a pending shard, ends the view.</summary>
    [Benchmark]
    public bool CutAndFirstWrite()
    {
        using var snapshot = _store.TakeSnapshot();
        return _store.DefaultTable.Kv!.TryUpdate(_key, _value);
    }
}
