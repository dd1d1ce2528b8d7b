using System.Text;

namespace SkydFast.Store.Tests;

/// <summary>The sharded map: single-key operations, span lookups, shard locking and concurrent writers.</summary>
public sealed class ShardedMapTests
{
    private static byte[] B(string s) => Encoding.UTF8.GetBytes(s);

    private static string? Get(ShardedMap<byte[]> map, string key) =>
        map.TryGetValue(B(key), out var v) ? Encoding.UTF8.GetString(v) : null;

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-4)]
    public void ShardCountMustBeAPowerOfTwo(int count) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new ShardedMap<byte[]>(count));

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(64)]
    public void ShardOfIsWithinRangeAndStable(int count)
    {
        var map = new ShardedMap<byte[]>(count);
        Assert.Equal(count, map.ShardCount);
        for (var i = 0; i < 500; i++)
        {
            var key = B("key" + i);
            var shard = map.ShardOf(key);
            Assert.InRange(shard, 0, count - 1);
            Assert.Equal(shard, map.ShardOf(key.AsSpan()));
        }
    }

    [Fact]
    public void TryInsertAddsOnlyAbsentKeys()
    {
        var map = new ShardedMap<byte[]>();
        Assert.True(map.TryInsert(B("a"), B("1")));
        Assert.False(map.TryInsert(B("a"), B("2")));
        Assert.Equal("1", Get(map, "a"));
        Assert.Equal(1, map.Count);
    }

    [Fact]
    public void TryUpdateReplacesOnlyPresentKeys()
    {
        var map = new ShardedMap<byte[]>();
        Assert.False(map.TryUpdate(B("a"), B("1")));
        Assert.Null(Get(map, "a"));
        Assert.True(map.TryInsert(B("a"), B("1")));
        Assert.True(map.TryUpdate(B("a"), B("2")));
        Assert.Equal("2", Get(map, "a"));
        Assert.Equal(1, map.Count);
    }

    [Fact]
    public void FactoryWritesMakeTheValueOnlyWhenTheyStoreIt()
    {
        var map = new ShardedMap<byte[]>(4);
        var made = 0;
        byte[] Make(ReadOnlySpan<byte> v)
        {
            made++;
            return v.ToArray();
        }

        Assert.False(map.TryUpdate(B("k"), "v0"u8, Make));
        Assert.Equal(0, made);
        Assert.True(map.TryInsert(B("k"), "v1"u8, Make));
        Assert.Equal(1, made);
        Assert.False(map.TryInsert(B("k"), "v2"u8, Make));
        Assert.Equal(1, made);
        Assert.Equal("v1", Get(map, "k"));
        Assert.True(map.TryUpdate(B("k"), "v3"u8, Make));
        Assert.Equal(2, made);
        Assert.Equal("v3", Get(map, "k"));
    }

    [Fact]
    public void AFailingFactoryLeavesNoEntryBehind()
    {
        var map = new ShardedMap<byte[]>(4);
        Assert.Throws<InvalidOperationException>(() =>
            map.TryInsert(B("k"), 0, static _ => throw new InvalidOperationException("no memory")));
        Assert.False(map.ContainsKey(B("k")));
        Assert.Equal(0, map.Count);
        Assert.True(map.TryInsert(B("k"), B("v")));
    }

    [Fact]
    public void UpsertInsertsThenReplaces()
    {
        var map = new ShardedMap<byte[]>();
        map.Upsert(B("a"), B("1"));
        map.Upsert(B("a"), B("2"));
        Assert.Equal("2", Get(map, "a"));
        Assert.Equal(1, map.Count);
    }

    [Fact]
    public void RemoveAndTryRemoveReportPresence()
    {
        var map = new ShardedMap<byte[]>();
        map.Upsert(B("a"), B("1"));
        map.Upsert(B("b"), B("2"));
        Assert.True(map.Remove(B("a")));
        Assert.False(map.Remove(B("a")));
        Assert.True(map.TryRemove(B("b"), out var old));
        Assert.Equal("2", Encoding.UTF8.GetString(old));
        Assert.False(map.TryRemove(B("b"), out _));
        Assert.Equal(0, map.Count);
    }

    [Fact]
    public void ContainsKeyAndCountFollowWrites()
    {
        var map = new ShardedMap<byte[]>(4);
        for (var i = 0; i < 100; i++)
        {
            Assert.True(map.TryInsert(B("k" + i), B("v")));
        }

        Assert.Equal(100, map.Count);
        Assert.True(map.ContainsKey(B("k42")));
        Assert.False(map.ContainsKey(B("k100")));
    }

    [Fact]
    public void ClearEmptiesEveryShard()
    {
        var map = new ShardedMap<byte[]>(8);
        for (var i = 0; i < 50; i++)
        {
            map.Upsert(B("k" + i), B("v"));
        }

        map.Clear();
        Assert.Equal(0, map.Count);
        Assert.False(map.ContainsKey(B("k1")));
    }

    [Fact]
    public void CopyKeysReturnsEveryKeyUpToTheLimit()
    {
        var map = new ShardedMap<byte[]>(8);
        var expected = Enumerable.Range(0, 40).Select(i => "k" + i).ToHashSet();
        foreach (var k in expected)
        {
            map.Upsert(B(k), B("v"));
        }

        var all = new List<byte[]>();
        map.CopyKeys(all, long.MaxValue);
        Assert.Equal(expected, all.Select(Encoding.UTF8.GetString).ToHashSet());
        Assert.Equal(40, all.Count);

        var some = new List<byte[]>();
        map.CopyKeys(some, 7);
        Assert.Equal(7, some.Count);
        Assert.Subset(expected, some.Select(Encoding.UTF8.GetString).ToHashSet());

        var none = new List<byte[]>();
        map.CopyKeys(none, 0);
        Assert.Empty(none);
    }

    [Fact]
    public void SpanLookupsMatchOnBytesAndStoreACopyOfTheKey()
    {
        var map = new ShardedMap<byte[]>();
        var buffer = B("xxkeyxx");
        Assert.True(map.TryInsert(buffer.AsSpan(2, 3), B("v")));

        // The caller's buffer is reused for the next request: the stored key must not change with it.
        buffer.AsSpan().Fill((byte)'z');
        Assert.True(map.ContainsKey("key"u8));
        Assert.True(map.TryGetValue("key"u8, out _));
        Assert.False(map.ContainsKey("zzz"u8));
        Assert.False(map.ContainsKey("ke"u8));
        Assert.False(map.ContainsKey("keyx"u8));
    }

    [Fact]
    public void BinaryAndEmptyKeysAreDistinct()
    {
        var map = new ShardedMap<byte[]>();
        Assert.True(map.TryInsert([], B("empty")));
        Assert.True(map.TryInsert([0], B("zero")));
        Assert.True(map.TryInsert([0, 0], B("zerozero")));
        Assert.True(map.TryInsert([0xFF, (byte)'\n'], B("bin")));
        Assert.Equal(4, map.Count);
        Assert.True(map.TryGetValue([0, 0], out var v));
        Assert.Equal("zerozero", Encoding.UTF8.GetString(v));
    }

    [Fact]
    public void LockShardsSortsAndDeduplicatesInPlace()
    {
        var map = new ShardedMap<byte[]>(8);
        Span<int> shards = [5, 3, 5, 1, 3, 7, 1];
        using (map.LockShards(shards))
        {
            Assert.Equal([1, 3, 5, 7], shards[..4].ToArray());
        }
    }

    [Fact]
    public void LockedOperationsWorkUnderHeldShards()
    {
        var map = new ShardedMap<byte[]>(16);
        map.Upsert(B("present"), B("1"));
        byte[][] keys = [B("present"), B("new"), B("gone")];
        map.Upsert(B("gone"), B("x"));
        Span<int> shards = [map.ShardOf(keys[0]), map.ShardOf(keys[1]), map.ShardOf(keys[2])];
        using (map.LockShards(shards))
        {
            Assert.True(map.TryGetLocked(keys[0], out var v));
            Assert.Equal("1", Encoding.UTF8.GetString(v));
            Assert.True(map.ContainsKeyLocked(keys[0]));
            Assert.False(map.ContainsKeyLocked(keys[1]));
            Assert.True(map.TryInsertLocked(keys[1], B("n")));
            Assert.False(map.TryInsertLocked(keys[1], B("m")));
            map.UpsertLocked(keys[0], B("2"));
            Assert.True(map.RemoveLocked(keys[2]));
            Assert.False(map.RemoveLocked(keys[2]));
            Assert.True(map.TryRemoveLocked(keys[1], out var removed));
            Assert.Equal("n", Encoding.UTF8.GetString(removed));
            Assert.False(map.TryRemoveLocked(keys[1], out _));
        }

        Assert.Equal("2", Get(map, "present"));
        Assert.Equal(1, map.Count);
    }

    [Fact]
    public async Task DisposingTheGuardReleasesEveryShardForOtherThreads()
    {
        var map = new ShardedMap<byte[]>(4);
        Span<int> all = [0, 1, 2, 3, 0];
        var guard = map.LockShards(all);
        map.UpsertLocked(B("mine"), B("1"));
        guard.Dispose();
        guard.Dispose();

        // Another thread can now write to every shard (it would block forever if a lock were still held).
        await Task.Run(() =>
        {
            for (var i = 0; i < 64; i++)
            {
                map.Upsert(B("other" + i), B("v"));
            }
        });
        Assert.Equal(65, map.Count);

        using (map.LockShardOf(B("mine")))
        {
            Assert.True(map.ContainsKeyLocked(B("mine")));
        }

        await Task.Run(() => map.Upsert(B("mine"), B("2")));
        Assert.Equal("2", Get(map, "mine"));
    }

    [Fact]
    public async Task ConcurrentInsertsFromSeveralThreadsAreAllKept()
    {
        const int threads = 8;
        const int perThread = 5000;
        var map = new ShardedMap<byte[]>(16);
        var inserted = new int[threads];
        await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(() =>
        {
            for (var i = 0; i < perThread; i++)
            {
                // Half the keys are shared by every thread: exactly one insert of each may win.
                var key = i % 2 == 0 ? $"shared{i}" : $"t{t}-{i}";
                if (map.TryInsert(B(key), B(t.ToString(System.Globalization.CultureInfo.InvariantCulture))))
                {
                    inserted[t]++;
                }
            }
        })));

        var expected = (perThread / 2) + (threads * perThread / 2);
        Assert.Equal(expected, map.Count);
        Assert.Equal(expected, inserted.Sum());
    }

    [Fact]
    public async Task ConcurrentGroupWritersUnderLockShardsNeverDeadlockAndStayConsistent()
    {
        const int threads = 8;
        var map = new ShardedMap<byte[]>(8);
        var keys = Enumerable.Range(0, 6).Select(i => B("g" + i)).ToArray();
        await Task.WhenAll(Enumerable.Range(0, threads).Select(t => Task.Run(() =>
        {
            var random = new Random(t);
            Span<int> shards = stackalloc int[3];
            for (var n = 0; n < 2000; n++)
            {
                // Each writer locks three keys given in a random order; the map orders the locks.
                var group = keys.OrderBy(_ => random.Next()).Take(3).ToArray();
                for (var i = 0; i < 3; i++)
                {
                    shards[i] = map.ShardOf(group[i]);
                }

                var value = B($"{t}-{n}");
                using (map.LockShards(shards))
                {
                    foreach (var key in group)
                    {
                        map.UpsertLocked(key, value);
                    }
                }
            }
        })));

        Assert.Equal(6, map.Count);
    }
}
