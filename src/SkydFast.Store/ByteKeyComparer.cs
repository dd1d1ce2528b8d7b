namespace SkydFast.Store;

/// <summary>
/// Compares keys as raw bytes and lets a dictionary keyed by <c>byte[]</c> be searched with a span, so a
/// lookup never allocates. The hash is <see cref="HashCode"/>'s, which is seeded per process: a client cannot
/// precompute colliding keys.
/// </summary>
public sealed class ByteKeyComparer : IEqualityComparer<byte[]>, IAlternateEqualityComparer<ReadOnlySpan<byte>, byte[]>
{
    /// <summary>The one instance.</summary>
    public static readonly ByteKeyComparer Instance = new();

    private ByteKeyComparer()
    {
    }

    /// <summary>The hash of <paramref name="key"/>, equal for a <c>byte[]</c> and a span of the same bytes.</summary>
    public static int Hash(ReadOnlySpan<byte> key)
    {
        var hash = default(HashCode);
        hash.AddBytes(key);
        return hash.ToHashCode();
    }

    public bool Equals(byte[]? x, byte[]? y) => x.AsSpan().SequenceEqual(y);

    public int GetHashCode(byte[] obj) => Hash(obj);

    public bool Equals(ReadOnlySpan<byte> alternate, byte[] other) => alternate.SequenceEqual(other);

    public int GetHashCode(ReadOnlySpan<byte> alternate) => Hash(alternate);

    /// <summary>Called only when a key is inserted: the one allocation a new key costs.</summary>
    public byte[] Create(ReadOnlySpan<byte> alternate) => alternate.ToArray();
}
