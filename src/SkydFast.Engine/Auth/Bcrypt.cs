using System.Buffers.Binary;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Cryptography;

namespace SkydFast.Engine.Auth;

/// <summary>
/// bcrypt (Provos and Mazières, "A Future-Adaptable Password Scheme", 1999): the EksBlowfish key setup followed
/// by 64 Blowfish encryptions of "OrpheanBeholderScryDoubt", with the key handling of OpenBSD's version 2b.
/// </summary>
/// <remarks>
/// The key is the password bytes, truncated to 72 bytes, followed by a NUL byte, used cyclically. Because a
/// Blowfish key schedule consumes exactly 72 bytes, the NUL only matters for passwords shorter than 72 bytes;
/// longer passwords hash like their first 72 bytes. Bytes are taken as they are: a NUL inside the password is
/// hashed, not treated as the end of a C string (callers that need C semantics reject such passwords).
/// </remarks>
public static partial class Bcrypt
{
    /// <summary>The smallest cost (log2 of the number of key expansion rounds) bcrypt accepts.</summary>
    public const int MinCost = 4;

    /// <summary>The largest cost bcrypt accepts.</summary>
    public const int MaxCost = 31;

    /// <summary>The length of a bcrypt salt in bytes.</summary>
    public const int SaltLength = 16;

    /// <summary>The length of the full bcrypt digest in bytes (six 32-bit words).</summary>
    public const int DigestLength = 24;

    /// <summary>
    /// How many bytes of the digest the MCF string (and rcrypt's binary form) keeps: OpenBSD encodes only 23 of
    /// the 24 bytes, so the last byte never takes part in a comparison.
    /// </summary>
    public const int StoredDigestLength = 23;

    /// <summary>The length of an MCF string: <c>$2b$cc$</c>, 22 salt characters and 31 digest characters.</summary>
    public const int McfLength = 60;

    // 18 P-array words of 4 bytes: a key schedule consumes 72 key bytes, so longer keys cannot matter (2b caps
    // the length here; 2a in OpenBSD before 2014 kept it in a byte that wrapped around above 255).
    private const int MaxKeyBytes = 72;
    private const int PWords = 18;
    private const int SBoxWords = 256;

    /// <summary>Computes the 24-byte bcrypt digest of <paramref name="password"/>.</summary>
    /// <param name="password">The password bytes, without a terminating NUL (one is appended).</param>
    /// <param name="salt16">The 16-byte salt.</param>
    /// <param name="cost">log2 of the number of expansion rounds, <see cref="MinCost"/> to <see cref="MaxCost"/>.</param>
    /// <returns>All 24 digest bytes; MCF strings and rcrypt hashes keep the first <see cref="StoredDigestLength"/>.</returns>
    public static byte[] HashRaw(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt16, int cost)
    {
        var digest = new byte[DigestLength];
        HashRaw(password, salt16, cost, digest);
        return digest;
    }

    /// <summary>Computes the 24-byte bcrypt digest of <paramref name="password"/> into <paramref name="digest"/>.</summary>
    /// <param name="password">The password bytes, without a terminating NUL (one is appended).</param>
    /// <param name="salt16">The 16-byte salt.</param>
    /// <param name="cost">log2 of the number of expansion rounds, <see cref="MinCost"/> to <see cref="MaxCost"/>.</param>
    /// <param name="digest">Receives <see cref="DigestLength"/> bytes.</param>
    public static void HashRaw(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt16, int cost, Span<byte> digest)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(salt16.Length, SaltLength, nameof(salt16));
        ArgumentOutOfRangeException.ThrowIfLessThan(cost, MinCost);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(cost, MaxCost);
        ArgumentOutOfRangeException.ThrowIfLessThan(digest.Length, DigestLength, nameof(digest));

        // The key and salt as the word streams the key schedule XORs in, computed once instead of byte by byte
        // in each of the 2^(cost+1) expansions.
        Span<uint> key = stackalloc uint[PWords];
        KeyWords(password, key);
        Span<uint> salt = stackalloc uint[PWords];
        for (var i = 0; i < PWords; i++)
        {
            salt[i] = BinaryPrimitives.ReadUInt32BigEndian(salt16[(i % 4 * 4)..]);
        }

        var state = default(BlowfishState);
        ReadOnlySpan<uint> initial = PiWords;
        initial[..PWords].CopyTo(state.P);
        initial.Slice(PWords, SBoxWords).CopyTo(state.S0);
        initial.Slice(PWords + SBoxWords, SBoxWords).CopyTo(state.S1);
        initial.Slice(PWords + (2 * SBoxWords), SBoxWords).CopyTo(state.S2);
        initial.Slice(PWords + (3 * SBoxWords), SBoxWords).CopyTo(state.S3);

        ExpandState(ref state, key, salt[..4]);
        for (var round = 1UL << cost; round > 0; round--)
        {
            Expand0State(ref state, key);
            Expand0State(ref state, salt);
        }

