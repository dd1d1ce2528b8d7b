using SkydFast.Engine.Auth;

namespace SkydFast.Engine.Tests.Auth;

/// <summary>bcrypt's base64: RFC 4648 bit order, the alphabet <c>./A-Za-z0-9</c>, no padding, strict decoding.</summary>
public sealed class BcryptBase64Tests
{
    [Fact]
    public void Base64RoundTripsEveryLengthFromZeroToSixty()
    {
        var random = new Random(7);
        for (var length = 0; length <= 60; length++)
        {
            var data = new byte[length];
            random.NextBytes(data);
            var text = BcryptBase64.Encode(data);
            Assert.Equal(BcryptBase64.EncodedLength(length), text.Length);
            var back = new byte[length];
            Assert.True(BcryptBase64.TryDecode(text, back));
            Assert.Equal(data, back);
        }
    }

    [Fact]
    public void Base64UsesBcryptsAlphabetInRfc4648BitOrder()
    {
        // Standard base64 gives "AAECAwQF", "/w" and "//8": the same 6-bit values, mapped through "./A-Za-z0-9".
        Assert.Equal("..CA.uOD", BcryptBase64.Encode([0, 1, 2, 3, 4, 5]));
        Assert.Equal("9u", BcryptBase64.Encode([0xFF]));
        Assert.Equal("996", BcryptBase64.Encode([0xFF, 0xFF]));
    }

    [Theory]
    [InlineData("..CA.u!D")]
    [InlineData("..CA.uO=")]
    [InlineData("..CA.")]
    [InlineData("9/")]
    [InlineData("99/")]
    public void Base64RejectsForeignCharactersImpossibleLengthsAndStrayLowBits(string text)
    {
        var destination = new byte[text.Length * 6 / 8];
        Assert.False(BcryptBase64.TryDecode(text, destination));
    }

    [Fact]
    public void Base64RejectsADestinationOfTheWrongSize() =>
        Assert.False(BcryptBase64.TryDecode("..CA.uOD", new byte[5]));
}
