namespace SkydFast.Host.Configuration.Toml;

/// <summary>A float value, including <c>inf</c> and <c>nan</c>.</summary>
public sealed class TomlFloat : TomlValue
{
    internal TomlFloat(TomlPosition position, double value)
        : base(TomlKind.Float, position) => Value = value;

    /// <summary>The nearest double to the written value; a magnitude beyond the double range is an infinity.</summary>
    public double Value { get; }
}
