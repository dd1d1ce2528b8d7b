namespace SkydFast.Host.Configuration;

/// <summary>
/// The <c>SKY_*</c> variables (persistence-and-config.md §8.4, DECISIONS.md 8-9). A variable that is set counts as
/// configuration even when its value is bad (then it is an error); <c>SKY_LOG</c> is not configuration.
/// </summary>
internal static class EnvironmentSource
{
    private static readonly string[] Names =
    [
        "SKY_SYSTEM_HOST", "SKY_SYSTEM_PORT", "SKY_SYSTEM_NOART", "SKY_SYSTEM_MAXCON", "SKY_DEPLOY_MODE", "SKY_DEPLOYMENT_MODE",
        "SKY_BGSAVE_ENABLED", "SKY_BGSAVE_DURATION", "SKY_SNAPSHOT_DURATION", "SKY_SNAPSHOT_KEEP", "SKY_SNAPSHOT_FAILSAFE",
        "SKY_TLS_KEY", "SKY_TLS_CERT", "SKY_TLS_PORT", "SKY_TLS_ONLY", "SKY_TLS_PASSIN", "SKY_AUTH_ORIGIN_KEY",
        "SKY_SYSTEM_DATA_DIR", "SKY_SYSTEM_MAX_QUERY_SIZE", "SKY_SYSTEM_MAX_ELEMENTS", "SKY_SYSTEM_IDLE_TIMEOUT",
        "SKY_SYSTEM_THREADS", "SKY_METRICS_PORT",
    ];

    /// <summary>Whether any configuration variable is set (§8.1).</summary>
    public static bool IsPresent(Func<string, string?> environment) => Names.Any(name => environment(name) is not null);

    /// <summary>Reads every variable; bad values go to <paramref name="feedback"/>.</summary>
    public static RawSettings Read(Func<string, string?> environment, Feedback feedback, out TlsFlags tls)
    {
        var raw = new RawSettings();
        void Value(string name, Action<string, string> read)
        {
            if (environment(name) is { } text)
            {
                read(name, text);
            }
        }

        Value("SKY_SYSTEM_HOST", (n, t) => raw.Host = SettingParsers.Host(n, t, feedback));
        Value("SKY_SYSTEM_PORT", (n, t) => raw.Port = SettingParsers.Port(n, t, feedback));
        Value("SKY_SYSTEM_NOART", (n, t) => raw.NoArt = SettingParsers.Bool(n, t, feedback));
        Value("SKY_SYSTEM_MAXCON", (n, t) => raw.MaxConnections = SettingParsers.Unsigned(n, t, SettingParsers.PositiveInteger, feedback));

        // SKY_DEPLOY_MODE is upstream's name; the docs' SKY_DEPLOYMENT_MODE is accepted too (DECISIONS.md 8) and the
        // code's name wins when both are set.
        Value("SKY_DEPLOYMENT_MODE", (n, t) => raw.Mode = SettingParsers.Mode(n, t, feedback));
        Value("SKY_DEPLOY_MODE", (n, t) => raw.Mode = SettingParsers.Mode(n, t, feedback));
        Value("SKY_BGSAVE_ENABLED", (n, t) => raw.BgsaveEnabled = SettingParsers.Bool(n, t, feedback));
        Value("SKY_BGSAVE_DURATION", (n, t) => raw.BgsaveEvery = SettingParsers.Unsigned(n, t, SettingParsers.PositiveInteger, feedback));
        Value("SKY_SNAPSHOT_DURATION", (n, t) => raw.SnapshotEvery = raw.Check(SettingParsers.Unsigned(n, t, "an integer greater than 0", feedback)));
        Value("SKY_SNAPSHOT_KEEP", (n, t) => raw.SnapshotKeep = raw.Check(SettingParsers.Unsigned(n, t, "a positive integer or 0 to keep all", feedback)));
        Value("SKY_SNAPSHOT_FAILSAFE", (n, t) => raw.SnapshotFailsafe = SettingParsers.Bool(n, t, feedback));
        Value("SKY_AUTH_ORIGIN_KEY", (n, t) => raw.OriginKey = SettingParsers.OriginKey(n, t, feedback));
        Value("SKY_SYSTEM_DATA_DIR", (_, t) => raw.DataDirectory = t);
        Value("SKY_SYSTEM_MAX_QUERY_SIZE", (n, t) => raw.MaxQuerySize = SettingParsers.Unsigned(n, t, $"an integer from 16 to {int.MaxValue}", feedback));
        Value("SKY_SYSTEM_MAX_ELEMENTS", (n, t) => raw.MaxElements = SettingParsers.Unsigned(n, t, SettingParsers.PositiveInteger, feedback));
        Value("SKY_SYSTEM_IDLE_TIMEOUT", (n, t) => raw.IdleTimeout = SettingParsers.Unsigned(n, t, "a number of seconds, 0 for never", feedback));
        Value("SKY_SYSTEM_THREADS", (n, t) => raw.Threads = SettingParsers.Unsigned(n, t, $"an integer from 1 to {SettingsResolver.MaxThreads}", feedback));
        Value("SKY_METRICS_PORT", (n, t) => raw.MetricsPort = SettingParsers.Port(n, t, feedback));

        int? port = null;
        bool? only = null;
        Value("SKY_TLS_PORT", (n, t) => port = SettingParsers.Port(n, t, feedback));
        Value("SKY_TLS_ONLY", (n, t) => only = SettingParsers.Bool(n, t, feedback));
        tls = new TlsFlags(environment("SKY_TLS_KEY"), environment("SKY_TLS_CERT"), port, only, environment("SKY_TLS_PASSIN"));
        return raw;
    }
}
