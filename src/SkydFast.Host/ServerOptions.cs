using System.Net;
using SkydFast.Host.Configuration;
using SkydFast.Network;
using SkydFast.Persistence.Services;
using SkydFast.Protocol.Skyhash;

namespace SkydFast.Host;

/// <summary>Everything the server is started with. Every default is upstream's (persistence-and-config.md §8.5).</summary>
public sealed class ServerOptions
{
    /// <summary>The default Skyhash port.</summary>
    public const int DefaultPort = 2003;

    /// <summary>Address to bind. Default 127.0.0.1.</summary>
    public IPAddress Host { get; set; } = IPAddress.Loopback;

    /// <summary>Plain TCP port; 0 picks a free one (tests). Default 2003.</summary>
    public int Port { get; set; } = DefaultPort;

    /// <summary>TLS on <see cref="TlsSettings.Port"/>, beside the plain port or instead of it. Default null: off.</summary>
    public TlsSettings? Tls { get; set; }

    /// <summary>Skip the ASCII art in the banner. Default false.</summary>
    public bool NoArt { get; set; }

    /// <summary><c>dev</c> or <c>prod</c> (§8.6). Default dev.</summary>
    public DeploymentMode Mode { get; set; }

    /// <summary>The origin key that enables authentication (§11); null, the default, leaves it off.</summary>
    public string? AuthOriginKey { get; set; }

    /// <summary>The port of the Prometheus <c>/metrics</c> endpoint on the server's host (DECISIONS.md 9); null, the
    /// default, serves none; 0 picks a free port.</summary>
    public int? MetricsPort { get; set; }

    /// <summary>
    /// The folder that holds <c>data/</c> and <c>.sky_pid</c> (DECISIONS.md 9, <c>--data-dir</c>). Default null: the
    /// working directory, as upstream.
    /// </summary>
    public string? DataDirectory { get; set; }

    /// <summary>Whether BGSAVE runs (DECISIONS.md 6: <c>--nosave</c> really disables it). Default true.</summary>
    public bool BgsaveEnabled { get; set; } = true;

    /// <summary>Time between the end of one BGSAVE and the start of the next (<c>-S</c>). Default 120 s.</summary>
    public TimeSpan BgsaveEvery { get; set; } = TimeSpan.FromSeconds(120);

    /// <summary>Scheduled local snapshots (<c>--snapevery</c>, <c>--snapkeep</c>, <c>--stop-write-on-fail</c>).
    /// Default null: disabled, as upstream; remote snapshots (<c>MKSNAP name</c>) work either way.</summary>
    public SnapshotSettings? Snapshots { get; set; }

    /// <summary>A data root or snapshot folder whose tree replaces <c>data/ks</c> before loading (<c>-r</c>,
    /// <c>--restore</c>). Default null.</summary>
    public string? RestoreFrom { get; set; }

    /// <summary>Packet size and element count limits (DECISIONS.md 4).</summary>
    public ParserLimits Limits { get; set; } = ParserLimits.Default;

    /// <summary>Socket and connection settings, including the connection limit.</summary>
    public TransportOptions Transport { get; } = new();
}
