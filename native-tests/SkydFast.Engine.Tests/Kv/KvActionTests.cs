using SkydFast.Store;
using static SkydFast.Engine.Tests.Kv.KvReplies;
using static SkydFast.Testing.Replies;

namespace SkydFast.Engine.Tests.Kv;

/// <summary>Each key/value action's own behaviour (actions.md §3).</summary>
public sealed class KvActionTests : IDisposable
{
    private readonly EngineHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void GetOnMissingKeyReturnsNil() => Assert.Equal(Nil, _h.Q("GET", "x"));

    [Fact]
    public void SetThenGetReturnsTheBinaryValue()
    {
        Assert.Equal(Okay, _h.Q("SET", "x", "100"));
        Assert.Equal("*1\n?3\n100\n", _h.Q("GET", "x"));
    }

    [Fact]
    public void SetOnPresentKeyAnswersOverwriteAndKeepsTheValue()
    {
        Assert.Equal(Okay, _h.Q("SET", "x", "1"));
        Assert.Equal(Overwrite, _h.Q("SET", "x", "2"));
        Assert.Equal("1", _h.Stored("x"));
    }

    [Fact]
    public void StrValuesAreAnsweredWithPlusSymbol()
    {
        _h.UseTable("s", TableModel.StrStr);
        Assert.Equal(Okay, _h.Q("SET", "x", "héllo"));
        Assert.Equal("*1\n+6\nh\u00c3\u00a9llo\n", _h.Q("GET", "x"));
        Assert.Equal("*1\n@+2\n6\nh\u00c3\u00a9llo\n\0\n", _h.Q("MGET", "x", "y"));
        Assert.Equal("*1\n+6\nh\u00c3\u00a9llo\n", _h.Q("POP", "x"));
    }

    [Fact]
    public void BinaryKeysAndValuesRoundTripOnTheDefaultTable()
    {
        byte[] key = [0, (byte)'\n', 0xFF, 0xC0];
        byte[] value = [(byte)'\n', 0, 0xFE];
        Assert.Equal(Okay, _h.Q(B("SET"), key, value));
        Assert.Equal("*1\n?3\n\n\0\u00fe\n", _h.Q(B("GET"), key));
        Assert.Equal(Int(3), _h.Q(B("KEYLEN"), key));
        Assert.Equal(Int(1), _h.Q(B("EXISTS"), key));
        Assert.Equal("*1\n?3\n\n\0\u00fe\n", _h.Q(B("POP"), key));
    }

    [Theory]
    [InlineData(TableModel.StrStr, true, true)]
    [InlineData(TableModel.StrBinstr, true, false)]
    [InlineData(TableModel.BinstrStr, false, true)]
    public void GetAndSetCheckTheColumnsThatAreStr(TableModel model, bool keyIsStr, bool valueIsStr)
    {
        _h.UseTable("s", model);
        Assert.Equal(keyIsStr ? EncodingError : Nil, _h.Q(B("GET"), BadUtf8));
        Assert.Equal(keyIsStr ? EncodingError : Nil, _h.Q(B("UPDATE"), BadUtf8, B("v")));
        Assert.Equal(keyIsStr ? EncodingError : Okay, _h.Q(B("SET"), BadUtf8, B("v")));
        Assert.Equal(valueIsStr ? EncodingError : Okay, _h.Q(B("SET"), B("k"), BadUtf8));
        Assert.Equal(valueIsStr ? EncodingError : Okay, _h.Q(B("UPDATE"), B("k"), BadUtf8));
    }

    [Fact]
    public void SetChecksTheKeyBeforeTheValue()
    {
        _h.UseTable("s", TableModel.StrStr);
        Assert.Equal(EncodingError, _h.Q(B("SET"), BadUtf8, BadUtf8));
        Assert.Equal(0, _h.Session.CurrentTable!.Count);
    }

    [Fact]
    public void EmptyKeyAndValueAreValid()
    {
        _h.UseTable("s", TableModel.StrStr);
        Assert.Equal(Okay, _h.Q("SET", "", ""));
        Assert.Equal("*1\n+0\n\n", _h.Q("GET", ""));
        Assert.Equal(Int(0), _h.Q("KEYLEN", ""));
    }

