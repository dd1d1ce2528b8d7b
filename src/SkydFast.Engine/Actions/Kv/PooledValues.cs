using System.Buffers;

namespace SkydFast.Engine.Actions.Kv;

/// <summary>
/// A scratch array of value references for one request (values read under a lock and written out after it,
/// or values copied before taking one). Pooled, so a warm server allocates nothing for it; cleared on return
/// so the pool does not keep stored values alive.
/// </summary>
internal ref struct PooledValues
{
    private byte[]?[]? _rented;

    public PooledValues(int count)
    {
        _rented = count == 0 ? null : ArrayPool<byte[]?>.Shared.Rent(count);
        Items = _rented.AsSpan(0, count);
    }

    /// <summary>The slots, all null at first; empty when created with no count.</summary>
    public Span<byte[]?> Items { get; }

    /// <summary>Returns the array to the pool.</summary>
    public void Dispose()
    {
        if (_rented is not null)
        {
            ArrayPool<byte[]?>.Shared.Return(_rented, clearArray: true);
            _rented = null;
        }
    }
}
