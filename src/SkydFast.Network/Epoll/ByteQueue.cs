using System.Buffers;

namespace SkydFast.Network.Epoll;

/// <summary>
/// Bytes written at the end and taken from the start, in one pooled array that is rented when the first byte comes
/// and returned when the last one is taken, so an idle connection holds no buffer.
/// </summary>
internal sealed class ByteQueue : IBufferWriter<byte>
{
    private const int MinimumSize = 4096;

    private byte[]? _array;
    private int _start;
    private int _end;

    /// <summary>Bytes written and not yet taken.</summary>
    public int Length => _end - _start;

    /// <summary>The bytes not yet taken.</summary>
    public ReadOnlySpan<byte> Pending => _array.AsSpan(_start, _end - _start);

    public void Advance(int count)
    {
        if ((uint)count > (uint)(_array?.Length - _end ?? 0))
        {
            throw new ArgumentOutOfRangeException(nameof(count));
        }

        _end += count;
    }

    public Memory<byte> GetMemory(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsMemory(_end);
    }

    public Span<byte> GetSpan(int sizeHint = 0)
    {
        Reserve(sizeHint);
        return _array.AsSpan(_end);
    }

    /// <summary>Takes <paramref name="count"/> bytes from the start.</summary>
    public void Consume(int count)
    {
        _start += count;
        if (_start == _end)
        {
            Release();
        }
    }

    /// <summary>Drops everything and returns the array.</summary>
    public void Release()
    {
        if (_array is not null)
        {
            ArrayPool<byte>.Shared.Return(_array);
            _array = null;
        }

        _start = 0;
        _end = 0;
    }

    private void Reserve(int sizeHint)
    {
        var wanted = Math.Max(sizeHint, 1);
        if (_array is null)
        {
            _array = ArrayPool<byte>.Shared.Rent(Math.Max(wanted, MinimumSize));
            return;
        }

        if (_array.Length - _end >= wanted)
        {
            return;
        }

        var length = Length;
        if (_array.Length - length >= wanted && _start >= _array.Length / 2)
        {
            // Enough room once the taken bytes are gone, and at most half the array moves.
            _array.AsSpan(_start, length).CopyTo(_array);
        }
        else
        {
            var bigger = ArrayPool<byte>.Shared.Rent(Math.Max(_array.Length * 2, length + wanted));
            _array.AsSpan(_start, length).CopyTo(bigger);
            ArrayPool<byte>.Shared.Return(_array);
            _array = bigger;
        }

        _start = 0;
        _end = length;
    }
}
