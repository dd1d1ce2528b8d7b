using System.Text;
using SkydFast.Protocol.Skyhash;

namespace SkydFast.Protocol.Tests;

/// <summary>One parsed stage, with its items copied out as Latin-1 strings (one char per byte).</summary>
public sealed record ParsedStage(StageKind Kind, string[] Items)
{
    public static ParsedStage Any(params string[] items) => new(StageKind.AnyArray, items);

    public static ParsedStage Other { get; } = new(StageKind.NotExecutable, []);

    public bool Equals(ParsedStage? other) => other is not null && Kind == other.Kind && Items.SequenceEqual(other.Items);

    public override int GetHashCode() => HashCode.Combine(Kind, Items.Length);

    public override string ToString() => $"{Kind}[{string.Join(", ", Items.Select(ParserKit.Show))}]";
}

/// <summary>Everything one call of <see cref="SkyhashParser.Parse"/> reports.</summary>
public sealed record ParseResult(ParseStatus Status, int Consumed, long Needed, ParsedStage[] Stages);

/// <summary>Helpers shared by the parser tests: Latin-1 packets, a parse that copies its result out.</summary>
public static class ParserKit
{
    /// <summary>Limits small enough that a test can reach them.</summary>
    public static ParserLimits Small { get; } = new(MaxQuerySize: 64, MaxElements: 8);

    /// <summary>A packet written as a C-style string; every char is one byte.</summary>
    public static byte[] B(string latin1) => Encoding.Latin1.GetBytes(latin1);

    public static string Show(string latin1) => latin1.Replace("\n", "\\n", StringComparison.Ordinal).Replace("\0", "\\0", StringComparison.Ordinal);

    public static string Show(ReadOnlySpan<byte> bytes) => Show(Encoding.Latin1.GetString(bytes));

    public static ParseResult Parse(string latin1, ParserLimits? limits = null) => Parse(B(latin1), limits);

    public static ParseResult Parse(ReadOnlySpan<byte> buffer, ParserLimits? limits = null, ParsedQuery? query = null)
    {
        query ??= new ParsedQuery();
        var status = SkyhashParser.Parse(buffer, query, limits ?? ParserLimits.Default, out var consumed, out var needed);
        var stages = status == ParseStatus.Complete ? StagesOf(buffer, query) : [];
        return new ParseResult(status, consumed, needed, stages);
    }

    public static ParsedStage[] StagesOf(ReadOnlySpan<byte> buffer, ParsedQuery query)
    {
        var stages = new ParsedStage[query.StageCount];
        for (var i = 0; i < stages.Length; i++)
        {
            var stage = query[i];
            var items = query.ItemsOf(stage);
            var copied = new string[items.Length];
            for (var j = 0; j < items.Length; j++)
            {
                copied[j] = Encoding.Latin1.GetString(buffer.Slice(items[j].Offset, items[j].Length));
            }

            stages[i] = new ParsedStage(stage.Kind, copied);
        }

        return stages;
    }

    /// <summary>A simple query in the encoding every 0.7 client uses.</summary>
    public static string Simple(params string[] args) => "*1\n" + AnyArray(args);

    /// <summary>A pipeline of AnyArray stages.</summary>
    public static string Pipeline(params string[][] stages) => $"*{stages.Length}\n" + string.Concat(stages.Select(AnyArray));

    public static string AnyArray(params string[] args) => $"~{args.Length}\n" + string.Concat(args.Select(a => $"{a.Length}\n{a}\n"));

    /// <summary>Asserts a complete parse of the whole buffer into <paramref name="stages"/>.</summary>
    public static void AssertComplete(string packet, params ParsedStage[] stages) => AssertComplete(packet, packet.Length, stages);

    public static void AssertComplete(string buffer, int consumed, params ParsedStage[] stages)
    {
        var result = Parse(buffer);
        Assert.True(result.Status == ParseStatus.Complete, $"{Show(buffer)}: {result.Status}");
        Assert.Equal(consumed, result.Consumed);
        Assert.Equal(stages, result.Stages);
    }

    public static void AssertStatus(ParseStatus expected, string buffer, ParserLimits? limits = null)
    {
        var result = Parse(buffer, limits);
        Assert.True(expected == result.Status, $"{Show(buffer)}: expected {expected}, got {result.Status}");
        if (expected != ParseStatus.Complete)
        {
            Assert.Equal(0, result.Consumed);
        }
    }
}
