namespace SkydFast.Host.Configuration.Toml;

/// <summary>A place in a TOML document.</summary>
/// <param name="Line">1-based line number; lines end at LF (a CRLF counts once).</param>
/// <param name="Column">1-based column, counted in characters (Unicode code points), not bytes or UTF-16 units.</param>
public readonly record struct TomlPosition(int Line, int Column)
{
    /// <summary>The position as it appears in messages: <c>line 3, column 7</c>.</summary>
    public override string ToString() => $"line {Line}, column {Column}";
}
