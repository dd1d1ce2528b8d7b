using SkydFast.Host.Configuration.Toml;
using static SkydFast.Host.Tests.Toml.TomlAssert;

namespace SkydFast.Host.Tests.Toml;

/// <summary>Offset date-times, local date-times, local dates and local times.</summary>
public sealed class DateTimeTests
{
    private static TomlDateTime DateTimeOf(string text) => Assert.IsType<TomlDateTime>(Value(text));

    [Theory]
    [InlineData("1979-05-27T07:32:00Z", "1979-05-27T07:32:00.0000000+00:00")]
    [InlineData("1979-05-27T00:32:00-07:00", "1979-05-27T00:32:00.0000000-07:00")]
    [InlineData("1979-05-27T00:32:00.999999-07:00", "1979-05-27T00:32:00.9999990-07:00")]
    [InlineData("1979-05-27 07:32:00Z", "1979-05-27T07:32:00.0000000+00:00")]
    [InlineData("1979-05-27t07:32:00z", "1979-05-27T07:32:00.0000000+00:00")]
    [InlineData("1979-05-27T07:32:00+05:30", "1979-05-27T07:32:00.0000000+05:30")]
    [InlineData("1979-05-27T07:32:00-00:00", "1979-05-27T07:32:00.0000000+00:00")]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.0000000+00:00")]
    [InlineData("9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59.9999999+00:00")]
    [InlineData("1990-12-31T23:59:60Z", "1990-12-31T23:59:59.9999999+00:00")]
    [InlineData("2000-01-01T00:00:00+14:00", "2000-01-01T00:00:00.0000000+14:00")]
    public void OffsetDateTimesKeepTheirWrittenOffset(string text, string expected)
    {
        var value = DateTimeOf(text);
        Assert.Equal(TomlKind.OffsetDateTime, value.Kind);
        Assert.Equal(expected, value.Offset?.ToString("yyyy-MM-ddTHH:mm:ss.fffffffzzz", null));
        Assert.Equal(value.Offset?.DateTime, value.WallClock);
        Assert.Equal(value.Offset?.Offset, value.UtcOffset);
        Assert.Null(value.Local);
        Assert.Null(value.Date);
        Assert.Null(value.Time);
    }

    [Theory]
    [InlineData("0001-01-01T00:00:00+01:00", 1)]
    [InlineData("2000-01-01T00:00:00+15:00", 15)]
    [InlineData("2000-01-01T00:00:00-23:59", -23)]
    [InlineData("9999-12-31T23:59:59-01:00", -1)]
    public void OffsetDateTimesThatDateTimeOffsetCanNotHoldStillParse(string text, int offsetHours)
    {
        var value = DateTimeOf(text);
        Assert.Equal(TomlKind.OffsetDateTime, value.Kind);
        Assert.Null(value.Offset);
        Assert.Equal(DateTime.Parse(text[..19], System.Globalization.CultureInfo.InvariantCulture), value.WallClock);
        Assert.Equal(offsetHours, value.UtcOffset!.Value.Hours);
    }

    [Fact]
    public void LocalDateTimesDatesAndTimesHaveNoOffset()
    {
        var local = DateTimeOf("1979-05-27T00:32:00.999999");
        Assert.Equal(TomlKind.LocalDateTime, local.Kind);
        Assert.Equal(new DateTime(1979, 5, 27, 0, 32, 0, DateTimeKind.Unspecified).AddTicks(9_999_990), local.Local);
        Assert.Equal(DateTimeKind.Unspecified, local.Local!.Value.Kind);
        Assert.Null(local.Offset);
        Assert.Null(local.WallClock);
        Assert.Null(local.UtcOffset);

        var date = DateTimeOf("1979-05-27");
        Assert.Equal(TomlKind.LocalDate, date.Kind);
        Assert.Equal(new DateOnly(1979, 5, 27), date.Date);
        Assert.Null(date.Local);

        var time = DateTimeOf("07:32:00");
        Assert.Equal(TomlKind.LocalTime, time.Kind);
        Assert.Equal(new TimeOnly(7, 32), time.Time);
        Assert.Null(time.Date);
    }

    [Theory]
    [InlineData("00:32:00.999999", 9_999_990L)]
    [InlineData("00:00:00.1", 1_000_000L)]
    [InlineData("00:00:00.1234567", 1_234_567L)]
    [InlineData("00:00:00.123456789", 1_234_567L)]
    [InlineData("00:00:00.99999999999999999999", 9_999_999L)]
    [InlineData("23:59:60", 9_999_999L)]
    [InlineData("23:59:60.5", 9_999_999L)]
    public void FractionalSecondsBeyondTicksAreTruncatedAndALeapSecondIsTheLastTick(string text, long fractionTicks)
    {
        var time = DateTimeOf(text).Time!.Value;
        Assert.Equal(fractionTicks, time.Ticks % TimeSpan.TicksPerSecond);
        Assert.Equal(text[..5] == "23:59" ? 59 : int.Parse(text[6..8], System.Globalization.CultureInfo.InvariantCulture), time.Second);
    }

