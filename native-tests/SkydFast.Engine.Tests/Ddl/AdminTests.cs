
namespace SkydFast.Engine.Tests.Ddl;

/// <summary>HEYA, WHEREAMI and USE (actions.md §2).</summary>
public class AdminTests
{
    [Fact]
    public void HeyaWithoutArgumentsSaysHey()
    {
        using var h = new EngineHarness();
        Assert.Equal("*1\n+4\nHEY!\n", h.Q("HEYA"));
        Assert.Equal("*1\n+4\nHEY!\n", h.Q("heya"));
    }

    [Fact]
    public void HeyaEchoesItsArgument()
    {
        using var h = new EngineHarness();
        Assert.Equal("*1\n+5\nhello\n", h.Q("HEYA", "hello"));
        Assert.Equal("*1\n+0\n\n", h.Q("HEYA", ""));
    }

    [Fact]
    public void HeyaEchoesBinaryBytesUnchanged()
    {
        using var h = new EngineHarness();
        Assert.Equal("*1\n+5\n\u00FF\0\n\u00C0\u0080\n", h.Q([.. "HEYA"u8], [0xFF, 0x00, (byte)'\n', 0xC0, 0x80]));
    }

    [Fact]
    public void HeyaWithTwoArgumentsIsAnActionError()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.ActionError, h.Q("HEYA", "a", "b"));
    }

    [Fact]
    public void WhereAmIOnAFreshConnectionIsDefaultDefault()
    {
        using var h = new EngineHarness();
        Assert.Equal("*1\n^+2\n7\ndefault\n7\ndefault\n", h.Q("WHEREAMI"));
        Assert.Equal("*1\n^+2\n7\ndefault\n7\ndefault\n", h.Q("whereami"));
    }

    [Fact]
    public void WhereAmITakesNoArguments()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.ActionError, h.Q("WHEREAMI", "x"));
    }

    [Fact]
    public void WhereAmIFollowsEveryUseForm()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("CREATE", "KEYSPACE", "ks"));
        Assert.Equal(Replies.Okay, h.Q("CREATE", "TABLE", "ks:tbl", "keymap(str,str)"));
        Assert.Equal(Replies.Okay, h.Q("USE", "default"));
        Assert.Equal("*1\n^+1\n7\ndefault\n", h.Q("WHEREAMI"));
        Assert.Equal(Replies.Okay, h.Q("USE", "ks:tbl"));
        Assert.Equal("*1\n^+2\n2\nks\n3\ntbl\n", h.Q("WHEREAMI"));
        Assert.Equal(Replies.Okay, h.Q("USE", "ks"));
        Assert.Equal("*1\n^+1\n2\nks\n", h.Q("WHEREAMI"));
        Assert.Equal(Replies.Okay, h.Q("USE", ":tbl"));
        Assert.Equal("*1\n^+2\n2\nks\n3\ntbl\n", h.Q("WHEREAMI"));
        Assert.Equal(Replies.Okay, h.Q("use", "default:default"));
        Assert.Equal("*1\n^+2\n7\ndefault\n7\ndefault\n", h.Q("WHEREAMI"));
    }

    [Fact]
    public void UseSystemSucceedsAndSelectsNoTable()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("USE", "system"));
        Assert.Equal("*1\n^+1\n6\nsystem\n", h.Q("WHEREAMI"));
    }

    [Fact]
    public void UseNeedsExactlyOneArgument()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.ActionError, h.Q("USE"));
        Assert.Equal(Replies.ActionError, h.Q("USE", "default", "default"));
    }

    [Fact]
    public void UseOfMissingContainersIsNotFoundAndChangesNothing()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Error("container-not-found"), h.Q("USE", "nosuch"));
        Assert.Equal(Replies.Error("container-not-found"), h.Q("USE", "default:nosuch"));
        Assert.Equal(Replies.Error("container-not-found"), h.Q("USE", "nosuch:default"));
        Assert.Equal(Replies.Error("container-not-found"), h.Q("USE", ":nosuch"));
        Assert.Equal(Replies.Error("container-not-found"), h.Q("USE", "Default"));
        Assert.Equal("*1\n^+2\n7\ndefault\n7\ndefault\n", h.Q("WHEREAMI"));
    }

    [Fact]
    public void UseOfATableOfTheCurrentKeyspaceAfterSelectingOnlyTheKeyspace()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("USE", "default"));
        Assert.Equal(Replies.Okay, h.Q("USE", ":default"));
        Assert.Equal("*1\n^+2\n7\ndefault\n7\ndefault\n", h.Q("WHEREAMI"));
    }

    [Fact]
    public void UseWithABadEntityAnswersTheEntityError()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Error("malformed-expression"), h.Q("USE", "ks:"));
        Assert.Equal(Replies.Error("bad-container-name"), h.Q("USE", "1ks"));
        Assert.Equal(Replies.Error("bad-container-name"), h.Q("USE", "PRELOAD"));
    }

    [Fact]
    public void UseWorksOnAPoisonedStore()
    {
        using var h = new EngineHarness();
        h.Store.IsPoisoned = true;
        Assert.Equal(Replies.Okay, h.Q("USE", "system"));
    }

    [Fact]
    public void UseOfAKeyspaceLeavesNoCurrentTableForTableActions()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("USE", "default"));
        Assert.Equal(Replies.Error("default-container-unset"), h.Q("GET", "x"));
    }

    [Fact]
    public void UseIsPerConnection()
    {
        using var h = new EngineHarness();
        using var other = new EngineHarness(h.Store);
        Assert.Equal(Replies.Okay, h.Q("USE", "system"));
        Assert.Equal("*1\n^+2\n7\ndefault\n7\ndefault\n", other.Q("WHEREAMI"));
    }
}
