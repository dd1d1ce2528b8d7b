namespace SkydFast.Host.Tls;

/// <summary>
/// The TLS key, chain or passphrase cannot be used, so the server does not start: the host logs
/// <c>Startup failure: &lt;message&gt;</c> and exits with 1 (persistence-and-config.md §4, step 11).
/// </summary>
public sealed class TlsSetupException : Exception
{
    /// <summary>Creates the error with its complete message, which names the file at fault.</summary>
    public TlsSetupException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
