using static SkydFast.Protocol.Tests.ParserKit;

namespace SkydFast.Protocol.Tests;

/// <summary>Well-formed packets and what they parse to: the seeds of the split tests and of the fuzzer.</summary>
public static class ValidPackets
{
    public static IReadOnlyList<(string Name, string Packet, ParsedStage[] Stages)> All { get; } =
    [
        ("get", Simple("GET", "x"), [ParsedStage.Any("GET", "x")]),
        ("set", Simple("SET", "x", "100"), [ParsedStage.Any("SET", "x", "100")]),
        ("heya", Simple("HEYA"), [ParsedStage.Any("HEYA")]),
        ("binary", Simple("SET", "\n\n", "\0\xff\r*~"), [ParsedStage.Any("SET", "\n\n", "\0\xff\r*~")]),
        ("empty items", Simple("SET", string.Empty, string.Empty), [ParsedStage.Any("SET", string.Empty, string.Empty)]),
        ("empty anyarray", "*1\n~0\n", [ParsedStage.Any()]),
        ("long item", Simple("SET", "k", new string('v', 300)), [ParsedStage.Any("SET", "k", new string('v', 300))]),
        ("string", "*1\n+4\nHEYA\n", [ParsedStage.Other]),
        ("integer", "*1\n:20\n18446744073709551615\n", [ParsedStage.Other]),
        ("nested", "*1\n&3\n+1\na\n&2\n:1\n7\n_1\n+0\n\n~1\n1\nz\n", [ParsedStage.Other]),
        ("flat", "*1\n_2\n+3\nfoo\n+3\nbar\n", [ParsedStage.Other]),
        ("pipeline", Pipeline(["HEYA", "once"], ["HEYA", "twice"]), [ParsedStage.Any("HEYA", "once"), ParsedStage.Any("HEYA", "twice")]),
        (
            "example 2",
            "*3\n~4\n4\nMSET\n1\nx\n1\ny\n1\nz\n~2\n4\nMGET\n1\nq\n~2\n4\nHEYA\n2\nok\n",
            [ParsedStage.Any("MSET", "x", "y", "z"), ParsedStage.Any("MGET", "q"), ParsedStage.Any("HEYA", "ok")]
        ),
        (
            "mixed pipeline",
            "*4\n~1\n4\nHEYA\n+2\nhi\n~0\n~2\n3\nGET\n1\nk\n",
            [ParsedStage.Any("HEYA"), ParsedStage.Other, ParsedStage.Any(), ParsedStage.Any("GET", "k")]
        ),
    ];

    public static TheoryData<string> Names { get; } = new(All.Select(p => p.Name));

    public static (string Packet, ParsedStage[] Stages) Get(string name)
    {
        var found = All.Single(p => p.Name == name);
        return (found.Packet, found.Stages);
    }
}
