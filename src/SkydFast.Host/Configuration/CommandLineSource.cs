using System.CommandLine;

namespace SkydFast.Host.Configuration;

/// <summary>
/// The command line with upstream's flags (persistence-and-config.md §8.3) and skyd-fast's additions
/// (DECISIONS.md 9): <c>-h</c> is <c>--host</c>, help is <c>--help</c> only, <c>-V</c>/<c>--version</c> prints the
/// version. Values are read as text and checked here, so a bad one gets upstream's <c>Bad value for ...</c> line.
/// </summary>
internal sealed class CommandLineSource
{
    private static readonly Option<string> WithConfig = Text("--withconfig", "-c", "Use this TOML configuration file (no other flags or SKY_* variables then)");
    private static readonly Option<string> Restore = Text("--restore", "-r", "Replace data/ks with the tree of a data directory or snapshot folder before starting");
    private static readonly Option<string> Host = Text("--host", "-h", "Bind address, IPv4 or IPv6; default 127.0.0.1");
    private static readonly Option<string> Port = Text("--port", "-p", "Plain TCP port; default 2003");
    private static readonly Option<bool> NoArt = new("--noart") { Description = "Disable the terminal artwork" };
    private static readonly Option<bool> NoSave = new("--nosave") { Description = "Disable BGSAVE (the save at stop still runs)" };
    private static readonly Option<string> SaveDuration = Text("--saveduration", "-S", "Seconds between BGSAVE runs; default 120");
    private static readonly Option<string> SnapEvery = Text("--snapevery", null, "Seconds between local snapshots; needs --snapkeep");
    private static readonly Option<string> SnapKeep = Text("--snapkeep", null, "Local snapshots kept, 0 = all; needs --snapevery");
    private static readonly Option<string> StopWriteOnFail = Text("--stop-write-on-fail", null, "true|false: a failed scheduled snapshot poisons the store; default true");
    private static readonly Option<string> SslKey = Text("--sslkey", "-k", "TLS private key (PEM); needs --sslchain");
    private static readonly Option<string> SslChain = Text("--sslchain", "-z", "TLS certificate chain (PEM); needs --sslkey");
    private static readonly Option<string> SslPort = Text("--sslport", null, "TLS port; default 2004");
    private static readonly Option<bool> SslOnly = new("--sslonly") { Description = "Serve TLS only (no plain TCP listener)" };
    private static readonly Option<string> TlsPassin = Text("--tlspassin", null, "File whose whole contents are the TLS key's passphrase");
    private static readonly Option<string> MaxCon = Text("--maxcon", null, "Most connections at once; default 50000");
    private static readonly Option<string> Mode = Text("--mode", "-m", "dev or prod; default dev");
    private static readonly Option<string> OriginKey = Text("--auth-origin-key", null, "Enable authentication with this 40-character origin key");
    private static readonly Option<string> DataDir = Text("--data-dir", null, "Folder holding data/ and .sky_pid; default the working directory");
    private static readonly Option<string> MaxQuerySize = Text("--max-query-size", null, "Largest query packet in bytes; default 67108864");
    private static readonly Option<string> MaxElements = Text("--max-elements", null, "Largest element count a packet may declare; default 1048576");
    private static readonly Option<string> IdleTimeout = Text("--idle-timeout", null, "Close connections idle this many seconds; default 0 = never");
    private static readonly Option<string> Threads = Text("--threads", null, "Thread-pool workers kept ready; default one per core");
    private static readonly Option<string> MetricsPort = Text("--metrics-port", null, "Serve Prometheus /metrics on this port of the host; default off");
    private static readonly Option<bool> Version = new("--version", "-V") { Description = "Print the version and exit" };
    private static readonly Option<bool> Help = new("--help") { Description = "Print this help and exit" };

    // Everything that configures the server: any of these makes the command line the configuration source (§8.1);
    // -c and -r do not.
    private static readonly Option[] ConfigOptions =
    [
        Host, Port, NoArt, NoSave, SaveDuration, SnapEvery, SnapKeep, StopWriteOnFail, SslKey, SslChain, SslPort, SslOnly,
        TlsPassin, MaxCon, Mode, OriginKey, DataDir, MaxQuerySize, MaxElements, IdleTimeout, Threads, MetricsPort,
    ];

    private readonly RootCommand _root;
    private readonly ParseResult _result;

