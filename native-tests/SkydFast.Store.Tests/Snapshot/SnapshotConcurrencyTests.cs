using static SkydFast.Store.Tests.Snapshot.SnapshotReading;

namespace SkydFast.Store.Tests.Snapshot;

/// <summary>
/// The point-in-time property under real concurrency: writers run on their own threads through every cut and
/// every read, and each view must equal exactly one state the writers passed through.
/// </summary>
public sealed class SnapshotConcurrencyTests
{
    private const int Rounds = 60;

    private static (CoreStore Store, Table[] Tables) StoreWithTables(int count, TableModel model = TableModel.StrStr)
    {
        var store = new CoreStore();
        Assert.Equal(DdlResult.Okay, store.CreateKeyspace("ks"));
        var keyspace = store.GetKeyspace("ks"u8)!;
        var tables = new Table[count];
        for (var i = 0; i < count; i++)
        {
            Assert.Equal(DdlResult.Okay, store.CreateTable(keyspace, $"t{i}", model, isVolatile: false));
            tables[i] = keyspace.GetTable(B($"t{i}"))!;
        }

        return (store, tables);
    }

    [Fact]
    public void MultiTableStrongWritesAreWhollyInTheViewOrWhollyOut()
    {
        // Each writer owns a marker and 8 data keys in every table, and at step s writes all of them, in every
        // table, inside one lock of all their shards: s to every marker; the data keys removed (s % 3 == 0),
        // inserted (s % 3 == 1) or overwritten (s % 3 == 2) with s. A view is right only if every table shows
        // the same step for the writer, and that step lies between the cut's bounds.
        const int DataKeys = 8;
        var (store, created) = StoreWithTables(3);
        Table[] tables = [.. created, store.DefaultTable];
        var maps = tables.Select(t => t.Kv!).OrderBy(m => m.LockOrder).ToArray();
        var names = tables.Select(t => t.Name).ToArray();

        void Step(int w, long s)
        {
            var marker = B($"w{w}-m");
            var keys = Enumerable.Range(0, DataKeys).Select(j => B($"w{w}-k{j}")).ToArray();
            var shards = maps.Select(m => keys.Append(marker).Select(k => m.ShardOf(k)).ToArray()).ToArray();
            LockAll(maps, shards, 0, () =>
            {
                var value = B($"{s}");
                foreach (var map in maps)
                {
                    map.UpsertLocked(marker, value);
                    for (var j = 0; j < DataKeys; j++)
                    {
                        var done = (s % 3) switch
                        {
                            0 when j % 2 == 0 => map.RemoveLocked(keys[j]),
                            0 => map.TryRemoveLocked(keys[j], out _),
                            1 => map.TryInsertLocked(keys[j], value),
                            _ => UpsertedLocked(map, keys[j], value),
                        };
                        Assert.True(done);
                    }
                }
            });
        }

        using var writers = new WriterThreads(4, Step);
        for (var round = 0; round < Rounds; round++)
        {
            var before = writers.Done();
            using (var snapshot = store.TakeSnapshot())
            {
                var after = writers.Started();
                var views = tables.Select(t => Values(Find(snapshot, t == store.DefaultTable ? "default" : "ks", t.Name))).ToArray();
                for (var w = 0; w < writers.Count; w++)
                {
                    var step = views[0].TryGetValue($"w{w}-m", out var m) ? long.Parse(m) : 0;
                    Assert.InRange(step, before[w], after[w]);
                    for (var t = 0; t < views.Length; t++)
                    {
                        Assert.Equal(step == 0 ? null : $"{step}", views[t].GetValueOrDefault($"w{w}-m"));
                        for (var j = 0; j < DataKeys; j++)
                        {
                            var expected = step % 3 == 0 ? null : $"{step}";
                            Assert.True(expected == views[t].GetValueOrDefault($"w{w}-k{j}"), $"{names[t]} w{w}-k{j} at step {step}");
                        }
                    }
                }

                Assert.All(views, v => Assert.Equal(views[0].Count, v.Count));
            }

            writers.WaitForProgress(before);
        }
    }

