using System.Text;
using SkydFast.Store;

namespace SkydFast.Engine.Tests.Lists;

/// <summary>
/// List actions change lists in place; every one that does must let a snapshot in progress keep the list as it
/// was at the cut (DECISIONS.md 12).
/// </summary>
public sealed class ListSnapshotTests
{
    private static Dictionary<string, string[]> Read(StoreSnapshot snapshot)
    {
        var table = snapshot.Keyspaces.Single(k => k.Name == "default").Tables.Single(t => t.Name == "l");
        var lists = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var entry in table)
        {
            var elements = new string[entry.Elements.Length];
            for (var i = 0; i < elements.Length; i++)
            {
                elements[i] = Encoding.UTF8.GetString(entry.Elements[i]);
            }

            lists.Add(Encoding.UTF8.GetString(entry.Key), elements);
        }

        Assert.Equal(table.Count, lists.Count);
        return lists;
    }

    [Theory]
    [InlineData("LMOD", "mylist", "CLEAR")]
    [InlineData("LMOD", "mylist", "PUSH", "x", "y")]
    [InlineData("LMOD", "mylist", "REMOVE", "0")]
    [InlineData("LMOD", "mylist", "INSERT", "1", "x")]
    [InlineData("LMOD", "mylist", "POP")]
    [InlineData("LMOD", "mylist", "POP", "0")]
    [InlineData("LSET", "new", "x")]
    public void ListWritesAfterTheCutLeaveTheViewAsItWas(params string[] query)
    {
        using var h = ListHarness.CreateWithLists(TableModel.StrListStr, "a", "b", "c");
        using var snapshot = h.Store.TakeSnapshot();
        var before = h.Q("LGET", "mylist");
        var reply = h.Q(query);
        Assert.True(reply == Replies.Okay || reply.StartsWith("*1\n+", StringComparison.Ordinal), reply);
        Assert.True(query[0] == "LSET" || before != h.Q("LGET", "mylist"), "the write changed the live list");

        var view = Read(snapshot);
        Assert.Equal(["empty", "mylist"], view.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(["a", "b", "c"], view["mylist"]);
        Assert.Empty(view["empty"]);
    }
}
