namespace SkydFast.Host;

/// <summary>TLS as configured (persistence-and-config.md §10, <c>[ssl]</c>).</summary>
public sealed class TlsSettings
{
    /// <summary>The PEM private key file (<c>key</c>, <c>--sslkey</c>).</summary>
    public required string KeyPath { get; init; }

    /// <summary>The PEM certificate chain file (<c>chain</c>, <c>--sslchain</c>).</summary>
    public required string ChainPath { get; init; }

    /// <summary>The TLS port (<c>port</c>, <c>--sslport</c>). Default 2004.</summary>
    public int Port { get; init; } = 2004;

    /// <summary>TLS only: no plain listener (<c>only</c>, <c>--sslonly</c>). Default false.</summary>
    public bool Only { get; init; }

    /// <summary>A file whose whole contents are the key's passphrase (<c>passin</c>, <c>--tlspassin</c>). Default none.</summary>
    public string? PassphrasePath { get; init; }
}
