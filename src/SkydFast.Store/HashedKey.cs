namespace SkydFast.Store;

/// <summary>
/// A key with its hash, computed once: the map picks the shard by the hash's top bits and the shard's table its
/// slot by the same hash, so a request hashes its key one time, not once per layer.
/// </summary>
internal readonly ref struct HashedKey
{
    public HashedKey(ReadOnlySpan<byte> bytes)
    {
        Bytes = bytes;
        Hash = ByteKeyComparer.Hash(bytes);
    }

    /// <summary>A key whose hash is known already (kept beside it in a table's slot).</summary>
    public HashedKey(ReadOnlySpan<byte> bytes, int hash)
    {
        Bytes = bytes;
        Hash = hash;
    }

    /// <summary>The key's bytes.</summary>
    public ReadOnlySpan<byte> Bytes { get; }

    /// <summary><see cref="ByteKeyComparer.Hash"/> of <see cref="Bytes"/>.</summary>
    public int Hash { get; }

    public static implicit operator HashedKey(ReadOnlySpan<byte> bytes) => new(bytes);

    public static implicit operator HashedKey(byte[] bytes) => new(bytes);
}
