using SkydFast.Host.Configuration.Toml;
using static SkydFast.Host.Tests.Toml.TomlAssert;

namespace SkydFast.Host.Tests.Toml;

/// <summary>Integers, floats and booleans.</summary>
public sealed class NumberTests
{
    private const string OutOfRange = "integer out of range: integers are 64-bit, from -9223372036854775808 to 9223372036854775807";

    [Theory]
    [InlineData("+99", 99L)]
    [InlineData("42", 42L)]
    [InlineData("0", 0L)]
    [InlineData("+0", 0L)]
    [InlineData("-0", 0L)]
    [InlineData("-17", -17L)]
    [InlineData("1_000", 1000L)]
    [InlineData("5_349_221", 5349221L)]
    [InlineData("53_49_221", 5349221L)]
    [InlineData("1_2_3_4_5", 12345L)]
    [InlineData("9223372036854775807", long.MaxValue)]
    [InlineData("-9223372036854775808", long.MinValue)]
    [InlineData("0xDEADBEEF", 0xDEADBEEFL)]
    [InlineData("0xdeadbeef", 0xDEADBEEFL)]
    [InlineData("0xdead_BEEF", 0xDEADBEEFL)]
    [InlineData("0x0001", 1L)]
    [InlineData("0x7FFF_FFFF_FFFF_FFFF", long.MaxValue)]
    [InlineData("0o01234567", 342391L)]
    [InlineData("0o755", 493L)]
    [InlineData("0o777777777777777777777", long.MaxValue)]
    [InlineData("0b11010110", 214L)]
    [InlineData("0b0", 0L)]
    [InlineData("0b0111111111111111111111111111111111111111111111111111111111111111", long.MaxValue)]
    public void IntegersReadInEveryBase(string text, long expected)
    {
        var value = Assert.IsType<TomlInteger>(Value(text));
        Assert.Equal(TomlKind.Integer, value.Kind);
        Assert.Equal(expected, value.Value);
    }

    [Theory]
    [InlineData("9223372036854775808", 5, OutOfRange)]
    [InlineData("-9223372036854775809", 5, OutOfRange)]
    [InlineData("99999999999999999999999999", 5, OutOfRange)]
    [InlineData("0x8000000000000000", 5, OutOfRange)]
    [InlineData("0xFFFFFFFFFFFFFFFF", 5, OutOfRange)]
    [InlineData("0o1000000000000000000000", 5, OutOfRange)]
    [InlineData("0b1000000000000000000000000000000000000000000000000000000000000000", 5, OutOfRange)]
    [InlineData("01", 5, "leading zeros are not allowed in a decimal number")]
    [InlineData("00", 5, "leading zeros are not allowed in a decimal number")]
    [InlineData("-01", 6, "leading zeros are not allowed in a decimal number")]
    [InlineData("+00", 6, "leading zeros are not allowed in a decimal number")]
    [InlineData("0_1", 5, "leading zeros are not allowed in a decimal number")]
    [InlineData("1__2", 6, "an underscore in a number must be between two digits")]
    [InlineData("1_", 6, "an underscore in a number must be between two digits")]
    [InlineData("1_000_", 10, "an underscore in a number must be between two digits")]
    [InlineData("+_1", 6, "an underscore in a number must be between two digits")]
    [InlineData("_1", 5, "expected a value, found '_'")]
    [InlineData("++1", 6, "expected a digit, found '+'")]
    [InlineData("-", 6, "expected a digit, found the end of the file")]
    [InlineData("1-2", 6, "unexpected '-' in a number")]
    [InlineData("1a", 6, "unexpected 'a' in a number")]
    [InlineData("0X1F", 6, "unexpected 'X' in a number")]
    [InlineData("0x", 7, "expected a hexadecimal digit after '0x', found the end of the file")]
    [InlineData("0xg", 7, "expected a hexadecimal digit after '0x', found 'g'")]
    [InlineData("0x_1", 7, "an underscore in a number must be between two digits")]
    [InlineData("0x1_", 8, "an underscore in a number must be between two digits")]
    [InlineData("0x1g", 8, "invalid hexadecimal digit 'g'")]
    [InlineData("0o8", 7, "expected an octal digit after '0o', found '8'")]
    [InlineData("0o78", 8, "invalid octal digit '8'")]
    [InlineData("0b102", 9, "invalid binary digit '2'")]
    [InlineData("0b1.0", 8, "unexpected '.' in a number")]
    [InlineData("+0x1", 5, "hexadecimal, octal and binary integers can not have a sign")]
    [InlineData("-0b1", 5, "hexadecimal, octal and binary integers can not have a sign")]
    [InlineData("+0o7", 5, "hexadecimal, octal and binary integers can not have a sign")]
    public void MalformedOrOutOfRangeIntegersAreRejected(string text, int column, string reason) => Fails($"v = {text}", 1, column, reason);

