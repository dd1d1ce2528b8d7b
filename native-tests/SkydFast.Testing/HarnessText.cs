using System.Text;

namespace SkydFast.Testing;

/// <summary>Engine harness replies as Latin-1 strings, comparable with <see cref="Replies"/>.</summary>
public static class HarnessText
{
    /// <summary>Runs a simple query of UTF-8 arguments; the reply as Latin-1 (one char per byte).</summary>
    public static string Q(this EngineHarness h, params string[] args) => Encoding.Latin1.GetString(h.Query(args));

    /// <summary>Runs a simple query of binary arguments; the reply as Latin-1 (one char per byte).</summary>
    public static string Q(this EngineHarness h, params byte[][] args) => Encoding.Latin1.GetString(h.Query(args));
}
