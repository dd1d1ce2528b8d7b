using System.Text;
using SkydFast.Engine.Auth;

namespace SkydFast.Engine.Tests.Auth;

/// <summary>Published bcrypt test vectors (OpenBSD, Openwall's crypt_blowfish, jBCrypt) and the 2b key rules.</summary>
public sealed class BcryptVectorTests
{
    private const string CommonSalt = "/OK.fbVrR/bpIqNJ5ianF.";

    /// <summary>
    /// Password (Latin-1 characters, one per byte) and the expected MCF string. From crypt_blowfish's wrapper.c
    /// test list, the same list in PHP's crypt tests, and jBCrypt's vectors; each also checked against this
    /// machine's crypt(3).
    /// </summary>
    public static TheoryData<string, string> Vectors => new()
    {
        { "U*U", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW" },
        { "U*U*", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.VGOzA784oUp/Z0DY336zx7pLYAy0lwK" },
        { "U*U*U", "$2a$05$XXXXXXXXXXXXXXXXXXXXXOAcXxm9kjPGEMsLznoKqmqw7tc8WCx4a" },
        { "", "$2a$05$CCCCCCCCCCCCCCCCCCCCC.7uG0VCzI2bS7j6ymqJi9CdcdxiRTWNy" },
        { "", "$2a$06$DCq7YPn5Rq63x1Lad4cll.TV4S6ytwfsfvkgY8jIucDrjc8deX1s." },
        {
            "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789chars after 72 are ignored",
            "$2a$05$abcdefghijklmnopqrstuu5s2v8.iXieOjg/.AySBTTZIIVFJeBui"
        },
        { "\u00a3", $"$2a$05${CommonSalt}Sa7shbm4.OzKpvFnX1pQLmQW96oUlCq" },
        { "\u00a3", $"$2b$05${CommonSalt}Sa7shbm4.OzKpvFnX1pQLmQW96oUlCq" },
        { "\u00a3", $"$2y$05${CommonSalt}Sa7shbm4.OzKpvFnX1pQLmQW96oUlCq" },
        { "\u00ff\u00ff\u00a3", $"$2b$05${CommonSalt}CE5elHaaO4EbggVDjb8P19RukzXSM3e" },
        { "\u00ff\u00ff\u00a3", $"$2y$05${CommonSalt}CE5elHaaO4EbggVDjb8P19RukzXSM3e" },
        { "\u00ff\u00a334\u00ff\u00ff\u00ff\u00a3345", $"$2y$05${CommonSalt}o./n25XVfn6oAPaUvHe.Csk4zRfsYPi" },
        { "\u00ff\u00a3345", $"$2a$05${CommonSalt}nRht2l/HRhr6zmCp9vYUvvsqynflf9e" },
        { "\u00ff\u00a3345", $"$2y$05${CommonSalt}nRht2l/HRhr6zmCp9vYUvvsqynflf9e" },
        { "\u00a3ab", $"$2a$05${CommonSalt}6IflQkJytoRVc1yuaNtHfiuq.FRlSIS" },
        { "\u00a3ab", $"$2y$05${CommonSalt}6IflQkJytoRVc1yuaNtHfiuq.FRlSIS" },
        {
            new string('\u00aa', 72) + "chars after 72 are ignored as usual",
            $"$2a$05${CommonSalt}swQOIzjOiJ9GHEPuhEkvqrUyvWhEMx6"
        },
        { string.Concat(Enumerable.Repeat("\u00aa\u0055", 36)), $"$2a$05${CommonSalt}R9xrDjiycxMbQE2bp.vgqlYpW5wx2yy" },
        {
            string.Concat(Enumerable.Repeat("\u0055\u00aa\u00ff", 24)),
            $"$2a$05${CommonSalt}9tQZzcJfm3uj2NvJ/n5xkhpqLrMpWCe"
        },
        { "~!@#$%^&*()      ~!@#$%^&*()PNBFRD", "$2a$06$fPIsBO8qRqkjj273rfaOI.HtSV9jLDpTbZn782DC6/t7qT67P6FfO" },
        { "~!@#$%^&*()      ~!@#$%^&*()PNBFRD", "$2a$08$Eq2r4G/76Wv39MzSX262huzPz612MZiYHVUJe/OcOql2jo4.9UxTW" },
    };

    [Theory]
    [MemberData(nameof(Vectors))]
    public void PublishedVectorVerifies(string password, string mcf) =>
        Assert.True(Bcrypt.VerifyMcf(Encoding.Latin1.GetBytes(password), mcf));

    [Theory]
    [MemberData(nameof(Vectors))]
    public void HashingWithThePublishedSaltGivesThePublishedDigest(string password, string mcf)
    {
        var cost = int.Parse(mcf.AsSpan(4, 2), provider: null);
        var salt = new byte[Bcrypt.SaltLength];
        Assert.True(BcryptBase64.TryDecode(mcf.AsSpan(7, 22), salt));

        // HashMcf always writes 2b; for these vectors every version hashes alike.
        Assert.Equal("$2b$" + mcf[4..], Bcrypt.HashMcf(Encoding.Latin1.GetBytes(password), salt, cost));
    }

    [Fact]
    public void CostTwelveVectorVerifies() =>
        Assert.True(Bcrypt.VerifyMcf(
            "~!@#$%^&*()      ~!@#$%^&*()PNBFRD"u8, "$2a$12$WApznUOJfkEGSmYRfnkrPOr466oFDCaj4b6HY3EXGvfxm43seyhgC"));

    [Theory]
    [InlineData("\u00ff\u00ff\u00a3", "$2a$05$/OK.fbVrR/bpIqNJ5ianF.nqd1wy.pTMdcvrRWxyiGL2eMz.2a85.")]
    [InlineData("\u00ff\u00a334\u00ff\u00ff\u00ff\u00a3345", "$2a$05$/OK.fbVrR/bpIqNJ5ianF.ZC1JEJ8Z4gPfpe1JOr/oyPXTWl9EFd.")]
    public void CryptBlowfishTwoACountermeasureForEightBitKeysIsNotReproduced(string password, string mcf)
    {
        // crypt_blowfish changes these $2a$ hashes so they cannot collide with its old sign-extension bug;
        // OpenBSD and the Rust crate behind rcrypt do not, and neither do we: the 2b digest verifies instead.
        var bytes = Encoding.Latin1.GetBytes(password);
        Assert.False(Bcrypt.VerifyMcf(bytes, mcf));
        var salt = new byte[Bcrypt.SaltLength];
        Assert.True(BcryptBase64.TryDecode(mcf.AsSpan(7, 22), salt));
        Assert.True(Bcrypt.VerifyMcf(bytes, Bcrypt.HashMcf(bytes, salt, 5).Replace("$2b$", "$2a$", StringComparison.Ordinal)));
    }

    [Fact]
    public void BytesAfterTheSeventySecondAreIgnored()
    {
        var salt = new byte[Bcrypt.SaltLength];
        var password = Encoding.ASCII.GetBytes(new string('k', 72));
        var expected = Bcrypt.HashRaw(password, salt, 4);
        Assert.Equal(expected, Bcrypt.HashRaw([.. password, (byte)'x'], salt, 4));
        Assert.Equal(expected, Bcrypt.HashRaw(Encoding.ASCII.GetBytes(new string('k', 300)), salt, 4));
    }

    [Fact]
    public void PasswordOfLength255Or256HashesLikeItsFirst72Bytes()
    {
        // OpenBSD's 2a kept the key length plus NUL in a byte, so 255 wrapped to 0; 2b caps the length first.
        var salt = new byte[Bcrypt.SaltLength];
        var longPassword = Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("0123456789", 26)));
        var expected = Bcrypt.HashRaw(longPassword.AsSpan(0, 72), salt, 4);
        Assert.Equal(expected, Bcrypt.HashRaw(longPassword.AsSpan(0, 255), salt, 4));
        Assert.Equal(expected, Bcrypt.HashRaw(longPassword.AsSpan(0, 256), salt, 4));
    }

