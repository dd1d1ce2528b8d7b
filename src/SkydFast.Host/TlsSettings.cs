namespace SkydFast.Host;

/// <summary>
/// TLS as configured (persistence-and-config.md §8.2-8.4 and §10: <c>[ssl]</c>, <c>--sslkey</c> and friends,
/// <c>SKY_TLS_*</c>). Key and chain are read at startup; anything wrong with them fails the start.
/// </summary>
public sealed class TlsSettings
{
    /// <summary>The default TLS port.</summary>
    public const int DefaultPort = 2004;

    /// <summary>The PEM private key: PKCS#8, PKCS#1 (RSA) or SEC1 (EC); encrypted PKCS#8 or OpenSSL's legacy encrypted
    /// PEM (<c>Proc-Type: 4,ENCRYPTED</c>) with <see cref="PassphrasePath"/>.</summary>
    public required string KeyPath { get; set; }

    /// <summary>The PEM certificate chain: the server's certificate first, then any intermediates.</summary>
    public required string ChainPath { get; set; }

    /// <summary>TLS port; 0 picks a free one (tests). Default 2004.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>TLS only: no plain TCP listener. Default false: both ("multi" mode).</summary>
    public bool Only { get; set; }

    /// <summary>A file whose entire raw contents, trailing newline included, are the key's passphrase. Default null:
    /// the key must not be encrypted.</summary>
    public string? PassphrasePath { get; set; }
}
