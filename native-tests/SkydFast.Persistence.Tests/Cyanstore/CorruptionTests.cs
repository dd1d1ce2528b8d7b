using SkydFast.Persistence.Cyanstore;
using SkydFast.Store;
using static SkydFast.Persistence.Tests.Cyanstore.Cyan;

namespace SkydFast.Persistence.Tests.Cyanstore;

/// <summary>Every structural rule of §2.1-2.5: the error kind, the upstream text, the offset and the reason.</summary>
public sealed class CorruptionTests
{
    private const string TablePath = "data/ks/default/default";

    public static TheoryData<string> FileKinds => ["preload", "partmap", "kv", "list", "auth"];

    [Theory]
    [MemberData(nameof(FileKinds))]
    public void TruncationAtEveryOffsetIsCorruptionAtTheStartOfTheCutField(string kind)
    {
        var (builder, decode) = Sample(kind);
        var file = builder.ToArray();
        for (var cut = 0; cut < file.Length; cut++)
        {
            var prefix = file[..cut];
            var expected = kind == "preload" && cut < 16 ? cut : builder.FieldStarts.Where(start => start <= cut).Max();
            foreach (var stream in new Stream[] { new MemoryStream(prefix), new TrickleStream(prefix, 3) })
            {
                var error = Assert.Throws<CyanstoreFormatException>(() => decode(stream));
                Assert.Equal(CyanstoreErrorKind.Corrupted, error.Kind);
                Assert.Equal(expected, error.Offset);
            }
        }
    }

    [Theory]
    [MemberData(nameof(FileKinds))]
    public void AWholeSampleFileDecodes(string kind)
    {
        var (builder, decode) = Sample(kind);
        decode(new MemoryStream(builder.ToArray()));
    }

