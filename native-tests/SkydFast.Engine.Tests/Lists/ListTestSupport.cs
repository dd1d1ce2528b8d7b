using System.Text;
using SkydFast.Store;

namespace SkydFast.Engine.Tests.Lists;

/// <summary>Engine harnesses positioned on a list table <c>default:l</c>, and text-returning queries.</summary>
internal static class ListHarness
{
    public static EngineHarness Create(TableModel model = TableModel.StrListStr)
    {
        var h = new EngineHarness();
        Assert.Equal(DdlResult.Okay, h.Store.CreateTable(h.Store.DefaultKeyspace, "l", model, false));
        Assert.Equal(Replies.Okay, h.Q("USE", "default:l"));
        return h;
    }

    /// <summary>A list table holding <c>mylist</c> with <paramref name="elements"/> and the empty list <c>empty</c>.</summary>
    public static EngineHarness CreateWithLists(TableModel model, params string[] elements)
    {
        var h = Create(model);
        Assert.Equal(Replies.Okay, h.Q(["LSET", "mylist", .. elements]));
        Assert.Equal(Replies.Okay, h.Q("LSET", "empty"));
        return h;
    }

    public static byte[] B(string s) => Encoding.UTF8.GetBytes(s);
}
