namespace SkydFast.Host.Configuration.Toml;

/// <summary>
/// A TOML document is invalid, or (thrown by a consumer) a value has the wrong type or range. The message is
/// <c>TOML parse error at line L, column C: reason</c>.
/// </summary>
public sealed class TomlException : Exception
{
    /// <summary>Creates the error for <paramref name="reason"/> at <paramref name="position"/>.</summary>
    public TomlException(TomlPosition position, string reason)
        : base($"TOML parse error at line {position.Line}, column {position.Column}: {reason}")
    {
        Position = position;
        Reason = reason;
    }

    /// <summary>Where the problem is: the offending character, or the start of the offending key or value.</summary>
    public TomlPosition Position { get; }

    /// <summary>The message without the position prefix.</summary>
    public string Reason { get; }
}
