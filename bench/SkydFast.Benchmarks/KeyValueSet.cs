using System.Buffers;
using System.Buffers.Text;
using SkydFast.Store;

namespace SkydFast.Benchmarks;

/// <summary>
/// The data set of the flush and snapshot benchmarks: key <c>i</c> is <c>key:</c> and 12 zero-padded digits
/// (16 bytes), and its value starts with the key's bytes, filled up with one repeated byte. A reader can so check
/// that a reply belongs to the key it asked for, and which writer's fill it carries.
/// </summary>
public static class KeyValueSet
{
    /// <summary>Every key's length in bytes.</summary>
    public const int KeyLength = 16;

    /// <summary>The fill byte of the values <see cref="Fill"/> stores.</summary>
    public const byte InitialFill = (byte)'v';

    private const int Digits = KeyLength - 4;

    private static readonly StandardFormat DigitsFormat = new('D', Digits);

    /// <summary>Writes key <paramref name="index"/> (below 10^12) into the first 16 bytes of <paramref name="into"/>.</summary>
    public static void WriteKey(long index, Span<byte> into)
    {
        "key:"u8.CopyTo(into);
        if (!Utf8Formatter.TryFormat(index, into[4..KeyLength], out var written, DigitsFormat) || written != Digits)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, "a key has 12 digits");
        }
    }

    /// <summary>Writes the value of <paramref name="key"/>: the key's bytes, then <paramref name="fill"/> to the end.</summary>
    public static void WriteValue(ReadOnlySpan<byte> key, byte fill, Span<byte> into)
    {
        var prefix = Math.Min(key.Length, into.Length);
        key[..prefix].CopyTo(into);
        into[prefix..].Fill(fill);
    }

    /// <summary>
    /// Inserts keys <c>0..keys-1</c> into <c>default:default</c>, each value its own array (as a server's SETs
    /// would leave them), so the encoder reads memory spread the way a real store's is.
    /// </summary>
    public static void Fill(CoreStore store, int keys, int valueLength)
    {
        var map = store.DefaultTable.Kv!;
        Span<byte> key = stackalloc byte[KeyLength];
        for (var i = 0; i < keys; i++)
        {
            WriteKey(i, key);
            var value = new byte[valueLength];
            WriteValue(key, InitialFill, value);
            if (!map.TryInsert(key, value))
            {
                throw new InvalidOperationException($"key {i} was already in the store");
            }
        }
    }

    /// <summary>
    /// The size of the table file of <paramref name="keys"/> entries (persistence-and-config.md §2.3): the u64
    /// entry count, then per entry a u64 key length, a u64 value length, the key and the value.
    /// </summary>
    public static long TableFileBytes(long keys, int valueLength) =>
        sizeof(ulong) + (keys * ((2 * sizeof(ulong)) + KeyLength + valueLength));
}
