using static SkydFast.Store.Tests.Snapshot.SnapshotReading;

namespace SkydFast.Store.Tests.Snapshot;

/// <summary>
/// A reader copies a large key/value shard a slice of slots per hold of its lock, and a writer thread changes the
/// shard between the holds: the copy must still equal the shard at the cut exactly. One shard of many thousand
/// slots, so every read takes dozens of holds.
/// </summary>
public sealed class SlicedReadTests
{
    private const int Keys = 4_000;
    private const int Rounds = 300;

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AShardCopiedInSlicesWhileAWriterRunsIsTheShardAtTheCut(bool removals)
    {
        // Without removals no entry moves, so the reads stay sliced; with them, reads that saw a move start over.
        var map = new ShardedMap<byte[]>(shardCount: 1);
        var model = new Dictionary<string, byte[]>(StringComparer.Ordinal);
        for (var i = 0; i < Keys; i++)
        {
            Assert.True(map.TryInsert(B($"k{i}"), B($"v{i}")));
            model.Add($"k{i}", B($"v{i}"));
        }

        ISnapshotSource source = map;
        var scratch = new ShardCapture();
        using var stop = new CancellationTokenSource();
        var writes = 0L;
        Exception? failed = null;
        var writer = new Thread(() =>
        {
            try
            {
                Write(map, model, removals, stop.Token, ref writes);
            }
            catch (Exception e)
            {
                failed = e;
            }
        });
        writer.Start();
        try
        {
            for (var round = 0; round < Rounds; round++)
            {
                var before = Interlocked.Read(ref writes);
                var counts = new int[1];
                Dictionary<string, string> expected;
                source.EnterAll();
                try
                {
                    // The writer changes the model under the shard lock too, so this is the state at the cut.
                    source.MarkLocked(counts);
                    expected = model.ToDictionary(p => p.Key, p => S(p.Value), StringComparer.Ordinal);
                }
                finally
                {
                    source.ExitAll();
                }

                var capture = source.Take(0, scratch);
                var seen = new Dictionary<string, string>(StringComparer.Ordinal);
                for (var i = 0; i < capture.Count; i++)
                {
                    Assert.True(seen.TryAdd(S(capture.Key(i)), S(capture.Value(i))), $"round {round}: a key read twice");
                }

                Assert.Equal(counts[0], capture.Count);
                Assert.Equal(expected, seen);
                source.End();
                scratch.Clear();

                // The next cut comes after the writer had its turn, so reads overlap writes.
                SpinWait.SpinUntil(() => Interlocked.Read(ref writes) > before + 50, TimeSpan.FromSeconds(10));
            }
        }
        finally
        {
            stop.Cancel();
            writer.Join();
        }

        Assert.Null(failed);
    }

    private static void Write(ShardedMap<byte[]> map, Dictionary<string, byte[]> model, bool removals, CancellationToken stop, ref long writes)
    {
        var random = new Random(11);
        while (!stop.IsCancellationRequested)
        {
            var name = $"k{random.Next(Keys + (Keys / 4))}";
            var key = B(name);
            var value = B($"w{writes}");
            using (map.LockShardOf(key))
            {
                if (removals && random.Next(2) == 0)
                {
                    Assert.Equal(model.Remove(name), map.RemoveLocked(key));
                }
                else if (random.Next(2) == 0)
                {
                    Assert.Equal(model.TryAdd(name, value), map.TryInsertLocked(key, value));
                }
                else
                {
                    map.UpsertLocked(key, value);
                    model[name] = value;
                }
            }

            Interlocked.Increment(ref writes);
        }
    }
}
