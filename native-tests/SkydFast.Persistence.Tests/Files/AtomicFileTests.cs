using System.Buffers.Binary;
using SkydFast.Persistence.Files;

namespace SkydFast.Persistence.Tests.Files;

public sealed class AtomicFileTests
{
    private static readonly byte[] Old = "old content"u8.ToArray();

    [Fact]
    public void WriteCreatesTheFileAndLeavesNoTempFile()
    {
        using var dir = Scratch.OnDisk();
        var path = dir.Combine("PRELOAD");
        AtomicFile.WriteAllBytes(path, "hello"u8);
        Assert.Equal("hello"u8.ToArray(), File.ReadAllBytes(path));
        Assert.Equal(["PRELOAD"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void WriteReplacesTheContent()
    {
        using var dir = Scratch.OnDisk();
        var path = dir.Combine("table");
        File.WriteAllBytes(path, new byte[100_000]);
        AtomicFile.Write(path, static stream => stream.Write("new"u8));
        Assert.Equal("new"u8.ToArray(), File.ReadAllBytes(path));
        Assert.False(File.Exists(path + AtomicFile.TempSuffix));
    }

    [Fact]
    public void EmptyContentWritesAnEmptyFile()
    {
        using var dir = Scratch.OnDisk();
        var path = dir.Combine("PARTMAP");
        File.WriteAllBytes(path, Old);
        AtomicFile.Write(path, static _ => { });
        Assert.Empty(File.ReadAllBytes(path));
    }

    [Fact]
    public void EveryWayOfWritingLandsInOrderAcrossBufferBoundaries()
    {
        using var dir = Scratch.OnDisk();
        var path = dir.Combine("table");
        var big = Enumerable.Range(0, 200_000).Select(static i => (byte)(i * 7)).ToArray();
        var expected = new List<byte>();
        using (var stream = AtomicFileStream.Create(path, bufferSize: 16))
        {
            for (var i = 0; i < 1000; i++)
            {
                // An encoder writes fixed-size fields straight into the buffer.
                BinaryPrimitives.WriteUInt64LittleEndian(stream.GetSpan(8), (ulong)i);
                stream.Advance(8);
                expected.AddRange(BitConverter.GetBytes((ulong)i));
                stream.WriteByte((byte)i);
                expected.Add((byte)i);
                stream.Write(big, i, i % 40);
                expected.AddRange(big.AsSpan(i, i % 40).ToArray());
            }

            // Larger than the buffer: written straight through, and a size hint beyond it grows the buffer.
            stream.Write(big);
            expected.AddRange(big);
            big.AsSpan(0, 100).CopyTo(stream.GetMemory(100).Span);
            stream.Advance(100);
            expected.AddRange(big.AsSpan(0, 100).ToArray());
            Assert.Equal(expected.Count, stream.Length);
            stream.Commit();
        }

        Assert.Equal(expected.ToArray(), File.ReadAllBytes(path));
    }

    [Fact]
    public void AFailingCallbackKeepsTheOldContentAndRemovesTheTempFile()
    {
        using var dir = Scratch.OnDisk();
        var path = dir.Combine("table");
        File.WriteAllBytes(path, Old);
        var thrown = Assert.Throws<InvalidOperationException>(() => AtomicFile.Write(path, 0, static (stream, _) =>
        {
            stream.Write(new byte[300_000]);
            throw new InvalidOperationException("encoder failed");
        }));
        Assert.Equal("encoder failed", thrown.Message);
        Assert.Equal(Old, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + AtomicFile.TempSuffix));
    }

    [Fact]
    public void DisposingWithoutCommitKeepsTheOldContent()
    {
        using var dir = Scratch.OnDisk();
        var path = dir.Combine("table");
        File.WriteAllBytes(path, Old);
        using (var stream = AtomicFileStream.Create(path))
        {
            stream.Write("never committed"u8);
            stream.Flush();
            Assert.True(File.Exists(stream.TempPath));
        }

        Assert.Equal(Old, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + AtomicFile.TempSuffix));
    }

    [Fact]
    public void AStaleTempFileFromACrashIsOverwritten()
    {
        using var dir = Scratch.OnDisk();
        var path = dir.Combine("table");
        File.WriteAllBytes(path + AtomicFile.TempSuffix, new byte[5000]);
        AtomicFile.WriteAllBytes(path, "fresh"u8);
        Assert.Equal("fresh"u8.ToArray(), File.ReadAllBytes(path));
        Assert.False(File.Exists(path + AtomicFile.TempSuffix));
    }

    [Fact]
    public void TheStreamIsWriteOnceAndForwardOnly()
    {
        using var dir = Scratch.OnDisk();
        var stream = AtomicFileStream.Create(dir.Combine("f"));
        Assert.True(stream.CanWrite);
        Assert.False(stream.CanRead);
        Assert.False(stream.CanSeek);
        Assert.Throws<NotSupportedException>(() => stream.Position = 0);
        Assert.Throws<NotSupportedException>(() => stream.Seek(0, SeekOrigin.Begin));
        Assert.Throws<NotSupportedException>(() => stream.Read(new byte[1], 0, 1));
        stream.Commit();
        Assert.False(stream.CanWrite);
        Assert.Throws<InvalidOperationException>(() => stream.WriteByte(1));
        Assert.Throws<InvalidOperationException>(stream.Commit);
        stream.Dispose();
        Assert.Throws<ObjectDisposedException>(() => stream.Write("x"u8));
        Assert.True(File.Exists(dir.Combine("f")));
    }

    [Fact]
    public void AFullDiskKeepsTheOldContentAndRemovesTheTempFile()
    {
        using var dir = Scratch.Tmpfs();
        var path = dir.Combine("table");
        File.WriteAllBytes(path, Old);
        var fault = Assert.Throws<IOException>(() => AtomicFile.WriteAllBytes(path, new byte[512 * 1024]));
        Assert.Contains("No space left on device", fault.Message, StringComparison.Ordinal);
        Assert.Equal(Old, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + AtomicFile.TempSuffix));

        // Small content fits again once the failed temp file is gone: nothing leaked.
        AtomicFile.WriteAllBytes(path, new byte[200 * 1024]);
        Assert.Equal(200 * 1024, new FileInfo(path).Length);
    }