        Span<uint> text = stackalloc uint[DigestLength / 4];
        for (var i = 0; i < text.Length; i++)
        {
            text[i] = BinaryPrimitives.ReadUInt32BigEndian("OrpheanBeholderScryDoubt"u8[(4 * i)..]);
        }

        for (var i = 0; i < 64; i++)
        {
            for (var block = 0; block < text.Length; block += 2)
            {
                Encrypt(ref state, ref text[block], ref text[block + 1]);
            }
        }

        for (var i = 0; i < text.Length; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(digest[(4 * i)..], text[i]);
        }

        // The expanded state and key words are derived from the password: do not leave them on the stack.
        key.Clear();
        ((Span<uint>)state.P).Clear();
        ((Span<uint>)state.S0).Clear();
        ((Span<uint>)state.S1).Clear();
        ((Span<uint>)state.S2).Clear();
        ((Span<uint>)state.S3).Clear();
    }

    /// <summary>Hashes <paramref name="password"/> into a <c>$2b$</c> MCF string, as crypt(3) prints it.</summary>
    /// <param name="password">The password bytes, without a terminating NUL.</param>
    /// <param name="salt16">The 16-byte salt.</param>
    /// <param name="cost">log2 of the number of expansion rounds, <see cref="MinCost"/> to <see cref="MaxCost"/>.</param>
    /// <returns>The 60-character string <c>$2b$cc$&lt;22-char salt&gt;&lt;31-char digest&gt;</c>.</returns>
    public static string HashMcf(ReadOnlySpan<byte> password, ReadOnlySpan<byte> salt16, int cost)
    {
        Span<byte> digest = stackalloc byte[DigestLength];
        HashRaw(password, salt16, cost, digest);
        Span<char> mcf = stackalloc char[McfLength];
        "$2b$".CopyTo(mcf);
        cost.TryFormat(mcf[4..], out _, "D2", CultureInfo.InvariantCulture);
        mcf[6] = '$';
        BcryptBase64.Encode(salt16, mcf.Slice(7, 22));
        BcryptBase64.Encode(digest[..StoredDigestLength], mcf[29..]);
        return new string(mcf);
    }

    /// <summary>Checks <paramref name="password"/> against an MCF string.</summary>
    /// <remarks>
    /// Accepts the prefixes <c>$2a$</c>, <c>$2b$</c> and <c>$2y$</c> and computes all three as 2b, which is what
    /// they mean for every password below 255 bytes. Not reproduced: crypt_blowfish's <c>$2x$</c> (its
    /// sign-extension bug) and the countermeasure its <c>$2a$</c> applies to passwords with bytes above 0x7F
    /// whose hash the bug would have changed.
    /// </remarks>
    /// <param name="password">The password bytes, without a terminating NUL.</param>
    /// <param name="mcf">A 60-character bcrypt MCF string.</param>
    /// <returns>Whether the string is well formed and its digest matches; compared in constant time.</returns>
    public static bool VerifyMcf(ReadOnlySpan<byte> password, string mcf)
    {
        if (mcf.Length != McfLength || !mcf.StartsWith("$2", StringComparison.Ordinal) ||
            mcf[2] is not ('a' or 'b' or 'y') || mcf[3] != '$' || mcf[6] != '$' ||
            !int.TryParse(mcf.AsSpan(4, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var cost) ||
            cost is < MinCost or > MaxCost)
        {
            return false;
        }

        Span<byte> salt = stackalloc byte[SaltLength];
        Span<byte> expected = stackalloc byte[StoredDigestLength];
        if (!BcryptBase64.TryDecode(mcf.AsSpan(7, 22), salt) || !BcryptBase64.TryDecode(mcf.AsSpan(29), expected))
        {
            return false;
        }

        Span<byte> digest = stackalloc byte[DigestLength];
        HashRaw(password, salt, cost, digest);
        return CryptographicOperations.FixedTimeEquals(digest[..StoredDigestLength], expected);
    }

    /// <summary>The first 72 bytes of the key stream: the password cut at 72 bytes plus a NUL, repeated.</summary>
    private static void KeyWords(ReadOnlySpan<byte> password, Span<uint> words)
    {
        var length = Math.Min(password.Length, MaxKeyBytes);
        var position = 0;
        for (var i = 0; i < words.Length; i++)
        {
            uint word = 0;
            for (var b = 0; b < 4; b++)
            {
                // Position `length` is the NUL terminator; after it the stream starts over.
                word = (word << 8) | (position < length ? password[position] : 0u);
                position = position == length ? 0 : position + 1;
            }

            words[i] = word;
        }
    }

    /// <summary>EksBlowfish's salted key schedule, run once: the salt words enter every encryption.</summary>
    private static void ExpandState(ref BlowfishState state, ReadOnlySpan<uint> key, ReadOnlySpan<uint> salt4)
    {
        XorInto(state.P, key);
        uint left = 0, right = 0;
        var saltIndex = 0;
        FillSalted(ref state, state.P, salt4, ref saltIndex, ref left, ref right);
        FillSalted(ref state, state.S0, salt4, ref saltIndex, ref left, ref right);
        FillSalted(ref state, state.S1, salt4, ref saltIndex, ref left, ref right);
        FillSalted(ref state, state.S2, salt4, ref saltIndex, ref left, ref right);
        FillSalted(ref state, state.S3, salt4, ref saltIndex, ref left, ref right);
    }

    /// <summary>The unsalted key schedule: 2^(cost+1) times, so nearly all of bcrypt's time is spent here.</summary>
    // Compiled optimized at once instead of tiering up: measured, the first cost-12 hash of a process took
    // ~430 ms instead of ~240 ms while these ran unoptimized; with this, ~300 ms.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Expand0State(ref BlowfishState state, ReadOnlySpan<uint> key)
    {
        XorInto(state.P, key);
        uint left = 0, right = 0;
        Fill(ref state, state.P, ref left, ref right);
        Fill(ref state, state.S0, ref left, ref right);
        Fill(ref state, state.S1, ref left, ref right);
        Fill(ref state, state.S2, ref left, ref right);
        Fill(ref state, state.S3, ref left, ref right);
    }

    private static void XorInto(Span<uint> p, ReadOnlySpan<uint> key)
    {
        for (var i = 0; i < p.Length; i++)
        {
            p[i] ^= key[i];
        }
    }

    private static void FillSalted(
        ref BlowfishState state, Span<uint> target, ReadOnlySpan<uint> salt4, ref int saltIndex, ref uint left, ref uint right)
    {
        for (var i = 0; i < target.Length; i += 2)
        {
            // The 4-word salt is a cyclic stream and each block takes two words: halves 0-1, then 2-3, and so on.
            left ^= salt4[saltIndex];
            right ^= salt4[saltIndex + 1];
            saltIndex ^= 2;
            Encrypt(ref state, ref left, ref right);
            target[i] = left;
            target[i + 1] = right;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Fill(ref BlowfishState state, Span<uint> target, ref uint left, ref uint right)
    {
        // Locals rather than the refs in the loop, so the chained block stays in registers.
        uint l = left, r = right;
        for (var i = 0; i < target.Length; i += 2)
        {
            Encrypt(ref state, ref l, ref r);
            target[i] = l;
            target[i + 1] = r;
        }

        left = l;
        right = r;
    }

    /// <summary>One Blowfish block encryption, the 16 rounds unrolled.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Encrypt(ref BlowfishState state, ref uint left, ref uint right)
    {
        var l = left ^ state.P[0];
        var r = right;
        r ^= F(ref state, l) ^ state.P[1];
        l ^= F(ref state, r) ^ state.P[2];
        r ^= F(ref state, l) ^ state.P[3];
        l ^= F(ref state, r) ^ state.P[4];
        r ^= F(ref state, l) ^ state.P[5];
        l ^= F(ref state, r) ^ state.P[6];
        r ^= F(ref state, l) ^ state.P[7];
        l ^= F(ref state, r) ^ state.P[8];
        r ^= F(ref state, l) ^ state.P[9];
        l ^= F(ref state, r) ^ state.P[10];
        r ^= F(ref state, l) ^ state.P[11];
        l ^= F(ref state, r) ^ state.P[12];
        r ^= F(ref state, l) ^ state.P[13];
        l ^= F(ref state, r) ^ state.P[14];
        r ^= F(ref state, l) ^ state.P[15];
        l ^= F(ref state, r) ^ state.P[16];
        left = r ^ state.P[17];
        right = l;
    }

    // Indexes below 256 into fixed 256-element inline arrays: the JIT proves them in range and drops the bounds
    // checks, which would otherwise be 4 per round, 64 per block. The last is written as shifts because the JIT
    // (.NET 10) kept the check for both `(byte)x` and `x & 0xFF` there; one S-box array of 1024 words with
    // offset indexes kept all checks and ran ~10% slower.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint F(ref BlowfishState state, uint x) =>
        ((state.S0[(int)(x >> 24)] + state.S1[(int)((x >> 16) & 0xFF)]) ^ state.S2[(int)((x >> 8) & 0xFF)]) +
        state.S3[(int)((x << 24) >> 24)];

    /// <summary>Blowfish's P-array and S-boxes, 4168 bytes, on the stack of the hashing call.</summary>
    private struct BlowfishState
    {
        public PArray P;
        public SBox S0;
        public SBox S1;
        public SBox S2;
        public SBox S3;
    }

    [InlineArray(PWords)]
    private struct PArray
    {
        private uint _element;
    }

    [InlineArray(SBoxWords)]
    private struct SBox
    {
        private uint _element;
    }
}
