namespace SkydFast.Store;

/// <summary>A table: a model, a persistence flag and the sharded map holding its data.</summary>
public sealed class Table
{
    private RefCount _refs;

    /// <summary>Creates an empty table.</summary>
    public Table(string name, TableModel model, bool isVolatile, int shardCount = ShardedMap<byte[]>.DefaultShardCount)
    {
        Name = name;
        Model = model;
        IsVolatile = isVolatile;
        if (model.IsList())
        {
            Lists = new ShardedMap<StoredList>(shardCount);
        }
        else
        {
            Kv = new ShardedMap<byte[]>(shardCount);
        }
    }

    /// <summary>The table's name inside its keyspace.</summary>
    public string Name { get; }

    /// <summary>The model code.</summary>
    public TableModel Model { get; }

    /// <summary>Volatile tables keep their definition across restarts but never their data.</summary>
    public bool IsVolatile { get; }

    /// <summary>The data of a key/value table (models 0-3); null for list tables.</summary>
    public ShardedMap<byte[]>? Kv { get; }

    /// <summary>The data of a list table (models 4-7); null for key/value tables.</summary>
    public ShardedMap<StoredList>? Lists { get; }

    /// <summary>Entries in the table, whichever the model.</summary>
    public long Count => Kv?.Count ?? Lists!.Count;

    /// <summary>Whether the table was dropped.</summary>
    public bool IsDropped => _refs.IsDropped;

    /// <summary>Takes a reference for a connection that makes this its current table.</summary>
    public bool TryAcquire() => _refs.TryAcquire();

    /// <summary>Returns a reference.</summary>
    public void Release() => _refs.Release();

    internal bool TryDrop() => _refs.TryDrop();

    /// <summary>Removes every entry.</summary>
    public void Clear()
    {
        Kv?.Clear();
        Lists?.Clear();
    }

    /// <summary>Up to <paramref name="limit"/> keys, in no particular order.</summary>
    public void CopyKeys(List<byte[]> keys, long limit)
    {
        if (Kv is not null)
        {
            Kv.CopyKeys(keys, limit);
        }
        else
        {
            Lists!.CopyKeys(keys, limit);
        }
    }
}