    [Fact]
    public void ADiskFilledByOthersFailsTheWriteUntilSpaceIsFreed()
    {
        using var dir = Scratch.Tmpfs();
        var path = dir.Combine("table");
        File.WriteAllBytes(path, Old);
        var filler = dir.Fill();
        Assert.Throws<IOException>(() => AtomicFile.Write(path, static stream => stream.Write(new byte[64 * 1024])));
        Assert.Equal(Old, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + AtomicFile.TempSuffix));

        File.Delete(filler);
        AtomicFile.WriteAllBytes(path, "recovered"u8);
        Assert.Equal("recovered"u8.ToArray(), File.ReadAllBytes(path));
    }

    [Fact]
    public void AReadOnlyDiskKeepsTheOldContent()
    {
        using var dir = Scratch.Tmpfs();
        var path = dir.Combine("table");
        File.WriteAllBytes(path, Old);
        dir.RemountReadOnly();
        var fault = Assert.Throws<IOException>(() => AtomicFile.WriteAllBytes(path, "new"u8));
        Assert.Contains("Read-only file system", fault.Message, StringComparison.Ordinal);
        Assert.Equal(Old, File.ReadAllBytes(path));
        Assert.False(File.Exists(path + AtomicFile.TempSuffix));

        dir.RemountReadWrite();
        AtomicFile.WriteAllBytes(path, "new"u8);
        Assert.Equal("new"u8.ToArray(), File.ReadAllBytes(path));
    }

    [Fact]
    public void SyncDirectoryFsyncsARealDirectory()
    {
        using var dir = Scratch.OnDisk();
        Directory.CreateDirectory(dir.Combine("ks"));
        AtomicFile.SyncDirectory(dir.Combine("ks"));
        AtomicFile.SyncDirectory(dir.Path);
    }

    [Fact]
    public void SyncDirectoryOfAMissingDirectoryNamesTheErrno()
    {
        using var dir = Scratch.OnDisk();
        var missing = dir.Combine("missing");
        var fault = Assert.Throws<IOException>(() => AtomicFile.SyncDirectory(missing));
        Assert.Equal($"open directory {missing}: No such file or directory (os error 2)", fault.Message);
    }

    [Fact]
    public void SyncDirectoryOfAFileIsRefused()
    {
        using var dir = Scratch.OnDisk();
        var file = dir.Combine("file");
        File.WriteAllBytes(file, Old);
        var fault = Assert.Throws<IOException>(() => AtomicFile.SyncDirectory(file));
        Assert.EndsWith("Not a directory (os error 20)", fault.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingDirectoryFailsBeforeAnythingIsWritten()
    {
        using var dir = Scratch.OnDisk();
        Assert.Throws<DirectoryNotFoundException>(() => AtomicFile.WriteAllBytes(dir.Combine("no", "file"), Old));
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }
}
