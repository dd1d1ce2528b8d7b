using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace SkydFast.Host.Tls;

/// <summary>
/// Reads the certificate chain and the private key the way upstream's OpenSSL acceptor does (persistence-and-config.md
/// §10): the chain is PEM, server certificate first; the key is PEM, RSA or EC, in any form OpenSSL's
/// <c>PEM_read_bio_PrivateKey</c> takes: PKCS#8, PKCS#1, SEC1, encrypted PKCS#8 or the legacy encrypted PEM
/// (<see cref="LegacyEncryptedPem"/>). The passphrase is the passphrase file's entire raw contents. Every problem is a
/// <see cref="TlsSetupException"/> naming the file.
/// </summary>
public static class TlsCertificateLoader
{
    private const string RsaOid = "1.2.840.113549.1.1.1";
    private const string EcOid = "1.2.840.10045.2.1";

    /// <summary>The server certificate with its key and intermediates, ready for every TLS handshake.</summary>
    public static SslStreamCertificateContext Load(TlsSettings settings)
    {
        var chain = ReadChain(settings.ChainPath);
        var passphrase = settings.PassphrasePath is { } path ? ReadPassphrase(path) : null;
        try
        {
            using var key = ReadKey(settings.KeyPath, passphrase);
            var certificate = Pair(chain[0], key, settings);

            // offline: the intermediates are in the file; a server never goes fetching them.
            return SslStreamCertificateContext.Create(certificate, new X509Certificate2Collection(chain[1..]), offline: true);
        }
        finally
        {
            if (passphrase is not null)
            {
                CryptographicOperations.ZeroMemory(passphrase);
            }
        }
    }

    private static X509Certificate2[] ReadChain(string path)
    {
        var text = ReadText(path, "certificate chain");
        var chain = new X509Certificate2Collection();
        try
        {
            chain.ImportFromPem(text);
        }
        catch (CryptographicException ex)
        {
            throw new TlsSetupException($"Bad TLS certificate chain {path}: {ex.Message}", ex);
        }

        return chain.Count > 0 ? [.. chain] : throw new TlsSetupException($"The TLS certificate chain {path} holds no PEM certificate");
    }

    private static byte[] ReadPassphrase(string path)
    {
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TlsSetupException($"Failed to read the TLS passphrase file {path}: {ex.Message}", ex);
        }
    }

    private static string ReadText(string path, string what)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new TlsSetupException($"Failed to read the TLS {what} {path}: {ex.Message}", ex);
        }
    }

    private static AsymmetricAlgorithm ReadKey(string path, byte[]? passphrase)
    {
        var pem = ReadText(path, "private key");
        LegacyEncryptedPem? legacy;
        try
        {
            legacy = LegacyEncryptedPem.Find(pem);
        }
        catch (FormatException ex)
        {
            throw new TlsSetupException($"Bad TLS private key {path}: {ex.Message}", ex);
        }

        if (legacy is not null)
        {
            return ReadLegacy(legacy, path, passphrase ?? throw EncryptedWithoutPassphrase(path));
        }

        switch (FindKeyLabel(pem))
        {
            case "ENCRYPTED PRIVATE KEY":
                var bytes = passphrase ?? throw EncryptedWithoutPassphrase(path);

                // The byte overload: OpenSSL takes the passphrase as bytes, not as text to encode.
                return TryImport(key => key.ImportFromEncryptedPem(pem, bytes))
                    ?? throw new TlsSetupException($"Failed to decrypt the TLS private key {path}: wrong passphrase, or not an RSA or EC key");
            case "PRIVATE KEY" or "RSA PRIVATE KEY" or "EC PRIVATE KEY":
                // Without encryption a passphrase has nothing to do; OpenSSL ignores it too.
                return TryImport(key => key.ImportFromPem(pem))
                    ?? throw new TlsSetupException($"Bad TLS private key {path}: not a readable RSA or EC key");
            default:
                throw new TlsSetupException($"The TLS private key file {path} holds no PEM RSA or EC private key");
        }
    }

    private static AsymmetricAlgorithm ReadLegacy(LegacyEncryptedPem legacy, string path, byte[] passphrase)
    {
        byte[] der;
        try
        {
            der = legacy.Decrypt(passphrase);
        }
        catch (CryptographicException ex)
        {
            throw WrongPassphrase(path, ex);
        }

        AsymmetricAlgorithm key = legacy.Label == "RSA PRIVATE KEY" ? RSA.Create() : ECDsa.Create();
        try
        {
            if (key is RSA rsa)
            {
                rsa.ImportRSAPrivateKey(der, out _);
            }
            else
            {
                ((ECDsa)key).ImportECPrivateKey(der, out _);
            }

            return key;
        }
        catch (CryptographicException ex)
        {
            // The padding happened to check out (1 in 256 for a wrong passphrase), but what it decrypted is no key.
            key.Dispose();
            throw WrongPassphrase(path, ex);
        }
        finally
        {
            CryptographicOperations.ZeroMemory(der);
        }
    }

    /// <summary>The label of the first private key block: a key file may start with other blocks (EC PARAMETERS).</summary>
    private static string? FindKeyLabel(string pem)
    {
        var rest = pem.AsSpan();
        while (PemEncoding.TryFind(rest, out var fields))
        {
            var label = rest[fields.Label].ToString();
            if (label is "ENCRYPTED PRIVATE KEY" or "PRIVATE KEY" or "RSA PRIVATE KEY" or "EC PRIVATE KEY")
            {
                return label;
            }

            rest = rest[fields.Location.End..];
        }

        return null;
    }

    /// <summary>RSA, then EC: a PKCS#8 block does not say which it holds until it is read (and decrypted).</summary>
    private static AsymmetricAlgorithm? TryImport(Action<AsymmetricAlgorithm> import)
    {
        foreach (var create in (Func<AsymmetricAlgorithm>[])[RSA.Create, ECDsa.Create])
        {
            var key = create();
            try
            {
                import(key);
                return key;
            }
            catch (Exception ex) when (ex is CryptographicException or ArgumentException)
            {
                key.Dispose();
            }
        }

        return null;
    }

    private static X509Certificate2 Pair(X509Certificate2 certificate, AsymmetricAlgorithm key, TlsSettings settings)
    {
        var algorithm = certificate.PublicKey.Oid.Value;
        try
        {
            return key switch
            {
                RSA rsa when algorithm == RsaOid => certificate.CopyWithPrivateKey(rsa),
                ECDsa ec when algorithm == EcOid => certificate.CopyWithPrivateKey(ec),
                _ => throw Mismatch(settings, null),
            };
        }
        catch (Exception ex) when (ex is ArgumentException or CryptographicException)
        {
            // CopyWithPrivateKey compares the public halves: same algorithm, another key.
            throw Mismatch(settings, ex);
        }
    }

    private static TlsSetupException EncryptedWithoutPassphrase(string path) =>
        new($"The TLS private key {path} is encrypted, and no passphrase file was given");

    private static TlsSetupException WrongPassphrase(string path, Exception inner) =>
        new($"Failed to decrypt the TLS private key {path}: wrong passphrase", inner);

    private static TlsSetupException Mismatch(TlsSettings settings, Exception? inner) =>
        new($"The TLS private key {settings.KeyPath} does not match the certificate in {settings.ChainPath}", inner);
}
