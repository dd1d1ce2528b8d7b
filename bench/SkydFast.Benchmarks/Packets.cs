using System.Text;

namespace SkydFast.Benchmarks;

/// <summary>Query packets encoded the way every 0.7 client sends them.</summary>
public static class Packets
{
    /// <summary>The value size of the SET/UPDATE/USET benchmarks (a small cache entry).</summary>
    public const int ValueLength = 64;

    public static byte[] Value { get; } = Encoding.ASCII.GetBytes(new string('v', ValueLength));

    public static byte[] Simple(params byte[][] args) => Encoding.Latin1.GetBytes("*1\n" + AnyArray(args));

    public static byte[] Simple(params string[] args) => Simple([.. args.Select(Encoding.ASCII.GetBytes)]);

    public static byte[] Pipeline(int stages, params string[] args)
    {
        var stage = AnyArray([.. args.Select(Encoding.ASCII.GetBytes)]);
        return Encoding.Latin1.GetBytes($"*{stages}\n" + string.Concat(Enumerable.Repeat(stage, stages)));
    }

    private static string AnyArray(byte[][] args) =>
        $"~{args.Length}\n" + string.Concat(args.Select(a => $"{a.Length}\n{Encoding.Latin1.GetString(a)}\n"));
}
