using static SkydFast.Engine.Tests.Kv.KvReplies;
using static SkydFast.Testing.Replies;

namespace SkydFast.Engine.Tests.Kv;

/// <summary>The checks every key/value and strong action shares, and their order (actions.md §0, §3).</summary>
public sealed class KvCheckOrderTests
{
    public static TheoryData<string[]> BadArity => new()
    {
        new[] { "GET" }, new[] { "GET", "a", "b" },
        new[] { "SET", "a" }, new[] { "SET", "a", "b", "c" },
        new[] { "UPDATE", "a" }, new[] { "UPDATE", "a", "b", "c" },
        new[] { "DEL" }, new[] { "EXISTS" }, new[] { "MGET" },
        new[] { "MSET", "a" }, new[] { "MSET", "a", "b", "c" },
        new[] { "MUPDATE", "a" }, new[] { "MUPDATE", "a", "b", "c" },
        new[] { "USET", "a" }, new[] { "USET", "a", "b", "c" },
        new[] { "POP" }, new[] { "POP", "a", "b" },
        new[] { "MPOP" },
        new[] { "KEYLEN" }, new[] { "KEYLEN", "a", "b" },
        new[] { "SSET" }, new[] { "SSET", "a" }, new[] { "SSET", "a", "b", "c" },
        new[] { "SDEL" },
        new[] { "SUPDATE" }, new[] { "SUPDATE", "a" }, new[] { "SUPDATE", "a", "b", "c" },
    };

    /// <summary>Every action, with valid arguments.</summary>
    public static TheoryData<string[]> AllActions => new()
    {
        new[] { "GET", "a" }, new[] { "SET", "a", "b" }, new[] { "UPDATE", "a", "b" }, new[] { "DEL", "a" },
        new[] { "EXISTS", "a" }, new[] { "MGET", "a" }, new[] { "MSET", "a", "b" }, new[] { "MUPDATE", "a", "b" },
        new[] { "USET", "a", "b" }, new[] { "POP", "a" }, new[] { "MPOP", "a" }, new[] { "KEYLEN", "a" },
        new[] { "SSET", "a", "b" }, new[] { "SDEL", "a" }, new[] { "SUPDATE", "a", "b" },
    };

    /// <summary>The actions refused on a list table.</summary>
    public static TheoryData<string[]> KeyValueOnly => new()
    {
        new[] { "GET", "a" }, new[] { "SET", "a", "b" }, new[] { "UPDATE", "a", "b" }, new[] { "MGET", "a" },
        new[] { "MSET", "a", "b" }, new[] { "MUPDATE", "a", "b" }, new[] { "USET", "a", "b" }, new[] { "POP", "a" },
        new[] { "MPOP", "a" }, new[] { "KEYLEN", "a" }, new[] { "SSET", "a", "b" }, new[] { "SDEL", "a" },
        new[] { "SUPDATE", "a", "b" },
    };

    /// <summary>Writes whose poison check comes before the table check.</summary>
    public static TheoryData<string[]> PoisonFirst => new()
    {
        new[] { "SET", "a", "b" }, new[] { "UPDATE", "a", "b" }, new[] { "POP", "a" }, new[] { "MPOP", "a" },
    };

    /// <summary>Writes whose poison check comes after the table check.</summary>
    public static TheoryData<string[]> TableFirst => new()
    {
        new[] { "DEL", "a" }, new[] { "MSET", "a", "b" }, new[] { "MUPDATE", "a", "b" }, new[] { "USET", "a", "b" },
        new[] { "SSET", "a", "b" }, new[] { "SDEL", "a" }, new[] { "SUPDATE", "a", "b" },
    };

    [Theory]
    [MemberData(nameof(BadArity))]
    public void WrongArgumentCountAnswersActionErrorEvenWhenPoisonedWithoutTable(string[] query)
    {
        using var h = new EngineHarness();
        Assert.Equal(ActionError, h.Q(query));
        Assert.Equal(Okay, h.Q("USE", "default"));
        h.Store.IsPoisoned = true;
        Assert.Equal(ActionError, h.Q(query));
    }

    [Theory]
    [MemberData(nameof(KeyValueOnly))]
    public void KeyValueActionOnListTableAnswersWrongModel(string[] query)
    {
        using var h = new EngineHarness();
        h.UseListTable();
        Assert.Equal(WrongModel, h.Q(query));
    }

    [Theory]
    [MemberData(nameof(AllActions))]
    public void ActionWithoutCurrentTableAnswersDefaultContainerUnset(string[] query)
    {
        using var h = new EngineHarness();
        Assert.Equal(Okay, h.Q("USE", "default"));
        Assert.Equal(Unset, h.Q(query));
    }

    [Theory]
    [MemberData(nameof(PoisonFirst))]
    public void PoisonBeforeTableWriteAnswersServerErrorWithoutTableOrOnListTable(string[] query)
    {
        using var h = new EngineHarness();
        h.UseListTable();
        h.Store.IsPoisoned = true;
        Assert.Equal(ServerError, h.Q(query));
        Assert.Equal(Okay, h.Q("USE", "default"));
        Assert.Equal(ServerError, h.Q(query));
    }

