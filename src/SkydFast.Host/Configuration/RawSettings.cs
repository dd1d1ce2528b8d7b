using System.Net;

namespace SkydFast.Host.Configuration;

/// <summary>What one configuration source set, each value already of the right type; null where it set nothing.
/// <see cref="SettingsResolver"/> checks the rules between values and turns them into <see cref="ServerOptions"/>.
/// </summary>
internal sealed class RawSettings
{
    public IPAddress? Host { get; set; }

    public int? Port { get; set; }

    public bool? NoArt { get; set; }

    public ulong? MaxConnections { get; set; }

    public DeploymentMode? Mode { get; set; }

    public bool? BgsaveEnabled { get; set; }

    public ulong? BgsaveEvery { get; set; }

    public ulong? SnapshotEvery { get; set; }

    public ulong? SnapshotKeep { get; set; }

    public bool? SnapshotFailsafe { get; set; }

    public string? OriginKey { get; set; }

    public string? DataDirectory { get; set; }

    public ulong? MaxQuerySize { get; set; }

    public ulong? MaxElements { get; set; }

    public ulong? IdleTimeout { get; set; }

    public ulong? Threads { get; set; }

    public int? MetricsPort { get; set; }

    /// <summary>Whether a value of a pair (snapshot every and keep) was given but bad: already reported, so the pair's
    /// own both-or-neither check says nothing more.</summary>
    public bool HasBadPairValue { get; private set; }

    /// <summary>Passes a parsed pair value through, noting a bad one (null).</summary>
    public ulong? Check(ulong? value)
    {
        HasBadPairValue |= value is null;
        return value;
    }
}

/// <summary>How each source names each setting in its messages.</summary>
internal sealed record SettingLabels(
    string Source,
    string MaxConnections,
    string BgsaveEvery,
    string SnapshotEvery,
    string SnapshotKeep,
    string Failsafe,
    string MaxQuerySize,
    string MaxElements,
    string Threads)
{
    public static readonly SettingLabels CommandLine = new(
        "CLI", "--maxcon", "--saveduration", "--snapevery", "--snapkeep", "--stop-write-on-fail", "--max-query-size", "--max-elements", "--threads");

    public static readonly SettingLabels Environment = new(
        "Environment", "SKY_SYSTEM_MAXCON", "SKY_BGSAVE_DURATION", "SKY_SNAPSHOT_DURATION", "SKY_SNAPSHOT_KEEP", "SKY_SNAPSHOT_FAILSAFE",
        "SKY_SYSTEM_MAX_QUERY_SIZE", "SKY_SYSTEM_MAX_ELEMENTS", "SKY_SYSTEM_THREADS");

    // Upstream's own label for maxclient is `server.maxcon` (§8.2).
    public static readonly SettingLabels File = new(
        "Configuration file", "server.maxcon", "bgsave.every", "snapshot.every", "snapshot.atmost", "snapshot.failsafe",
        "server.max_query_size", "server.max_elements", "server.threads");
}
