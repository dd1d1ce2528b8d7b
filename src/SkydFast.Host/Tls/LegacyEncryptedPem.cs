using System.Globalization;
using System.Security.Cryptography;

namespace SkydFast.Host.Tls;

/// <summary>
/// A private key in OpenSSL's legacy ("traditional") encrypted PEM form, which OpenSSL reads (so upstream accepts it)
/// and .NET does not:
/// <code>
/// -----BEGIN RSA PRIVATE KEY-----
/// Proc-Type: 4,ENCRYPTED
/// DEK-Info: AES-256-CBC,&lt;IV in hex&gt;
///
/// &lt;base64 of the encrypted PKCS#1 key (SEC1 for EC PRIVATE KEY)&gt;
/// -----END RSA PRIVATE KEY-----
/// </code>
/// The cipher key is derived from the passphrase and the first 8 bytes of the IV by OpenSSL's <c>EVP_BytesToKey</c>
/// with MD5 and one round, as <c>PEM_do_header</c> does; the ciphers are AES-128/192/256-CBC and DES-EDE3-CBC.
/// </summary>
public sealed class LegacyEncryptedPem
{
    private const int SaltLength = 8;

    private readonly byte[] _iv;
    private readonly byte[] _ciphertext;
    private readonly int _keyLength;

    private LegacyEncryptedPem(string label, string cipher, int keyLength, byte[] iv, byte[] ciphertext)
    {
        Label = label;
        Cipher = cipher;
        _keyLength = keyLength;
        _iv = iv;
        _ciphertext = ciphertext;
    }

    /// <summary>The PEM label: <c>RSA PRIVATE KEY</c> (PKCS#1 inside) or <c>EC PRIVATE KEY</c> (SEC1 inside).</summary>
    public string Label { get; }

    /// <summary>The cipher named by <c>DEK-Info</c>, upper case (<c>AES-256-CBC</c>).</summary>
    public string Cipher { get; }

