namespace SkydFast.Host.Configuration.Toml;

/// <summary>A string value, with escapes decoded and line-ending backslashes applied.</summary>
public sealed class TomlString : TomlValue
{
    internal TomlString(TomlPosition position, string value)
        : base(TomlKind.String, position) => Value = value;

    /// <summary>The decoded text. Newlines inside multi-line strings are kept as written (LF or CRLF).</summary>
    public string Value { get; }
}