    [Fact]
    public void UpdateReplacesPresentValue()
    {
        Assert.Equal(Okay, _h.Q("SET", "x", "1"));
        Assert.Equal(Okay, _h.Q("UPDATE", "x", "22"));
        Assert.Equal("22", _h.Stored("x"));
    }

    [Fact]
    public void UpdateOnMissingKeyAnswersNilAndStoresNothing()
    {
        Assert.Equal(Nil, _h.Q("UPDATE", "x", "1"));
        Assert.Null(_h.Stored("x"));
    }

    [Fact]
    public void DelCountsRemovedKeysAndARepeatedKeyOnce()
    {
        Assert.Equal(Int(2), _h.Q("MSET", "a", "1", "b", "2"));
        Assert.Equal(Int(2), _h.Q("DEL", "a", "a", "b", "c"));
        Assert.Equal(0, _h.Store.DefaultTable.Count);
        Assert.Equal(Int(0), _h.Q("DEL", "a"));
    }

    [Fact]
    public void DelWithOneBadKeyDeletesNothing()
    {
        _h.UseTable("s", TableModel.StrStr);
        Assert.Equal(Okay, _h.Q("SET", "a", "1"));
        Assert.Equal(EncodingError, _h.Q(B("DEL"), B("a"), BadUtf8));
        Assert.Equal("1", _h.Stored("a"));
    }

    [Fact]
    public void DelAndExistsWorkOnListTables()
    {
        var table = _h.UseListTable();
        Assert.True(table.Lists!.TryInsert(B("l"), new StoredList([B("e")])));
        Assert.Equal(Int(3), _h.Q("EXISTS", "l", "l", "m", "l"));
        Assert.Equal(EncodingError, _h.Q(B("EXISTS"), B("l"), BadUtf8));
        Assert.Equal(EncodingError, _h.Q(B("DEL"), B("l"), BadUtf8));
        Assert.Equal(Int(1), _h.Q("DEL", "l", "l", "m"));
        Assert.Equal(0, table.Count);
    }

    [Fact]
    public void ExistsCountsRepeatedArgumentsEachTime()
    {
        Assert.Equal(Okay, _h.Q("SET", "x", "1"));
        Assert.Equal(Int(2), _h.Q("EXISTS", "x", "x"));
        Assert.Equal(Int(2), _h.Q("EXISTS", "x", "y", "x"));
        Assert.Equal(Int(0), _h.Q("EXISTS", "y"));
    }

    [Fact]
    public void ExistsChecksEveryKeyOnStrTable()
    {
        _h.UseTable("s", TableModel.StrBinstr);
        Assert.Equal(EncodingError, _h.Q(B("EXISTS"), B("x"), BadUtf8));
    }

    [Fact]
    public void MGetAnswersOneEntryPerArgumentInOrder()
    {
        Assert.Equal(Int(2), _h.Q("MSET", "a", "1", "b", "22"));
        Assert.Equal("*1\n@?4\n2\n22\n\0\n1\n1\n2\n22\n", _h.Q("MGET", "b", "zz", "a", "b"));
    }

    [Fact]
    public void MGetWithABadKeyAnswersEncodingError()
    {
        _h.UseTable("s", TableModel.StrStr);
        Assert.Equal(EncodingError, _h.Q(B("MGET"), B("a"), BadUtf8));
    }

    [Fact]
    public void MGetOfManyKeysUsesMoreThanTheStackBuffer()
    {
        var args = new List<string> { "MSET" };
        for (var i = 0; i < 100; i++)
        {
            args.Add("k" + i);
            args.Add("v" + i);
        }

        Assert.Equal(Int(100), _h.Q([.. args]));
        var keys = Enumerable.Range(0, 100).Select(i => "k" + i).Prepend("MGET").ToArray();
        var expected = "*1\n@?100\n" + string.Concat(Enumerable.Range(0, 100).Select(i => $"{("v" + i).Length}\nv{i}\n"));
        Assert.Equal(expected, _h.Q(keys));
    }

