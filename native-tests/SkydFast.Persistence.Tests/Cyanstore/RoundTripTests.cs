using SkydFast.Persistence.Cyanstore;
using SkydFast.Store;
using static SkydFast.Persistence.Tests.Cyanstore.Cyan;

namespace SkydFast.Persistence.Tests.Cyanstore;

/// <summary>Random content, seeded, through every file kind: encode then decode, and big-endian files decoded.</summary>
public sealed class RoundTripTests
{
    public static TheoryData<int> Seeds => [1, 2, 3, 42, 1234];

    [Theory]
    [MemberData(nameof(Seeds))]
    public void KvTableRoundTripsRandomBinaryEntries(int seed)
    {
        var entries = RandomEntries(new Random(seed), 300);
        var file = EncodeKv(entries);
        AssertSame(entries, DecodeKv(file));
        AssertSame(entries, DecodeKv(new TrickleStream(file, 7)));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void KvTableWrittenBigEndianDecodesWithTheBigEndianOrder(int seed)
    {
        var entries = RandomEntries(new Random(seed), 200);
        var file = new FileBuilder(CyanstoreByteOrder.BigEndian).Kv(entries).ToArray();
        AssertSame(entries, DecodeKv(file, CyanstoreByteOrder.BigEndian));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void ListTableRoundTripsRandomListsInBothOrders(int seed)
    {
        var random = new Random(seed);
        var lists = Enumerable.Range(0, 100)
            .Select(i => (Name: RandomBytes(random, 20), Elements: Enumerable.Range(0, random.Next(6)).Select(_ => RandomBytes(random, 50)).ToList()))
            .ToList();
        AssertSame(lists, DecodeLists(EncodeLists(lists)));
        AssertSame(lists, DecodeLists(new FileBuilder(CyanstoreByteOrder.BigEndian).Lists(lists).ToArray(), CyanstoreByteOrder.BigEndian));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void AuthTableRoundTripsInBothOrders(int seed)
    {
        var random = new Random(seed);
        var users = Enumerable.Range(0, 20)
            .Select(i => new AuthEntry([.. Utf8($"user{i}_"), .. RandomBytes(random, 30)], RandomExact(random, 40)))
            .ToList();
        AssertSame(users, DecodeAuth(EncodeAuth(users)));
        var bigEndian = new FileBuilder(CyanstoreByteOrder.BigEndian).U64((ulong)users.Count);
        foreach (var user in users)
        {
            bigEndian.U64((ulong)user.Username.Length).U64(40).Raw(user.Username).Raw(user.Hash);
        }

        AssertSame(users, DecodeAuth(bigEndian.ToArray(), CyanstoreByteOrder.BigEndian));
    }

    [Theory]
    [MemberData(nameof(Seeds))]
    public void PartmapRoundTripsEveryModelAndStorageInBothOrders(int seed)
    {
        var random = new Random(seed);
        var tables = Enumerable.Range(0, 40)
            .Select(i => new PartmapEntry($"t{i}_{new string('x', random.Next(50))}", random.Next(2) == 1, (TableModel)random.Next(8)))
            .ToArray();
        Assert.Equal(tables, DecodePartmap(EncodePartmap(tables)));
        var bigEndian = new FileBuilder(CyanstoreByteOrder.BigEndian).Partmap(tables).ToArray();
        Assert.Equal(tables, DecodePartmap(bigEndian, CyanstoreByteOrder.BigEndian));
    }

    [Fact]
    public void PreloadRoundTripsAndABigEndianMarkerSelectsTheBigEndianOrder()
    {
        string[] keyspaces = ["system", "default", "a", new string('k', 64), "_x9"];
        var little = DecodePreload(EncodePreload(keyspaces));
        Assert.Equal(CyanstoreByteOrder.LittleEndian, little.ByteOrder);
        Assert.Equal(keyspaces, little.Keyspaces);
        var big = DecodePreload(new FileBuilder(CyanstoreByteOrder.BigEndian).Preload(keyspaces).ToArray());
        Assert.Equal(CyanstoreByteOrder.BigEndian, big.ByteOrder);
        Assert.Equal(keyspaces, big.Keyspaces);
    }

    [Fact]
    public void ValuesLargerThanTheBufferRoundTripThroughSeekableAndTricklingStreams()
    {
        var random = new Random(7);
        List<(byte[] Key, byte[] Value)> entries =
        [
            (RandomExact(random, 100_000), RandomExact(random, 3_000_000)),
            ([], RandomExact(random, 70_000)),
            (RandomExact(random, 5), []),
        ];
        var file = EncodeKv(entries);
        AssertSame(entries, DecodeKv(file));
        AssertSame(entries, DecodeKv(new TrickleStream(file, 100_003)));
        AssertSame(entries, DecodeKv(new TrickleStream(file, int.MaxValue)));
    }

    private static List<(byte[] Key, byte[] Value)> RandomEntries(Random random, int count)
    {
        // Index 0 and 1 pin the edge cases: an empty key with an empty value, an empty value.
        List<(byte[], byte[])> entries = [([], []), (Utf8("k"), [])];
        for (var i = 0; i < count; i++)
        {
            entries.Add(([.. Utf8($"{i}:"), .. RandomBytes(random, 40)], RandomBytes(random, 300)));
        }

        return entries;
    }

    private static byte[] RandomBytes(Random random, int maxLength) => RandomExact(random, random.Next(maxLength + 1));

    private static byte[] RandomExact(Random random, int length)
    {
        var bytes = new byte[length];
        random.NextBytes(bytes);
        return bytes;
    }
}
