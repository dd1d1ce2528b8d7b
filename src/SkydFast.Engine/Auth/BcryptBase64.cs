namespace SkydFast.Engine.Auth;

/// <summary>
/// Base64 with bcrypt's alphabet (<c>./A-Za-z0-9</c>) and no padding, used by MCF strings and Skytable tokens.
/// Bits are grouped as in RFC 4648; only the alphabet differs.
/// </summary>
internal static class BcryptBase64
{
    private const string Alphabet = "./ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /// <summary>The number of characters <paramref name="byteCount"/> bytes encode to, without padding.</summary>
    public static int EncodedLength(int byteCount) => ((byteCount * 4) + 2) / 3;

    /// <summary>Encodes <paramref name="data"/> into exactly <see cref="EncodedLength"/> characters.</summary>
    public static void Encode(ReadOnlySpan<byte> data, Span<char> destination)
    {
        ArgumentOutOfRangeException.ThrowIfNotEqual(destination.Length, EncodedLength(data.Length), nameof(destination));
        var o = 0;
        for (var i = 0; i < data.Length; i += 3)
        {
            var remaining = data.Length - i;
            var group = (uint)data[i] << 16;
            if (remaining > 1)
            {
                group |= (uint)data[i + 1] << 8;
            }

            if (remaining > 2)
            {
                group |= data[i + 2];
            }

            // 1, 2 or 3 bytes give 2, 3 or 4 characters.
            var chars = Math.Min(remaining, 3) + 1;
            for (var c = 0; c < chars; c++)
            {
                destination[o++] = Alphabet[(int)(group >> (18 - (6 * c))) & 0x3F];
            }
        }
    }

    /// <summary>Encodes <paramref name="data"/> into a new string.</summary>
    public static string Encode(ReadOnlySpan<byte> data)
    {
        Span<char> text = data.Length <= 256 ? stackalloc char[EncodedLength(data.Length)] : new char[EncodedLength(data.Length)];
        Encode(data, text);
        return new string(text);
    }

    /// <summary>
    /// Decodes <paramref name="text"/>, which must fill <paramref name="destination"/> exactly. Strict: fails on
    /// a character outside the alphabet, on a length no encoding produces, and on non-zero unused low bits in
    /// the last character (so every byte string has exactly one accepted encoding).
    /// </summary>
    public static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination)
    {
        if (text.Length % 4 == 1 || EncodedLength(destination.Length) != text.Length)
        {
            return false;
        }

        var o = 0;
        for (var i = 0; i < text.Length; i += 4)
        {
            var chars = Math.Min(text.Length - i, 4);
            uint group = 0;
            for (var c = 0; c < 4; c++)
            {
                var value = c < chars ? Alphabet.IndexOf(text[i + c], StringComparison.Ordinal) : 0;
                if (value < 0)
                {
                    return false;
                }

                group = (group << 6) | (uint)value;
            }

            // 2, 3 or 4 characters carry 1, 2 or 3 bytes; the bits past the last byte must be zero.
            var bytes = chars - 1;
            if ((group & (0xFFFFFFu >> (8 * bytes))) != 0)
            {
                return false;
            }

            for (var b = 0; b < bytes; b++)
            {
                destination[o++] = (byte)(group >> (16 - (8 * b)));
            }
        }

        return true;
    }
}
