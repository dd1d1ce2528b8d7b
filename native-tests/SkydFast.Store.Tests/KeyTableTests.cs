using System.Runtime.CompilerServices;
using System.Text;

namespace SkydFast.Store.Tests;

/// <summary>The open-addressing shard table against a <see cref="Dictionary{TKey, TValue}"/> doing the same.</summary>
public sealed class KeyTableTests
{
    [Theory]
    [InlineData(1, 50)]
    [InlineData(2, 3000)]
    [InlineData(3, 100_000)]
    public void RandomOperationsAgreeWithADictionary(int seed, int keySpace)
    {
        var random = new Random(seed);
        var table = new KeyTable<byte[]>();
        var model = new Dictionary<string, byte[]>();
        for (var op = 0; op < 200_000; op++)
        {
            // The empty key is a key like any other.
            var name = random.Next(20) == 0 ? "" : "k" + random.Next(keySpace).ToString(System.Globalization.CultureInfo.InvariantCulture);
            var key = Encoding.ASCII.GetBytes(name);
            var value = BitConverter.GetBytes(op);
            switch (random.Next(7))
            {
                case 0:
                    Assert.Equal(model.TryAdd(name, value), table.TryAdd(key, value));
                    break;
                case 1:
                    model[name] = value;
                    table[key] = value;
                    break;
                case 2:
                    Assert.Equal(model.Remove(name, out var removed), table.Remove(key, out var storedKey, out var got));
                    Assert.Same(removed, got);
                    Assert.Equal(removed is null ? null : key, storedKey);
                    break;
                case 3:
                    ref var slot = ref table.GetValueRefOrNullRef(key);
                    Assert.Equal(model.ContainsKey(name), !Unsafe.IsNullRef(ref slot));
                    if (!Unsafe.IsNullRef(ref slot))
                    {
                        slot = value;
                        model[name] = value;
                    }

                    break;
                case 4:
                    ref var added = ref table.GetValueRefOrAddDefault(key, out var exists);
                    Assert.Equal(model.ContainsKey(name), exists);
                    added = value;
                    model[name] = value;
                    break;
                default:
                    Assert.Equal(model.TryGetValue(name, out var expected), table.TryGetValue(key, out var actual));
                    Assert.Same(expected, actual);
                    Assert.Equal(model.ContainsKey(name), table.ContainsKey(key));
                    break;
            }

            if (op % 50_000 == 49_999)
            {
                AssertSame(model, table);
            }
        }

        AssertSame(model, table);
        table.Clear();
        Assert.Equal(0, table.Count);
        Assert.False(table.ContainsKey("k1"u8));
    }

    [Fact]
    public void MovesStaysTheSameExactlyWhileNoEntryChangesSlot()
    {
        // What a reader copying slots in several steps relies on: an unchanged Moves means every entry is still
        // in the slot it was in, whatever was inserted, updated or removed meanwhile.
        var random = new Random(7);
        var table = new KeyTable<byte[]>();
        var changes = 0;
        for (var op = 0; op < 20_000; op++)
        {
            var before = Positions(table);
            var moves = table.Moves;
            var key = BitConverter.GetBytes(random.Next(400));
            switch (random.Next(3))
            {
                case 0:
                    table.TryAdd(key, key);
                    break;
                case 1:
                    table.Remove(key);
                    break;
                default:
                    table[key] = BitConverter.GetBytes(op);
                    break;
            }

            var after = Positions(table);
            var stayed = before.All(entry => !after.TryGetValue(entry.Key, out var slot) || slot == entry.Value);
            if (table.Moves == moves)
            {
                Assert.True(stayed, $"op {op}: an entry moved and Moves did not change");
            }
            else
            {
                changes++;
            }
        }

        Assert.InRange(changes, 1, 19_999);
    }

    // Each key (as a number) with the slot that holds it, read one slot at a time.
    private static Dictionary<int, int> Positions(KeyTable<byte[]> table)
    {
        var positions = new Dictionary<int, int>();
        var entry = new KeyValuePair<byte[], byte[]>[1];
        var hash = new int[1];
        for (var slot = 0; slot < table.Capacity; slot++)
        {
            if (table.CopyTo(slot, slot + 1, entry, hash, 0) == 1)
            {
                positions.Add(BitConverter.ToInt32(entry[0].Key), slot);
            }
        }

        return positions;
    }

    [Fact]
    public void EnsureCapacityKeepsEveryEntry()
    {
        var table = new KeyTable<byte[]>();
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(table.TryAdd(BitConverter.GetBytes(i), BitConverter.GetBytes(-i)));
        }

        table.EnsureCapacity(1_000_000);
        Assert.Equal(1000, table.Count);
        for (var i = 0; i < 1000; i++)
        {
            Assert.True(table.TryGetValue(BitConverter.GetBytes(i), out var value));
            Assert.Equal(BitConverter.GetBytes(-i), value);
        }
    }

    private static void AssertSame(Dictionary<string, byte[]> model, KeyTable<byte[]> table)
    {
        Assert.Equal(model.Count, table.Count);
        var seen = new Dictionary<string, byte[]>();
        foreach (var (key, value) in table)
        {
            Assert.True(seen.TryAdd(Encoding.ASCII.GetString(key), value));
        }

        // In two steps, as a snapshot's reader copies a shard a slice of slots at a time.
        var copied = new KeyValuePair<byte[], byte[]>[table.Count];
        var hashes = new int[table.Count];
        var half = table.Capacity / 2;
        Assert.Equal(table.Count, table.CopyTo(half, table.Capacity, copied, hashes, table.CopyTo(0, half, copied, hashes, 0)));
        for (var i = 0; i < copied.Length; i++)
        {
            Assert.Equal(ByteKeyComparer.Hash(copied[i].Key), hashes[i]);
        }

        var copies = copied.ToDictionary(pair => Encoding.ASCII.GetString(pair.Key), pair => pair.Value);

        // ContainsHash: true for exactly the hashes of present keys, whichever keys are asked about.
        var present = hashes.ToHashSet();
        for (var i = 0; i < 2000; i++)
        {
            var hash = ByteKeyComparer.Hash(Encoding.ASCII.GetBytes("k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture)));
            Assert.Equal(present.Contains(hash), table.ContainsHash(hash));
        }

        Assert.Equal(model.Count, copies.Count);
        foreach (var (name, value) in model)
        {
            Assert.Same(value, seen[name]);
            Assert.Same(value, copies[name]);
        }
    }
}
