namespace SkydFast.Host.Configuration.Toml;

/// <summary>Offset date-times, local date-times, local dates and local times (RFC 3339, as TOML 1.0 restricts it).</summary>
internal sealed partial class TomlParser
{
    /// <summary>Four digits and a dash: a date (no number can continue that way).</summary>
    private bool LooksLikeDate() =>
        char.IsAsciiDigit(_text[_pos]) && IsAsciiDigit(Peek(1)) && IsAsciiDigit(Peek(2)) && IsAsciiDigit(Peek(3)) && Peek(4) == '-';

    /// <summary>Two digits and a colon: a time.</summary>
    private bool LooksLikeTime() => char.IsAsciiDigit(_text[_pos]) && IsAsciiDigit(Peek(1)) && Peek(2) == ':';

    private TomlDateTime ParseDateOrDateTime(TomlPosition position)
    {
        int start = _pos;
        int year = ReadFixedDigits(4, "a four-digit year");
        if (year == 0)
        {
            // RFC 3339 and the TOML test suite start at year 1, and so do .NET's date types.
            throw Error(start, "year 0000 is out of range (0001 to 9999)");
        }

        _pos++;
        int monthStart = _pos;
        int month = ReadFixedDigits(2, "a two-digit month");
        if (month is < 1 or > 12)
        {
            throw Error(monthStart, $"month {month:D2} is out of range (01 to 12)");
        }

        if (Peek() != '-')
        {
            throw Error(_pos, $"expected '-' after the month, found {Describe(_pos)}");
        }

        _pos++;
        int dayStart = _pos;
        int day = ReadFixedDigits(2, "a two-digit day");
        int daysInMonth = DateTime.DaysInMonth(year, month);
        if (day < 1 || day > daysInMonth)
        {
            throw Error(dayStart, $"day {day:D2} is out of range for {year:D4}-{month:D2} (01 to {daysInMonth})");
        }

        var date = new DateOnly(year, month, day);
        // A space separates date and time only when a time follows: "1979-05-27 # comment" is a date.
        if (!(Peek() is 'T' or 't' || (Peek() == ' ' && IsAsciiDigit(Peek(1)))))
        {
            RejectWordCharAfter("a date");
            return new TomlDateTime(position, date);
        }

        _pos++;
        var local = date.ToDateTime(ParseTimeOfDay());
        if (Peek() is 'Z' or 'z')
        {
            _pos++;
            RejectWordCharAfter("a date-time");
            return new TomlDateTime(position, local, TimeSpan.Zero);
        }

        if (Peek() is '+' or '-')
        {
            var offset = ParseUtcOffset();
            RejectWordCharAfter("a date-time");
            return new TomlDateTime(position, local, offset);
        }

        RejectWordCharAfter("a date-time");
        return new TomlDateTime(position, local);
    }

    private TomlDateTime ParseLocalTime(TomlPosition position)
    {
        var time = ParseTimeOfDay();
        if (Peek() is 'Z' or 'z' or '+' or '-')
        {
            throw Error(_pos, "a time without a date can not have a UTC offset");
        }

        RejectWordCharAfter("a time");
        return new TomlDateTime(position, time);
    }

    /// <summary><c>HH:MM:SS</c> and optional fractional seconds; seconds are required in TOML 1.0.</summary>
    private TimeOnly ParseTimeOfDay()
    {
        int hourStart = _pos;
        int hour = ReadFixedDigits(2, "a two-digit hour");
        if (hour > 23)
        {
            throw Error(hourStart, $"hour {hour:D2} is out of range (00 to 23)");
        }

        ExpectTimeColon("the hour");
        int minuteStart = _pos;
        int minute = ReadFixedDigits(2, "a two-digit minute");
        if (minute > 59)
        {
            throw Error(minuteStart, $"minute {minute:D2} is out of range (00 to 59)");
        }

        ExpectTimeColon("the minute (seconds are required)");
        int secondStart = _pos;
        int second = ReadFixedDigits(2, "two-digit seconds");
        if (second > 60)
        {
            throw Error(secondStart, $"second {second:D2} is out of range (00 to 60)");
        }

        long fraction = 0;
        if (Peek() == '.')
        {
            _pos++;
            if (!IsAsciiDigit(Peek()))
            {
                throw Error(_pos, $"expected a digit after the decimal point of the seconds, found {Describe(_pos)}");
            }

            // Digits beyond the seventh are finer than a tick; the spec says to truncate them.
            for (long scale = TimeSpan.TicksPerSecond / 10; IsAsciiDigit(Peek()); scale /= 10, _pos++)
            {
                fraction += (Peek() - '0') * scale;
            }
        }

        if (second == 60)
        {
            // .NET has no leap second: keep the value inside its minute, at the last tick before the next one.
            second = 59;
            fraction = TimeSpan.TicksPerSecond - 1;
        }

        return new TimeOnly(new TimeSpan(hour, minute, second).Ticks + fraction);
    }

    /// <summary><c>+HH:MM</c> or <c>-HH:MM</c>.</summary>
    private TimeSpan ParseUtcOffset()
    {
        bool negative = Peek() == '-';
        _pos++;
        int hourStart = _pos;
        int hours = ReadFixedDigits(2, "a two-digit offset hour");
        if (hours > 23)
        {
            throw Error(hourStart, $"offset hour {hours:D2} is out of range (00 to 23)");
        }

        ExpectTimeColon("the offset hour");
        int minuteStart = _pos;
        int minutes = ReadFixedDigits(2, "two-digit offset minutes");
        if (minutes > 59)
        {
            throw Error(minuteStart, $"offset minute {minutes:D2} is out of range (00 to 59)");
        }

        var offset = new TimeSpan(hours, minutes, 0);
        return negative ? -offset : offset;
    }

    private int ReadFixedDigits(int count, string what)
    {
        int value = 0;
        for (int i = 0; i < count; i++)
        {
            if (!IsAsciiDigit(Peek()))
            {
                throw Error(_pos, $"expected {what}, found {Describe(_pos)}");
            }

            value = (value * 10) + (_text[_pos] - '0');
            _pos++;
        }

        return value;
    }

    private void ExpectTimeColon(string after)
    {
        if (Peek() != ':')
        {
            throw Error(_pos, $"expected ':' after {after}, found {Describe(_pos)}");
        }

        _pos++;
    }

    private void RejectWordCharAfter(string what)
    {
        if (IsWordChar(Peek()))
        {
            throw Error(_pos, $"unexpected {Describe(_pos)} after {what}");
        }
    }

    private static bool IsAsciiDigit(int c) => c is >= '0' and <= '9';
}