    /// <summary>
    /// The first block of <paramref name="pem"/> whose headers say <c>Proc-Type: 4,ENCRYPTED</c>, or null if there is
    /// none (an unencrypted or a PKCS#8 key). Throws <see cref="FormatException"/> when that block is malformed, is
    /// not an RSA or EC key, or uses a cipher other than the four above.
    /// </summary>
    public static LegacyEncryptedPem? Find(string pem)
    {
        var lines = pem.ReplaceLineEndings("\n").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (!line.StartsWith("-----BEGIN ", StringComparison.Ordinal) || !line.EndsWith("-----", StringComparison.Ordinal))
            {
                continue;
            }

            var label = line["-----BEGIN ".Length..^"-----".Length];
            var headers = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            var at = i + 1;
            for (; at < lines.Length && lines[at].Contains(':', StringComparison.Ordinal); at++)
            {
                var colon = lines[at].IndexOf(':', StringComparison.Ordinal);
                headers[lines[at][..colon].Trim()] = lines[at][(colon + 1)..].Trim();
            }

            if (!headers.TryGetValue("Proc-Type", out var procType) || !procType.EndsWith(",ENCRYPTED", StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            return Parse(label, headers, lines, at);
        }

        return null;
    }

    /// <summary>
    /// Decrypts the key with <paramref name="passphrase"/>, every byte of it, and returns the DER inside (PKCS#1 or
    /// SEC1). A wrong passphrase shows as a <see cref="CryptographicException"/> (bad padding) here, or, rarely, as
    /// DER that does not parse later.
    /// </summary>
    public byte[] Decrypt(ReadOnlySpan<byte> passphrase)
    {
        var key = DeriveKey(passphrase, _iv.AsSpan(0, SaltLength), _keyLength);
        try
        {
            // The format fixes the algorithms: upstream's OpenSSL decrypts these keys, so we must too.
#pragma warning disable CA5350 // Triple DES: it is what DES-EDE3-CBC keys are encrypted with.
            using SymmetricAlgorithm algorithm = Cipher == "DES-EDE3-CBC" ? TripleDES.Create() : Aes.Create();
#pragma warning restore CA5350
            algorithm.Key = key;
            return algorithm.DecryptCbc(_ciphertext, _iv, PaddingMode.PKCS7);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(key);
        }
    }

    /// <summary>
    /// OpenSSL's <c>EVP_BytesToKey(cipher, EVP_md5(), salt, passphrase, 1, key, NULL)</c>: D1 = MD5(passphrase ‖ salt),
    /// Dn = MD5(Dn-1 ‖ passphrase ‖ salt), concatenated and cut to <paramref name="length"/> bytes.
    /// </summary>
    public static byte[] DeriveKey(ReadOnlySpan<byte> passphrase, ReadOnlySpan<byte> salt, int length)
    {
        var key = new byte[length];

        // Laid out as D(n-1) ‖ passphrase ‖ salt, so each round hashes one span; the first round skips D(n-1).
        var input = new byte[MD5.HashSizeInBytes + passphrase.Length + salt.Length];
        passphrase.CopyTo(input.AsSpan(MD5.HashSizeInBytes));
        salt.CopyTo(input.AsSpan(MD5.HashSizeInBytes + passphrase.Length));
        Span<byte> digest = stackalloc byte[MD5.HashSizeInBytes];
        try
        {
            for (var filled = 0; filled < length; filled += MD5.HashSizeInBytes)
            {
#pragma warning disable CA5351 // MD5: EVP_BytesToKey as PEM_do_header calls it; the format allows nothing else.
                MD5.HashData(filled == 0 ? input.AsSpan(MD5.HashSizeInBytes) : input, digest);
#pragma warning restore CA5351
                digest.CopyTo(input);
                digest[..Math.Min(MD5.HashSizeInBytes, length - filled)].CopyTo(key.AsSpan(filled));
            }
        }
        finally
        {
            CryptographicOperations.ZeroMemory(input);
            CryptographicOperations.ZeroMemory(digest);
        }

        return key;
    }

    private static LegacyEncryptedPem Parse(string label, Dictionary<string, string> headers, string[] lines, int at)
    {
        if (label is not ("RSA PRIVATE KEY" or "EC PRIVATE KEY"))
        {
            throw new FormatException($"an encrypted {label} is not supported (RSA or EC keys only)");
        }

        if (!headers.TryGetValue("DEK-Info", out var dekInfo) || dekInfo.Split(',') is not [var cipherName, var ivHex])
        {
            throw new FormatException("the encrypted key has no DEK-Info header of the form <cipher>,<IV in hex>");
        }

        var cipher = cipherName.Trim().ToUpperInvariant();
        var (keyLength, ivLength) = cipher switch
        {
            "AES-128-CBC" => (16, 16),
            "AES-192-CBC" => (24, 16),
            "AES-256-CBC" => (32, 16),
            "DES-EDE3-CBC" => (24, 8),
            _ => throw new FormatException($"the key is encrypted with {cipherName}; supported are AES-128-CBC, AES-192-CBC, AES-256-CBC and DES-EDE3-CBC"),
        };

        byte[] iv;
        try
        {
            iv = Convert.FromHexString(ivHex.Trim());
        }
        catch (FormatException)
        {
            throw new FormatException($"the DEK-Info IV '{ivHex}' is not hexadecimal");
        }

        if (iv.Length != ivLength)
        {
            throw new FormatException(string.Create(CultureInfo.InvariantCulture, $"the DEK-Info IV has {iv.Length} bytes; {cipher} takes {ivLength}"));
        }

        var end = $"-----END {label}-----";
        var body = new System.Text.StringBuilder();
        for (; at < lines.Length && lines[at].Trim() != end; at++)
        {
            body.Append(lines[at].Trim());
        }

        if (at == lines.Length)
        {
            throw new FormatException($"the encrypted key has no '{end}' line");
        }

        byte[] ciphertext;
        try
        {
            ciphertext = Convert.FromBase64String(body.ToString());
        }
        catch (FormatException)
        {
            throw new FormatException("the encrypted key's body is not base64");
        }

        return new LegacyEncryptedPem(label, cipher, keyLength, iv, ciphertext);
    }
}
