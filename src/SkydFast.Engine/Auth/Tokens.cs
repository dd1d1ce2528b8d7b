using System.Security.Cryptography;

namespace SkydFast.Engine.Auth;

/// <summary>User tokens as Skytable 0.7.7 generates them (actions.md §9.3).</summary>
public static class Tokens
{
    /// <summary>How many random bytes a token encodes.</summary>
    public const int RandomBytes = 40;

    /// <summary>
    /// The length of a token: 54 bcrypt-base64 characters plus <c>==</c>. The padding is an accident of 0.7.7's
    /// base64 crate upgrade (0.7.5 and 0.7.6 gave 54 characters); new tokens copy it so clients see what 0.7.7
    /// would give them.
    /// </summary>
    public const int Length = 56;

    /// <summary>A new token from <see cref="RandomBytes"/> cryptographically random bytes.</summary>
    /// <returns>A <see cref="Length"/>-character ASCII string.</returns>
    public static string NewToken()
    {
        Span<byte> random = stackalloc byte[RandomBytes];
        RandomNumberGenerator.Fill(random);
        Span<char> token = stackalloc char[Length];
        BcryptBase64.Encode(random, token[..^2]);
        token[^2] = '=';
        token[^1] = '=';
        CryptographicOperations.ZeroMemory(random);
        return new string(token);
    }
}
