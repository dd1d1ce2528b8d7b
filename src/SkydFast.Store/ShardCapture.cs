using System.Buffers;

namespace SkydFast.Store;

/// <summary>
/// The entries of one shard at the snapshot's cut: references only, in pooled arrays. Keys and values are
/// immutable once stored, so copying the references is copying the state; a list's elements are copied into
/// one flat array because list actions change <see cref="StoredList.Items"/> in place.
/// </summary>
internal sealed class ShardCapture
{
    private byte[][] _keys = [];
    private byte[][] _values = [];

    // For lists: entry i holds _elements[start.._ends[i]), start being _ends[i - 1] (0 for the first).
    private int[] _ends = [];
    private byte[][] _elements = [];
    private int _elementCount;

    /// <summary>The number of captured entries.</summary>
    public int Count { get; private set; }

    /// <summary>Starts a capture of <paramref name="count"/> key/value entries.</summary>
    public void BeginValues(int count)
    {
        Clear();
        Ensure(ref _keys, count);
        Ensure(ref _values, count);
    }

    /// <summary>Starts a capture of <paramref name="count"/> lists holding <paramref name="elements"/> elements in all.</summary>
    public void BeginLists(int count, int elements)
    {
        Clear();
        Ensure(ref _keys, count);
        Ensure(ref _ends, count);
        Ensure(ref _elements, elements);
    }

    public void AddValue(byte[] key, byte[] value)
    {
        _keys[Count] = key;
        _values[Count++] = value;
    }

    public void AddList(byte[] key, List<byte[]> items)
    {
        items.CopyTo(_elements, _elementCount);
        _elementCount += items.Count;
        _keys[Count] = key;
        _ends[Count++] = _elementCount;
    }

    public byte[] Key(int index) => _keys[index];

    public byte[] Value(int index) => _values[index];

    public ReadOnlySpan<byte[]> Elements(int index)
    {
        var start = index == 0 ? 0 : _ends[index - 1];
        return _elements.AsSpan(start, _ends[index] - start);
    }

    /// <summary>Drops the references (so the capture keeps nothing alive) and keeps the arrays for reuse.</summary>
    public void Clear()
    {
        Array.Clear(_keys, 0, Count);
        Array.Clear(_values, 0, Math.Min(Count, _values.Length));
        Array.Clear(_elements, 0, _elementCount);
        Count = 0;
        _elementCount = 0;
    }

    /// <summary>Drops the references and gives the arrays back to the pool.</summary>
    public void Return()
    {
        Clear();
        Give(ref _keys);
        Give(ref _values);
        Give(ref _elements);
        if (_ends.Length != 0)
        {
            ArrayPool<int>.Shared.Return(_ends);
            _ends = [];
        }
    }

    private static void Ensure(ref byte[][] array, int length)
    {
        if (array.Length >= length)
        {
            return;
        }

        Give(ref array);
        array = ArrayPool<byte[]>.Shared.Rent(length);
    }

    private static void Ensure(ref int[] array, int length)
    {
        if (array.Length >= length)
        {
            return;
        }

        if (array.Length != 0)
        {
            ArrayPool<int>.Shared.Return(array);
        }

        array = ArrayPool<int>.Shared.Rent(length);
    }

    // Arrays go back cleared of references already (Clear), so the pool keeps no entry alive.
    private static void Give(ref byte[][] array)
    {
        if (array.Length != 0)
        {
            ArrayPool<byte[]>.Shared.Return(array);
            array = [];
        }
    }
}
