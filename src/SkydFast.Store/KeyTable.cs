using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;

namespace SkydFast.Store;

/// <summary>
/// One shard's hash table: open addressing with linear probing over one array of slots, each holding the key's
/// hash, the key and the value. A lookup touches the slot (its neighbours share the cache line), then the key to
/// compare it, then the value: one dependent cache miss fewer than <see cref="Dictionary{TKey, TValue}"/>'s bucket
/// array followed by its entry array, which is where a GET's time went once the network path was cheap. Removal
/// shifts the following cluster back (no tombstones), so a table never slows down with churn. The capacity is any
/// size (a slot's home is the hash scaled to it), grown by half at 80 % full, so the spare room is about what a
/// dictionary keeps. Not thread-safe: the shard lock guards it.
/// </summary>
/// <typeparam name="TValue">The stored value.</typeparam>
internal sealed class KeyTable<TValue>
    where TValue : class
{
    private const int MinimumCapacity = 8;

    private Slot[] _slots = new Slot[MinimumCapacity];
    private int _count;

    /// <summary>The number of entries.</summary>
    public int Count => _count;

    /// <summary>Looks <paramref name="key"/> up.</summary>
    public bool TryGetValue(HashedKey key, [MaybeNullWhen(false)] out TValue value)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            value = null;
            return false;
        }

        value = _slots[index].Value;
        return true;
    }

    /// <summary>Whether <paramref name="key"/> is present.</summary>
    public bool ContainsKey(HashedKey key) => IndexOf(key) >= 0;

    /// <summary>Stores <paramref name="value"/> under a copy of <paramref name="key"/> if absent.</summary>
    public bool TryAdd(HashedKey key, TValue value)
    {
        ref var slot = ref GetValueRefOrAddDefault(key, out var exists);
        if (exists)
        {
            return false;
        }

        slot = value;
        return true;
    }

    /// <summary>Stores <paramref name="value"/> whether or not <paramref name="key"/> was present.</summary>
    public TValue this[HashedKey key]
    {
        set => GetValueRefOrAddDefault(key, out _) = value;
    }

    /// <summary>
    /// The value slot of <paramref name="key"/>; when absent, a new entry (with a copy of the key) whose value the
    /// caller must set, or remove again, before anything else touches the table.
    /// </summary>
    public ref TValue GetValueRefOrAddDefault(HashedKey key, out bool exists)
    {
        var index = IndexOf(key);
        if (index >= 0)
        {
            exists = true;
            return ref _slots[index].Value;
        }

        exists = false;
        if (_count + 1 > MaxEntries(_slots.Length))
        {
            Resize(_slots.Length + (_slots.Length / 2));
        }

        index = FreeIndex(key.Hash);
        ref var slot = ref _slots[index];
        slot.Key = key.Bytes.ToArray();
        slot.Hash = key.Hash;
        slot.Value = null!;
        _count++;
        return ref slot.Value;
    }

    /// <summary>The value slot of <paramref name="key"/>, or a null reference when absent.</summary>
    public ref TValue GetValueRefOrNullRef(HashedKey key)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            return ref Unsafe.NullRef<TValue>();
        }

        return ref _slots[index].Value;
    }

    /// <summary>Removes <paramref name="key"/>; false if it was absent.</summary>
    public bool Remove(HashedKey key) => Remove(key, out _, out _);

    /// <summary>Removes <paramref name="key"/>, giving back the stored key and value; false if it was absent.</summary>
    public bool Remove(HashedKey key, [MaybeNullWhen(false)] out byte[] storedKey, [MaybeNullWhen(false)] out TValue value)
    {
        var index = IndexOf(key);
        if (index < 0)
        {
            storedKey = null;
            value = null;
            return false;
        }

        storedKey = _slots[index].Key!;
        value = _slots[index].Value;
        RemoveAt(index);
        return true;
    }

    /// <summary>Removes every entry and shrinks back to the smallest table.</summary>
    public void Clear()
    {
        _slots = new Slot[MinimumCapacity];
        _count = 0;
        Moves++;
    }

    /// <summary>Makes room for <paramref name="capacity"/> entries without growing again.</summary>
    public void EnsureCapacity(int capacity)
    {
        var needed = (int)Math.Min(Array.MaxLength, ((long)capacity * 5 / 4) + 1);
        if (needed > _slots.Length)
        {
            Resize(needed);
        }
    }

    /// <summary>The number of slots: <see cref="CopyTo"/> walks slots 0 to this.</summary>
    public int Capacity => _slots.Length;

    /// <summary>How many entries fit before the table grows (and its entries move).</summary>
    public int MaxCount => MaxEntries(_slots.Length);

    /// <summary>
    /// Changes whenever entries move to other slots (a removal's backward shift, a resize, a clear): a walk of the
    /// slots in several steps saw every entry once exactly when this is the same at its end as at its start.
    /// Inserts and updates leave every other entry where it is.
    /// </summary>
    public int Moves { get; private set; }

    /// <summary>
    /// Copies the entries of slots [<paramref name="fromSlot"/>, <paramref name="toSlot"/>) into
    /// <paramref name="into"/> from index <paramref name="written"/>, and each one's hash into
    /// <paramref name="hashes"/> at the same index; returns the index after the last one copied.
    /// </summary>
    public int CopyTo(int fromSlot, int toSlot, KeyValuePair<byte[], TValue>[] into, int[] hashes, int written)
    {
        foreach (ref readonly var slot in _slots.AsSpan(fromSlot, toSlot - fromSlot))
        {
            if (slot.Key is not null)
            {
                hashes[written] = slot.Hash;
                into[written++] = new KeyValuePair<byte[], TValue>(slot.Key, slot.Value);
            }
        }

        return written;
    }

    /// <summary>
    /// Whether some entry's key has <paramref name="hash"/>: false means <see cref="ContainsKey"/> is false for every
    /// key of that hash, found without reading any key, so without a cache miss per key.
    /// </summary>
    public bool ContainsHash(int hash)
    {
        var slots = _slots;
        var index = Home(hash, slots.Length);
        while (slots[index].Key is not null)
        {
            if (slots[index].Hash == hash)
            {
                return true;
            }

            if (++index == slots.Length)
            {
                index = 0;
            }
        }

        return false;
    }

    /// <summary>The entries, in no particular order; the table must not change meanwhile.</summary>
    public Enumerator GetEnumerator() => new(_slots);

    // At most 80 % of the slots in use: past that, linear probing's clusters grow quickly.
    private static int MaxEntries(int capacity) => capacity / 5 * 4;

    // The hash scaled to the capacity (multiply-shift), after a multiplicative mix: the shard was chosen by the hash's
    // top bits, which are therefore nearly the same for every key of a table and must not decide the slot alone.
    private static int Home(int hash, int capacity) =>
        (int)(((ulong)((uint)hash * 0x9E3779B9u) * (uint)capacity) >> 32);

    private int IndexOf(HashedKey key)
    {
        var hash = key.Hash;
        var slots = _slots;
        var index = Home(hash, slots.Length);
        while (true)
        {
            ref var slot = ref slots[index];
            if (slot.Key is null)
            {
                return -1;
            }

            if (slot.Hash == hash && key.Bytes.SequenceEqual(slot.Key))
            {
                return index;
            }

            if (++index == slots.Length)
            {
                index = 0;
            }
        }
    }

    private int FreeIndex(int hash)
    {
        var slots = _slots;
        var index = Home(hash, slots.Length);
        while (slots[index].Key is not null)
        {
            if (++index == slots.Length)
            {
                index = 0;
            }
        }

        return index;
    }

    // Backward-shift deletion: every later entry of the cluster that may move into the hole moves, so a probe never
    // stops early at a gap and no tombstone is left behind.
    private void RemoveAt(int hole)
    {
        var slots = _slots;
        var next = hole;
        while (true)
        {
            if (++next == slots.Length)
            {
                next = 0;
            }

            ref var candidate = ref slots[next];
            if (candidate.Key is null)
            {
                break;
            }

            // The candidate stays when its home lies cyclically in (hole, next]: moving it before its home would hide it.
            var home = Home(candidate.Hash, slots.Length);
            var stays = hole <= next ? hole < home && home <= next : hole < home || home <= next;
            if (!stays)
            {
                slots[hole] = candidate;
                hole = next;
                Moves++;
            }
        }

        slots[hole] = default;
        _count--;
    }

    private void Resize(int capacity)
    {
        Moves++;
        var old = _slots;
        _slots = new Slot[capacity];
        foreach (ref readonly var slot in old.AsSpan())
        {
            if (slot.Key is not null)
            {
                _slots[FreeIndex(slot.Hash)] = slot;
            }
        }
    }

    internal struct Slot
    {
        public byte[]? Key;
        public TValue Value;
        public int Hash;
    }

    /// <summary>Walks the slots, yielding the occupied ones.</summary>
    public struct Enumerator
    {
        private readonly Slot[] _slots;
        private int _index;

        internal Enumerator(Slot[] slots)
        {
            _slots = slots;
            _index = -1;
        }

        public readonly KeyValuePair<byte[], TValue> Current => new(_slots[_index].Key!, _slots[_index].Value);

        public bool MoveNext()
        {
            while (++_index < _slots.Length)
            {
                if (_slots[_index].Key is not null)
                {
                    return true;
                }
            }

            return false;
        }
    }
}
