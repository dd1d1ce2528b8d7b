using SkydFast.Engine.Tests.Kv;
using SkydFast.Store;
using static SkydFast.Engine.Tests.Kv.KvReplies;
using static SkydFast.Testing.Replies;

namespace SkydFast.Engine.Tests.Strong;

/// <summary>SSET, SUPDATE and SDEL: all or nothing, first problem in argument order wins (actions.md §3).</summary>
public sealed class StrongActionTests : IDisposable
{
    private readonly EngineHarness _h = new();

    public void Dispose() => _h.Dispose();

    [Fact]
    public void SSetInsertsEveryPair()
    {
        Assert.Equal(Okay, _h.Q("SSET", "a", "1", "b", "2"));
        Assert.Equal("1", _h.Stored("a"));
        Assert.Equal("2", _h.Stored("b"));
    }

    [Fact]
    public void SSetWithOnePresentKeyAnswersOverwriteAndWritesNothing()
    {
        Assert.Equal(Okay, _h.Q("SET", "b", "old"));
        Assert.Equal(Overwrite, _h.Q("SSET", "a", "1", "b", "2", "c", "3"));
        Assert.Null(_h.Stored("a"));
        Assert.Equal("old", _h.Stored("b"));
        Assert.Null(_h.Stored("c"));
    }

    [Fact]
    public void SSetWithRepeatedKeyKeepsTheFirstValue()
    {
        Assert.Equal(Okay, _h.Q("SSET", "a", "1", "a", "2"));
        Assert.Equal("1", _h.Stored("a"));
    }

    [Fact]
    public void SSetFirstProblemInArgumentOrderDecides()
    {
        _h.UseTable("s", TableModel.StrStr);
        Assert.Equal(Okay, _h.Q("SET", "p", "1"));
        Assert.Equal(Overwrite, _h.Q(B("SSET"), B("p"), B("x"), BadUtf8, B("x")));
        Assert.Equal(EncodingError, _h.Q(B("SSET"), BadUtf8, B("x"), B("p"), B("x")));
        Assert.Equal(EncodingError, _h.Q(B("SSET"), B("n"), BadUtf8, B("p"), B("x")));
        // Within one pair the encoding check comes before the presence check.
        Assert.Equal(EncodingError, _h.Q(B("SSET"), B("n"), B("x"), B("p"), BadUtf8));
        Assert.Equal(1, _h.Session.CurrentTable!.Count);
    }

    [Fact]
    public void SUpdateReplacesEveryPair()
    {
        Assert.Equal(Int(2), _h.Q("MSET", "a", "1", "b", "2"));
        Assert.Equal(Okay, _h.Q("SUPDATE", "a", "x", "b", "y"));
        Assert.Equal("x", _h.Stored("a"));
        Assert.Equal("y", _h.Stored("b"));
    }

    [Fact]
    public void SUpdateWithOneMissingKeyAnswersNilAndWritesNothing()
    {
        Assert.Equal(Int(1), _h.Q("MSET", "a", "1"));
        Assert.Equal(Nil, _h.Q("SUPDATE", "a", "x", "b", "y"));
        Assert.Equal("1", _h.Stored("a"));
        Assert.Null(_h.Stored("b"));
    }

    [Fact]
    public void SUpdateFirstProblemInArgumentOrderDecides()
    {
        _h.UseTable("s", TableModel.BinstrStr);
        Assert.Equal(Okay, _h.Q("SET", "p", "1"));
        Assert.Equal(Nil, _h.Q(B("SUPDATE"), B("missing"), B("x"), B("p"), BadUtf8));
        Assert.Equal(EncodingError, _h.Q(B("SUPDATE"), B("p"), BadUtf8, B("missing"), B("x")));
        Assert.Equal("1", _h.Stored("p"));
    }

    [Fact]
    public void SUpdateWithRepeatedKeyKeepsTheFirstValueAsUpstreamCompareAndSwap()
    {
        Assert.Equal(Okay, _h.Q("SET", "a", "old"));
        Assert.Equal(Okay, _h.Q("SUPDATE", "a", "1", "a", "2"));
        Assert.Equal("1", _h.Stored("a"));

        // Upstream's second swap still matches when the first one wrote the value its scan saw.
        Assert.Equal(Okay, _h.Q("SUPDATE", "a", "1", "a", "3"));
        Assert.Equal("3", _h.Stored("a"));
    }

    [Fact]
    public void SDelRemovesEveryKeyAndToleratesRepeats()
    {
        Assert.Equal(Int(3), _h.Q("MSET", "a", "1", "b", "2", "c", "3"));
        Assert.Equal(Okay, _h.Q("SDEL", "a", "b", "a"));
        Assert.Null(_h.Stored("a"));
        Assert.Null(_h.Stored("b"));
        Assert.Equal("3", _h.Stored("c"));
    }

    [Fact]
    public void SDelWithOneMissingKeyAnswersNilAndRemovesNothing()
    {
        Assert.Equal(Int(1), _h.Q("MSET", "a", "1"));
        Assert.Equal(Nil, _h.Q("SDEL", "a", "b"));
        Assert.Equal("1", _h.Stored("a"));
    }

    [Fact]
    public void SDelFirstProblemInArgumentOrderDecides()
    {
        _h.UseTable("s", TableModel.StrBinstr);
        Assert.Equal(Okay, _h.Q("SET", "p", "1"));
        Assert.Equal(Nil, _h.Q(B("SDEL"), B("p"), B("missing"), BadUtf8));
        Assert.Equal(EncodingError, _h.Q(B("SDEL"), B("p"), BadUtf8, B("missing")));
        Assert.Equal("1", _h.Stored("p"));
    }

    [Fact]
    public void StrongActionsOnBinstrTableAcceptAnyBytes()
    {
        byte[] key = [0xFF, (byte)'\n', 0];
        Assert.Equal(Okay, _h.Q(B("SSET"), key, BadUtf8));
        Assert.Equal(Okay, _h.Q(B("SUPDATE"), key, [0xC0, 0x80]));
        Assert.Equal("*1\n?2\n\u00c0\u0080\n", _h.Q(B("GET"), key));
        Assert.Equal(Okay, _h.Q(B("SDEL"), key));
        Assert.Equal(0, _h.Store.DefaultTable.Count);
    }

    [Fact]
    public void StrongActionsOverManyKeysUseThePooledShardBuffer()
    {
        var pairs = Enumerable.Range(0, 80).SelectMany(i => new[] { "k" + i, "v" + i }).ToArray();
        var keys = Enumerable.Range(0, 80).Select(i => "k" + i).ToArray();
        Assert.Equal(Okay, _h.Q([.. pairs.Prepend("SSET")]));
        Assert.Equal(80, _h.Store.DefaultTable.Count);
        Assert.Equal(Okay, _h.Q([.. pairs.Select(s => s.Replace('v', 'w')).Prepend("SUPDATE")]));
        Assert.Equal("w79", _h.Stored("k79"));
        Assert.Equal(Okay, _h.Q([.. keys.Prepend("SDEL")]));
        Assert.Equal(0, _h.Store.DefaultTable.Count);
    }
}