    [Fact]
    public void TerminatingNulIsPartOfTheKey()
    {
        // "ab" hashes as "ab\0ab\0..."; were the NUL left out it would equal "ab" repeated, i.e. "abab".
        var salt = new byte[Bcrypt.SaltLength];
        Assert.NotEqual(Bcrypt.HashRaw("abab"u8, salt, 4), Bcrypt.HashRaw("ab"u8, salt, 4));
        Assert.Equal(Bcrypt.HashRaw("ab\0ab"u8, salt, 4), Bcrypt.HashRaw("ab"u8, salt, 4));
    }

    [Fact]
    public void HashRawReturnsTheFullDigestWhoseFirst23BytesTheMcfStringCarries()
    {
        var salt = Enumerable.Range(1, Bcrypt.SaltLength).Select(i => (byte)i).ToArray();
        var digest = Bcrypt.HashRaw("U*U"u8, salt, 5);
        Assert.Equal(Bcrypt.DigestLength, digest.Length);
        var fromMcf = new byte[Bcrypt.StoredDigestLength];
        Assert.True(BcryptBase64.TryDecode(Bcrypt.HashMcf("U*U"u8, salt, 5).AsSpan(29), fromMcf));
        Assert.Equal(fromMcf, digest[..Bcrypt.StoredDigestLength]);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(32)]
    [InlineData(-1)]
    public void CostOutsideFourToThirtyOneIsRejected(int cost) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Bcrypt.HashRaw("x"u8, new byte[Bcrypt.SaltLength], cost));

    [Theory]
    [InlineData(0)]
    [InlineData(15)]
    [InlineData(17)]
    public void SaltOfOtherThanSixteenBytesIsRejected(int length) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Bcrypt.HashRaw("x"u8, new byte[length], 4));

    [Theory]
    [InlineData("$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeX")]
    [InlineData("$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOe")]
    [InlineData("$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeWW")]
    [InlineData("$2x$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")]
    [InlineData("$2c$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")]
    [InlineData("$3a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")]
    [InlineData("$2a$03$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")]
    [InlineData("$2a$32$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")]
    [InlineData("$2a$+5$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")]
    [InlineData("$2a$05$CCCCCCCCCCCCCCCCCCCCC!E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")]
    [InlineData("$2a$05$CCCCCCCCCCCCCCCCCCCCCCE5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")]
    [InlineData("$2a$05CCCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW")]
    [InlineData("")]
    public void WrongOrMalformedMcfStringDoesNotVerify(string mcf) => Assert.False(Bcrypt.VerifyMcf("U*U"u8, mcf));

    [Fact]
    public void WrongPasswordDoesNotVerify() =>
        Assert.False(Bcrypt.VerifyMcf("U*V"u8, "$2a$05$CCCCCCCCCCCCCCCCCCCCC.E5YPO9kmyuRGyh0XouQYb4YMJKvyOeW"));
}
