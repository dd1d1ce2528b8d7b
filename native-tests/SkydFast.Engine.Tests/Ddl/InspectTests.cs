using System.Text;
using SkydFast.Engine.Actions.Ddl;
using SkydFast.Store;

namespace SkydFast.Engine.Tests.Ddl;

/// <summary>INSPECT KEYSPACES / KEYSPACE / TABLE (actions.md §7) and the descriptions of model-and-ddl.md §5.</summary>
public class InspectTests
{
    public static TheoryData<string, bool, string> Descriptions => new()
    {
        { "keymap(binstr,binstr)", false, "Keymap { data:(binstr,binstr), volatile:false }" },
        { "keymap(binstr,binstr)", true, "Keymap { data:(binstr,binstr), volatile:true }" },
        { "keymap(binstr,str)", false, "Keymap { data:(binstr,str), volatile:false }" },
        { "keymap(binstr,str)", true, "Keymap { data:(binstr,str), volatile:true }" },
        { "keymap(str,str)", false, "Keymap { data:(str,str), volatile:false }" },
        { "keymap(str,str)", true, "Keymap { data:(str,str), volatile:true }" },
        { "keymap(str,binstr)", false, "Keymap { data:(str,binstr), volatile:false }" },
        { "keymap(str,binstr)", true, "Keymap { data:(str,binstr), volatile:true }" },
        { "keymap(binstr,list<binstr>)", false, "Keymap { data:(binstr,list<binstr>), volatile:false }" },
        { "keymap(binstr,list<binstr>)", true, "Keymap { data:(binstr,list<binstr>), volatile:true }" },
        { "keymap(binstr,list<str>)", false, "Keymap { data:(binstr,list<str>), volatile:false }" },
        { "keymap(binstr,list<str>)", true, "Keymap { data:(binstr,list<str>), volatile:true }" },
        { "keymap(str,list<binstr>)", false, "Keymap { data:(str,list<binstr>), volatile:false }" },
        { "keymap(str,list<binstr>)", true, "Keymap { data:(str,list<binstr>), volatile:true }" },
        { "keymap(str,list<str>)", false, "Keymap { data:(str,list<str>), volatile:false }" },
        { "keymap(str,list<str>)", true, "Keymap { data:(str,list<str>), volatile:true }" },
    };

    [Theory]
    [MemberData(nameof(Descriptions))]
    public void InspectTableDescribesEveryModelByteForByte(string expr, bool isVolatile, string description)
    {
        using var h = new EngineHarness();
        string[] create = isVolatile ? ["CREATE", "TABLE", "t", expr, "volatile"] : ["CREATE", "TABLE", "t", expr];
        Assert.Equal(Replies.Okay, h.Q(create));
        Assert.Equal($"*1\n+{description.Length}\n{description}\n", h.Q("INSPECT", "TABLE", "t"));
    }

    [Fact]
    public void AllSixteenDescriptionsAreDistinct()
    {
        var all = new HashSet<string>();
        for (var code = 0; code < 8; code++)
        {
            all.Add(Encoding.ASCII.GetString(TableDescription.Of((TableModel)code, false)));
            all.Add(Encoding.ASCII.GetString(TableDescription.Of((TableModel)code, true)));
        }

        Assert.Equal(16, all.Count);
    }

