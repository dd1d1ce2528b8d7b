using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SkydFast.Host.Tls;
using SkydFast.Testing;

namespace SkydFast.Host.Tests.Tls;

/// <summary>
/// Reading the TLS chain and key (persistence-and-config.md §10) with certificates made at test time; the legacy
/// encrypted keys come from the openssl command, as users make them.
/// </summary>
public sealed class TlsCertificateLoaderTests
{
    private const string Passphrase = "correct horse\n";

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnUnencryptedPkcs8KeyLoads(bool ec)
    {
        using var certs = TestCertificates.Create(ec);
        AssertLoads(certs, certs.Settings());
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnUnencryptedTraditionalKeyLoads(bool ec)
    {
        using var certs = TestCertificates.Create(ec);
        AssertLoads(certs, certs.Settings(keyPath: certs.WriteTraditionalKey()));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void AnEncryptedPkcs8KeyLoadsWithThePassphraseFileTrailingNewlineIncluded(bool ec)
    {
        using var certs = TestCertificates.Create(ec);
        var key = certs.WriteEncryptedPkcs8(Encoding.UTF8.GetBytes(Passphrase));
        AssertLoads(certs, certs.Settings(keyPath: key, passphrasePath: certs.WriteFile("pass.txt", Passphrase)));
    }

    [Fact]
    public void AnEncryptedPkcs8KeyWithoutTheNewlineInThePassphraseFileFails()
    {
        using var certs = TestCertificates.Create();
        var key = certs.WriteEncryptedPkcs8(Encoding.UTF8.GetBytes(Passphrase));
        var settings = certs.Settings(keyPath: key, passphrasePath: certs.WriteFile("pass.txt", Passphrase.TrimEnd('\n')));
        AssertFails(settings, $"Failed to decrypt the TLS private key {key}: wrong passphrase");
    }

    [Theory]
    [InlineData("-aes256", false)]
    [InlineData("-des3", false)]
    [InlineData("-aes128", true)]
    public void ALegacyEncryptedKeyFromOpenSslLoadsWithThePassphraseFile(string cipher, bool ec)
    {
        using var certs = TestCertificates.Create(ec);
        var key = certs.WriteLegacyEncrypted(cipher, Passphrase);
        Assert.Contains("Proc-Type: 4,ENCRYPTED", File.ReadAllText(key), StringComparison.Ordinal);
        AssertLoads(certs, certs.Settings(keyPath: key, passphrasePath: certs.WriteFile("pass.txt", Passphrase)));
    }

    [Theory]
    [InlineData("-aes256")]
    [InlineData("-des3")]
    public void ALegacyEncryptedKeyWithAWrongPassphraseFails(string cipher)
    {
        using var certs = TestCertificates.Create();
        var key = certs.WriteLegacyEncrypted(cipher, Passphrase);
        var settings = certs.Settings(keyPath: key, passphrasePath: certs.WriteFile("pass.txt", "correct horse"));
        AssertFails(settings, $"Failed to decrypt the TLS private key {key}: wrong passphrase");
    }

    [Fact]
    public void AnEncryptedKeyWithoutAPassphraseFileFails()
    {
        using var certs = TestCertificates.Create();
        var legacy = certs.WriteLegacyEncrypted("-aes256", Passphrase);
        var pkcs8 = certs.WriteEncryptedPkcs8(Encoding.UTF8.GetBytes(Passphrase));
        AssertFails(certs.Settings(keyPath: legacy), $"The TLS private key {legacy} is encrypted, and no passphrase file was given");
        AssertFails(certs.Settings(keyPath: pkcs8), $"The TLS private key {pkcs8} is encrypted, and no passphrase file was given");
    }

    [Fact]
    public void APassphraseFileIsIgnoredForAnUnencryptedKey()
    {
        using var certs = TestCertificates.Create();
        AssertLoads(certs, certs.Settings(passphrasePath: certs.WriteFile("pass.txt", Passphrase)));
    }

    [Theory]
    [InlineData(false, false)]
    [InlineData(false, true)]
    [InlineData(true, true)]
    public void AKeyThatDoesNotMatchTheChainFails(bool certificateEc, bool keyEc)
    {
        using var certs = TestCertificates.Create(certificateEc);
        using var other = TestCertificates.Create(keyEc);
        AssertFails(
            certs.Settings(keyPath: other.KeyPath),
            $"The TLS private key {other.KeyPath} does not match the certificate in {certs.ChainPath}");
    }

    [Fact]
    public void MissingFilesAreNamed()
    {
        using var certs = TestCertificates.Create();
        var missing = Path.Combine(certs.Folder, "missing.pem");
        AssertFails(certs.Settings(keyPath: missing), $"Failed to read the TLS private key {missing}: ");
        AssertFails(new TlsSettings { KeyPath = certs.KeyPath, ChainPath = missing }, $"Failed to read the TLS certificate chain {missing}: ");
        AssertFails(certs.Settings(passphrasePath: missing), $"Failed to read the TLS passphrase file {missing}: ");
    }

    [Fact]
    public void FilesWithoutTheRightPemBlocksAreRejected()
    {
        using var certs = TestCertificates.Create();
        AssertFails(certs.Settings(keyPath: certs.ChainPath), $"The TLS private key file {certs.ChainPath} holds no PEM RSA or EC private key");
        AssertFails(
            new TlsSettings { KeyPath = certs.KeyPath, ChainPath = certs.KeyPath },
            $"The TLS certificate chain {certs.KeyPath} holds no PEM certificate");
        var garbage = certs.WriteFile("garbage.pem", "-----BEGIN PRIVATE KEY-----\nAAAA\n-----END PRIVATE KEY-----\n");
        AssertFails(certs.Settings(keyPath: garbage), $"Bad TLS private key {garbage}: not a readable RSA or EC key");
    }

    [Fact]
    public void AChainWithAnIntermediateServesTheFirstCertificate()
    {
        using var caKey = RSA.Create(2048);
        var caRequest = new CertificateRequest("CN=test CA", caKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        caRequest.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        using var ca = caRequest.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        using var leafKey = RSA.Create(2048);
        var leafRequest = new CertificateRequest("CN=localhost", leafKey, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var leaf = leafRequest.Create(ca, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(10), [1, 2, 3, 4]);

        using var certs = TestCertificates.Create();
        var chain = certs.WriteFile("chain.pem", leaf.ExportCertificatePem() + "\n" + ca.ExportCertificatePem() + "\n");
        var key = certs.WriteFile("key.pem", leafKey.ExportPkcs8PrivateKeyPem());
        var context = TlsCertificateLoader.Load(new TlsSettings { KeyPath = key, ChainPath = chain });
        Assert.Equal(leaf.Thumbprint, context.TargetCertificate.Thumbprint);
        Assert.True(context.TargetCertificate.HasPrivateKey);
    }

    private static void AssertLoads(TestCertificates certs, TlsSettings settings)
    {
        var context = TlsCertificateLoader.Load(settings);
        Assert.Equal(certs.Certificate.Thumbprint, context.TargetCertificate.Thumbprint);
        Assert.True(context.TargetCertificate.HasPrivateKey);
    }

    private static void AssertFails(TlsSettings settings, string messageStart)
    {
        var error = Assert.Throws<TlsSetupException>(() => TlsCertificateLoader.Load(settings));
        Assert.StartsWith(messageStart, error.Message, StringComparison.Ordinal);
    }
}
