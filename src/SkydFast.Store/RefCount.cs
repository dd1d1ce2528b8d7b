namespace SkydFast.Store;

/// <summary>
/// Counts the connections that use a keyspace or table, so a DROP can refuse one in use (model-and-ddl.md §6).
/// Dropping swaps a count of zero for a tombstone in one step: a concurrent acquire either lands first (and the
/// drop answers still-in-use) or sees the tombstone (and the object is gone).
/// </summary>
public struct RefCount
{
    private const int Dropped = int.MinValue;
    private int _count;

    /// <summary>Whether the object has been dropped.</summary>
    public readonly bool IsDropped => Volatile.Read(in _count) == Dropped;

    /// <summary>Takes a reference; false if the object was dropped.</summary>
    public bool TryAcquire()
    {
        while (true)
        {
            var current = Volatile.Read(ref _count);
            if (current == Dropped)
            {
                return false;
            }

            if (Interlocked.CompareExchange(ref _count, current + 1, current) == current)
            {
                return true;
            }
        }
    }

    /// <summary>Returns a reference taken with <see cref="TryAcquire"/>.</summary>
    public void Release() => Interlocked.Decrement(ref _count);

    /// <summary>Marks the object dropped if nobody references it.</summary>
    public bool TryDrop() => Interlocked.CompareExchange(ref _count, Dropped, 0) == 0;
}
