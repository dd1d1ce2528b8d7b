using SkydFast.Persistence.Cyanstore;
using SkydFast.Store;
using static SkydFast.Persistence.Tests.Cyanstore.Cyan;

namespace SkydFast.Persistence.Tests.Cyanstore;

/// <summary>Declared counts and lengths never allocate ahead of the data: a forged one fails at the end of the file.</summary>
public sealed class ForgedLengthTests
{
    // The reader's pooled buffer, one growth chunk and the exception text fit well below this.
    private const long Budget = 256 * 1024;

    public static TheoryData<string> Files => ["kv count", "kv key", "kv value", "list count", "list name", "element count", "element", "preload count", "partmap count", "auth count"];

    [Theory]
    [MemberData(nameof(Files))]
    public void AHugeDeclaredCountOrLengthFailsAtTheEndOfTheFileWithoutAllocatingIt(string what)
    {
        var file = Forged(what).ToArray();
        foreach (var trickle in new[] { false, true })
        {
            // The first decode warms the array pool and the JIT; the second is measured.
            _ = Decode(what, Stream(file, trickle));
            var stream = Stream(file, trickle);
            var before = GC.GetAllocatedBytesForCurrentThread();
            var error = Decode(what, stream);
            var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            Assert.NotNull(error);
            Assert.Equal(CyanstoreErrorKind.Corrupted, error.Kind);
            Assert.True(allocated < Budget, $"{what}: {allocated} bytes allocated (trickle={trickle})");
        }
    }

    [Fact]
    public void AForgedEntryCountMakesRoomInTheTableOnlyForWhatTheFileCouldHold()
    {
        // 2^40 entries declared and one present: the loader reserves table room for at most one entry per 16 bytes
        // of file, a few, not 2^40.
        var file = new FileBuilder().U64(1UL << 40).U64(1).U64(1).Raw("k"u8).Raw("v"u8).ToArray();
        _ = Assert.Throws<CyanstoreFormatException>(() => CyanstoreTableLoader.Load(new MemoryStream(file), "t", Le, new Table("t", TableModel.BinstrBinstr, isVolatile: false)));
        var table = new Table("t", TableModel.BinstrBinstr, isVolatile: false);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var error = Assert.Throws<CyanstoreFormatException>(() => CyanstoreTableLoader.Load(new MemoryStream(file), "t", Le, table));
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.Equal(CyanstoreErrorKind.Corrupted, error.Kind);
        Assert.True(allocated < Budget, $"{allocated} bytes allocated");
    }

    [Fact]
    public void ALengthBeyondTheLargestArrayIsCorruptedEvenWhenTheStreamClaimsToHoldIt()
    {
        var file = new FileBuilder().U64(1).U64(1UL << 40).U64(0).ToArray();
        var error = Assert.Throws<CyanstoreFormatException>(() => SkimKv(new TrickleStream(file, 4096, claimedLength: long.MaxValue)));
        Assert.Equal(24, error.Offset);
        Assert.Equal("key of entry 1 of 1 declares 1099511627776 bytes, more than one value can hold", error.Reason);
    }

    [Fact]
    public void AForgedValueLengthOnANonSeekableStreamFailsWithTheBytesPresent()
    {
        var file = new FileBuilder().U64(1).U64(0).U64(2_000_000_000).Raw(new byte[100_000]).ToArray();
        var error = Assert.Throws<CyanstoreFormatException>(() => SkimKv(new TrickleStream(file, 4096)));
        Assert.Equal(24, error.Offset);
        Assert.Equal("value of entry 1 of 1 needs 2000000000 bytes, the file ends after 100000", error.Reason);
    }

    private static Stream Stream(byte[] file, bool trickle) => trickle ? new TrickleStream(file, 1000) : new MemoryStream(file);

    private static FileBuilder Forged(string what)
    {
        const ulong Huge = 1UL << 63;
        var some = new byte[3000];
        return what switch
        {
            "kv count" => new FileBuilder().U64(Huge).U64(1).U64(1).Raw([1, 2]),
            "kv key" => new FileBuilder().U64(1).U64(Huge / 4).U64(1).Raw(some),
            "kv value" => new FileBuilder().U64(1).U64(1).U64(Huge / 4).Raw(some),
            "list count" => new FileBuilder().U64(Huge).U64(1).Raw([1]).U64(0),
            "list name" => new FileBuilder().U64(1).U64(Huge / 4).Raw(some),
            "element count" => new FileBuilder().U64(1).U64(1).Raw([1]).U64(Huge).U64(0).U64(0),
            "element" => new FileBuilder().U64(1).U64(1).Raw([1]).U64(1).U64(Huge / 4).Raw(some),
            "preload count" => new FileBuilder().Byte(0x80).U64(Huge).Name("system"),
            "partmap count" => new FileBuilder().U64(Huge).Name("t").Byte(0).Byte(0),
            _ => new FileBuilder().U64(Huge),
        };
    }

    private static CyanstoreFormatException? Decode(string what, Stream stream)
    {
        try
        {
            switch (what)
            {
                case "kv count" or "kv key" or "kv value":
                    SkimKv(stream);
                    break;
                case "preload count":
                    PreloadFile.Read(stream, "p");
                    break;
                case "partmap count":
                    PartmapFile.Read(stream, "p", Le, isSystem: false);
                    break;
                case "auth count":
                    AuthTableFile.Read(stream, "a", Le);
                    break;
                default:
                    SkimLists(stream);
                    break;
            }
        }
        catch (CyanstoreFormatException error)
        {
            return error;
        }

        return null;
    }
}
