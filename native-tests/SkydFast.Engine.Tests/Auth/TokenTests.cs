using System.Text;
using SkydFast.Engine.Auth;

namespace SkydFast.Engine.Tests.Auth;

/// <summary>Tokens as 0.7.7 generates them (actions.md §9.3).</summary>
public sealed class TokenTests
{
    private const string Alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    [Fact]
    public void NewTokenIs54AlphabetCharactersAndTwoPaddingCharacters()
    {
        var token = Tokens.NewToken();
        Assert.Equal(56, token.Length);
        Assert.All(token[..54], c => Assert.Contains(c, Alphabet));
        Assert.EndsWith("==", token, StringComparison.Ordinal);
    }

    [Fact]
    public void NewTokenDecodesToFortyBytes()
    {
        var token = Tokens.NewToken();
        var raw = new byte[Tokens.RandomBytes];
        Assert.True(BcryptBase64.TryDecode(token.AsSpan(0, 54), raw));
        Assert.Equal(token[..54], BcryptBase64.Encode(raw));
    }

    [Fact]
    public void NewTokensDiffer()
    {
        var tokens = Enumerable.Range(0, 100).Select(_ => Tokens.NewToken()).ToHashSet();
        Assert.Equal(100, tokens.Count);
    }

    [Fact]
    public void NewTokenBytesAreSpreadOverTheWholeAlphabet()
    {
        // 200 tokens carry 64,000 random bits; a broken generator (zeros, a fixed block) would show here.
        var seen = new HashSet<char>();
        var raw = new byte[Tokens.RandomBytes];
        for (var i = 0; i < 200; i++)
        {
            var token = Tokens.NewToken();
            Assert.True(BcryptBase64.TryDecode(token.AsSpan(0, 54), raw));
            Assert.Contains(raw, b => b != 0);
            seen.UnionWith(token[..53]);
        }

        Assert.Equal(64, seen.Count);
    }

    [Fact]
    public void PaddedAndUnpaddedTokensBothVerifyAgainstTheirOwnHashes()
    {
        // LOGIN checks only the hash, so 0.7.6's 54-character tokens keep working next to 0.7.7's 56.
        var padded = Encoding.ASCII.GetBytes(Tokens.NewToken());
        var unpadded = padded.AsSpan(0, 54).ToArray();
        Assert.True(Rcrypt.Verify(padded, Rcrypt.Hash(padded, 4)));
        Assert.True(Rcrypt.Verify(unpadded, Rcrypt.Hash(unpadded, 4)));
        Assert.False(Rcrypt.Verify(unpadded, Rcrypt.Hash(padded, 4)));
    }
}
