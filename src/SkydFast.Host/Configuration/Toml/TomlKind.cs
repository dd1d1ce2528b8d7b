namespace SkydFast.Host.Configuration.Toml;

/// <summary>The type of a <see cref="TomlValue"/>: the ten value types of TOML 1.0.</summary>
public enum TomlKind
{
    /// <summary>A basic, multi-line basic, literal or multi-line literal string (<see cref="TomlString"/>).</summary>
    String,

    /// <summary>A 64-bit signed integer (<see cref="TomlInteger"/>).</summary>
    Integer,

    /// <summary>An IEEE 754 binary64 float (<see cref="TomlFloat"/>).</summary>
    Float,

    /// <summary><c>true</c> or <c>false</c> (<see cref="TomlBoolean"/>).</summary>
    Boolean,

    /// <summary>A date and time with a UTC offset, <c>1979-05-27T07:32:00-07:00</c> (<see cref="TomlDateTime"/>).</summary>
    OffsetDateTime,

    /// <summary>A date and time without an offset, <c>1979-05-27T07:32:00</c> (<see cref="TomlDateTime"/>).</summary>
    LocalDateTime,

    /// <summary>A date alone, <c>1979-05-27</c> (<see cref="TomlDateTime"/>).</summary>
    LocalDate,

    /// <summary>A time of day alone, <c>07:32:00</c> (<see cref="TomlDateTime"/>).</summary>
    LocalTime,

    /// <summary>An array, static (<c>[1, 2]</c>) or of tables (<c>[[a]]</c>) (<see cref="TomlArray"/>).</summary>
    Array,

    /// <summary>A table: the root, a <c>[header]</c>, a dotted-key parent or an inline table (<see cref="TomlTable"/>).</summary>
    Table,
}