    [Theory]
    [InlineData("preload")]
    [InlineData("partmap")]
    [InlineData("kv")]
    [InlineData("list")]
    public void ATrailingByteIsCorruptionAtTheEndOfTheLastEntry(string kind)
    {
        var (builder, decode) = Sample(kind);
        var file = builder.Byte(0xEE).ToArray();
        foreach (var stream in new Stream[] { new MemoryStream(file), new TrickleStream(file, 5) })
        {
            var error = Assert.Throws<CyanstoreFormatException>(() => decode(stream));
            Assert.Equal(CyanstoreErrorKind.Corrupted, error.Kind);
            Assert.Equal(file.Length - 1, error.Offset);
            Assert.EndsWith("1 byte after the last of 2 declared entries", error.Reason, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void TrailingBytesAfterTheAuthTableAreIgnoredAsUpstreamDoes()
    {
        var (builder, decode) = Sample("auth");
        var users = (List<AuthEntry>)decode(new MemoryStream(builder.Raw([1, 2, 3]).ToArray()));
        Assert.Equal(2, users.Count);
    }

    [Fact]
    public void TheMessageIsUpstreamsWithOffsetAndReasonAsDecisions13aShows()
    {
        var file = new FileBuilder().Kv([(Utf8("a"), Utf8("1")), (Utf8("b"), Utf8("2"))]).Raw([1, 2, 3, 4, 5]).ToArray();
        var error = Assert.Throws<CyanstoreFormatException>(() => SkimKv(new MemoryStream(file), TablePath));
        Assert.Equal(
            "Storage engine error: file `data/ks/default/default` is corrupted (offset 44: 5 bytes after the last of 2 declared entries)",
            error.Message);
        Assert.Equal("Storage engine error: file `data/ks/default/default` is corrupted", error.UpstreamMessage);
        Assert.Equal(TablePath, error.FilePath);
    }

    [Fact]
    public void TruncationNamesTheFieldEntryAndBytesPresent()
    {
        var file = new FileBuilder().Kv([(Utf8("a"), Utf8("1")), (Utf8("key"), Utf8("value"))]).ToArray()[..^3];
        var error = Assert.Throws<CyanstoreFormatException>(() => DecodeKv(file));
        Assert.Equal("value of entry 2 of 2 needs 5 bytes, the file ends after 2", error.Reason);
    }

    [Theory]
    [InlineData(0x00)]
    [InlineData(0x7F)]
    [InlineData(0x82)]
    [InlineData(0xFF)]
    public void AnUnknownPreloadMarkerIsBadMetadata(byte marker)
    {
        var file = new FileBuilder().Preload("default", "system").ToArray();
        file[0] = marker;
        var error = Assert.Throws<CyanstoreFormatException>(() => DecodePreload(file));
        Assert.Equal(CyanstoreErrorKind.BadMetadata, error.Kind);
        Assert.Equal(0, error.Offset);
        Assert.StartsWith("Storage engine error: bad metadata in file `data/ks/PRELOAD` (offset 0: marker byte", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void APreloadShorterThan16BytesIsCorruptedEvenWithABadMarker()
    {
        var error = Assert.Throws<CyanstoreFormatException>(() => DecodePreload([0x42, 0, 0]));
        Assert.Equal(CyanstoreErrorKind.Corrupted, error.Kind);
        Assert.Equal("the file has 3 bytes, a PRELOAD has at least 16", error.Reason);
    }

    [Fact]
    public void APreloadWithoutSystemIsCorrupted()
    {
        var file = new FileBuilder().Preload("default", "other").ToArray();
        var error = Assert.Throws<CyanstoreFormatException>(() => DecodePreload(file));
        Assert.Equal(CyanstoreErrorKind.Corrupted, error.Kind);
        Assert.Equal(file.Length, error.Offset);
        Assert.Contains("`system` is missing", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ADuplicateKeyspaceIsCorruptedAtTheSecondEntry()
    {
        var error = Assert.Throws<CyanstoreFormatException>(() => DecodePreload(new FileBuilder().Preload("system", "a", "a").ToArray()));
        Assert.Equal(1 + 8 + 14 + 9, error.Offset);
        Assert.Contains("`a` is listed twice", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void NamesOf64BytesLoadAndNamesOf65AreCorruptedAtTheirLength()
    {
        var name64 = new string('n', 64);
        Assert.Contains(name64, DecodePreload(new FileBuilder().Preload("system", name64).ToArray()).Keyspaces);
        Assert.Equal(name64, DecodePartmap(new FileBuilder().Partmap(Persistent(name64)).ToArray())[0].Name);

        var name65 = new string('n', 65);
        var preload = Assert.Throws<CyanstoreFormatException>(() => DecodePreload(new FileBuilder().Preload("system", name65).ToArray()));
        Assert.Equal(1 + 8 + 14, preload.Offset);
        Assert.Equal("name length of keyspace 2 of 2 is 65, more than the limit of 64", preload.Reason);
        var partmap = Assert.Throws<CyanstoreFormatException>(() => DecodePartmap(new FileBuilder().Partmap(Persistent(name65)).ToArray()));
        Assert.Equal(8, partmap.Offset);
        Assert.Equal(CyanstoreErrorKind.Corrupted, partmap.Kind);
    }

    [Fact]
    public void ADuplicateTableIsCorrupted()
    {
        var error = Assert.Throws<CyanstoreFormatException>(() => DecodePartmap(new FileBuilder().Partmap(Persistent("t"), Persistent("t", TableModel.StrStr)).ToArray()));
        Assert.Equal(CyanstoreErrorKind.Corrupted, error.Kind);
        Assert.Equal(8 + 11, error.Offset);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(0xFF)]
    public void AStorageByteAbove1IsCorrupted(byte storage)
    {
        var file = new FileBuilder().Partmap(Persistent("t")).ToArray();
        file[^2] = storage;
        var error = Assert.Throws<CyanstoreFormatException>(() => DecodePartmap(file));
        Assert.Equal(CyanstoreErrorKind.Corrupted, error.Kind);
        Assert.Equal(file.Length - 2, error.Offset);
        Assert.Contains($"storage byte {storage} of table `t`", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(8)]
    [InlineData(0x80)]
    public void AModelByteAbove7IsBadMetadata(byte model)
    {
        var file = new FileBuilder().Partmap(Persistent("t")).ToArray();
        file[^1] = model;
        var error = Assert.Throws<CyanstoreFormatException>(() => DecodePartmap(file));
        Assert.Equal(CyanstoreErrorKind.BadMetadata, error.Kind);
        Assert.Equal(file.Length - 1, error.Offset);
        Assert.StartsWith("Storage engine error: bad metadata in file `data/ks/default/PARTMAP`", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(TableModel.BinstrStr)]
    [InlineData(TableModel.StrListStr)]
    public void ASystemTableOfAModelOtherThan0IsBadMetadata(TableModel model)
    {
        var file = new FileBuilder().Partmap(Persistent("auth", model)).ToArray();
        Assert.Equal([Persistent("auth", model)], DecodePartmap(file));
        var error = Assert.Throws<CyanstoreFormatException>(() => DecodePartmap(file, isSystem: true));
        Assert.Equal(CyanstoreErrorKind.BadMetadata, error.Kind);
    }

    [Fact]
    public void AnAuthUsernameLongerThan40IsCorrupted()
    {
        var error = Assert.Throws<CyanstoreFormatException>(() => DecodeAuth(Auth(new byte[41], new byte[40]).ToArray()));
        Assert.Equal(8, error.Offset);
        Assert.Contains("username length of user 1 of 1 is 41", error.Reason, StringComparison.Ordinal);
        Assert.Single(DecodeAuth(Auth(new byte[40], new byte[40]).ToArray()));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(39)]
    [InlineData(41)]
    public void AnAuthHashLengthOtherThan40IsCorrupted(int hashLength)
    {
        var file = new FileBuilder().U64(1).U64(1).U64((ulong)hashLength).Raw([1]).Raw(new byte[hashLength]).ToArray();
        var error = Assert.Throws<CyanstoreFormatException>(() => DecodeAuth(file));
        Assert.Equal(16, error.Offset);
        Assert.Contains($"is {hashLength}, not 40", error.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void ADuplicateAuthUserIsCorrupted()
    {
        var error = Assert.Throws<CyanstoreFormatException>(() => DecodeAuth(Auth(Utf8("root"), new byte[40], Utf8("root")).ToArray()));
        Assert.Equal(8 + 16 + 4 + 40, error.Offset);
        Assert.Contains("listed twice", error.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(FileKinds))]
    public void RandomByteFlipsEitherDecodeOrReportCorruptionNeverAnotherException(string kind)
    {
        var (builder, decode) = Sample(kind);
        var original = builder.ToArray();
        var random = new Random(kind.Length);
        for (var round = 0; round < 500; round++)
        {
            var file = (byte[])original.Clone();
            for (var flips = random.Next(1, 4); flips > 0; flips--)
            {
                file[random.Next(file.Length)] = (byte)random.Next(256);
            }

            try
            {
                decode(new MemoryStream(file));
            }
            catch (CyanstoreFormatException)
            {
            }
        }
    }

    internal static FileBuilder Auth(byte[] username, byte[] hash, byte[]? duplicate = null)
    {
        var builder = new FileBuilder().U64(duplicate is null ? 1UL : 2UL);
        builder.U64((ulong)username.Length).U64((ulong)hash.Length).Raw(username).Raw(hash);
        if (duplicate is not null)
        {
            builder.U64((ulong)duplicate.Length).U64((ulong)hash.Length).Raw(duplicate).Raw(hash);
        }

        return builder;
    }

    private static (FileBuilder Builder, Func<Stream, object> Decode) Sample(string kind) => kind switch
    {
        "preload" => (new FileBuilder().Preload("default", "system"), s => PreloadFile.Read(s, "data/ks/PRELOAD")),
        "partmap" => (new FileBuilder().Partmap(Persistent("default"), new PartmapEntry("v", true, TableModel.StrListStr)),
            s => PartmapFile.Read(s, "data/ks/default/PARTMAP", Le, isSystem: false)),
        "kv" => (new FileBuilder().Kv([(Utf8("x"), Utf8("100")), ([], [])]), s => DecodeKv(s)),
        "list" => (new FileBuilder().Lists([(Utf8("mylist"), [Utf8("a"), Utf8("bc")]), (Utf8("e"), [])]), s => DecodeLists(s)),
        _ => (Auth(Utf8("root"), new byte[40], Utf8("guest")), s => AuthTableFile.Read(s, "data/ks/system/auth", Le)),
    };
}
