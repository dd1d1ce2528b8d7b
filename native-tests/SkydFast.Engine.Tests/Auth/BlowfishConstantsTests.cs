using System.Numerics;
using SkydFast.Engine.Auth;

namespace SkydFast.Engine.Tests.Auth;

/// <summary>The embedded Blowfish initial state really is the hexadecimal expansion of pi.</summary>
public sealed class BlowfishConstantsTests
{
    [Fact]
    public void EmbeddedWordsAreTheFractionalHexDigitsOfPi()
    {
        var words = Bcrypt.PiWords;
        Assert.Equal(18 + (4 * 256), words.Length);

        // pi = 16 atan(1/5) - 4 atan(1/239) (Machin), in fixed point with 64 guard bits beyond the words.
        var bits = (words.Length * 32) + 64;
        var one = BigInteger.One << bits;
        var pi = (16 * ArctanOfInverse(5, one)) - (4 * ArctanOfInverse(239, one));
        var fraction = (pi - (3 * one)) >> 64;
        var mask = new BigInteger(uint.MaxValue);
        for (var i = 0; i < words.Length; i++)
        {
            var expected = (uint)((fraction >> (32 * (words.Length - 1 - i))) & mask);
            Assert.True(expected == words[i], $"word {i}: embedded 0x{words[i]:X8}, pi gives 0x{expected:X8}");
        }
    }

    [Fact]
    public void FirstAndLastWordsMatchThePublishedTables()
    {
        // Schneier's tables: P[0], P[17], S-box 0 entry 0 and S-box 3 entry 255.
        Assert.Equal(0x243F6A88u, Bcrypt.PiWords[0]);
        Assert.Equal(0x8979FB1Bu, Bcrypt.PiWords[17]);
        Assert.Equal(0xD1310BA6u, Bcrypt.PiWords[18]);
        Assert.Equal(0x3AC372E6u, Bcrypt.PiWords[^1]);
    }

    /// <summary>atan(1/x) * one by its Taylor series, truncating each term.</summary>
    private static BigInteger ArctanOfInverse(int x, BigInteger one)
    {
        var power = one / x;
        var sum = power;
        var xSquared = x * x;
        for (var n = 1; !power.IsZero; n++)
        {
            power /= xSquared;
            var term = power / ((2 * n) + 1);
            sum += n % 2 == 1 ? -term : term;
        }

        return sum;
    }
}
