using System.Buffers.Binary;
using SkydFast.Persistence.Cyanstore;
using static SkydFast.Persistence.Tests.Cyanstore.Cyan;

namespace SkydFast.Persistence.Tests.Cyanstore;

/// <summary>Files beyond 2 GiB decode from a stream, and their offsets are reported past int.MaxValue.</summary>
public sealed class LargeFileTests
{
    [Fact]
    public void ATrailingByteAfter2GiBOfEntriesIsReportedAtItsLongOffset()
    {
        const int ValueLength = 60_000;
        const long Entries = 36_000;
        var end = 8 + (Entries * (16 + ValueLength));
        Assert.True(end > int.MaxValue);
        var error = Assert.Throws<CyanstoreFormatException>(() => SkimKv(new SyntheticKvStream(Entries, ValueLength)));
        Assert.Equal(end, error.Offset);
        Assert.Equal($"1 byte after the last of {Entries} declared entries", error.Reason);
    }

    /// <summary>A non-seekable key/value file made on the fly: empty keys, zero-filled values, one trailing byte.</summary>
    private sealed class SyntheticKvStream(long entries, int valueLength) : Stream
    {
        private readonly long _entriesEnd = 8 + (entries * (16 + valueLength));
        private long _pos;

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => throw new NotSupportedException();

        public override long Position
        {
            get => throw new NotSupportedException();
            set => throw new NotSupportedException();
        }

        public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

        public override int Read(Span<byte> buffer)
        {
            if (_pos > _entriesEnd || buffer.IsEmpty)
            {
                return 0;
            }

            if (_pos == _entriesEnd)
            {
                buffer[0] = 0xEE;
                _pos++;
                return 1;
            }

            // One field (or the rest of one) per read: simple, and readers must cope with short reads anyway.
            Span<byte> header = stackalloc byte[16];
            scoped ReadOnlySpan<byte> field;
            long fieldOffset;
            if (_pos < 8)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(header, (ulong)entries);
                field = header[..8];
                fieldOffset = _pos;
            }
            else
            {
                var inEntry = (_pos - 8) % (16 + valueLength);
                if (inEntry < 16)
                {
                    header[..8].Clear();
                    BinaryPrimitives.WriteUInt64LittleEndian(header[8..], (ulong)valueLength);
                    field = header;
                    fieldOffset = inEntry;
                }
                else
                {
                    var zeros = (int)Math.Min(buffer.Length, valueLength - (inEntry - 16));
                    buffer[..zeros].Clear();
                    _pos += zeros;
                    return zeros;
                }
            }

            var count = (int)Math.Min(buffer.Length, field.Length - fieldOffset);
            field.Slice((int)fieldOffset, count).CopyTo(buffer);
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
}
