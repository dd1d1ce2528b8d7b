using System.Buffers.Binary;
using SkydFast.Persistence.Files;

namespace SkydFast.Persistence.Tests.Files;

/// <summary>
/// <see cref="AtomicFileStream.CreateLarge"/>: blocks handed to a writer thread, in order, with the same promises
/// as every atomic write (the old file or the new one, never a mix; a failure removes the temp file).
/// </summary>
public sealed class LargeAtomicFileTests
{
    private const int Block = 1 << 20;

    private static readonly byte[] Old = "old content"u8.ToArray();

    [Fact]
    public void EveryWayOfWritingLandsInOrderAcrossManyBlocks()
    {
        using var dir = Scratch.OnDisk();
        var path = dir.Combine("table");
        File.WriteAllBytes(path, Old);
        var pattern = Enumerable.Range(0, 3 * Block).Select(static i => (byte)((i * 7) + (i >> 16))).ToArray();
        using var expected = new MemoryStream();
        using (var stream = AtomicFileStream.CreateLarge(path))
        {
            // More blocks than the writer queues, so the encoder waits for room at least once; fields straight into
            // the buffer, single bytes, spans crossing block ends, and spans larger than a block.
            for (var i = 0; expected.Length < 9L * Block; i++)
            {
                BinaryPrimitives.WriteUInt64LittleEndian(stream.GetSpan(8), (ulong)i);
                stream.Advance(8);
                expected.Write(BitConverter.GetBytes((ulong)i));
                stream.WriteByte((byte)i);
                expected.WriteByte((byte)i);
                var chunk = pattern.AsSpan(i % 1000, i % 17 == 0 ? (Block * 2) + 3 : (i * 131) % 70_000);
                stream.Write(chunk);
                expected.Write(chunk);
            }

            // A size hint beyond a block: one larger block, written and recycled like the others.
            pattern.AsSpan(0, Block + 100).CopyTo(stream.GetMemory(Block + 100).Span);
            stream.Advance(Block + 100);
            expected.Write(pattern.AsSpan(0, Block + 100));
            stream.Write(pattern.AsSpan(5, 5000));
            expected.Write(pattern.AsSpan(5, 5000));

            Assert.Equal(expected.Length, stream.Length);
            Assert.Equal(Old, File.ReadAllBytes(path));
            stream.Commit();
        }

        Assert.Equal(expected.ToArray(), File.ReadAllBytes(path));
        Assert.False(File.Exists(path + AtomicFile.TempSuffix));
    }

    [Fact]
    public void AFileSmallerThanABlockIsWrittenWhole()
    {
        using var dir = Scratch.OnDisk();
        var path = dir.Combine("table");
        using (var stream = AtomicFileStream.CreateLarge(path))
        {
            stream.Write("small table"u8);
            stream.Flush();
            stream.Write(" after a flush"u8);
            stream.Commit();
        }

        Assert.Equal("small table after a flush"u8.ToArray(), File.ReadAllBytes(path));
    }

    [Fact]
    public void AFullDiskFailsTheWriteOrTheCommitAndKeepsTheOldContent()
    {
        // 256 KiB of tmpfs: the writer thread's first block (1 MiB) fails with ENOSPC; the encoder learns it from a
        // later block or from the commit.
        using var dir = Scratch.Tmpfs();
        var path = dir.Combine("table");
        File.WriteAllBytes(path, Old);
        var fault = Assert.Throws<IOException>(() =>
        {
            using var stream = AtomicFileStream.CreateLarge(path);
            var chunk = new byte[64 * 1024];
            for (var i = 0; i < 16 * 20; i++)
            {
                stream.Write(chunk);
            }

            stream.Commit();
        });
        Assert.Contains("No space left on device", fault.Message, StringComparison.Ordinal);
        Assert.Equal(Old, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + AtomicFile.TempSuffix));

        // Nothing leaked: a file that fits is written on the same disk.
        using (var again = AtomicFileStream.CreateLarge(path))
        {
            again.Write(new byte[200 * 1024]);
            again.Commit();
        }

        Assert.Equal(200 * 1024, new FileInfo(path).Length);
    }

    [Fact]
    public void DisposingWithoutCommitStopsTheWriterAndKeepsTheOldContent()
    {
        using var dir = Scratch.OnDisk();
        var path = dir.Combine("table");
        File.WriteAllBytes(path, Old);
        using (var stream = AtomicFileStream.CreateLarge(path))
        {
            stream.Write(new byte[(6 * Block) + 5]);
            Assert.True(File.Exists(stream.TempPath));
        }

        Assert.Equal(Old, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + AtomicFile.TempSuffix));
    }
}
