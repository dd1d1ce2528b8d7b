namespace SkydFast.Store;

/// <summary>
/// The value of a list table's key: an ordered list of immutable elements. The element list is read and
/// changed only while the shard lock of the list's key is held (<see cref="ShardedMap{TValue}.LockShardOf"/>),
/// which gives lists the same per-key atomicity as key/value entries.
/// </summary>
public sealed class StoredList
{
    /// <summary>Creates a list holding <paramref name="items"/>.</summary>
    public StoredList(List<byte[]> items) => Items = items;

    /// <summary>The elements; touch only under the key's shard lock.</summary>
    public List<byte[]> Items { get; }
}
