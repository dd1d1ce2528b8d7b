using System.Text;
using SkydFast.Persistence.Cyanstore;
using SkydFast.Store;

namespace SkydFast.Persistence.Tests.Cyanstore;

/// <summary>Encode and decode helpers shared by the Cyanstore tests.</summary>
internal static class Cyan
{
    public const CyanstoreByteOrder Le = CyanstoreByteOrder.LittleEndian;

    public static byte[] Hex(string hex) => Convert.FromHexString(hex.Replace(" ", "", StringComparison.Ordinal));

    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);

    public static byte[] EncodeKv(IReadOnlyList<(byte[] Key, byte[] Value)> entries)
    {
        using var stream = new MemoryStream();
        using var writer = new KvTableWriter(stream);
        writer.Begin((ulong)entries.Count);
        foreach (var (key, value) in entries)
        {
            writer.Write(key, value);
        }

        writer.End();
        return stream.ToArray();
    }

    public static byte[] EncodeLists(IReadOnlyList<(byte[] Name, List<byte[]> Elements)> lists)
    {
        using var stream = new MemoryStream();
        using var writer = new ListTableWriter(stream);
        writer.Begin((ulong)lists.Count);
        foreach (var (name, elements) in lists)
        {
            writer.Write(name, elements.ToArray());
        }

        writer.End();
        return stream.ToArray();
    }

    public static byte[] EncodeAuth(IReadOnlyList<AuthEntry> users)
    {
        using var stream = new MemoryStream();
        using var writer = new AuthTableWriter(stream);
        writer.Begin((ulong)users.Count);
        foreach (var user in users)
        {
            writer.Write(user.Username, user.Hash);
        }

        writer.End();
        return stream.ToArray();
    }

    public static byte[] EncodePreload(params string[] keyspaces)
    {
        using var stream = new MemoryStream();
        PreloadFile.Write(stream, keyspaces);
        return stream.ToArray();
    }

    public static byte[] EncodePartmap(params PartmapEntry[] tables)
    {
        using var stream = new MemoryStream();
        PartmapFile.Write(stream, tables);
        return stream.ToArray();
    }

    public static List<(byte[] Key, byte[] Value)> DecodeKv(byte[] file, CyanstoreByteOrder order = Le) => DecodeKv(new MemoryStream(file), order);

    public static List<(byte[] Key, byte[] Value)> DecodeKv(Stream file, CyanstoreByteOrder order = Le)
    {
        var sink = new KvCollector([]);
        KvTableReader.Read(file, "t", order, ref sink);
        return sink.Entries;
    }

    public static List<(byte[] Name, List<byte[]> Elements)> DecodeLists(byte[] file, CyanstoreByteOrder order = Le) =>
        DecodeLists(new MemoryStream(file), order);

    public static List<(byte[] Name, List<byte[]> Elements)> DecodeLists(Stream file, CyanstoreByteOrder order = Le)
    {
        var sink = new ListCollector([]);
        ListTableReader.Read(file, "t", order, ref sink);
        return sink.Lists;
    }

    /// <summary>Decodes a key/value file keeping nothing; returns the declared count.</summary>
    public static ulong SkimKv(Stream file, string path = "t", CyanstoreByteOrder order = Le)
    {
        var sink = default(NullSink);
        return KvTableReader.Read(file, path, order, ref sink);
    }

    /// <summary>Decodes a list file keeping nothing; returns the declared count.</summary>
    public static ulong SkimLists(Stream file, CyanstoreByteOrder order = Le)
    {
        var sink = default(NullSink);
        return ListTableReader.Read(file, "t", order, ref sink);
    }

    public static List<AuthEntry> DecodeAuth(byte[] file, CyanstoreByteOrder order = Le) =>
        AuthTableFile.Read(new MemoryStream(file), "data/ks/system/auth", order);

    public static PreloadContents DecodePreload(byte[] file) => PreloadFile.Read(new MemoryStream(file), "data/ks/PRELOAD");

    public static List<PartmapEntry> DecodePartmap(byte[] file, CyanstoreByteOrder order = Le, bool isSystem = false) =>
        PartmapFile.Read(new MemoryStream(file), "data/ks/default/PARTMAP", order, isSystem);

    public static void AssertSame(IReadOnlyList<(byte[] Key, byte[] Value)> expected, IReadOnlyList<(byte[] Key, byte[] Value)> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Key, actual[i].Key);
            Assert.Equal(expected[i].Value, actual[i].Value);
        }
    }

    public static void AssertSame(IReadOnlyList<(byte[] Name, List<byte[]> Elements)> expected, IReadOnlyList<(byte[] Name, List<byte[]> Elements)> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Name, actual[i].Name);
            Assert.Equal(expected[i].Elements, actual[i].Elements);
        }
    }

    public static void AssertSame(IReadOnlyList<AuthEntry> expected, IReadOnlyList<AuthEntry> actual)
    {
        Assert.Equal(expected.Count, actual.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            Assert.Equal(expected[i].Username, actual[i].Username);
            Assert.Equal(expected[i].Hash, actual[i].Hash);
        }
    }

    public static PartmapEntry Persistent(string name, TableModel model = TableModel.BinstrBinstr) => new(name, false, model);

    private readonly struct NullSink : IKvEntrySink, IListEntrySink
    {
        public void Add(ReadOnlySpan<byte> key, byte[] value)
        {
        }

        public void Reserve(long entries)
        {
        }

        public void Add(ReadOnlySpan<byte> name, List<byte[]> elements)
        {
        }
    }

    private readonly struct KvCollector(List<(byte[] Key, byte[] Value)> entries) : IKvEntrySink
    {
        public List<(byte[] Key, byte[] Value)> Entries => entries;

        public void Add(ReadOnlySpan<byte> key, byte[] value) => entries.Add((key.ToArray(), value));

        public void Reserve(long entries)
        {
        }
    }

    private readonly struct ListCollector(List<(byte[] Name, List<byte[]> Elements)> lists) : IListEntrySink
    {
        public List<(byte[] Name, List<byte[]> Elements)> Lists => lists;

        public void Add(ReadOnlySpan<byte> name, List<byte[]> elements) => lists.Add((name.ToArray(), elements));
    }
}
