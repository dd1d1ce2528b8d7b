using SkydFast.Store;

namespace SkydFast.Engine.Tests.Lists;

/// <summary>
/// A store with tables in two keyspaces: <c>default:default</c> (binstr/binstr) holding the requested number of
/// keys <c>k0..</c>, <c>default:other</c> (str/str) holding <c>o0..o2</c>, <c>ks:t</c> (str/binstr) holding
/// <c>t0..t4</c> and the list table <c>ks:lt</c> (str/list&lt;str&gt;) holding the lists <c>l0</c>, <c>l1</c>.
/// </summary>
internal static class TableFixture
{
    public static EngineHarness Create(int defaultKeys = 0)
    {
        var h = new EngineHarness();
        var store = h.Store;
        Assert.Equal(DdlResult.Okay, store.CreateTable(store.DefaultKeyspace, "other", TableModel.StrStr, false));
        Assert.Equal(DdlResult.Okay, store.CreateKeyspace("ks"));
        var ks = store.GetKeyspace("ks"u8)!;
        Assert.Equal(DdlResult.Okay, store.CreateTable(ks, "t", TableModel.StrBinstr, false));
        Assert.Equal(DdlResult.Okay, store.CreateTable(ks, "lt", TableModel.StrListStr, false));
        Fill(h, "default:default", "k", defaultKeys);
        Fill(h, "default:other", "o", 3);
        Fill(h, "ks:t", "t", 5);
        Assert.Equal(Replies.Okay, h.Q("USE", "ks:lt"));
        Assert.Equal(Replies.Okay, h.Q("LSET", "l0", "a", "b"));
        Assert.Equal(Replies.Okay, h.Q("LSET", "l1"));
        Assert.Equal(Replies.Okay, h.Q("USE", "default:default"));
        return h;
    }

    /// <summary>The keys <c>{prefix}0</c> to <c>{prefix}{count-1}</c>.</summary>
    public static string[] Keys(string prefix, int count) => [.. Enumerable.Range(0, count).Select(i => prefix + i)];

    private static void Fill(EngineHarness h, string table, string prefix, int count)
    {
        Assert.Equal(Replies.Okay, h.Q("USE", table));
        foreach (var key in Keys(prefix, count))
        {
            Assert.Equal(Replies.Okay, h.Q("SET", key, "v"));
        }
    }
}
