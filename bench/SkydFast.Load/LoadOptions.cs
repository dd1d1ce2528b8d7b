using System.Globalization;
using System.Net;
using SkydFast.Load.Protocols;
using SkydFast.Load.Workload;

namespace SkydFast.Load;

/// <summary>A wrong command line; the message says what and why.</summary>
public sealed class UsageException(string message) : Exception(message);

/// <summary>Everything a run is parameterised by; <see cref="Parse"/> reads the command line.</summary>
public sealed class LoadOptions
{
    /// <summary>The most connections: each holds two buffers and a file descriptor.</summary>
    public const int MaxConnections = 10_000;

    /// <summary>The deepest pipeline.</summary>
    public const int MaxPipeline = 10_000;

    public const string Usage = """
        SkydFast.Load: a closed-loop load generator for Skyhash (skyd-fast, skyd) and RESP (Redis, Garnet) servers on
        this machine. Each connection keeps one batch of P requests in flight: one Skyhash pipeline packet, or P RESP
        commands in one write. Every reply is checked; a wrong one is an error, not a data point.

          --host ADDR          127.0.0.1 (only 127.0.0.0/8, ::1 and localhost are accepted)
          --port N             2003 for skyhash, 6379 for resp
          --protocol NAME      skyhash | resp (default skyhash)
          -c, --connections N  50
          -P, --pipeline N     requests per batch (default 1)
          -d, --value-size N   bytes per value (default 64)
          -k, --keys N         key space, key:000000000000 up (default 100000)
          --distribution D     uniform | zipf (default uniform)
          --skew S             Zipf exponent (default 0.99; implies --distribution zipf)
          --mix SPEC           weights of get, set, update: get=90,update=10 (default get). update overwrites
                               (Skyhash UPDATE, RESP SET); set is insert-only on present keys (Skyhash SET answers
                               code 2, RESP SET NX answers null), so neither changes what GETs may see
          --duration S         measured seconds (default 10 unless --requests is given)
          --requests N         measured requests instead of a duration
          --warmup S           unmeasured seconds first (default 1)
          --max-duration S     cap on the measured time whatever else is asked (default 300)
          --max-requests N     cap on the measured requests (default 1000000000)
          --threads N          event-loop threads (default 1: see bench/README.md)
          --no-prefill         skip storing every key first (Skyhash USET, RESP SET, 256 per batch)
          --seed N             random seed (default 1)
          --label TEXT         the target's name in the results (default the protocol and port)
          --json PATH          write the JSON result there instead of standard output
          --markdown PATH      append the result as a markdown table row (a header first if the file is new)
          --quiet              no progress line on standard error

        Exit codes: 0 done; 1 wrong replies; 2 bad arguments; 3 could not run (connect, I/O, nothing completed).
        """;

    public IPAddress Address { get; set; } = IPAddress.Loopback;

    public string Host { get; set; } = "127.0.0.1";

    public int Port { get; set; } = 2003;

    public ProtocolKind Protocol { get; set; } = ProtocolKind.Skyhash;

    public int Connections { get; set; } = 50;

    public int Pipeline { get; set; } = 1;

    public int ValueSize { get; set; } = 64;

    public long Keys { get; set; } = 100_000;

    /// <summary>The Zipf exponent, or null for uniform keys.</summary>
    public double? Skew { get; set; }

    public OperationMix Mix { get; set; } = new(1, 0, 0);

    /// <summary>The measured time; null when <see cref="Requests"/> is given.</summary>
    public TimeSpan? Duration { get; set; }

    public long? Requests { get; set; }

