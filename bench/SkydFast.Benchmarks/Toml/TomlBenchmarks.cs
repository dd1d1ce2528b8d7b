using System.Text;
using BenchmarkDotNet.Attributes;
using SkydFast.Host.Configuration.Toml;

namespace SkydFast.Benchmarks.Toml;

/// <summary>
/// The TOML reader on large and deep documents: the time a linear parser takes (a quadratic one would take minutes).
/// The tests in SkydFast.Host.Tests check what these documents parse to.
/// </summary>
[MemoryDiagnoser]
public class TomlBenchmarks
{
    private const int Depth = 100_000;

    private readonly string _manyKeys = ManyKeys();
    private readonly string _deepKeys = DeepKeys();

    /// <summary>100,000 <c>key = value # comment</c> lines (2.4 MB).</summary>
    [Benchmark]
    public int ManyKeys100k() => TomlReader.Parse(_manyKeys).Count;

    /// <summary>A 100,000-part dotted key, then headers and an inline table that walk the same tables again.</summary>
    [Benchmark]
    public int DottedKeys100kDeep() => TomlReader.Parse(_deepKeys).Count;

    private static string ManyKeys()
    {
        var keys = new StringBuilder();
        for (var i = 0; i < 100_000; i++)
        {
            keys.Append("key").Append(i).Append(" = ").Append(i).Append(" # c\n");
        }

        return keys.ToString();
    }

    private static string DeepKeys()
    {
        var path = string.Join('.', Enumerable.Repeat("k", Depth));
        return $"{path} = 1\n[{path}x]\n[x.{path}]\ny = {{ {path} = 2 }}\n";
    }
}