    [Fact]
    public void InspectAloneIsAnActionError()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.ActionError, h.Q("INSPECT"));
    }

    [Fact]
    public void InspectOfAnUnknownWordIsAnUnknownInspectQueryWhateverFollows()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Error("unknown-inspect-query"), h.Q("INSPECT", "TABLES"));
        Assert.Equal(Replies.Error("unknown-inspect-query"), h.Q("INSPECT", "x", "y", "z", "w"));
    }

    [Fact]
    public void InspectKeyspacesListsDefaultAndSystemOnAFreshStore()
    {
        using var h = new EngineHarness();
        Assert.Equal(new HashSet<string> { "default", "system" }, Replies.TypedStringSet(h.Q("INSPECT", "KEYSPACES")));
        Assert.Equal(new HashSet<string> { "default", "system" }, Replies.TypedStringSet(h.Q("inspect", "keyspaces")));
    }

    [Fact]
    public void InspectKeyspacesTakesNoArguments()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.ActionError, h.Q("INSPECT", "KEYSPACES", "x"));
    }

    [Fact]
    public void InspectKeyspacesFollowsCreateAndDrop()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("CREATE", "KEYSPACE", "a"));
        Assert.Equal(Replies.Okay, h.Q("CREATE", "KEYSPACE", "b"));
        Assert.Equal(new HashSet<string> { "default", "system", "a", "b" }, Replies.TypedStringSet(h.Q("INSPECT", "KEYSPACES")));
        Assert.Equal(Replies.Okay, h.Q("DROP", "KEYSPACE", "a"));
        Assert.Equal(new HashSet<string> { "default", "system", "b" }, Replies.TypedStringSet(h.Q("INSPECT", "KEYSPACES")));
    }

    [Fact]
    public void InspectKeyspaceWithoutANameListsTheCurrentKeyspace()
    {
        using var h = new EngineHarness();
        Assert.Equal("*1\n@+1\n7\ndefault\n", h.Q("INSPECT", "KEYSPACE"));
        Assert.Equal(Replies.Okay, h.Q("USE", "system"));
        Assert.Equal("*1\n@+0\n", h.Q("INSPECT", "KEYSPACE"));
    }

    [Fact]
    public void InspectKeyspaceSystemIsEmpty()
    {
        using var h = new EngineHarness();
        Assert.Equal("*1\n@+0\n", h.Q("INSPECT", "KEYSPACE", "system"));
    }

    [Fact]
    public void InspectKeyspaceListsItsTables()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("CREATE", "KEYSPACE", "ks"));
        Assert.Equal(Replies.Okay, h.Q("CREATE", "TABLE", "ks:a", "keymap(str,str)"));
        Assert.Equal(Replies.Okay, h.Q("CREATE", "TABLE", "ks:b", "keymap(str,list<str>)", "volatile"));
        Assert.Equal(new HashSet<string> { "a", "b" }, Replies.TypedStringSet(h.Q("Inspect", "Keyspace", "ks")));
    }

    [Fact]
    public void InspectKeyspaceTakesAtMostOneName()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.ActionError, h.Q("INSPECT", "KEYSPACE", "default", "x"));
    }

    [Fact]
    public void InspectKeyspaceChecksOnlyTheLengthOfTheName()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Error("bad-container-name"), h.Q("INSPECT", "KEYSPACE", new string('k', 65)));
        Assert.Equal(Replies.Error("container-not-found"), h.Q("INSPECT", "KEYSPACE", new string('k', 64)));
        Assert.Equal(Replies.Error("container-not-found"), h.Q("INSPECT", "KEYSPACE", "1:%x"));
        Assert.Equal(Replies.Error("container-not-found"), h.Q("INSPECT", "KEYSPACE", "nosuch"));
    }

    [Fact]
    public void InspectTableWithoutAnEntityDescribesTheCurrentTable()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Str("Keymap { data:(binstr,binstr), volatile:false }"), h.Q("INSPECT", "TABLE"));
        Assert.Equal(Replies.Okay, h.Q("USE", "default"));
        Assert.Equal(Replies.Error("default-container-unset"), h.Q("INSPECT", "TABLE"));
    }

    [Fact]
    public void InspectTableResolvesEntitiesLikeDbSize()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("CREATE", "KEYSPACE", "ks"));
        Assert.Equal(Replies.Okay, h.Q("CREATE", "TABLE", "ks:t", "keymap(str,str)", "volatile"));
        var description = Replies.Str("Keymap { data:(str,str), volatile:true }");
        Assert.Equal(description, h.Q("INSPECT", "TABLE", "ks:t"));
        Assert.Equal(Replies.Error("container-not-found"), h.Q("INSPECT", "TABLE", "t"));
        Assert.Equal(Replies.Okay, h.Q("USE", "ks"));
        Assert.Equal(description, h.Q("INSPECT", "TABLE", "t"));
        Assert.Equal(description, h.Q("INSPECT", "TABLE", ":t"));
        Assert.Equal(Replies.Error("container-not-found"), h.Q("INSPECT", "TABLE", "nosuch:t"));
    }

    [Fact]
    public void InspectTableWithABadEntityAnswersTheEntityError()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Error("malformed-expression"), h.Q("INSPECT", "TABLE", "a::b"));
        Assert.Equal(Replies.Error("bad-container-name"), h.Q("INSPECT", "TABLE", "$t"));
    }

    [Fact]
    public void InspectTableTakesAtMostOneEntity()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.ActionError, h.Q("INSPECT", "TABLE", "default", "x"));
    }

    [Fact]
    public void InspectWorksOnAPoisonedStore()
    {
        using var h = new EngineHarness();
        h.Store.IsPoisoned = true;
        Assert.Equal(new HashSet<string> { "default", "system" }, Replies.TypedStringSet(h.Q("INSPECT", "KEYSPACES")));
        Assert.Equal("*1\n@+1\n7\ndefault\n", h.Q("INSPECT", "KEYSPACE", "default"));
        Assert.Equal(Replies.Str("Keymap { data:(binstr,binstr), volatile:false }"), h.Q("INSPECT", "TABLE", "default:default"));
    }
}