    public TimeSpan Warmup { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxDuration { get; set; } = TimeSpan.FromSeconds(300);

    public long MaxRequests { get; set; } = 1_000_000_000;

    public int Threads { get; set; } = 1;

    public bool Prefill { get; set; } = true;

    public ulong Seed { get; set; } = 1;

    public string? Label { get; set; }

    public string? JsonPath { get; set; }

    public string? MarkdownPath { get; set; }

    public bool Quiet { get; set; }

    /// <summary>The measured time the run will take at most.</summary>
    public TimeSpan EffectiveDuration => Duration is { } d && d < MaxDuration ? d : MaxDuration;

    /// <summary>The measured requests the run will send at most.</summary>
    public long EffectiveRequests => Requests is { } r && r < MaxRequests ? r : MaxRequests;

    /// <summary>Reads a command line; throws <see cref="UsageException"/> on anything wrong, including a host
    /// that is not loopback.</summary>
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions();
        int? port = null;
        string? distribution = null;
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => ++i < args.Count ? args[i] : throw new UsageException($"{name} needs a value");
            switch (name)
            {
                case "--host": options.Host = Value(); break;
                case "--port": port = (int)Integer(name, Value(), 1, 65535); break;
                case "--protocol": options.Protocol = ParseProtocol(Value()); break;
                case "-c" or "--connections": options.Connections = (int)Integer(name, Value(), 1, MaxConnections); break;
                case "-P" or "--pipeline": options.Pipeline = (int)Integer(name, Value(), 1, MaxPipeline); break;
                case "-d" or "--value-size": options.ValueSize = (int)Integer(name, Value(), 0, KeySpace.MaxValueLength); break;
                case "-k" or "--keys": options.Keys = Integer(name, Value(), 1, KeySpace.MaxKeys); break;
                case "--distribution": distribution = Value(); break;
                case "--skew": options.Skew = Number(name, Value(), 0, 100); break;
                case "--mix": options.Mix = ParseMix(Value()); break;
                case "--duration": options.Duration = Seconds(name, Value()); break;
                case "--requests": options.Requests = Integer(name, Value(), 1, long.MaxValue); break;
                case "--warmup": options.Warmup = Seconds(name, Value(), allowZero: true); break;
                case "--max-duration": options.MaxDuration = Seconds(name, Value()); break;
                case "--max-requests": options.MaxRequests = Integer(name, Value(), 1, long.MaxValue); break;
                case "--threads": options.Threads = (int)Integer(name, Value(), 1, 1024); break;
                case "--no-prefill": options.Prefill = false; break;
                case "--seed": options.Seed = (ulong)Integer(name, Value(), 0, long.MaxValue); break;
                case "--label": options.Label = Value(); break;
                case "--json": options.JsonPath = Value(); break;
                case "--markdown": options.MarkdownPath = Value(); break;
                case "--quiet": options.Quiet = true; break;
                default: throw new UsageException($"unknown argument '{name}' (--help lists them)");
            }
        }

        switch (distribution)
        {
            case null: break;
            case "uniform" when options.Skew is null: break;
            case "uniform": throw new UsageException("--skew is for --distribution zipf");
            case "zipf": options.Skew ??= 0.99; break;
            default: throw new UsageException($"unknown distribution '{distribution}' (uniform, zipf)");
        }

        options.Port = port ?? (options.Protocol == ProtocolKind.Skyhash ? 2003 : 6379);
        options.Address = LoopbackAddress(options.Host);
        if (options.Duration is null && options.Requests is null)
        {
            options.Duration = TimeSpan.FromSeconds(10);
        }

        options.Threads = Math.Min(options.Threads, options.Connections);
        return options;
    }

    /// <summary>The address of <paramref name="host"/> if it is on this machine's loopback (127.0.0.0/8, ::1, or
    /// <c>localhost</c>); a load generator must never send to anything else.</summary>
    public static IPAddress LoopbackAddress(string host)
    {
        if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
        {
            return IPAddress.Loopback;
        }

        if (IPAddress.TryParse(host.Trim('[', ']'), out var address))
        {
            if (address.IsIPv4MappedToIPv6)
            {
                address = address.MapToIPv4();
            }

            if (IPAddress.IsLoopback(address))
            {
                return address;
            }
        }

        throw new UsageException(
            $"refusing host '{host}': the load generator only targets this machine's loopback (127.0.0.0/8 or ::1)");
    }

    private static ProtocolKind ParseProtocol(string text) => text.ToUpperInvariant() switch
    {
        "SKYHASH" => ProtocolKind.Skyhash,
        "RESP" => ProtocolKind.Resp,
        _ => throw new UsageException($"unknown protocol '{text}' (skyhash, resp)"),
    };

    private static OperationMix ParseMix(string text)
    {
        try
        {
            return OperationMix.Parse(text);
        }
        catch (ArgumentException e)
        {
            throw new UsageException($"--mix: {e.Message}");
        }
    }

    private static long Integer(string name, string text, long min, long max) =>
        long.TryParse(text.Replace("_", "", StringComparison.Ordinal), NumberStyles.None, CultureInfo.InvariantCulture, out var value)
            && value >= min && value <= max
            ? value
            : throw new UsageException($"{name} takes a whole number from {min} to {max}, not '{text}'");

    private static double Number(string name, string text, double min, double max) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max
            ? value
            : throw new UsageException($"{name} takes a number from {min} to {max}, not '{text}'");

    private static TimeSpan Seconds(string name, string text, bool allowZero = false)
    {
        var seconds = Number(name, text, 0, 86_400);
        return seconds > 0 || allowZero ? TimeSpan.FromSeconds(seconds) : throw new UsageException($"{name} must be more than 0");
    }
}
