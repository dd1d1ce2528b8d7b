using System.Security.Cryptography;
using System.Text;
using SkydFast.Host.Tls;

namespace SkydFast.Host.Tests.Tls;

/// <summary>
/// OpenSSL's legacy encrypted PEM keys against known vectors made with the openssl command (OpenSSL 3.0): the key
/// derivation from <c>openssl enc -md md5 -P</c>, the keys from <c>openssl rsa -aes256|-des3 -traditional</c> with the
/// passphrase <c>secret\n</c> given through <c>-passout env:</c>, so the newline is part of it.
/// </summary>
public sealed class LegacyEncryptedPemTests
{
    private const string Plain = """
        -----BEGIN RSA PRIVATE KEY-----
        MIIBOwIBAAJBALN3Lms4Q/axwgLpSjCcjIM8ZkM9dGFkm+MIFdSUla/US6li6Yoc
        t/nzlEVQqR9y2Gf3GjYRg+noWiNmZyWOwi0CAwEAAQJACSHse8pOMxSSoeFLRDQD
        Nn5xWcSb0oTzJdd4fOvevibCnZJ2G3Ib8ME34m3I0ET5bfWw1dPVw7fqbWsA4Y3M
        oQIhAOeQVfwwE00F3L7yF0SuPjkYMMlx5g7tAC5Qk2w0vc8VAiEAxmdrD79/wSrO
        28zXCsfPFvzwjNSy5VMO2QyEC9y6rLkCIBrLEZfnfCQ6XGtfmZ+hxaNXkDWOzz7E
        33N8cUJg6+FtAiEAvTgOlENXrTuNc3VFtcNgDxWGuVl1kF6Jb5mPKd0GsAkCIQCY
        dFl5fiuFBqrickmwuE9GQkW7v9c//GPAyNOWOCwfBg==
        -----END RSA PRIVATE KEY-----
        """;

    private const string Aes256 = """
        -----BEGIN RSA PRIVATE KEY-----
        Proc-Type: 4,ENCRYPTED
        DEK-Info: AES-256-CBC,6054FF96B20C902E704B86B292A6EFFC

        OR2JV5+OCs9XAMrUT5GMtbmQ2VkYdLduz0+t4x30d/E5nNiGE/syTPMhtqpCDjTr
        aW33PFfKa0q0JHYJukJ669sldhvGIDaG2Xi42awQmdehujX9dC80SXAJxLZQdlX5
        VfUUPb6VNg2WePsXkN24DCY6sqgaKzH4Xh5hOhrPPwMILxHtMKumCYw2EtPdJIk/
        P7f65LpXZ/PIkGiMokP/XdUbtG5nPnaImwepuSB/jK+SsowIguGw45mp/4+NUUv2
        hRrbnoQwGYaaBe9mbGVRxTuDEOFQpQOuEFKKI1yfDtLwk4FOppGdl2sNiyDU9yF6
        zBFRigc+0dPkNr6X//oM5Khn4xqBsATvcoyHzwlspbYX5YJQay/Q17tNxOa2GdwV
        PQzMTfVyMgyuX0vGYrgGy14pVXX8Jy74D9bnT8DKKY4=
        -----END RSA PRIVATE KEY-----
        """;

    private const string DesEde3 = """
        -----BEGIN RSA PRIVATE KEY-----
        Proc-Type: 4,ENCRYPTED
        DEK-Info: DES-EDE3-CBC,55746A4485D35B9D

        2vUXRqSguIT34fsoC8pC72TQ6CiWXG02QMPl3lYy6SpAYf8t6+esQ8kIO3GGNJoZ
        scD7j4pktmGMFo+i8KWhpIw+m2ovw6oINuPjRH1vFiP9tOCdaC4KtfDleCQ9R5I8
        dwqMEcggn9Q91bxqWDiVz+IbrKJ2YN8ZbSH786BTykiOO5KPuZURsrU9VWBQhyDc
        0sXtYYv+T3T72Z4lCkOt3N+rAH5yxqRXv/LyX0RCHUtfg9CU2xtBQjjd2YGmVjqL
        xFECbTsSKvDKl9JfNlr/Oq3I/WAVitVbBClx9xBXFszru64cbpvwuYyvhQgJrVkQ
        JzUPfq2NtRJY/3qEmDPrgvc8CodOl7Jx5ynlf+iDXY3LZvxLZbiS0RoSeeEPjvwU
        43M27MjUpslHZiAM2o8A1Jy2cMSXkUizFiqLjg7+/AA=
        -----END RSA PRIVATE KEY-----
        """;

