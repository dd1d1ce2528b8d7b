using System.Globalization;
using System.Net;
using SkydFast.Host.Configuration.Toml;

namespace SkydFast.Host.Configuration;

/// <summary>
/// The TOML configuration file (persistence-and-config.md §8.2, DECISIONS.md 8-9). Unknown sections and keys, of
/// any type, are skipped as upstream skips them; a known key of the wrong type or out of its range, a missing
/// required key, a bad address, mode or origin key fail the whole file the way upstream's TOML deserializer does:
/// <c>Configuration file parse failed: invalid type: floating point `0.5`, expected u64 for key `bgsave.every` at
/// line 6 column 9</c>.
/// </summary>
internal static class FileSource
{
    /// <summary>Reads and binds the file's bytes (strict UTF-8: a bad byte is an error with its position, not a
    /// replacement character).</summary>
    /// <exception cref="ConfigFileException">The file does not parse or bind; the message is upstream's line.</exception>
    public static RawSettings Read(ReadOnlySpan<byte> utf8, out TlsSettings? tls)
    {
        TomlTable root;
        try
        {
            root = TomlReader.Parse(utf8);
        }
        catch (TomlException error)
        {
            throw new ConfigFileException(error.Message);
        }

        var raw = new RawSettings();
        var server = Section(root, "server", required: true)!;
        raw.Host = Address(Required(server, "server", "host"), "server.host");
        raw.Port = (int)Unsigned(Required(server, "server", "port"), "server.port", "u16", ushort.MaxValue);
        raw.NoArt = Optional(server, "noart", "server.noart", Boolean);

        // maxclient is what upstream's code reads; maxcon, what its docs say, is accepted too (DECISIONS.md 8).
        raw.MaxConnections = Optional(server, "maxclient", "server.maxclient", U64("usize")) ?? Optional(server, "maxcon", "server.maxcon", U64("usize"));
        raw.Mode = Optional(server, "mode", "server.mode", Mode);
        raw.DataDirectory = Optional(server, "data_dir", "server.data_dir", String);
        raw.MaxQuerySize = Optional(server, "max_query_size", "server.max_query_size", U64("u64"));
        raw.MaxElements = Optional(server, "max_elements", "server.max_elements", U64("u64"));
        raw.IdleTimeout = Optional(server, "idle_timeout", "server.idle_timeout", U64("u64"));
        raw.Threads = Optional(server, "threads", "server.threads", U64("u64"));

        if (Section(root, "bgsave", required: false) is { } bgsave)
        {
            raw.BgsaveEnabled = Optional(bgsave, "enabled", "bgsave.enabled", Boolean);
            raw.BgsaveEvery = Optional(bgsave, "every", "bgsave.every", U64("u64"));
        }

        if (Section(root, "snapshot", required: false) is { } snapshot)
        {
            raw.SnapshotEvery = Unsigned(Required(snapshot, "snapshot", "every"), "snapshot.every", "u64", ulong.MaxValue);
            raw.SnapshotKeep = Unsigned(Required(snapshot, "snapshot", "atmost"), "snapshot.atmost", "usize", ulong.MaxValue);
            raw.SnapshotFailsafe = Optional(snapshot, "failsafe", "snapshot.failsafe", Boolean);
        }

        tls = null;
        if (Section(root, "ssl", required: false) is { } ssl)
        {
            tls = new TlsSettings
            {
                KeyPath = String(Required(ssl, "ssl", "key"), "ssl.key"),
                ChainPath = String(Required(ssl, "ssl", "chain"), "ssl.chain"),
                Port = (int)Unsigned(Required(ssl, "ssl", "port"), "ssl.port", "u16", ushort.MaxValue),
                Only = Optional(ssl, "only", "ssl.only", Boolean) ?? false,
                PassphrasePath = Optional(ssl, "passin", "ssl.passin", String),
            };
        }

        if (Section(root, "auth", required: false) is { } auth)
        {
            raw.OriginKey = Optional(auth, "origin_key", "auth.origin_key", OriginKey);
        }

        if (Section(root, "metrics", required: false) is { } metrics)
        {
            raw.MetricsPort = Optional(metrics, "port", "metrics.port", static (v, k) => (int)Unsigned(v, k, "u16", ushort.MaxValue));
        }

        return raw;
    }

