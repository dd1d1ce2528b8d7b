using System.Runtime.InteropServices;
using SkydFast.Persistence.Cyanstore;
using SkydFast.Store;
using static SkydFast.Persistence.Tests.Cyanstore.Cyan;

namespace SkydFast.Persistence.Tests.Cyanstore;

/// <summary>The writers: the count guard of DECISIONS.md 12, argument checks, and no allocation per entry.</summary>
public sealed class WriterTests
{
    [Fact]
    public void EndingWithFewerEntriesThanDeclaredThrows()
    {
        using var writer = new KvTableWriter(new MemoryStream());
        writer.Begin(3);
        writer.Write("a"u8, "1"u8);
        writer.Write("b"u8, "2"u8);
        var error = Assert.Throws<InvalidOperationException>(writer.End);
        Assert.Equal("2 entries written, 3 declared", error.Message);
    }

    [Fact]
    public void WritingMoreEntriesThanDeclaredThrowsBeforeWritingTheExtraEntry()
    {
        var stream = new MemoryStream();
        using var writer = new ListTableWriter(stream);
        writer.Begin(1);
        writer.Write("l"u8, [[1]]);
        Assert.Throws<InvalidOperationException>(() => writer.Write("m"u8, []));
        writer.End();
        Assert.Single(DecodeLists(stream.ToArray()));
    }

    [Fact]
    public void WritingBeforeBeginOrAfterEndThrows()
    {
        using var writer = new AuthTableWriter(new MemoryStream());
        Assert.Throws<InvalidOperationException>(() => writer.Write("u"u8, new byte[40]));
        Assert.Throws<InvalidOperationException>(writer.End);
        writer.Begin(0);
        Assert.Throws<InvalidOperationException>(() => writer.Begin(0));
        writer.End();
        Assert.Throws<InvalidOperationException>(() => writer.Write("u"u8, new byte[40]));
        Assert.Throws<InvalidOperationException>(writer.End);
    }

    [Fact]
    public void AuthWriterRefusesWhatTheReaderWouldRefuse()
    {
        using var writer = new AuthTableWriter(new MemoryStream());
        writer.Begin(1);
        Assert.Throws<ArgumentException>(() => writer.Write(new byte[41], new byte[40]));
        Assert.Throws<ArgumentException>(() => writer.Write("u"u8, new byte[39]));
        Assert.Equal(0UL, writer.Written);
    }

    [Fact]
    public void MetadataWritersRefuseNamesTheReaderWouldRefuse()
    {
        Assert.Throws<ArgumentException>(() => EncodePreload("default"));
        Assert.Throws<ArgumentException>(() => EncodePreload("system", "a", "a"));
        Assert.Throws<ArgumentException>(() => EncodePreload("system", new string('a', 65)));
        Assert.Throws<ArgumentException>(() => EncodePreload("system", "\u0100"));
        Assert.Throws<ArgumentException>(() => EncodePartmap(Persistent("t"), Persistent("t")));
        Assert.Throws<ArgumentException>(() => EncodePartmap(Persistent("t", (TableModel)8)));
    }

    [Fact]
    public void NothingReachesTheStreamBeforeEndForSmallFiles()
    {
        var stream = new MemoryStream();
        using var writer = new KvTableWriter(stream);
        writer.Begin(1);
        writer.Write("k"u8, "v"u8);
        Assert.Equal(0, stream.Length);
        writer.End();
        Assert.Equal(26, stream.Length);
    }

    [Fact]
    public void EncodingEntriesAllocatesNothingPerEntry()
    {
        var key = new byte[16];
        var value = new byte[64];
        byte[][] elements = [key, value, value];
        List<byte[]> list = [value, key];
        using var kv = new KvTableWriter(Stream.Null);
        using var lists = new ListTableWriter(Stream.Null);
        kv.Begin(100_001);
        lists.Begin(100_001);
        kv.Write(key, value);
        lists.Write(key, elements);
        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 100_000; i++)
        {
            kv.Write(key, value);
            lists.Write(key, CollectionsMarshal.AsSpan(list));
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
        kv.End();
        lists.End();
    }
}