    [Theory]
    [InlineData("2000-02-29")]
    [InlineData("2024-02-29")]
    [InlineData("1600-02-29")]
    [InlineData("2024-02-29T12:00:00")]
    public void FebruaryTheTwentyNinthExistsInLeapYears(string text) => Assert.Equal(29, (DateTimeOf(text).Date ?? DateOnly.FromDateTime(DateTimeOf(text).Local!.Value)).Day);

    [Theory]
    [InlineData("2023-02-29", 13, "day 29 is out of range for 2023-02 (01 to 28)")]
    [InlineData("1900-02-29", 13, "day 29 is out of range for 1900-02 (01 to 28)")]
    [InlineData("2024-02-30T00:00:00", 13, "day 30 is out of range for 2024-02 (01 to 29)")]
    [InlineData("1979-04-31", 13, "day 31 is out of range for 1979-04 (01 to 30)")]
    [InlineData("1979-01-32", 13, "day 32 is out of range for 1979-01 (01 to 31)")]
    [InlineData("1979-01-00", 13, "day 00 is out of range for 1979-01 (01 to 31)")]
    [InlineData("1979-13-01", 10, "month 13 is out of range (01 to 12)")]
    [InlineData("1979-00-01Z", 10, "month 00 is out of range (01 to 12)")]
    [InlineData("0000-01-01", 5, "year 0000 is out of range (0001 to 9999)")]
    [InlineData("1979-05-27T24:00:00", 16, "hour 24 is out of range (00 to 23)")]
    [InlineData("1979-05-27T23:60:00", 19, "minute 60 is out of range (00 to 59)")]
    [InlineData("1979-05-27T23:59:61", 22, "second 61 is out of range (00 to 60)")]
    [InlineData("24:00:00", 5, "hour 24 is out of range (00 to 23)")]
    [InlineData("1979-05-27T00:00:00+24:00", 25, "offset hour 24 is out of range (00 to 23)")]
    [InlineData("1979-05-27T00:00:00-00:60", 28, "offset minute 60 is out of range (00 to 59)")]
    public void OutOfRangeFieldsAreRejectedAtTheField(string text, int column, string reason) => Fails($"v = {text}", 1, column, reason);

    [Theory]
    [InlineData("1979-05-27T07:32", 21, "expected ':' after the minute (seconds are required), found the end of the file")]
    [InlineData("1979-05-27T07:32Z", 21, "expected ':' after the minute (seconds are required), found 'Z'")]
    [InlineData("07:32", 10, "expected ':' after the minute (seconds are required), found the end of the file")]
    [InlineData("1979-5-27", 11, "expected a two-digit month, found '-'")]
    [InlineData("1979-05-7", 14, "expected a two-digit day, found the end of the file")]
    [InlineData("1979-05-27T7:32:00", 17, "expected a two-digit hour, found ':'")]
    [InlineData("1979-05-27T07:2:00", 20, "expected a two-digit minute, found ':'")]
    [InlineData("1979-05-27T07:32:0", 23, "expected two-digit seconds, found the end of the file")]
    [InlineData("1979-05-27T", 16, "expected a two-digit hour, found the end of the file")]
    [InlineData("1979-05-27 T07:32:00", 16, "expected a newline or the end of the file after a key/value pair, found 'T'")]
    [InlineData("1979-05-27x", 15, "unexpected 'x' after a date")]
    [InlineData("1979-05-27T07:32:00x", 24, "unexpected 'x' after a date-time")]
    [InlineData("1979-05-27T07:32:00Zx", 25, "unexpected 'x' after a date-time")]
    [InlineData("1979-05-27T07:32:00+07", 27, "expected ':' after the offset hour, found the end of the file")]
    [InlineData("1979-05-27T07:32:00+0700", 27, "expected ':' after the offset hour, found '0'")]
    [InlineData("1979-05-27T07:32:00+07:0", 29, "expected two-digit offset minutes, found the end of the file")]
    [InlineData("1979-05-27T07:32:00.", 25, "expected a digit after the decimal point of the seconds, found the end of the file")]
    [InlineData("1979-05-27T07:32:00.5.5", 26, "unexpected '.' after a date-time")]
    [InlineData("7:32:00", 6, "unexpected ':' in a number")]
    [InlineData("07:32:00Z", 13, "a time without a date can not have a UTC offset")]
    [InlineData("07:32:00-07:00", 13, "a time without a date can not have a UTC offset")]
    [InlineData("07:32:00.", 14, "expected a digit after the decimal point of the seconds, found the end of the file")]
    [InlineData("07:32:00:00", 13, "unexpected ':' after a time")]
    public void MalformedDatesAndTimesAreRejected(string text, int column, string reason) => Fails($"v = {text}", 1, column, reason);

    [Fact]
    public void ASpaceEndsADateUnlessATimeFollowsIt()
    {
        Parses("a = 1979-05-27 # a date\nb = [1979-05-27 , 07:32:00, 1979-05-27 07:32:00]",
            "{a=ld(1979-05-27)@1:5, b=[ld(1979-05-27)@2:6, lt(07:32:00.0000000)@2:19, ldt(1979-05-27T07:32:00.0000000)@2:29]@2:5}@1:1");
    }
}