    private static TomlTable? Section(TomlTable root, string name, bool required)
    {
        if (!root.TryGetValue(name, out var value))
        {
            return required ? throw new ConfigFileException($"missing field `{name}` at line 1 column 1") : null;
        }

        return value as TomlTable ?? throw Invalid(value, "a table", name);
    }

    private static TomlValue Required(TomlTable section, string sectionName, string key) =>
        section.TryGetValue(key, out var value)
            ? value
            : throw new ConfigFileException($"missing field `{key}` for key `{sectionName}`{At(section.Position)}");

    private static T? Optional<T>(TomlTable section, string key, string path, Func<TomlValue, string, T> read)
        where T : struct =>
        section.TryGetValue(key, out var value) ? read(value, path) : null;

    private static string? Optional(TomlTable section, string key, string path, Func<TomlValue, string, string> read) =>
        section.TryGetValue(key, out var value) ? read(value, path) : null;

    private static Func<TomlValue, string, ulong> U64(string type) => (value, path) => Unsigned(value, path, type, ulong.MaxValue);

    private static ulong Unsigned(TomlValue value, string path, string type, ulong max) => value is TomlInteger integer
        ? integer.Value >= 0 && (ulong)integer.Value <= max
            ? (ulong)integer.Value
            : throw new ConfigFileException($"invalid value: integer `{integer.Value.ToString(CultureInfo.InvariantCulture)}`, expected {type} for key `{path}`{At(value.Position)}")
        : throw Invalid(value, type, path);

    private static bool Boolean(TomlValue value, string path) =>
        value is TomlBoolean boolean ? boolean.Value : throw Invalid(value, "a boolean", path);

    private static string String(TomlValue value, string path) =>
        value is TomlString text ? text.Value : throw Invalid(value, "a string", path);

    private static IPAddress Address(TomlValue value, string path)
    {
        var text = String(value, path);
        return IPAddress.TryParse(text, out var address) && !text.Contains('%', StringComparison.Ordinal)
            ? address
            : throw new ConfigFileException($"invalid IP address syntax for key `{path}`{At(value.Position)}");
    }

    private static DeploymentMode Mode(TomlValue value, string path) => String(value, path) switch
    {
        "dev" => DeploymentMode.Dev,
        "prod" => DeploymentMode.Prod,
        var other => throw new ConfigFileException($"Bad value `{other}` for modeset for key `{path}`{At(value.Position)}"),
    };

    private static string OriginKey(TomlValue value, string path)
    {
        var text = String(value, path);
        return SettingParsers.IsOriginKey(text)
            ? text
            : throw new ConfigFileException($"Invalid value for authkey. must be 40 ASCII characters with nonzero first char for key `{path}`{At(value.Position)}");
    }

    // serde's wording for the value a key holds, as the TOML deserializer reports a mismatch.
    private static ConfigFileException Invalid(TomlValue value, string expected, string path)
    {
        var found = value switch
        {
            TomlString s => $"string \"{s.Value}\"",
            TomlInteger i => $"integer `{i.Value.ToString(CultureInfo.InvariantCulture)}`",
            TomlFloat f => $"floating point `{FormatFloat(f.Value)}`",
            TomlBoolean b => $"boolean `{(b.Value ? "true" : "false")}`",
            TomlArray => "sequence",
            TomlTable => "map",
            _ => "a datetime",
        };
        return new ConfigFileException($"invalid type: {found}, expected {expected} for key `{path}`{At(value.Position)}");
    }

    private static string FormatFloat(double value) => double.IsNaN(value) ? "NaN"
        : double.IsInfinity(value) ? (value > 0 ? "inf" : "-inf")
        : value == Math.Floor(value) && Math.Abs(value) < 1e16 ? value.ToString("0.0", CultureInfo.InvariantCulture)
        : value.ToString("R", CultureInfo.InvariantCulture);

    private static string At(TomlPosition position) => $" at line {position.Line} column {position.Column}";
}

/// <summary>A configuration file that does not parse or bind; the message follows <c>Configuration file parse
/// failed: </c>.</summary>
public sealed class ConfigFileException : Exception
{
    /// <summary>Creates the error.</summary>
    public ConfigFileException(string message)
        : base(message)
    {
    }
}
