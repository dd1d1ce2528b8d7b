namespace SkydFast.Load.Workload;

/// <summary>
/// The keys and values every run uses, so a reply can be checked without remembering what was stored: key
/// <c>n</c> is <c>key:</c> and <c>n</c> in 12 digits (16 bytes, redis-benchmark's shape); its value is the key's
/// bytes (cut to the value size) followed by one fill byte, <see cref="PrefillFill"/> as stored by the prefill or
/// <see cref="WriteFill"/> as stored by the write workload. A GET is right when the value is the key's with either
/// fill, whatever writes raced with it.
/// </summary>
public sealed class KeySpace
{
    /// <summary>Bytes in every key.</summary>
    public const int KeyLength = 16;

    /// <summary>The most keys: the 12 digits of the key.</summary>
    public const long MaxKeys = 1_000_000_000_000;

    /// <summary>The largest value size accepted (1 MiB): a run is about many small requests.</summary>
    public const int MaxValueLength = 1 << 20;

    /// <summary>The fill byte of the values the prefill stores.</summary>
    public const byte PrefillFill = (byte)'p';

    /// <summary>The fill byte of the values the write workload stores.</summary>
    public const byte WriteFill = (byte)'w';

    private const int Digits = KeyLength - 4;

    /// <summary>A key space of <paramref name="keys"/> keys with values of <paramref name="valueLength"/> bytes.</summary>
    public KeySpace(long keys, int valueLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(keys, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(keys, MaxKeys);
        ArgumentOutOfRangeException.ThrowIfNegative(valueLength);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(valueLength, MaxValueLength);
        Keys = keys;
        ValueLength = valueLength;
    }

    /// <summary>The number of keys, <c>0</c> to <c>Keys - 1</c>.</summary>
    public long Keys { get; }

    /// <summary>Bytes in every value.</summary>
    public int ValueLength { get; }

    /// <summary>Writes key <paramref name="index"/> into the first <see cref="KeyLength"/> bytes of
    /// <paramref name="destination"/>.</summary>
    public static void WriteKey(long index, Span<byte> destination)
    {
        "key:"u8.CopyTo(destination);
        var digits = destination.Slice(4, Digits);
        for (var i = Digits - 1; i >= 0; i--)
        {
            digits[i] = (byte)('0' + (index % 10));
            index /= 10;
        }
    }

    /// <summary>Writes the value of key <paramref name="index"/> with <paramref name="fill"/> into the first
    /// <see cref="ValueLength"/> bytes of <paramref name="destination"/>.</summary>
    public void WriteValue(long index, byte fill, Span<byte> destination)
    {
        var value = destination[..ValueLength];
        Span<byte> key = stackalloc byte[KeyLength];
        WriteKey(index, key);
        var prefix = Math.Min(KeyLength, ValueLength);
        key[..prefix].CopyTo(value);
        value[prefix..].Fill(fill);
    }

    /// <summary>Whether <paramref name="value"/> is key <paramref name="index"/>'s value with either fill.</summary>
    public bool IsValue(long index, ReadOnlySpan<byte> value)
    {
        if (value.Length != ValueLength)
        {
            return false;
        }

        Span<byte> key = stackalloc byte[KeyLength];
        WriteKey(index, key);
        var prefix = Math.Min(KeyLength, ValueLength);
        if (!value[..prefix].SequenceEqual(key[..prefix]))
        {
            return false;
        }

        var fill = value[prefix..];
        return fill.IsEmpty || ((fill[0] is PrefillFill or WriteFill) && !fill.ContainsAnyExcept(fill[0]));
    }
}