    private CommandLineSource(string[] args)
    {
        _root = new RootCommand("skyd-fast: a Skytable 0.7 compatible database server");
        foreach (var option in ConfigOptions.Prepend(Restore).Prepend(WithConfig).Append(Version).Append(Help))
        {
            _root.Options.Add(option);
        }

        // The defaults add -h for help and a --version without -V; upstream's flags need both letters free.
        _root.Options.Remove(_root.Options.First(o => o is System.CommandLine.Help.HelpOption));
        _root.Options.Remove(_root.Options.First(o => o is VersionOption));
        _result = _root.Parse(args);
    }

    /// <summary>Syntax errors (unknown flags, missing values), as <c>CLI errors:</c> lines.</summary>
    public IEnumerable<string> SyntaxErrors => _result.Errors.Select(static e => e.Message);

    public bool WantsHelp => _result.GetValue(Help);

    public bool WantsVersion => _result.GetValue(Version);

    public string? ConfigFile => _result.GetValue(WithConfig);

    public string? RestoreFrom => _result.GetValue(Restore);

    /// <summary>Whether any configuration flag was given (§8.1).</summary>
    public bool HasSettings => ConfigOptions.Any(Given);

    public static CommandLineSource Parse(string[] args) => new(args);

    public void PrintHelp(TextWriter output)
    {
        output.WriteLine("Usage: skyd-fast [options]");
        foreach (var option in _root.Options)
        {
            output.WriteLine($"  {string.Join(", ", option.Aliases.Prepend(option.Name).Distinct()),-28} {option.Description}");
        }
    }

    /// <summary>Reads every configuration flag; bad values go to <paramref name="feedback"/>.</summary>
    public RawSettings Read(Feedback feedback, out TlsFlags tls)
    {
        var raw = new RawSettings();
        Value(Host, text => raw.Host = SettingParsers.Host("--host", text, feedback));
        Value(Port, text => raw.Port = SettingParsers.Port("--port", text, feedback));
        raw.NoArt = Flag(NoArt);
        raw.BgsaveEnabled = Flag(NoSave) is true ? false : null;
        Value(SaveDuration, text => raw.BgsaveEvery = SettingParsers.Unsigned("--saveduration", text, SettingParsers.PositiveInteger, feedback));
        Value(SnapEvery, text => raw.SnapshotEvery = raw.Check(SettingParsers.Unsigned("--snapevery", text, "an integer greater than 0", feedback)));
        Value(SnapKeep, text => raw.SnapshotKeep = raw.Check(SettingParsers.Unsigned("--snapkeep", text, "a positive integer or 0 to keep all", feedback)));
        Value(StopWriteOnFail, text => raw.SnapshotFailsafe = SettingParsers.Bool("--stop-write-on-fail", text, feedback));
        Value(MaxCon, text => raw.MaxConnections = SettingParsers.Unsigned("--maxcon", text, SettingParsers.PositiveInteger, feedback));
        Value(Mode, text => raw.Mode = SettingParsers.Mode("--mode", text, feedback));
        Value(OriginKey, text => raw.OriginKey = SettingParsers.OriginKey("--auth-origin-key", text, feedback));
        Value(DataDir, text => raw.DataDirectory = text);
        Value(MaxQuerySize, text => raw.MaxQuerySize = SettingParsers.Unsigned("--max-query-size", text, $"an integer from 16 to {int.MaxValue}", feedback));
        Value(MaxElements, text => raw.MaxElements = SettingParsers.Unsigned("--max-elements", text, SettingParsers.PositiveInteger, feedback));
        Value(IdleTimeout, text => raw.IdleTimeout = SettingParsers.Unsigned("--idle-timeout", text, "a number of seconds, 0 for never", feedback));
        Value(Threads, text => raw.Threads = SettingParsers.Unsigned("--threads", text, $"an integer from 1 to {SettingsResolver.MaxThreads}", feedback));
        Value(MetricsPort, text => raw.MetricsPort = SettingParsers.Port("--metrics-port", text, feedback));

        int? sslPort = null;
        Value(SslPort, text => sslPort = SettingParsers.Port("--sslport", text, feedback));
        tls = new TlsFlags(_result.GetValue(SslKey), _result.GetValue(SslChain), sslPort, Flag(SslOnly), _result.GetValue(TlsPassin));
        return raw;
    }

    private static Option<string> Text(string name, string? alias, string description)
    {
        var option = alias is null ? new Option<string>(name) : new Option<string>(name, alias);
        option.Description = description;
        return option;
    }

    // A result exists for every option with a default; only one the user wrote is not implicit.
    private bool Given(Option option) => _result.GetResult(option) is { Implicit: false };

    private void Value(Option<string> option, Action<string> read)
    {
        if (Given(option) && _result.GetValue(option) is { } text)
        {
            read(text);
        }
    }

    private bool? Flag(Option<bool> option) => Given(option) ? _result.GetValue(option) : null;
}