    private static readonly byte[] Passphrase = "secret\n"u8.ToArray();

    [Theory]
    [InlineData("secret", "0102030405060708", 32, "C9E5A1BD216DBE1317E230CEF48F38EE7F0E17AD64022144BCCEC4A1AA2879AB")]
    [InlineData("secret", "0102030405060708", 24, "C9E5A1BD216DBE1317E230CEF48F38EE7F0E17AD64022144")]
    [InlineData("", "A1B2C3D4E5F60718", 16, "B58793A4F1B2D8152F70C59B76A728C7")]
    public void DeriveKeyMatchesOpenSslEvpBytesToKey(string passphrase, string salt, int length, string expected)
    {
        var key = LegacyEncryptedPem.DeriveKey(Encoding.ASCII.GetBytes(passphrase), Convert.FromHexString(salt), length);
        Assert.Equal(expected, Convert.ToHexString(key));
    }

    [Theory]
    [InlineData(Aes256, "AES-256-CBC")]
    [InlineData(DesEde3, "DES-EDE3-CBC")]
    public void DecryptWithTheWholePassphraseGivesThePlainKey(string pem, string cipher)
    {
        var legacy = LegacyEncryptedPem.Find(pem);
        Assert.NotNull(legacy);
        Assert.Equal("RSA PRIVATE KEY", legacy.Label);
        Assert.Equal(cipher, legacy.Cipher);
        Assert.Equal(PlainDer(), legacy.Decrypt(Passphrase));
    }

    [Theory]
    [InlineData(Aes256)]
    [InlineData(DesEde3)]
    public void DecryptWithoutTheTrailingNewlineFails(string pem)
    {
        var legacy = LegacyEncryptedPem.Find(pem)!;
        Assert.ThrowsAny<CryptographicException>(() => legacy.Decrypt("secret"u8));
    }

    [Fact]
    public void CrLfLineEndingsAreRead()
    {
        var legacy = LegacyEncryptedPem.Find(Aes256.ReplaceLineEndings("\r\n"));
        Assert.Equal(PlainDer(), legacy!.Decrypt(Passphrase));
    }

    [Fact]
    public void AnUnencryptedKeyIsNotALegacyEncryptedOne()
    {
        Assert.Null(LegacyEncryptedPem.Find(Plain));
        Assert.Null(LegacyEncryptedPem.Find("not PEM at all"));
    }

    [Fact]
    public void AnotherCipherIsRejectedByName()
    {
        var pem = Aes256.Replace("AES-256-CBC,6054FF96B20C902E704B86B292A6EFFC", "BF-CBC,6054FF96B20C902E", StringComparison.Ordinal);
        var error = Assert.Throws<FormatException>(() => LegacyEncryptedPem.Find(pem));
        Assert.Contains("BF-CBC", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AnIvOfTheWrongLengthIsRejected()
    {
        var pem = Aes256.Replace("6054FF96B20C902E704B86B292A6EFFC", "6054FF96B20C902E", StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => LegacyEncryptedPem.Find(pem));
    }

    [Fact]
    public void AMissingEndLineIsRejected()
    {
        var pem = Aes256.Replace("-----END RSA PRIVATE KEY-----", "", StringComparison.Ordinal);
        Assert.Throws<FormatException>(() => LegacyEncryptedPem.Find(pem));
    }

    private static byte[] PlainDer()
    {
        var body = string.Concat(Plain.Split('\n').Where(l => !l.StartsWith("-----", StringComparison.Ordinal)));
        return Convert.FromBase64String(body);
    }
}
