using System.Security.Cryptography;

namespace SkydFast.Engine.Auth;

/// <summary>
/// Skytable's stored token hashes: the "rcrypt" crate's 40-byte binary form of a bcrypt MCF string
/// (actions.md §9.3, after the BMCF proposal).
/// </summary>
/// <remarks>
/// Byte 0 holds the MCF version in its top three bits (0x20 <c>$2$</c>, 0x40 <c>$2a$</c>, 0x60 <c>$2x$</c>,
/// 0x80 <c>$2y$</c>, 0xA0 <c>$2b$</c>) and the cost in its low five; bytes 1-16 are the salt and bytes 17-39
/// the first 23 digest bytes. Skytable 0.7.7 writes <c>$2b$</c> at cost 12, so 0xAC.
/// </remarks>
public static class Rcrypt
{
    /// <summary>The length of a stored hash in bytes.</summary>
    public const int HashLength = 1 + Bcrypt.SaltLength + Bcrypt.StoredDigestLength;

    /// <summary>The cost Skytable hashes tokens with.</summary>
    public const int DefaultCost = 12;

    private const int SchemeMask = 0xE0;
    private const int CostMask = 0x1F;
    private const int Scheme2b = 0xA0;

    /// <summary>Hashes <paramref name="token"/> with a fresh random salt, as <c>$2b$</c> at <paramref name="cost"/>.</summary>
    /// <param name="token">The token bytes; neither empty nor containing a NUL, since such a token never verifies.</param>
    /// <param name="cost">log2 of the number of expansion rounds, <see cref="Bcrypt.MinCost"/> to <see cref="Bcrypt.MaxCost"/>.</param>
    /// <returns>The <see cref="HashLength"/>-byte stored form.</returns>
    public static byte[] Hash(ReadOnlySpan<byte> token, int cost = DefaultCost)
    {
        if (token.IsEmpty || token.Contains((byte)0))
        {
            throw new ArgumentException("A token must be non-empty and free of NUL bytes to ever verify.", nameof(token));
        }

        ArgumentOutOfRangeException.ThrowIfLessThan(cost, Bcrypt.MinCost);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cost, Bcrypt.MaxCost);
        var stored = new byte[HashLength];
        stored[0] = (byte)(Scheme2b | cost);
        var salt = stored.AsSpan(1, Bcrypt.SaltLength);
        RandomNumberGenerator.Fill(salt);
        Span<byte> digest = stackalloc byte[Bcrypt.DigestLength];
        Bcrypt.HashRaw(token, salt, cost, digest);
        digest[..Bcrypt.StoredDigestLength].CopyTo(stored.AsSpan(1 + Bcrypt.SaltLength));
        return stored;
    }

    /// <summary>Checks <paramref name="token"/> against a stored hash.</summary>
    /// <remarks>
    /// Every accepted version is computed as 2b, as the Rust bcrypt crate behind rcrypt does. False, without
    /// hashing, for a stored form that is not 40 bytes, has an unknown version or a cost below 4, and for an
    /// empty token or one containing NUL (bcrypt keys are C strings).
    /// </remarks>
    /// <param name="token">The token bytes as the client sent them.</param>
    /// <param name="stored40">The stored hash.</param>
    /// <returns>Whether the digests match; compared in constant time.</returns>
    public static bool Verify(ReadOnlySpan<byte> token, ReadOnlySpan<byte> stored40)
    {
        if (stored40.Length != HashLength || token.IsEmpty || token.Contains((byte)0))
        {
            return false;
        }

        var scheme = stored40[0] & SchemeMask;
        var cost = stored40[0] & CostMask;
        if (scheme is 0 or > Scheme2b || cost < Bcrypt.MinCost)
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[Bcrypt.DigestLength];
        Bcrypt.HashRaw(token, stored40.Slice(1, Bcrypt.SaltLength), cost, digest);
        return CryptographicOperations.FixedTimeEquals(
            digest[..Bcrypt.StoredDigestLength], stored40[(1 + Bcrypt.SaltLength)..]);
    }
}
