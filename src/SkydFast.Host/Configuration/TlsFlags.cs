namespace SkydFast.Host.Configuration;

/// <summary>
/// The TLS settings of the command line or the environment (§8.3, §8.4): key and chain both or neither; port, only
/// and the passphrase file only mean something with them (a warning otherwise).
/// </summary>
/// <param name="Key">The key file, or null.</param>
/// <param name="Chain">The chain file, or null.</param>
/// <param name="Port">The TLS port, or null for 2004.</param>
/// <param name="Only">TLS only, or null when not given.</param>
/// <param name="Passin">The passphrase file, or null.</param>
internal sealed record TlsFlags(string? Key, string? Chain, int? Port, bool? Only, string? Passin)
{
    public static readonly TlsLabels CommandLine = new("--sslkey", "--sslchain", "--sslport", "--sslonly", "--tlspassin");

    public static readonly TlsLabels Environment = new("SKY_TLS_KEY", "SKY_TLS_CERT", "SKY_TLS_PORT", "SKY_TLS_ONLY", "SKY_TLS_PASSIN");

    public void Apply(TlsLabels labels, Feedback feedback, ServerOptions options)
    {
        if (Key is null != Chain is null)
        {
            feedback.Error($"To use TLS, pass values for both `{labels.Key}` and `{labels.Chain}`");
            return;
        }

        if (Key is null || Chain is null)
        {
            foreach (var (given, label) in new[] { (Port is not null, labels.Port), (Only is not null, labels.Only), (Passin is not null, labels.Passin) })
            {
                if (given)
                {
                    feedback.Warn($"Specifying `{label}` is pointless when TLS is disabled");
                }
            }

            return;
        }

        options.Tls = new TlsSettings { KeyPath = Key, ChainPath = Chain, Port = Port ?? TlsSettings.DefaultPort, Only = Only ?? false, PassphrasePath = Passin };
    }
}

/// <summary>How a source names the TLS settings.</summary>
internal sealed record TlsLabels(string Key, string Chain, string Port, string Only, string Passin);
