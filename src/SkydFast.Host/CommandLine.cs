using System.CommandLine;
using System.Net;
using SkydFast.Persistence.Services;

namespace SkydFast.Host;

/// <summary>
/// The command line, with upstream's flag names (persistence-and-config.md §8.3): <c>-h</c> is
/// <c>--host</c>, help is <c>--help</c> only, <c>-V</c>/<c>--version</c> prints the version.
/// </summary>
public static class CommandLine
{
    private static readonly Option<string> Host = new("--host", "-h") { Description = "Bind host (IPv4 or IPv6 literal); default 127.0.0.1" };
    private static readonly Option<int> Port = new("--port", "-p") { Description = "Plain TCP port; default 2003" };
    private static readonly Option<bool> NoArt = new("--noart") { Description = "Disable the ASCII art" };
    private static readonly Option<int> MaxCon = new("--maxcon") { Description = "Maximum concurrent connections; default 50000" };
    private static readonly Option<int> MaxQuerySize = new("--max-query-size") { Description = "Largest query packet in bytes; default 67108864" };
    private static readonly Option<long> MaxElements = new("--max-elements") { Description = "Largest element count a packet may declare; default 1048576" };
    private static readonly Option<int> IdleTimeout = new("--idle-timeout") { Description = "Close connections idle this many seconds; default 0 = never" };
    private static readonly Option<string> DataDir = new("--data-dir") { Description = "Folder holding data/ and .sky_pid; default the working directory" };
    private static readonly Option<int> SaveDuration = new("--saveduration", "-S") { Description = "Seconds between BGSAVE runs; default 120" };
    private static readonly Option<bool> NoSave = new("--nosave") { Description = "Disable BGSAVE (the termination save still runs)" };
    private static readonly Option<int> SnapEvery = new("--snapevery") { Description = "Seconds between local snapshots; needs --snapkeep" };
    private static readonly Option<int> SnapKeep = new("--snapkeep") { Description = "Local snapshots kept, 0 = all; needs --snapevery" };
    private static readonly Option<string> StopWriteOnFail = new("--stop-write-on-fail") { Description = "true|false: a failed scheduled snapshot poisons the store; default true" };
    private static readonly Option<string> Restore = new("--restore", "-r") { Description = "Replace data/ks with the tree of a data directory or snapshot folder before starting" };
    private static readonly Option<bool> Version = new("--version", "-V") { Description = "Print the version and exit" };
    private static readonly Option<bool> Help = new("--help") { Description = "Print this help and exit" };

    /// <summary>The outcome of parsing the command line.</summary>
    public enum Outcome
    {
        /// <summary>Start the server with the parsed options.</summary>
        Run,

        /// <summary>Help or version was printed; exit 0.</summary>
        Exit,

        /// <summary>Errors were printed; exit 1.</summary>
        Error,
    }

    /// <summary>Parses <paramref name="args"/>; prints help, the version or errors to <paramref name="output"/>.</summary>
    public static Outcome Parse(string[] args, TextWriter output, out ServerOptions options)
    {
        options = new ServerOptions();
        var root = new RootCommand("skyd-fast: a Skytable 0.7 compatible database server")
        {
            Host, Port, NoArt, MaxCon, MaxQuerySize, MaxElements, IdleTimeout, DataDir, SaveDuration, NoSave, SnapEvery, SnapKeep,
            StopWriteOnFail, Restore, Version, Help,
        };
        // The defaults add -h for help and a --version without -V; upstream's flags need both letters free.
        root.Options.Remove(root.Options.First(o => o is System.CommandLine.Help.HelpOption));
        root.Options.Remove(root.Options.First(o => o is VersionOption));

        var result = root.Parse(args);
        var errors = result.Errors.Select(e => e.Message).ToList();
        if (errors.Count == 0)
        {
            if (result.GetValue(Help))
            {
                output.WriteLine("Usage: skyd-fast [options]");
                foreach (var option in root.Options)
                {
                    output.WriteLine($"  {string.Join(", ", option.Aliases.Prepend(option.Name).Distinct()),-22} {option.Description}");
                }

                return Outcome.Exit;
            }

            if (result.GetValue(Version))
            {
                output.WriteLine(ServerInfo.VersionLine);
                return Outcome.Exit;
            }

            Apply(result, options, errors);
        }

        if (errors.Count == 0)
        {
            return Outcome.Run;
        }

        output.WriteLine("CLI errors:");
        foreach (var error in errors)
        {
            output.WriteLine($"    - {error}");
        }

        return Outcome.Error;
    }

