
namespace SkydFast.Engine.Tests.Ddl;

/// <summary>CREATE TABLE and CREATE KEYSPACE: every step of actions.md §7, in order.</summary>
public class CreateTests
{
    private static readonly byte[] NotUtf8 = [0xC0, 0x80];

    private static byte[] B(string s) => System.Text.Encoding.UTF8.GetBytes(s);

    [Fact]
    public void CreateAloneIsAnActionError()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.ActionError, h.Q("CREATE"));
        Assert.Equal(Replies.ActionError, h.Q("CREATE", "TABLE"));
        Assert.Equal(Replies.ActionError, h.Q("CREATE", "whatever"));
    }

    [Fact]
    public void UnknownCreateKindIsAnUnknownDdlQuery()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Error("unknown-ddl-query"), h.Q("CREATE", "INDEX", "x"));
        Assert.Equal(Replies.Error("unknown-ddl-query"), h.Q("CREATE", "TABLES", "x", "keymap(str,str)"));
    }

    [Fact]
    public void CreateTableNeedsTwoOrThreeArguments()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.ActionError, h.Q("CREATE", "TABLE", "t"));
        Assert.Equal(Replies.ActionError, h.Q("CREATE", "TABLE", "t", "keymap(str,str)", "volatile", "extra"));
    }

    [Fact]
    public void CreateTableCreatesAnEmptyPersistentTableInTheCurrentKeyspace()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("CREATE", "TABLE", "t", "keymap(str,binstr)"));
        Assert.Equal(Replies.Str("Keymap { data:(str,binstr), volatile:false }"), h.Q("INSPECT", "TABLE", "default:t"));
        Assert.Equal(new HashSet<string> { "default", "t" }, Replies.TypedStringSet(h.Q("INSPECT", "KEYSPACE", "default")));
        Assert.Equal(0, h.Store.DefaultKeyspace.GetTable("t"u8)!.Count);
    }

    [Fact]
    public void CreateTableLeavesTheCurrentTableAlone()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("CREATE", "TABLE", "t", "keymap(str,str)"));
        Assert.Equal("*1\n^+2\n7\ndefault\n7\ndefault\n", h.Q("WHEREAMI"));
    }

    [Fact]
    public void CreateTableWithVolatileMakesAVolatileTable()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("CREATE", "TABLE", "t", "keymap(binstr,list<str>)", "volatile"));
        Assert.Equal(Replies.Str("Keymap { data:(binstr,list<str>), volatile:true }"), h.Q("INSPECT", "TABLE", "t"));
    }

    [Fact]
    public void CreateTableKeywordsAreCaseInsensitive()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("create", "table", "a", "keymap(str,str)"));
        Assert.Equal(Replies.Okay, h.Q("CrEaTe", "TaBlE", "b", "keymap(str,str)"));
        Assert.Equal(new HashSet<string> { "default", "a", "b" }, Replies.TypedStringSet(h.Q("INSPECT", "KEYSPACE")));
    }

    [Fact]
    public void CreateTablePropertyIsCaseSensitive()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Error("unknown-property"), h.Q("CREATE", "TABLE", "t", "keymap(str,str)", "VOLATILE"));
        Assert.Equal(Replies.Error("unknown-property"), h.Q("CREATE", "TABLE", "t", "keymap(str,str)", "persistent"));
        Assert.Equal(Replies.Error("container-not-found"), h.Q("INSPECT", "TABLE", "t"));
    }

    [Fact]
    public void CreateTableChecksEncodingBeforeTheEntity()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.EncodingError, h.Q(B("CREATE"), B("TABLE"), NotUtf8, B("keymap(str,str)")));
        Assert.Equal(Replies.EncodingError, h.Q(B("CREATE"), B("TABLE"), B("1bad"), NotUtf8));
        Assert.Equal(Replies.EncodingError, h.Q(B("CREATE"), B("TABLE"), B("::"), [0xED, 0xA0, 0x80]));
    }

    [Fact]
    public void CreateTableChecksTheEntityBeforeTheModel()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Error("malformed-expression"), h.Q("CREATE", "TABLE", "ks::t", "wthmap(str)"));
        Assert.Equal(Replies.Error("bad-container-name"), h.Q("CREATE", "TABLE", "1t", "wthmap(str)"));
        Assert.Equal(Replies.Error("bad-container-name"), h.Q("CREATE", "TABLE", "PRELOAD", "keymap(str,str)"));
    }

    [Fact]
    public void CreateTableChecksTheModelBeforeTheProperty()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Error("too-many-args"), h.Q("CREATE", "TABLE", "t", "keymap(str)", "nonsense"));
        Assert.Equal(Replies.UnknownDataType, h.Q("CREATE", "TABLE", "t", "keymap(wth,str)", "nonsense"));
    }

    [Fact]
    public void CreateTableOnPoisonedStoreChecksArgumentsFirst()
    {
        using var h = new EngineHarness();
        h.Store.IsPoisoned = true;
        Assert.Equal(Replies.ActionError, h.Q("CREATE", "TABLE", "t"));
        Assert.Equal(Replies.EncodingError, h.Q(B("CREATE"), B("TABLE"), NotUtf8, B("keymap(str,str)")));
        Assert.Equal(Replies.Error("bad-container-name"), h.Q("CREATE", "TABLE", "1t", "keymap(str,str)"));
        Assert.Equal(Replies.Error("unknown-model"), h.Q("CREATE", "TABLE", "t", "map(str,str)"));
        Assert.Equal(Replies.Error("unknown-property"), h.Q("CREATE", "TABLE", "t", "keymap(str,str)", "x"));
        Assert.Equal(Replies.Error("unknown-ddl-query"), h.Q("CREATE", "VIEW", "t"));
    }

    [Fact]
    public void CreateTableOnPoisonedStoreIsAServerErrorBeforeTheKeyspaceLookup()
    {
        using var h = new EngineHarness();
        h.Store.IsPoisoned = true;
        Assert.Equal(Replies.ServerError, h.Q("CREATE", "TABLE", "t", "keymap(str,str)"));
        Assert.Equal(Replies.ServerError, h.Q("CREATE", "TABLE", "nosuch:t", "keymap(str,str)"));
        Assert.Equal(Replies.ServerError, h.Q("CREATE", "TABLE", "default", "keymap(str,str)"));
        h.Store.IsPoisoned = false;
        Assert.Equal(Replies.Error("container-not-found"), h.Q("INSPECT", "TABLE", "t"));
    }

    [Fact]
    public void CreateTableInAMissingKeyspaceIsNotFound()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Error("container-not-found"), h.Q("CREATE", "TABLE", "nosuch:t", "keymap(str,str)"));
    }

    [Fact]
    public void CreateTableThatExistsIsAlreadyExists()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Error("err-already-exists"), h.Q("CREATE", "TABLE", "default", "keymap(binstr,binstr)"));
        Assert.Equal(Replies.Okay, h.Q("CREATE", "TABLE", "t", "keymap(str,str)"));
        Assert.Equal(Replies.Error("err-already-exists"), h.Q("CREATE", "TABLE", ":t", "keymap(binstr,binstr)"));
        Assert.Equal(Replies.Error("err-already-exists"), h.Q("CREATE", "TABLE", "default:t", "keymap(str,str)", "volatile"));
        Assert.Equal(Replies.Str("Keymap { data:(str,str), volatile:false }"), h.Q("INSPECT", "TABLE", "t"));
    }

    [Fact]
    public void CreateTableFormsTargetTheRightKeyspace()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("CREATE", "KEYSPACE", "ks"));
        Assert.Equal(Replies.Okay, h.Q("CREATE", "TABLE", "ks:full", "keymap(str,str)"));
        Assert.Equal(Replies.Okay, h.Q("USE", "ks"));
        Assert.Equal(Replies.Okay, h.Q("CREATE", "TABLE", "single", "keymap(str,str)"));
        Assert.Equal(Replies.Okay, h.Q("CREATE", "TABLE", ":partial", "keymap(str,str)"));
        Assert.Equal(new HashSet<string> { "full", "single", "partial" }, Replies.TypedStringSet(h.Q("INSPECT", "KEYSPACE", "ks")));
        Assert.Equal(new HashSet<string> { "default" }, Replies.TypedStringSet(h.Q("INSPECT", "KEYSPACE", "default")));
    }

    [Fact]
    public void CreateTableInTheSystemPlaceholderIsAccepted()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("CREATE", "TABLE", "system:x", "keymap(str,str)"));
        Assert.Equal(new HashSet<string> { "x" }, Replies.TypedStringSet(h.Q("INSPECT", "KEYSPACE", "system")));
    }

    [Fact]
    public void CreateTableNamedDefaultInAUserKeyspaceIsAllowed()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("CREATE", "KEYSPACE", "ks"));
        Assert.Equal(Replies.Okay, h.Q("CREATE", "TABLE", "ks:default", "keymap(str,str)"));
    }

    [Fact]
    public void CreateTableAcceptsSixtyFourByteNames()
    {
        using var h = new EngineHarness();
        var name = new string('t', 64);
        Assert.Equal(Replies.Okay, h.Q("CREATE", "TABLE", name, "keymap(str,str)"));
        Assert.Equal(Replies.Error("bad-container-name"), h.Q("CREATE", "TABLE", name + "t", "keymap(str,str)"));
    }

    [Fact]
    public void CreateKeyspaceNeedsExactlyOneName()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.ActionError, h.Q("CREATE", "KEYSPACE"));
        Assert.Equal(Replies.ActionError, h.Q("CREATE", "KEYSPACE", "a", "b"));
    }

    [Fact]
    public void CreateKeyspaceCreatesAnEmptyKeyspace()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("create", "keyspace", "ks"));
        Assert.Equal("*1\n@+0\n", h.Q("INSPECT", "KEYSPACE", "ks"));
        Assert.Equal(new HashSet<string> { "default", "system", "ks" }, Replies.TypedStringSet(h.Q("INSPECT", "KEYSPACES")));
    }

    [Fact]
    public void CreateKeyspaceThatExistsIsAlreadyExists()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Error("err-already-exists"), h.Q("CREATE", "KEYSPACE", "default"));
        Assert.Equal(Replies.Error("err-already-exists"), h.Q("CREATE", "KEYSPACE", "system"));
        Assert.Equal(Replies.Okay, h.Q("CREATE", "KEYSPACE", "ks"));
        Assert.Equal(Replies.Error("err-already-exists"), h.Q("CREATE", "KEYSPACE", "ks"));
    }

    [Fact]
    public void CreateKeyspaceNamesAreCaseSensitive()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("CREATE", "KEYSPACE", "Default"));
        Assert.Equal(Replies.Okay, h.Q("CREATE", "KEYSPACE", "ks"));
        Assert.Equal(Replies.Okay, h.Q("CREATE", "KEYSPACE", "KS"));
    }

    [Fact]
    public void CreateKeyspaceWithInvalidUtf8IsAnEncodingError()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.EncodingError, h.Q(B("CREATE"), B("KEYSPACE"), NotUtf8));
        Assert.Equal(Replies.EncodingError, h.Q(B("CREATE"), B("KEYSPACE"), [.. new byte[70], 0xFF]));
    }

    [Theory]
    [InlineData("1ks")]
    [InlineData("a:b")]
    [InlineData("a-b")]
    [InlineData("")]
    [InlineData("é")]
    [InlineData("ks ")]
    public void CreateKeyspaceWithANonIdentifierIsMalformed(string name)
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Error("malformed-expression"), h.Q("CREATE", "KEYSPACE", name));
    }

    [Fact]
    public void CreateKeyspaceChecksTheRegexBeforeTheLength()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Error("malformed-expression"), h.Q("CREATE", "KEYSPACE", "1" + new string('a', 80)));
    }

    [Fact]
    public void CreateKeyspaceAllowsSixtyThreeBytesButNotSixtyFour()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Error("container-name-too-long"), h.Q("CREATE", "KEYSPACE", new string('k', 64)));
        Assert.Equal(Replies.Error("container-name-too-long"), h.Q("CREATE", "KEYSPACE", new string('k', 65)));
        Assert.Equal(Replies.Okay, h.Q("CREATE", "KEYSPACE", new string('k', 63)));
    }

    [Fact]
    public void CreateKeyspaceRefusesTheNamesOfStorageFiles()
    {
        // Deliberate difference: upstream accepts these and then fails every save (model-and-ddl.md §3.3).
        using var h = new EngineHarness();
        Assert.Equal(Replies.Error("bad-container-name"), h.Q("CREATE", "KEYSPACE", "PRELOAD"));
        Assert.Equal(Replies.Error("bad-container-name"), h.Q("CREATE", "KEYSPACE", "PARTMAP"));
        Assert.Equal(Replies.Okay, h.Q("CREATE", "KEYSPACE", "preload"));
        Assert.Equal(Replies.Okay, h.Q("CREATE", "KEYSPACE", "Partmap"));
        Assert.Equal(new HashSet<string> { "default", "system", "preload", "Partmap" }, Replies.TypedStringSet(h.Q("INSPECT", "KEYSPACES")));
    }

    [Fact]
    public void CreateKeyspaceOnPoisonedStoreChecksTheNameFirst()
    {
        using var h = new EngineHarness();
        h.Store.IsPoisoned = true;
        Assert.Equal(Replies.ActionError, h.Q("CREATE", "KEYSPACE", "a", "b"));
        Assert.Equal(Replies.EncodingError, h.Q(B("CREATE"), B("KEYSPACE"), NotUtf8));
        Assert.Equal(Replies.Error("malformed-expression"), h.Q("CREATE", "KEYSPACE", "1ks"));
        Assert.Equal(Replies.Error("container-name-too-long"), h.Q("CREATE", "KEYSPACE", new string('k', 64)));
        Assert.Equal(Replies.Error("bad-container-name"), h.Q("CREATE", "KEYSPACE", "PRELOAD"));
        Assert.Equal(Replies.ServerError, h.Q("CREATE", "KEYSPACE", "ks"));
        Assert.Equal(Replies.ServerError, h.Q("CREATE", "KEYSPACE", "default"));
        h.Store.IsPoisoned = false;
        Assert.Equal(Replies.Error("container-not-found"), h.Q("INSPECT", "KEYSPACE", "ks"));
    }
}