    [Fact]
    public void SequentialSingleKeyWritesShowAsAPrefixOfTheirSequence()
    {
        // One writer per table walks its keys in order, step i writing key i % N with the write path of round
        // (i / N) % 7. A view must equal the state after exactly S steps, S between the cut's bounds.
        const int N = 64;
        var (store, tables) = StoreWithTables(3);
        foreach (var table in tables)
        {
            for (var k = 0; k < N; k++)
            {
                Assert.True(table.Kv!.TryInsert(B($"k{k}"), B("init")));
            }
        }

        // Step s (1-based) is write i = s - 1.
        void Step(int w, long s)
        {
            var i = s - 1;
            var map = tables[w].Kv!;
            var key = B($"k{i % N}");
            var value = B($"{i}");
            Assert.True(((i / N) % 7) switch
            {
                0 => Upserted(map, key, value),
                1 => map.TryUpdate(key, value),
                2 => map.TryUpdate(key, value, static v => v),
                3 => map.Remove(key),
                4 => map.TryInsert(key, value),
                5 => map.TryRemove(key, out _),
                _ => map.TryInsert(key, value, static v => v),
            });
        }

        static string? Expected(long steps, int k)
        {
            if (steps <= k)
            {
                return "init";
            }

            var last = k + (N * ((steps - 1 - k) / N));
            return ((last / N) % 7) is 3 or 5 ? null : $"{last}";
        }

        using var writers = new WriterThreads(tables.Length, Step);
        for (var round = 0; round < Rounds; round++)
        {
            var before = writers.Done();
            using (var snapshot = store.TakeSnapshot())
            {
                var after = writers.Started();
                for (var w = 0; w < tables.Length; w++)
                {
                    var view = Values(Find(snapshot, "ks", tables[w].Name));
                    var match = false;
                    for (var s = before[w]; s <= after[w] && !match; s++)
                    {
                        match = Enumerable.Range(0, N).All(k => Expected(s, k) == view.GetValueOrDefault($"k{k}"));
                    }

                    Assert.True(match, $"table {w}: the view is no state between steps {before[w]} and {after[w]}");
                }
            }

            writers.WaitForProgress(before);
        }
    }

    [Fact]
    public void TheCountDeclaredEqualsTheEntriesReadUnderConcurrentInsertsAndRemoves()
    {
        var (store, kv) = StoreWithTables(1);
        var keyspace = store.GetKeyspace("ks"u8)!;
        Assert.Equal(DdlResult.Okay, store.CreateTable(keyspace, "l", TableModel.StrListStr, isVolatile: false));
        var lists = keyspace.GetTable("l"u8)!.Lists!;
        var map = kv[0].Kv!;

        void Step(int w, long s)
        {
            var random = new Random(HashCode.Combine(w, s));
            var key = B($"k{random.Next(2000)}");
            switch (random.Next(5))
            {
                case 0:
                    map.TryInsert(key, key);
                    break;
                case 1:
                    map.Remove(key);
                    break;
                case 2:
                    lists.TryInsert(key, new StoredList([key]));
                    break;
                case 3:
                    lists.TryRemove(key, out _);
                    break;
                default:
                    using (lists.LockShardOf(key))
                    {
                        if (lists.TryGetForWriteLocked(key, out var list))
                        {
                            list.Items.Add(key);
                        }
                    }

                    break;
            }
        }

        using var writers = new WriterThreads(4, Step);
        for (var round = 0; round < 200; round++)
        {
            var before = writers.Done();
            using (var snapshot = store.TakeSnapshot())
            {
                // Values and Lists assert the declared count against the entries read.
                Assert.All(Values(Find(snapshot, "ks", "t0")), e => Assert.Equal(e.Key, e.Value));
                Assert.All(Lists(Find(snapshot, "ks", "l")), e => Assert.All(e.Value, v => Assert.Equal(e.Key, v)));
            }

            writers.WaitForProgress(before);
        }
    }

