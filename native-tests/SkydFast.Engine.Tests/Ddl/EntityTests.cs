using System.Text;
using SkydFast.Engine.Support;

namespace SkydFast.Engine.Tests.Ddl;

/// <summary>Every vector of model-and-ddl.md §3.2, on the parser and through USE.</summary>
public class EntityTests
{
    public static TheoryData<string> MalformedVectors => ["ks:", ":", "::", "::ks", "ks::tbl", "ks::", "ks::tbl::", "::ks::tbl::", ""];

    public static TheoryData<string> BadNameVectors =>
        ["$var", "1one", "%whywouldsomeone", new string('a', 65), "PRELOAD", "PARTMAP", "ks:1one", "1one:tbl", "ks:PRELOAD", "PARTMAP:tbl", "é"];

    [Fact]
    public void FullEntitySplitsKeyspaceAndTable()
    {
        var entity = Entity.Parse("ks:tbl"u8);
        Assert.Equal(EntityKind.Full, entity.Kind);
        Assert.Equal("ks", Encoding.ASCII.GetString(entity.Keyspace));
        Assert.Equal("tbl", Encoding.ASCII.GetString(entity.Name));
    }

    [Fact]
    public void SingleNameIsSingle()
    {
        var entity = Entity.Parse("tbl"u8);
        Assert.Equal(EntityKind.Single, entity.Kind);
        Assert.Equal("tbl", Encoding.ASCII.GetString(entity.Name));
    }

    [Fact]
    public void LeadingColonIsPartial()
    {
        var entity = Entity.Parse(":tbl"u8);
        Assert.Equal(EntityKind.Partial, entity.Kind);
        Assert.Equal("tbl", Encoding.ASCII.GetString(entity.Name));
    }

    [Theory]
    [MemberData(nameof(MalformedVectors))]
    public void BadShapesAreMalformed(string input) => Assert.Equal(EntityKind.Malformed, Entity.Parse(Encoding.UTF8.GetBytes(input)).Kind);

    [Theory]
    [MemberData(nameof(BadNameVectors))]
    public void InvalidComponentsAreBadNames(string input) => Assert.Equal(EntityKind.BadName, Entity.Parse(Encoding.UTF8.GetBytes(input)).Kind);

    [Fact]
    public void SixtyFourByteComponentIsValidEverywhere()
    {
        var a64 = new string('a', 64);
        Assert.Equal(EntityKind.Single, Entity.Parse(Encoding.ASCII.GetBytes(a64)).Kind);
        Assert.Equal(EntityKind.Full, Entity.Parse(Encoding.ASCII.GetBytes(a64 + ":" + a64)).Kind);
    }

    [Fact]
    public void TableIsValidatedBeforeKeyspace()
    {
        // The keyspace is malformed-free but bad, the table is empty: the table's error wins.
        Assert.Equal(EntityKind.Malformed, Entity.Parse("1one:"u8).Kind);
        Assert.Equal(EntityKind.BadName, Entity.Parse(":1one"u8).Kind);
    }

    [Fact]
    public void ReservedFileNamesAreCaseSensitive()
    {
        Assert.Equal(EntityKind.Single, Entity.Parse("preload"u8).Kind);
        Assert.Equal(EntityKind.Single, Entity.Parse("Partmap"u8).Kind);
    }

    [Fact]
    public void InvalidUtf8ComponentIsABadName() => Assert.Equal(EntityKind.BadName, Entity.Parse([0xFF, (byte)'a']).Kind);

    [Fact]
    public void UnderscoresAndDigitsAfterTheFirstCharAreValid() => Assert.Equal(EntityKind.Full, Entity.Parse("_k1:t_2"u8).Kind);

    [Theory]
    [MemberData(nameof(MalformedVectors))]
    public void UseAnswersMalformedExpressionForBadShapes(string input)
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Error("malformed-expression"), h.Q("USE", input));
    }

    [Theory]
    [MemberData(nameof(BadNameVectors))]
    public void UseAnswersBadContainerNameForInvalidComponents(string input)
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Error("bad-container-name"), h.Q("USE", input));
    }
}
