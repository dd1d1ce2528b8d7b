namespace SkydFast.Host.Configuration;

/// <summary>
/// What <c>mode = prod</c> requires on top of a valid configuration (persistence-and-config.md §8.6). Every violation
/// is collected; any one stops startup.
/// </summary>
public static class ProductionChecks
{
    /// <summary>The violations of <paramref name="options"/>, in upstream's order.</summary>
    /// <param name="options">The resolved settings.</param>
    /// <param name="openFiles">The process's soft and hard limit on open files, or null where unknown.</param>
    public static Feedback Check(ServerOptions options, (ulong Soft, ulong Hard)? openFiles)
    {
        var feedback = new Feedback("Production mode");
        if (!options.NoArt)
        {
            feedback.Error("Terminal artwork should be disabled");
        }

        if (!options.BgsaveEnabled)
        {
            feedback.Error("BGSAVE must be enabled");
        }

        if (options.Snapshots is { Failsafe: false })
        {
            feedback.Error("Snapshots must be failsafe");
        }

        if (options.Tls is null)
        {
            feedback.Error("Either multi-socket (TCP and TLS) or TLS only must be enabled");
        }

        if (options.AuthOriginKey is not null && options.Tls is not { Only: true })
        {
            feedback.Error("When authn+authz is enabled, TLS-only mode must be enabled");
        }

        if (openFiles is { } limit && (ulong)options.Transport.MaxConnections > limit.Soft)
        {
            feedback.Error("The value for maximum connections exceeds available resources to the server process");
            feedback.Error($"The current process is set to a resource limit of {limit.Soft} and can be set to a maximum limit of {limit.Hard} in the OS");
        }

        return feedback;
    }

    /// <summary>
    /// <c>RLIMIT_NOFILE</c> read from <c>/proc/self/limits</c> (<c>Max open files  1024  1048576  files</c>;
    /// <c>unlimited</c> is the largest value); null where the file is missing or unreadable.
    /// </summary>
    public static (ulong Soft, ulong Hard)? ReadOpenFilesLimit(string path = "/proc/self/limits")
    {
        try
        {
            foreach (var line in File.ReadLines(path))
            {
                if (!line.StartsWith("Max open files", StringComparison.Ordinal))
                {
                    continue;
                }

                var fields = line["Max open files".Length..].Split(' ', StringSplitOptions.RemoveEmptyEntries);
                return fields.Length >= 2 && Limit(fields[0]) is { } soft && Limit(fields[1]) is { } hard ? (soft, hard) : null;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }

        return null;
    }

    private static ulong? Limit(string text) =>
        text == "unlimited" ? ulong.MaxValue : RustNumbers.TryUnsigned(text, ulong.MaxValue, out var value) ? value : null;
}