    [Theory]
    [InlineData("+1.0", 1.0)]
    [InlineData("3.1415", 3.1415)]
    [InlineData("-0.01", -0.01)]
    [InlineData("5e+22", 5e22)]
    [InlineData("1e06", 1e6)]
    [InlineData("3e01", 30.0)]
    [InlineData("-2E-2", -0.02)]
    [InlineData("6.626e-34", 6.626e-34)]
    [InlineData("224_617.445_991_228", 224617.445991228)]
    [InlineData("1e1_0", 1e10)]
    [InlineData("0.0", 0.0)]
    [InlineData("+0.0", 0.0)]
    [InlineData("0e0", 0.0)]
    [InlineData("1.7976931348623157e308", double.MaxValue)]
    [InlineData("1e-400", 0.0)]
    [InlineData("1e400", double.PositiveInfinity)]
    [InlineData("-1e400", double.NegativeInfinity)]
    [InlineData("inf", double.PositiveInfinity)]
    [InlineData("+inf", double.PositiveInfinity)]
    [InlineData("-inf", double.NegativeInfinity)]
    [InlineData("nan", double.NaN)]
    [InlineData("+nan", double.NaN)]
    [InlineData("-nan", double.NaN)]
    public void FloatsReadAsTheNearestDouble(string text, double expected)
    {
        var value = Assert.IsType<TomlFloat>(Value(text));
        Assert.Equal(TomlKind.Float, value.Kind);
        Assert.Equal(expected, value.Value);
    }

    [Fact]
    public void NegativeZeroKeepsItsSign()
    {
        Assert.True(double.IsNegative(Assert.IsType<TomlFloat>(Value("-0.0")).Value));
        Assert.True(double.IsNegative(Assert.IsType<TomlFloat>(Value("-0e0")).Value));
        Assert.False(double.IsNegative(Assert.IsType<TomlFloat>(Value("+0.0")).Value));
    }

    [Theory]
    [InlineData("1.", 7, "expected a digit after the decimal point, found the end of the file")]
    [InlineData("1.e5", 7, "expected a digit after the decimal point, found 'e'")]
    [InlineData("3.e+20", 7, "expected a digit after the decimal point, found 'e'")]
    [InlineData(".5", 5, "expected a value, found '.'")]
    [InlineData("+.5", 6, "expected a digit, found '.'")]
    [InlineData("1e", 7, "expected a digit in the exponent, found the end of the file")]
    [InlineData("1e+", 8, "expected a digit in the exponent, found the end of the file")]
    [InlineData("1ee5", 7, "expected a digit in the exponent, found 'e'")]
    [InlineData("1e_5", 7, "an underscore in a number must be between two digits")]
    [InlineData("1e5_", 8, "an underscore in a number must be between two digits")]
    [InlineData("1_.5", 6, "an underscore in a number must be between two digits")]
    [InlineData("1._5", 7, "an underscore in a number must be between two digits")]
    [InlineData("1.5_", 8, "an underscore in a number must be between two digits")]
    [InlineData("00.5", 5, "leading zeros are not allowed in a decimal number")]
    [InlineData("-01.5", 6, "leading zeros are not allowed in a decimal number")]
    [InlineData("01e5", 5, "leading zeros are not allowed in a decimal number")]
    [InlineData("1.2.3", 8, "unexpected '.' in a number")]
    [InlineData("1e5.5", 8, "unexpected '.' in a number")]
    [InlineData("1.5x", 8, "unexpected 'x' in a number")]
    [InlineData("Inf", 5, "invalid value `Inf`: true, false, inf and nan are lowercase")]
    [InlineData("NaN", 5, "invalid value `NaN`: true, false, inf and nan are lowercase")]
    [InlineData("-Inf", 6, "expected a digit, found 'I'")]
    [InlineData("infinity", 5, "invalid value `infinity`: strings must be quoted")]
    [InlineData("in", 5, "invalid value `in`: strings must be quoted")]
    [InlineData("-nan_", 5, "invalid value `-nan_`")]
    [InlineData("+inf.0", 5, "invalid value `+inf.0`")]
    public void MalformedFloatsAreRejected(string text, int column, string reason) => Fails($"v = {text}", 1, column, reason);

    [Fact]
    public void BooleansAreLowercaseTrueAndFalse()
    {
        Assert.True(Assert.IsType<TomlBoolean>(Value("true")).Value);
        Assert.False(Assert.IsType<TomlBoolean>(Value("false")).Value);
        Assert.Equal(TomlKind.Boolean, Value("true").Kind);
    }

    [Theory]
    [InlineData("True", "invalid value `True`: true, false, inf and nan are lowercase")]
    [InlineData("FALSE", "invalid value `FALSE`: true, false, inf and nan are lowercase")]
    [InlineData("tru", "invalid value `tru`: strings must be quoted")]
    [InlineData("truex", "invalid value `truex`: strings must be quoted")]
    [InlineData("true_", "invalid value `true_`: strings must be quoted")]
    [InlineData("f", "invalid value `f`: strings must be quoted")]
    [InlineData("yes", "invalid value `yes`: strings must be quoted")]
    [InlineData("localhost", "invalid value `localhost`: strings must be quoted")]
    public void OtherBareWordsAreNotValues(string text, string reason) => Fails($"v = {text}", 1, 5, reason);
}
