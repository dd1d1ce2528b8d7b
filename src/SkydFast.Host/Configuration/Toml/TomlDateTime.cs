namespace SkydFast.Host.Configuration.Toml;

/// <summary>
/// A date, time or date-time value. Exactly one of <see cref="Offset"/>, <see cref="Local"/>, <see cref="Date"/> and
/// <see cref="Time"/> is set, the one that matches <see cref="TomlValue.Kind"/>; the one exception is an offset
/// date-time that <see cref="DateTimeOffset"/> can not hold (see <see cref="Offset"/>). Fractional seconds beyond
/// the 100 ns ticks of .NET are truncated, as the TOML spec asks; a leap second (<c>:60</c>) is read as the last
/// tick of second 59, since .NET has no second 60.
/// </summary>
public sealed class TomlDateTime : TomlValue
{
    internal TomlDateTime(TomlPosition position, DateTime wallClock, TimeSpan utcOffset)
        : base(TomlKind.OffsetDateTime, position)
    {
        WallClock = wallClock;
        UtcOffset = utcOffset;
        long utcTicks = wallClock.Ticks - utcOffset.Ticks;
        // DateTimeOffset allows offsets up to 14 hours and instants within years 1-9999 UTC; TOML allows
        // offsets up to 23:59 and any wall clock in 0001-9999, so a few valid values do not fit.
        if (Math.Abs(utcOffset.Ticks) <= TimeSpan.TicksPerHour * 14 && utcTicks >= 0 && utcTicks <= DateTime.MaxValue.Ticks)
        {
            Offset = new DateTimeOffset(wallClock, utcOffset);
        }
    }

    internal TomlDateTime(TomlPosition position, DateTime local)
        : base(TomlKind.LocalDateTime, position) => Local = local;

    internal TomlDateTime(TomlPosition position, DateOnly date)
        : base(TomlKind.LocalDate, position) => Date = date;

    internal TomlDateTime(TomlPosition position, TimeOnly time)
        : base(TomlKind.LocalTime, position) => Time = time;

    /// <summary>
    /// An offset date-time, with the offset as written. Null for the other kinds, and for the rare offset date-time
    /// that <see cref="DateTimeOffset"/> can not represent (an offset beyond ±14:00, or an instant before year 1 or
    /// after year 9999 in UTC); <see cref="WallClock"/> and <see cref="UtcOffset"/> always hold such a value.
    /// </summary>
    public DateTimeOffset? Offset { get; }

    /// <summary>For an offset date-time: the date and time as written, before the offset (<see cref="DateTimeKind.Unspecified"/>).</summary>
    public DateTime? WallClock { get; }

    /// <summary>For an offset date-time: the offset as written (<c>Z</c> is zero).</summary>
    public TimeSpan? UtcOffset { get; }

    /// <summary>A local date-time (<see cref="DateTimeKind.Unspecified"/>); null for the other kinds.</summary>
    public DateTime? Local { get; }

    /// <summary>A local date; null for the other kinds.</summary>
    public DateOnly? Date { get; }

    /// <summary>A local time; null for the other kinds.</summary>
    public TimeOnly? Time { get; }
}
