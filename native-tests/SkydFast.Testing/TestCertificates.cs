using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using SkydFast.Host;

namespace SkydFast.Testing;

/// <summary>
/// A self-signed server certificate for <c>localhost</c>, 127.0.0.1 and ::1, made at test time, with its chain and key
/// as PEM files in a temporary folder, and helpers that write the key in its other forms.
/// </summary>
public sealed class TestCertificates : IDisposable
{
    private const string PassphraseVariable = "SKYD_TEST_PASSPHRASE";

    private readonly TempDirectory _directory = new();
    private readonly AsymmetricAlgorithm _key;
    private int _files;

    private TestCertificates(AsymmetricAlgorithm key, X509Certificate2 certificate)
    {
        _key = key;
        Certificate = certificate;
        ChainPath = WriteFile("chain.pem", certificate.ExportCertificatePem() + "\n");
        KeyPath = WriteFile("key.pem", key.ExportPkcs8PrivateKeyPem() + "\n");
    }

    /// <summary>The server certificate (public part only): what a test client trusts.</summary>
    public X509Certificate2 Certificate { get; }

    /// <summary>The PEM chain file: the certificate alone.</summary>
    public string ChainPath { get; }

    /// <summary>The unencrypted PKCS#8 PEM key file.</summary>
    public string KeyPath { get; }

    /// <summary>The folder holding the files; deleted on dispose.</summary>
    public string Folder => _directory.Path;

    /// <summary>A new RSA 2048 (or, with <paramref name="ec"/>, ECDSA P-256) key and certificate.</summary>
    public static TestCertificates Create(bool ec = false)
    {
        AsymmetricAlgorithm key = ec ? ECDsa.Create(ECCurve.NamedCurves.nistP256) : RSA.Create(2048);
        var request = key is RSA rsa
            ? new CertificateRequest("CN=localhost", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1)
            : new CertificateRequest("CN=localhost", (ECDsa)key, HashAlgorithmName.SHA256);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(IPAddress.Loopback);
        names.AddIpAddress(IPAddress.IPv6Loopback);
        request.CertificateExtensions.Add(names.Build());
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension([new Oid("1.3.6.1.5.5.7.3.1")], critical: false));
        using var withKey = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
        return new TestCertificates(key, X509CertificateLoader.LoadCertificate(withKey.RawData));
    }

    /// <summary>The first certificate of a PEM chain file, without a key.</summary>
    public static X509Certificate2 ReadCertificate(string chainPath) => X509Certificate2.CreateFromPem(File.ReadAllText(chainPath));

    /// <summary>TLS on a free port with this chain and <paramref name="keyPath"/> (default <see cref="KeyPath"/>).</summary>
    public TlsSettings Settings(bool only = false, string? keyPath = null, string? passphrasePath = null) => new()
    {
        KeyPath = keyPath ?? KeyPath,
        ChainPath = ChainPath,
        Port = 0,
        Only = only,
        PassphrasePath = passphrasePath,
    };

    /// <summary>Writes <paramref name="contents"/> to a new file in <see cref="Folder"/> and returns its path.</summary>
    public string WriteFile(string name, string contents) => WriteFile(name, Encoding.UTF8.GetBytes(contents));

    /// <summary>Writes <paramref name="contents"/> to a new file in <see cref="Folder"/> and returns its path.</summary>
    public string WriteFile(string name, byte[] contents)
    {
        var path = Path.Combine(Folder, $"{Interlocked.Increment(ref _files)}-{name}");
        File.WriteAllBytes(path, contents);
        return path;
    }

    /// <summary>The key as PKCS#1 (<c>RSA PRIVATE KEY</c>) or SEC1 (<c>EC PRIVATE KEY</c>), unencrypted.</summary>
    public string WriteTraditionalKey() => WriteFile(
        "traditional.pem",
        (_key is RSA rsa ? rsa.ExportRSAPrivateKeyPem() : ((ECDsa)_key).ExportECPrivateKeyPem()) + "\n");

    /// <summary>The key as encrypted PKCS#8 (<c>ENCRYPTED PRIVATE KEY</c>: PBES2, PBKDF2-SHA256, AES-256-CBC), with
    /// <paramref name="passphrase"/> as its bytes.</summary>
    public string WriteEncryptedPkcs8(byte[] passphrase) => WriteFile(
        "encrypted-pkcs8.pem",
        _key.ExportEncryptedPkcs8PrivateKeyPem(passphrase, new PbeParameters(PbeEncryptionAlgorithm.Aes256Cbc, HashAlgorithmName.SHA256, 10_000)) + "\n");

    /// <summary>
    /// The key in OpenSSL's legacy encrypted PEM form (<c>Proc-Type: 4,ENCRYPTED</c>), made by the <c>openssl</c> command
    /// with <paramref name="cipherFlag"/> (<c>-aes256</c>, <c>-des3</c>, <c>-aes128</c>) and <paramref name="passphrase"/>.
    /// The passphrase goes through the environment because <c>-passout file:</c> would drop a trailing newline.
    /// </summary>
    public string WriteLegacyEncrypted(string cipherFlag, string passphrase)
    {
        var path = Path.Combine(Folder, $"{Interlocked.Increment(ref _files)}-legacy{cipherFlag}.pem");
        var info = new ProcessStartInfo("openssl")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // "openssl ec" writes the legacy form anyway and knows no -traditional.
        string[] command = _key is RSA ? ["rsa", "-traditional"] : ["ec"];
        foreach (var arg in (string[])[.. command, "-in", KeyPath, cipherFlag, "-passout", $"env:{PassphraseVariable}", "-out", path])
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment[PassphraseVariable] = passphrase;
        using var openssl = Process.Start(info) ?? throw new InvalidOperationException("could not start openssl");
        var errors = openssl.StandardError.ReadToEndAsync();
        openssl.StandardOutput.ReadToEnd();
        openssl.WaitForExit();
        if (openssl.ExitCode != 0)
        {
            throw new InvalidOperationException($"openssl exited with {openssl.ExitCode}: {errors.Result}");
        }

        return path;
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        _key.Dispose();
        Certificate.Dispose();
        _directory.Dispose();
    }
}
