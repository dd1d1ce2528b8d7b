namespace SkydFast.Persistence.Tests.Cyanstore;

/// <summary>
/// A read-only, non-seekable stream that returns at most <c>chunk</c> bytes per read: the reader can neither
/// learn the length up front nor rely on reads filling its buffer. With <c>claimedLength</c> it is seekable and
/// lies about its length (to reach the checks behind the length test without a file of that size).
/// </summary>
internal sealed class TrickleStream(byte[] data, int chunk, long claimedLength = -1) : Stream
{
    private int _pos;

    public override bool CanRead => true;

    public override bool CanSeek => claimedLength >= 0;

    public override bool CanWrite => false;

    public override long Length => claimedLength >= 0 ? claimedLength : throw new NotSupportedException();

    public override long Position
    {
        get => claimedLength >= 0 ? _pos : throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var count = Math.Min(Math.Min(chunk, buffer.Length), data.Length - _pos);
        data.AsSpan(_pos, count).CopyTo(buffer);
        _pos += count;
        return count;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