    [Fact]
    public void MSetInsertsOnlyAbsentKeysAndARepeatedKeyOnceWithItsFirstValue()
    {
        Assert.Equal(Okay, _h.Q("SET", "a", "old"));
        Assert.Equal(Int(2), _h.Q("MSET", "a", "new", "b", "1", "b", "2", "c", "3"));
        Assert.Equal("old", _h.Stored("a"));
        Assert.Equal("1", _h.Stored("b"));
        Assert.Equal("3", _h.Stored("c"));
    }

    [Theory]
    [InlineData("MSET")]
    [InlineData("MUPDATE")]
    [InlineData("USET")]
    public void PairWritesWithOneBadPairWriteNothing(string action)
    {
        _h.UseTable("s", TableModel.StrStr);
        Assert.Equal(Okay, _h.Q("SET", "a", "1"));
        Assert.Equal(EncodingError, _h.Q(B(action), B("a"), B("2"), B("b"), B("3"), B("c"), BadUtf8));
        Assert.Equal(EncodingError, _h.Q(B(action), B("a"), B("2"), BadUtf8, B("3")));
        Assert.Equal("1", _h.Stored("a"));
        Assert.Null(_h.Stored("b"));
    }

    [Fact]
    public void MUpdateCountsReplacementsAndRepeatsEachTime()
    {
        Assert.Equal(Int(1), _h.Q("MSET", "a", "1"));
        Assert.Equal(Int(2), _h.Q("MUPDATE", "a", "2", "b", "x", "a", "3"));
        Assert.Equal("3", _h.Stored("a"));
        Assert.Null(_h.Stored("b"));
    }

    [Fact]
    public void USetAnswersTheNumberOfPairsAndLastValueWins()
    {
        Assert.Equal(Okay, _h.Q("SET", "a", "1"));
        Assert.Equal(Int(3), _h.Q("USET", "a", "2", "b", "x", "b", "y"));
        Assert.Equal("2", _h.Stored("a"));
        Assert.Equal("y", _h.Stored("b"));
    }

    [Fact]
    public void PopRemovesAndReturnsTheValue()
    {
        Assert.Equal(Okay, _h.Q("SET", "a", "xyz"));
        Assert.Equal("*1\n?3\nxyz\n", _h.Q("POP", "a"));
        Assert.Equal(Nil, _h.Q("POP", "a"));
        Assert.Null(_h.Stored("a"));
    }

    [Fact]
    public void PopWithBadKeyOnStrTableAnswersEncodingError()
    {
        _h.UseTable("s", TableModel.StrStr);
        Assert.Equal(EncodingError, _h.Q(B("POP"), BadUtf8));
    }

    [Fact]
    public void MPopReturnsRemovedValuesAndNullForARepeatedKey()
    {
        Assert.Equal(Int(2), _h.Q("MSET", "a", "1", "b", "22"));
        Assert.Equal("*1\n@?4\n1\n1\n\0\n\0\n2\n22\n", _h.Q("MPOP", "a", "a", "c", "b"));
        Assert.Equal(0, _h.Store.DefaultTable.Count);
    }

    [Fact]
    public void MPopWithOneBadKeyRemovesNothing()
    {
        _h.UseTable("s", TableModel.StrStr);
        Assert.Equal(Okay, _h.Q("SET", "a", "1"));
        Assert.Equal(EncodingError, _h.Q(B("MPOP"), B("a"), BadUtf8));
        Assert.Equal("1", _h.Stored("a"));
    }

    [Fact]
    public void KeyLenAnswersTheValueByteLength()
    {
        Assert.Equal(Okay, _h.Q("SET", "a", "héllo"));
        Assert.Equal(Int(6), _h.Q("KEYLEN", "a"));
        Assert.Equal(Nil, _h.Q("KEYLEN", "b"));
    }

    [Fact]
    public void KeyLenWithInvalidUtf8KeyOnStrTableAnswersNilNotEncodingError()
    {
        _h.UseTable("s", TableModel.StrStr);
        Assert.Equal(Nil, _h.Q(B("KEYLEN"), BadUtf8));
    }

    [Fact]
    public void KeyLenOfALongValueUsesAMultiDigitInteger()
    {
        Assert.Equal(Okay, _h.Q("SET", "a", new string('v', 12345)));
        Assert.Equal("*1\n:5\n12345\n", _h.Q("KEYLEN", "a"));
    }
}
