using System.Text;
using SkydFast.Engine.Auth;

namespace SkydFast.Engine.Tests.Auth;

/// <summary>Skytable's 40-byte stored token hashes (actions.md §9.3, §9.4).</summary>
public sealed class RcryptTests
{
    // Upstream's debug-build fixture users: real 0.7.x tokens (the 54-character form of 0.7.5/0.7.6) and
    // their stored hashes at cost 12. Each check against them is a full cost-12 hash, so there are few.
    private const string RootToken = "XUOdVKhEONnnGwNwT7WeLqbspDgVtKex0/nwFwBSW7XJxioHwpg6H.";
    private const string RootHash = "ac8f75a99e9c216a8b6b146a5bdb229d62938e5bdeeecd7848ab5ada93024b432c6cb97c37289cfc";
    private const string TestUserToken = "mpobAB7EY8vnBs70d/..h1VvfinKIeEJgt1rg4wUkwF6aWCvGGR9le";
    private const string TestUserHash = "acb73cdd35f0e7d9717062106d3eeb5fb86b828b2bc5281fb07fb916ac7c27e17c47c173b0a2ef5d";

    private static readonly byte[] LowCostToken = "a token hashed at cost 4"u8.ToArray();
    private static readonly byte[] LowCostHash = Rcrypt.Hash(LowCostToken, 4);

    [Theory]
    [InlineData(RootToken, RootHash)]
    [InlineData(TestUserToken, TestUserHash)]
    public void UpstreamFixtureTokenVerifiesAgainstItsStoredHash(string token, string hash) =>
        Assert.True(Rcrypt.Verify(Encoding.ASCII.GetBytes(token), Convert.FromHexString(hash)));

    [Fact]
    public void FixtureTokenWithOneCharacterChangedDoesNotVerify() =>
        Assert.False(Rcrypt.Verify(Encoding.ASCII.GetBytes(RootToken[..^1] + "/"), Convert.FromHexString(RootHash)));

    [Fact]
    public void AnotherUsersTokenOfTheRightLengthDoesNotVerify() =>
        Assert.False(Rcrypt.Verify(Encoding.ASCII.GetBytes(TestUserToken), Convert.FromHexString(RootHash)));

    [Fact]
    public void EmptyTokenDoesNotVerify() => Assert.False(Rcrypt.Verify([], Convert.FromHexString(RootHash)));

    [Fact]
    public void TokenContainingNulDoesNotVerify()
    {
        // Checked before hashing: bcrypt keys are C strings, so "token\0" would otherwise hash like "token".
        Assert.False(Rcrypt.Verify(Encoding.ASCII.GetBytes(RootToken + "\0"), Convert.FromHexString(RootHash)));
        Assert.False(Rcrypt.Verify([.. LowCostToken, 0], LowCostHash));
        Assert.False(Rcrypt.Verify([0, .. LowCostToken], LowCostHash));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(17)]
    [InlineData(39)]
    [InlineData(41)]
    [InlineData(60)]
    public void StoredHashOfOtherThanFortyBytesDoesNotVerify(int length)
    {
        var stored = new byte[length];
        LowCostHash.AsSpan(0, Math.Min(length, LowCostHash.Length)).CopyTo(stored);
        Assert.False(Rcrypt.Verify(LowCostToken, stored));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    [InlineData(17)]
    [InlineData(39)]
    public void StoredHashWithAChangedSaltOrDigestByteDoesNotVerify(int index)
    {
        var stored = LowCostHash.ToArray();
        stored[index] ^= 0x01;
        Assert.False(Rcrypt.Verify(LowCostToken, stored));
    }

    [Fact]
    public void CorruptedFixtureHashDoesNotVerify()
    {
        var stored = Convert.FromHexString(RootHash);
        stored[^1] ^= 0x80;
        Assert.False(Rcrypt.Verify(Encoding.ASCII.GetBytes(RootToken), stored));
    }

    [Theory]
    [InlineData(0x20)]
    [InlineData(0x40)]
    [InlineData(0x60)]
    [InlineData(0x80)]
    [InlineData(0xA0)]
    public void EveryKnownVersionInTheHeaderVerifiesAsBcrypt(int scheme)
    {
        var stored = LowCostHash.ToArray();
        stored[0] = (byte)(scheme | 4);
        Assert.True(Rcrypt.Verify(LowCostToken, stored));
    }

    [Theory]
    [InlineData(0x04)]
    [InlineData(0xC4)]
    [InlineData(0xE4)]
    [InlineData(0x0C)]
    [InlineData(0xCC)]
    public void UnknownVersionInTheHeaderDoesNotVerify(int header)
    {
        var stored = LowCostHash.ToArray();
        stored[0] = (byte)header;
        Assert.False(Rcrypt.Verify(LowCostToken, stored));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(3)]
    public void CostBelowFourInTheHeaderDoesNotVerify(int cost)
    {
        var stored = LowCostHash.ToArray();
        stored[0] = (byte)(0xA0 | cost);
        Assert.False(Rcrypt.Verify(LowCostToken, stored));
    }

    [Fact]
    public void CostInTheHeaderIsTheCostVerifiedWith()
    {
        var stored = LowCostHash.ToArray();
        stored[0] = 0xA5;
        Assert.False(Rcrypt.Verify(LowCostToken, stored));
    }

    [Fact]
    public void HashAtDefaultCostHasHeader0xACAndVerifies()
    {
        var token = Encoding.ASCII.GetBytes(RootToken + "==");
        var stored = Rcrypt.Hash(token);
        Assert.Equal(Rcrypt.HashLength, stored.Length);
        Assert.Equal(0xAC, stored[0]);
        Assert.True(Rcrypt.Verify(token, stored));
    }

    [Fact]
    public void HashIsTheBcryptDigestOfTheTokenWithTheStoredSalt()
    {
        var stored = Rcrypt.Hash("U*U"u8, 5);
        Assert.Equal(0xA5, stored[0]);
        var digest = Bcrypt.HashRaw("U*U"u8, stored.AsSpan(1, 16), 5);
        Assert.Equal(digest[..23], stored[17..]);
    }

    [Fact]
    public void TwoHashesOfOneTokenDifferAndBothVerify()
    {
        var first = Rcrypt.Hash(LowCostToken, 4);
        var second = Rcrypt.Hash(LowCostToken, 4);
        Assert.NotEqual(first.AsSpan(1, 16).ToArray(), second.AsSpan(1, 16).ToArray());
        Assert.NotEqual(first, second);
        Assert.True(Rcrypt.Verify(LowCostToken, first));
        Assert.True(Rcrypt.Verify(LowCostToken, second));
    }

    [Fact]
    public void LongTokensAreCutAtSeventyTwoBytesLikeBcrypt()
    {
        var token = Encoding.ASCII.GetBytes(new string('t', 100));
        var stored = Rcrypt.Hash(token, 4);
        Assert.True(Rcrypt.Verify(token.AsSpan(0, 72), stored));
        Assert.False(Rcrypt.Verify(token.AsSpan(0, 71), stored));
    }

    [Fact]
    public void HashRejectsATokenThatCouldNeverVerify()
    {
        Assert.Throws<ArgumentException>(() => Rcrypt.Hash([], 4));
        Assert.Throws<ArgumentException>(() => Rcrypt.Hash("a\0b"u8, 4));
    }

    [Theory]
    [InlineData(3)]
    [InlineData(32)]
    public void HashRejectsACostOutsideFourToThirtyOne(int cost) =>
        Assert.Throws<ArgumentOutOfRangeException>(() => Rcrypt.Hash("token"u8, cost));
}