    [Fact]
    public void InPlaceListChangesAfterTheCutNeverReachTheView()
    {
        // Writer w appends s to its list at step s, after clearing it when s % 50 == 1 (so lists stay short);
        // every 7th step it also inserts and removes a stray element in the same lock. A view must show exactly
        // the list after some step S between the cut's bounds: [S - (S - 1) % 50 .. S].
        var (store, tables) = StoreWithTables(1, TableModel.StrListStr);
        var lists = tables[0].Lists!;
        const int Writers = 4;
        for (var w = 0; w < Writers; w++)
        {
            Assert.True(lists.TryInsert(B($"w{w}"), new StoredList([])));
        }

        void Step(int w, long s)
        {
            var key = B($"w{w}");
            using (lists.LockShardOf(key))
            {
                Assert.True(lists.TryGetForWriteLocked(key, out var list));
                if (s % 50 == 1)
                {
                    list.Items.Clear();
                }

                list.Items.Add(B($"{s}"));
                if (s % 7 == 0)
                {
                    list.Items.Insert(0, B("stray"));
                    list.Items.RemoveAt(0);
                }
            }
        }

        using var writers = new WriterThreads(Writers, Step);
        for (var round = 0; round < Rounds; round++)
        {
            var before = writers.Done();
            using (var snapshot = store.TakeSnapshot())
            {
                var after = writers.Started();
                var view = Lists(Find(snapshot, "ks", "t0"));
                for (var w = 0; w < Writers; w++)
                {
                    var list = view[$"w{w}"];
                    var step = list.Length == 0 ? 0 : long.Parse(list[^1]);
                    Assert.InRange(step, before[w], after[w]);
                    var first = step == 0 ? 1 : step - ((step - 1) % 50);
                    Assert.Equal(Enumerable.Range((int)first, (int)(step - first + 1)).Select(i => $"{i}"), list);
                }
            }

            writers.WaitForProgress(before);
        }
    }

    [Fact]
    public void WritersFinishWhileTheReaderIsPausedMidTable()
    {
        const int N = 5000;
        var (store, tables) = StoreWithTables(2);
        var other = tables[1];
        var map = tables[0].Kv!;
        for (var k = 0; k < N; k++)
        {
            Assert.True(map.TryInsert(B($"k{k}"), B("old")));
        }

        using var snapshot = store.TakeSnapshot();
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var entries = Find(snapshot, "ks", "t0").GetEnumerator();
        try
        {
            // The reader stops inside the first shard; the writers touch every shard, that one included.
            Assert.True(entries.MoveNext());
            seen.Add(S(entries.Current.Key), S(entries.Current.Value));
            Exception? failure = null;
            var writer = new Thread(() =>
            {
                try
                {
                    WriteEverything();
                }
                catch (Exception e)
                {
                    failure = e;
                }
            });
            writer.Start();
            Assert.True(writer.Join(TimeSpan.FromSeconds(60)), "a writer waited for the paused reader");
            Assert.Null(failure);

            while (entries.MoveNext())
            {
                seen.Add(S(entries.Current.Key), S(entries.Current.Value));
            }
        }
        finally
        {
            entries.Dispose();
        }

        Assert.Equal(N, seen.Count);
        Assert.All(seen.Values, v => Assert.Equal("old", v));
        Assert.Empty(Values(Find(snapshot, "ks", other.Name)));

        void WriteEverything()
        {
            for (var k = 0; k < N; k++)
            {
                var key = B($"k{k}");
                if (k % 2 == 0)
                {
                    map.Upsert(key, B("new"));
                }
                else
                {
                    map.Remove(key);
                }

                map.TryInsert(B($"fresh{k}"), key);
            }

            other.Clear();
        }
    }

    private static bool Upserted(ShardedMap<byte[]> map, byte[] key, byte[] value)
    {
        map.Upsert(key, value);
        return true;
    }

    private static bool UpsertedLocked(ShardedMap<byte[]> map, byte[] key, byte[] value)
    {
        map.UpsertLocked(key, value);
        return true;
    }

    // Locks the given shards of every map (maps in ascending LockOrder, as the cut does), then runs write.
    private static void LockAll(ShardedMap<byte[]>[] maps, int[][] shards, int depth, Action write)
    {
        using (maps[depth].LockShards(shards[depth].ToArray()))
        {
            if (depth + 1 < maps.Length)
            {
                LockAll(maps, shards, depth + 1, write);
            }
            else
            {
                write();
            }
        }
    }
}
