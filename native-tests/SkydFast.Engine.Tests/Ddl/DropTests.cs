
namespace SkydFast.Engine.Tests.Ddl;

/// <summary>DROP TABLE and DROP KEYSPACE: every step of actions.md §7 and the rules of model-and-ddl.md §6.</summary>
public class DropTests
{
    private static EngineHarness WithTable(string ks = "ks", string table = "t")
    {
        var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("CREATE", "KEYSPACE", ks));
        Assert.Equal(Replies.Okay, h.Q("CREATE", "TABLE", $"{ks}:{table}", "keymap(str,str)"));
        return h;
    }

    [Fact]
    public void DropAloneIsAnActionError()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.ActionError, h.Q("DROP"));
        Assert.Equal(Replies.ActionError, h.Q("DROP", "TABLE"));
        Assert.Equal(Replies.ActionError, h.Q("DROP", "KEYSPACE"));
    }

    [Fact]
    public void UnknownDropKindIsAnUnknownDdlQuery()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Error("unknown-ddl-query"), h.Q("DROP", "INDEX", "x"));
        Assert.Equal(Replies.Error("unknown-ddl-query"), h.Q("DROP", "KEYSPACES", "x", "y"));
    }

    [Fact]
    public void DropTableNeedsExactlyOneEntity()
    {
        using var h = WithTable();
        Assert.Equal(Replies.ActionError, h.Q("DROP", "TABLE", "ks:t", "force"));
    }

    [Fact]
    public void DropTableRemovesTheTable()
    {
        using var h = WithTable();
        Assert.Equal(Replies.Okay, h.Q("drop", "table", "ks:t"));
        Assert.Equal("*1\n@+0\n", h.Q("INSPECT", "KEYSPACE", "ks"));
        Assert.Equal(Replies.Error("container-not-found"), h.Q("USE", "ks:t"));
        Assert.Equal(Replies.Error("container-not-found"), h.Q("DROP", "TABLE", "ks:t"));
    }

    [Fact]
    public void DropTableSingleAndPartialFormsUseTheCurrentKeyspace()
    {
        using var h = WithTable();
        Assert.Equal(Replies.Okay, h.Q("CREATE", "TABLE", "ks:u", "keymap(str,str)"));
        Assert.Equal(Replies.Error("container-not-found"), h.Q("DROP", "TABLE", "t"));
        Assert.Equal(Replies.Okay, h.Q("USE", "ks"));
        Assert.Equal(Replies.Okay, h.Q("DROP", "TABLE", "t"));
        Assert.Equal(Replies.Okay, h.Q("DROP", "TABLE", ":u"));
        Assert.Equal("*1\n@+0\n", h.Q("INSPECT", "KEYSPACE"));
    }

    [Fact]
    public void DropTableWithABadEntityAnswersTheEntityError()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Error("malformed-expression"), h.Q("DROP", "TABLE", "ks::t"));
        Assert.Equal(Replies.Error("bad-container-name"), h.Q("DROP", "TABLE", "1t"));
    }

    [Fact]
    public void DropTableOnPoisonedStoreChecksTheEntityFirstThenRefusesBeforeTheLookup()
    {
        using var h = WithTable();
        h.Store.IsPoisoned = true;
        Assert.Equal(Replies.ActionError, h.Q("DROP", "TABLE", "a", "b"));
        Assert.Equal(Replies.Error("malformed-expression"), h.Q("DROP", "TABLE", "::"));
        Assert.Equal(Replies.ServerError, h.Q("DROP", "TABLE", "nosuch:t"));
        Assert.Equal(Replies.ServerError, h.Q("DROP", "TABLE", "default"));
        Assert.Equal(Replies.ServerError, h.Q("DROP", "TABLE", "ks:t"));
        h.Store.IsPoisoned = false;
        Assert.Equal(Replies.Okay, h.Q("DROP", "TABLE", "ks:t"));
    }

    [Fact]
    public void DropTableInAMissingKeyspaceIsNotFoundEvenForDefault()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Error("container-not-found"), h.Q("DROP", "TABLE", "nosuch:t"));
        Assert.Equal(Replies.Error("container-not-found"), h.Q("DROP", "TABLE", "nosuch:default"));
    }

    [Fact]
    public void DropTableNamedDefaultIsProtectedInAnyKeyspaceEvenIfMissing()
    {
        using var h = WithTable();
        Assert.Equal(Replies.Error("err-protected-object"), h.Q("DROP", "TABLE", "default"));
        Assert.Equal(Replies.Error("err-protected-object"), h.Q("DROP", "TABLE", "default:default"));
        Assert.Equal(Replies.Error("err-protected-object"), h.Q("DROP", "TABLE", "ks:default"));
        Assert.Equal(Replies.Error("err-protected-object"), h.Q("DROP", "TABLE", "system:default"));
        Assert.Equal(Replies.Okay, h.Q("USE", "default"));
        Assert.Equal(Replies.Error("err-protected-object"), h.Q("DROP", "TABLE", ":default"));
    }

    [Fact]
    public void DropTableThatIsMissingIsNotFound()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Error("container-not-found"), h.Q("DROP", "TABLE", "nosuch"));
        Assert.Equal(Replies.Error("container-not-found"), h.Q("DROP", "TABLE", "system:nosuch"));
    }

    [Fact]
    public void DropTableThatIsThisConnectionsCurrentTableIsStillInUse()
    {
        using var h = WithTable();
        Assert.Equal(Replies.Okay, h.Q("USE", "ks:t"));
        Assert.Equal(Replies.Error("still-in-use"), h.Q("DROP", "TABLE", "ks:t"));
        Assert.Equal(Replies.Error("still-in-use"), h.Q("DROP", "TABLE", ":t"));
        Assert.Equal(Replies.Okay, h.Q("USE", "ks"));
        Assert.Equal(Replies.Okay, h.Q("DROP", "TABLE", "t"));
    }

    [Fact]
    public void DropTableThatAnotherConnectionSitsInIsStillInUseUntilItSwitchesAway()
    {
        using var h = WithTable();
        using var other = new EngineHarness(h.Store);
        Assert.Equal(Replies.Okay, other.Q("USE", "ks:t"));
        Assert.Equal(Replies.Error("still-in-use"), h.Q("DROP", "TABLE", "ks:t"));
        Assert.Equal(Replies.Okay, other.Q("USE", "default"));
        Assert.Equal(Replies.Okay, h.Q("DROP", "TABLE", "ks:t"));
        Assert.Equal(Replies.Error("container-not-found"), other.Q("USE", "ks:t"));
    }

    [Fact]
    public void DropTableThatAnotherConnectionSitsInSucceedsOnceItDisconnects()
    {
        using var h = WithTable();
        var other = new EngineHarness(h.Store);
        Assert.Equal(Replies.Okay, other.Q("USE", "ks:t"));
        Assert.Equal(Replies.Error("still-in-use"), h.Q("DROP", "TABLE", "ks:t"));
        other.Dispose();
        Assert.Equal(Replies.Okay, h.Q("DROP", "TABLE", "ks:t"));
    }

    [Fact]
    public void DropTableWhileSittingInItsKeyspaceWithoutATableSucceeds()
    {
        using var h = WithTable();
        using var other = new EngineHarness(h.Store);
        Assert.Equal(Replies.Okay, other.Q("USE", "ks"));
        Assert.Equal(Replies.Okay, h.Q("DROP", "TABLE", "ks:t"));
        Assert.Equal("*1\n^+1\n2\nks\n", other.Q("WHEREAMI"));
    }

    [Fact]
    public void DroppedTableCanBeCreatedAgainEmpty()
    {
        using var h = WithTable();
        Assert.Equal(Replies.Okay, h.Q("USE", "ks:t"));
        Assert.Equal(Replies.Okay, h.Q("SET", "k", "v"));
        Assert.Equal(Replies.Okay, h.Q("USE", "ks"));
        Assert.Equal(Replies.Okay, h.Q("DROP", "TABLE", "t"));
        Assert.Equal(Replies.Okay, h.Q("CREATE", "TABLE", "t", "keymap(binstr,binstr)"));
        Assert.Equal(Replies.Str("Keymap { data:(binstr,binstr), volatile:false }"), h.Q("INSPECT", "TABLE", "t"));
        Assert.Equal(0, h.Store.GetKeyspace("ks"u8)!.GetTable("t"u8)!.Count);
    }

    [Fact]
    public void DropKeyspaceNeedsExactlyOneNameSoForceIsAnActionError()
    {
        using var h = WithTable();
        Assert.Equal(Replies.ActionError, h.Q("DROP", "KEYSPACE", "ks", "force"));
        Assert.Equal(Replies.ActionError, h.Q("DROP", "KEYSPACE", "ks", "FORCE"));
    }

    [Fact]
    public void DropKeyspaceRemovesAnEmptyKeyspace()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("CREATE", "KEYSPACE", "ks"));
        Assert.Equal(Replies.Okay, h.Q("drop", "keyspace", "ks"));
        Assert.Equal(new HashSet<string> { "default", "system" }, Replies.TypedStringSet(h.Q("INSPECT", "KEYSPACES")));
        Assert.Equal(Replies.Error("container-not-found"), h.Q("USE", "ks"));
        Assert.Equal(Replies.Okay, h.Q("CREATE", "KEYSPACE", "ks"));
    }

    [Fact]
    public void DropKeyspaceChecksOnlyTheLength()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Error("container-name-too-long"), h.Q("DROP", "KEYSPACE", new string('!', 64)));
        Assert.Equal(Replies.Error("container-name-too-long"), h.Q("DROP", "KEYSPACE", new string('k', 64)));
        Assert.Equal(Replies.Error("container-not-found"), h.Q("DROP", "KEYSPACE", new string('!', 63)));
        Assert.Equal(Replies.Error("container-not-found"), h.Q("DROP", "KEYSPACE", "1ks"));
        Assert.Equal(Replies.Error("container-not-found"), h.Q("DROP", "KEYSPACE", ""));
        Assert.Equal(Replies.Error("container-not-found"), h.Q([.. "DROP"u8], [.. "KEYSPACE"u8], [0xFF, 0xFE]));
    }

    [Fact]
    public void DropKeyspaceOnPoisonedStoreChecksTheLengthFirst()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("CREATE", "KEYSPACE", "ks"));
        h.Store.IsPoisoned = true;
        Assert.Equal(Replies.Error("container-name-too-long"), h.Q("DROP", "KEYSPACE", new string('k', 64)));
        Assert.Equal(Replies.ServerError, h.Q("DROP", "KEYSPACE", "default"));
        Assert.Equal(Replies.ServerError, h.Q("DROP", "KEYSPACE", "nosuch"));
        Assert.Equal(Replies.ServerError, h.Q("DROP", "KEYSPACE", "ks"));
        h.Store.IsPoisoned = false;
        Assert.Equal(Replies.Okay, h.Q("DROP", "KEYSPACE", "ks"));
    }

    [Fact]
    public void DropKeyspaceDefaultAndSystemAreProtected()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Error("err-protected-object"), h.Q("DROP", "KEYSPACE", "default"));
        Assert.Equal(Replies.Error("err-protected-object"), h.Q("DROP", "KEYSPACE", "system"));
        Assert.Equal(Replies.Error("container-not-found"), h.Q("DROP", "KEYSPACE", "DEFAULT"));
    }

    [Fact]
    public void DropKeyspaceThatIsMissingIsNotFound()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Error("container-not-found"), h.Q("DROP", "KEYSPACE", "nosuch"));
    }

    [Fact]
    public void DropKeyspaceWithTablesIsNotEmptyEvenWhenInUse()
    {
        using var h = WithTable();
        Assert.Equal(Replies.Error("keyspace-not-empty"), h.Q("DROP", "KEYSPACE", "ks"));
        Assert.Equal(Replies.Okay, h.Q("USE", "ks"));
        Assert.Equal(Replies.Error("keyspace-not-empty"), h.Q("DROP", "KEYSPACE", "ks"));
    }

    [Fact]
    public void DropKeyspaceHoldingATableNamedDefaultCanNeverSucceed()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("CREATE", "KEYSPACE", "ks"));
        Assert.Equal(Replies.Okay, h.Q("CREATE", "TABLE", "ks:default", "keymap(str,str)"));
        Assert.Equal(Replies.Error("err-protected-object"), h.Q("DROP", "TABLE", "ks:default"));
        Assert.Equal(Replies.Error("keyspace-not-empty"), h.Q("DROP", "KEYSPACE", "ks"));
    }

    [Fact]
    public void DropKeyspaceThatThisConnectionUsesIsStillInUse()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("CREATE", "KEYSPACE", "k"));
        Assert.Equal(Replies.Okay, h.Q("USE", "k"));
        Assert.Equal(Replies.Error("still-in-use"), h.Q("DROP", "KEYSPACE", "k"));
        Assert.Equal(Replies.Okay, h.Q("USE", "default"));
        Assert.Equal(Replies.Okay, h.Q("DROP", "KEYSPACE", "k"));
    }

    [Fact]
    public void DropKeyspaceThatAnotherConnectionUsesIsStillInUseUntilItLeaves()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("CREATE", "KEYSPACE", "k"));
        var other = new EngineHarness(h.Store);
        Assert.Equal(Replies.Okay, other.Q("USE", "k"));
        Assert.Equal(Replies.Error("still-in-use"), h.Q("DROP", "KEYSPACE", "k"));
        other.Dispose();
        Assert.Equal(Replies.Okay, h.Q("DROP", "KEYSPACE", "k"));
    }

    [Fact]
    public void DropTableThenKeyspaceAfterLeavingBothSucceeds()
    {
        using var h = WithTable();
        Assert.Equal(Replies.Okay, h.Q("USE", "ks:t"));
        Assert.Equal(Replies.Okay, h.Q("USE", "default:default"));
        Assert.Equal(Replies.Okay, h.Q("DROP", "TABLE", "ks:t"));
        Assert.Equal(Replies.Okay, h.Q("DROP", "KEYSPACE", "ks"));
    }

    [Fact]
    public void ConcurrentUseAndDropNeverLeaveASessionOnADroppedTable()
    {
        for (var round = 0; round < 300; round++)
        {
            using var h = WithTable();
            using var other = new EngineHarness(h.Store);
            using var start = new Barrier(2);
            string? use = null;
            var user = new Thread(() =>
            {
                start.SignalAndWait();
                use = other.Q("USE", "ks:t");
            });
            user.Start();
            start.SignalAndWait();
            var drop = h.Q("DROP", "TABLE", "ks:t");
            user.Join();

            if (use == Replies.Okay)
            {
                Assert.Equal(Replies.Error("still-in-use"), drop);
                Assert.False(other.Session.CurrentTable!.IsDropped);
            }
            else
            {
                Assert.Equal(Replies.Error("container-not-found"), use);
                Assert.Equal(Replies.Okay, drop);
                Assert.Same(h.Store.DefaultTable, other.Session.CurrentTable);
            }
        }
    }
}
