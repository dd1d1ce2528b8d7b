using System.Net.Security;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SkydFast.Client.Protocol;

namespace SkydFast.Client;

/// <summary>Where and how to connect. Set everything before the first connection; a pool reads the options each time
/// it opens one.</summary>
public sealed class SkyConnectionOptions
{
    /// <summary>Host name or IP address; default <c>127.0.0.1</c>.</summary>
    public string Host { get; set; } = "127.0.0.1";

    /// <summary>TCP port; default 2003 (a TLS listener's default is 2004).</summary>
    public int Port { get; set; } = 2003;

    /// <summary>Speak Skyhash inside TLS (<see cref="System.Net.Security.SslStream"/>); default false.</summary>
    public bool UseTls { get; set; }

    /// <summary>
    /// Certificates to trust as roots besides the system's, for servers with self-signed certificates (what skysh's
    /// <c>--sslcert</c> takes). The host name (or IP address) must still match the certificate. Ignored when
    /// <see cref="CertificateValidation"/> is set.
    /// </summary>
    public X509Certificate2Collection TrustedCertificates { get; } = [];

    /// <summary>Decides alone whether the server's certificate is accepted; default null: the system's validation,
    /// with <see cref="TrustedCertificates"/> added.</summary>
    public RemoteCertificateValidationCallback? CertificateValidation { get; set; }

    /// <summary>The name the certificate must carry; default null: <see cref="Host"/>.</summary>
    public string? TlsTargetHost { get; set; }

    /// <summary>TLS versions offered; default <see cref="SslProtocols.None"/>: what the system allows.</summary>
    public SslProtocols TlsProtocols { get; set; } = SslProtocols.None;

    /// <summary>How long connecting, the TLS handshake included, may take; default 10 s.
    /// <see cref="Timeout.InfiniteTimeSpan"/> waits for ever.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the client waits for the server's next bytes while sending a query or reading its reply; default 30 s.
    /// When it runs out the call throws <see cref="TimeoutException"/> and the connection is closed (the reply could
    /// still arrive later and be taken for the next one). <see cref="Timeout.InfiniteTimeSpan"/> waits for ever.
    /// </summary>
    public TimeSpan ReadTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>With <see cref="Token"/>: log in (<c>AUTH LOGIN</c>) as this user right after connecting; default
    /// null: stay anonymous.</summary>
    public string? Username { get; set; }

    /// <summary>The token for <see cref="Username"/>.</summary>
    public string? Token { get; set; }

    /// <summary>An entity to <c>USE</c> right after connecting (<c>ks</c>, <c>ks:tbl</c>); default null: stay in
    /// <c>default:default</c>. A pool also returns its connections here.</summary>
    public string? Entity { get; set; }

    /// <summary>The largest reply accepted; a larger one is a <see cref="SkyProtocolException"/>. Default 256 MiB.</summary>
    public int MaxResponseBytes { get; set; } = SkyResponseParser.DefaultMaxResponseBytes;

    /// <summary>Adds every certificate of a PEM file to <see cref="TrustedCertificates"/> and turns TLS on.</summary>
    public SkyConnectionOptions TrustCertificateFile(string pemPath)
    {
        var certificates = new X509Certificate2Collection();
        certificates.ImportFromPemFile(pemPath);
        if (certificates.Count == 0)
        {
            throw new ArgumentException($"no certificate in {pemPath}", nameof(pemPath));
        }

        TrustedCertificates.AddRange(certificates);
        UseTls = true;
        return this;
    }

    /// <summary><c>host:port</c>, with an IPv6 address in brackets.</summary>
    internal string Address => Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