    [Theory]
    [MemberData(nameof(TableFirst))]
    public void PoisonAfterTableWriteAnswersTableErrorsFirst(string[] query)
    {
        using var h = new EngineHarness();
        h.Store.IsPoisoned = true;
        Assert.Equal(ServerError, h.Q(query));
        Assert.Equal(Okay, h.Q("USE", "default"));
        Assert.Equal(Unset, h.Q(query));
    }

    [Theory]
    [InlineData("SSET", "a", "b")]
    [InlineData("SDEL", "a")]
    [InlineData("SUPDATE", "a", "b")]
    public void StrongActionOnPoisonedListTableAnswersWrongModel(params string[] query)
    {
        using var h = new EngineHarness();
        h.UseListTable();
        h.Store.IsPoisoned = true;
        Assert.Equal(WrongModel, h.Q(query));
    }

    [Theory]
    [InlineData("DEL", "a")]
    public void DelOnPoisonedListTableAnswersServerError(params string[] query)
    {
        using var h = new EngineHarness();
        h.UseListTable();
        h.Store.IsPoisoned = true;
        Assert.Equal(ServerError, h.Q(query));
    }

    [Theory]
    [InlineData("DEL")]
    [InlineData("MSET")]
    [InlineData("MUPDATE")]
    [InlineData("USET")]
    public void EncodingIsCheckedBeforePoisonForDelAndPairWrites(string action)
    {
        using var h = new EngineHarness();
        h.UseTable("s", Store.TableModel.StrStr);
        h.Store.IsPoisoned = true;
        var query = action == "DEL" ? new[] { B(action), B("ok"), BadUtf8 } : [B(action), B("ok"), B("v"), BadUtf8, B("v")];
        Assert.Equal(EncodingError, h.Q(query));
        var good = action == "DEL" ? new[] { B(action), B("ok") } : [B(action), B("ok"), B("v")];
        Assert.Equal(ServerError, h.Q(good));
    }

    [Theory]
    [InlineData("SET")]
    [InlineData("UPDATE")]
    [InlineData("POP")]
    [InlineData("MPOP")]
    [InlineData("SSET")]
    [InlineData("SDEL")]
    [InlineData("SUPDATE")]
    public void PoisonIsCheckedBeforeEncoding(string action)
    {
        using var h = new EngineHarness();
        h.UseTable("s", Store.TableModel.StrStr);
        h.Store.IsPoisoned = true;
        var query = action is "POP" or "MPOP" or "SDEL" ? new[] { B(action), BadUtf8 } : [B(action), BadUtf8, B("v")];
        Assert.Equal(ServerError, h.Q(query));
    }

    [Fact]
    public void PoisonedWritesChangeNothing()
    {
        using var h = new EngineHarness();
        Assert.Equal(Okay, h.Q("SET", "a", "1"));
        h.Store.IsPoisoned = true;
        string[][] writes =
        [
            ["SET", "b", "2"], ["UPDATE", "a", "2"], ["DEL", "a"], ["MSET", "b", "2"], ["MUPDATE", "a", "2"],
            ["USET", "a", "2"], ["POP", "a"], ["MPOP", "a"], ["SSET", "b", "2"], ["SDEL", "a"], ["SUPDATE", "a", "2"],
        ];
        foreach (var write in writes)
        {
            Assert.Equal(ServerError, h.Q(write));
        }

        Assert.Equal("1", h.Stored("a"));
        Assert.Null(h.Stored("b"));
        Assert.Equal(1, h.Store.DefaultTable.Count);
    }

    [Fact]
    public void ReadsWorkWhilePoisoned()
    {
        using var h = new EngineHarness();
        Assert.Equal(Okay, h.Q("SET", "a", "xyz"));
        h.Store.IsPoisoned = true;
        Assert.Equal("*1\n?3\nxyz\n", h.Q("GET", "a"));
        Assert.Equal(Int(2), h.Q("EXISTS", "a", "a"));
        Assert.Equal("*1\n@?2\n3\nxyz\n\0\n", h.Q("MGET", "a", "b"));
        Assert.Equal(Int(3), h.Q("KEYLEN", "a"));
    }

    [Theory]
    [InlineData("get")]
    [InlineData("GeT")]
    [InlineData("gEt")]
    public void ActionNamesAreCaseInsensitive(string get)
    {
        using var h = new EngineHarness();
        Assert.Equal(Okay, h.Q("sSeT", "a", "1"));
        Assert.Equal("*1\n?1\n1\n", h.Q(get, "a"));
        Assert.Equal(Okay, h.Q("supdate", "a", "2"));
        Assert.Equal("*1\n@?1\n1\n2\n", h.Q("mPoP", "a"));
    }
}