    private static void Apply(ParseResult result, ServerOptions options, List<string> errors)
    {
        if (result.GetResult(Host) is not null)
        {
            var text = result.GetValue(Host);
            if (IPAddress.TryParse(text, out var address))
            {
                options.Host = address;
            }
            else
            {
                errors.Add($"Invalid value `{text}` for host. Expected an IPv4 or IPv6 address");
            }
        }

        if (result.GetResult(Port) is not null)
        {
            var port = result.GetValue(Port);
            if (port is < 0 or > IPEndPoint.MaxPort)
            {
                errors.Add($"Invalid value `{port}` for port. Expected an integer in 0..=65535");
            }
            else
            {
                options.Port = port;
            }
        }

        options.NoArt = result.GetValue(NoArt);
        if (result.GetResult(MaxCon) is not null)
        {
            var maxcon = result.GetValue(MaxCon);
            if (maxcon <= 0)
            {
                errors.Add("Bad value for `maxcon`. Expected a positive integer greater than zero");
            }
            else
            {
                options.Transport.MaxConnections = maxcon;
            }
        }

        var limits = options.Limits;
        if (result.GetResult(MaxQuerySize) is not null)
        {
            var size = result.GetValue(MaxQuerySize);
            if (size < 16)
            {
                errors.Add("Bad value for `max-query-size`. Expected an integer of at least 16");
            }
            else
            {
                limits = limits with { MaxQuerySize = size };
            }
        }

        if (result.GetResult(MaxElements) is not null)
        {
            var count = result.GetValue(MaxElements);
            if (count <= 0)
            {
                errors.Add("Bad value for `max-elements`. Expected a positive integer greater than zero");
            }
            else
            {
                limits = limits with { MaxElements = count };
            }
        }

        options.Limits = limits;
        options.DataDirectory = result.GetValue(DataDir);
        options.BgsaveEnabled = !result.GetValue(NoSave);
        if (result.GetResult(SaveDuration) is not null)
        {
            var seconds = result.GetValue(SaveDuration);
            if (seconds <= 0)
            {
                errors.Add("Bad value for `bgsave.every`. Expected a positive integer greater than zero");
            }
            else
            {
                options.BgsaveEvery = TimeSpan.FromSeconds(seconds);
            }
        }

        ApplySnapshots(result, options, errors);
        options.RestoreFrom = result.GetValue(Restore);
        if (result.GetResult(IdleTimeout) is not null)
        {
            var seconds = result.GetValue(IdleTimeout);
            if (seconds < 0)
            {
                errors.Add("Bad value for `idle-timeout`. Expected a number of seconds, 0 for never");
            }
            else
            {
                options.Transport.IdleTimeout = TimeSpan.FromSeconds(seconds);
            }
        }
    }

    // Snapshots are on when both --snapevery and --snapkeep are given (persistence-and-config.md §8.3);
    // --stop-write-on-fail sets failsafe (DECISIONS.md 7: upstream reads the wrong name and ignores it).
    private static void ApplySnapshots(ParseResult result, ServerOptions options, List<string> errors)
    {
        var every = result.GetResult(SnapEvery) is not null ? result.GetValue(SnapEvery) : (int?)null;
        var keep = result.GetResult(SnapKeep) is not null ? result.GetValue(SnapKeep) : (int?)null;
        var failsafe = true;
        if (result.GetResult(StopWriteOnFail) is not null)
        {
            switch (result.GetValue(StopWriteOnFail))
            {
                case "true":
                    break;
                case "false":
                    failsafe = false;
                    break;
                default:
                    errors.Add("Bad value for `--stop-write-on-fail`. Expected true/false");
                    break;
            }
        }

        if (every is null != keep is null)
        {
            errors.Add("To use snapshots, pass values for both `--snapevery` and `--snapkeep`");
            return;
        }

        if (every is not { } seconds || keep is not { } atMost)
        {
            return;
        }

        if (seconds <= 0)
        {
            errors.Add("Bad value for `--snapevery`. Expected an integer greater than 0");
        }

        if (atMost < 0)
        {
            errors.Add("Bad value for `--snapkeep`. Expected a positive integer or 0 to keep all");
        }

        if (seconds > 0 && atMost >= 0)
        {
            options.Snapshots = new SnapshotSettings(TimeSpan.FromSeconds(seconds), atMost, failsafe);
        }
    }
}
