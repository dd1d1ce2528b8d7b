using System.Net;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using Microsoft.Extensions.Logging.Abstractions;
using SkydFast.Engine;
using SkydFast.Engine.Auth;
using SkydFast.Host;
using SkydFast.Network;
using SkydFast.Persistence.Load;
using SkydFast.Persistence.Services;
using SkydFast.Protocol.Skyhash;
using SkydFast.Store;

namespace SkydFast.Testing;

/// <summary>What a test server differs in from the defaults.</summary>
public sealed class TestServerOptions
{
    /// <summary>Packet limits; default the server's.</summary>
    public ParserLimits Limits { get; set; } = ParserLimits.Default;

    /// <summary>Connection limit; default the server's.</summary>
    public int? MaxConnections { get; set; }

    /// <summary>Idle timeout; default off.</summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>Event loops for plain connections (0: async sockets and pipes); default the server's.</summary>
    public int? EventLoops { get; set; }

    /// <summary>Address to bind; default 127.0.0.1.</summary>
    public IPAddress Host { get; set; } = IPAddress.Loopback;

    /// <summary>Give the server a data directory in its temporary folder and snapshots (MKSNAP); default off: no
    /// persistence at all.</summary>
    public bool Snapshots { get; set; }

    /// <summary>Local snapshots, with <see cref="Snapshots"/>; default null (disabled, remote ones still work).</summary>
    public SnapshotSettings? LocalSnapshots { get; set; }

    /// <summary>Turns authentication on with this origin key (token hashes at cost 4, so tests stay fast); default
    /// null: off.</summary>
    public string? OriginKey { get; set; }

    /// <summary>Plain TCP port; default 0, a free one.</summary>
    public int Port { get; set; }

    /// <summary>TLS (<see cref="TestCertificates.Settings"/> gives one on a free port); default null: off.</summary>
    public TlsSettings? Tls { get; set; }

    /// <summary>How long a TLS handshake may take; default the server's (10 s).</summary>
    public TimeSpan? TlsHandshakeTimeout { get; set; }
}

/// <summary>The real server, in this process, on 127.0.0.1 and a free port (and a free TLS port, with TLS), with its own
/// temporary directory.</summary>
public sealed class TestServer : IAsyncDisposable
{
    private readonly SkydServer _server;
    private readonly SnapshotService? _snapshots;
    private readonly X509Certificate2? _certificate;

    private TestServer(SkydServer server, TempDirectory directory, SnapshotService? snapshots, X509Certificate2? certificate)
    {
        _server = server;
        Directory = directory;
        _snapshots = snapshots;
        _certificate = certificate;
    }

    /// <summary>Where the server keeps its files; deleted on dispose.</summary>
    public TempDirectory Directory { get; }

    /// <summary>The data root (<c>data</c>) under <see cref="Directory"/>, used with
    /// <see cref="TestServerOptions.Snapshots"/>.</summary>
    public string DataPath => System.IO.Path.Combine(Directory.Path, "data");

    /// <summary>The bound plain TCP address; throws in TLS-only mode.</summary>
    public IPEndPoint EndPoint => _server.EndPoint ?? throw new InvalidOperationException("TLS-only: the server has no plain endpoint");

    /// <summary>The bound TLS address; throws without TLS.</summary>
    public IPEndPoint SecureEndPoint => _server.SecureEndPoint ?? throw new InvalidOperationException("the server has no TLS endpoint");

    /// <summary>The listener's connection and byte counts.</summary>
    public TransportCounters Counters => _server.Counters;

    /// <summary>The store the server serves (tests poison it, or inspect state directly).</summary>
    public CoreStore Store => _server.Store;

    /// <summary>Starts a server.</summary>
    public static Task<TestServer> StartAsync(TestServerOptions? options = null)
    {
        options ??= new TestServerOptions();
        var server = new ServerOptions { Host = options.Host, Port = options.Port, Limits = options.Limits, Tls = options.Tls };
        if (options.MaxConnections is { } max)
        {
            server.Transport.MaxConnections = max;
        }

        if (options.TlsHandshakeTimeout is { } handshake)
        {
            server.Transport.TlsHandshakeTimeout = handshake;
        }

        server.Transport.IdleTimeout = options.IdleTimeout;
        if (options.EventLoops is { } loops)
        {
            server.Transport.EventLoops = loops;
        }

        // Tests close connections abruptly by design; nobody waits for a linger there.
        server.Transport.ShutdownTimeout = TimeSpan.FromSeconds(2);
        var certificate = options.Tls is { } tls ? TestCertificates.ReadCertificate(tls.ChainPath) : null;
        var directory = new TempDirectory();
        SnapshotService? snapshots = null;
        try
        {
            CoreStore store;
            string? data = null;
            if (options.Snapshots)
            {
                data = System.IO.Path.Combine(directory.Path, "data");
                store = StoreLoader.Load(data).Store;
                snapshots = new SnapshotService(new FlushGate(store, data), options.LocalSnapshots, NullLogger.Instance);
                snapshots.ScanExisting();
            }
            else
            {
                store = new CoreStore();
            }

            var auth = options.OriginKey is { } key ? new AuthProvider(store, key, hashCost: 4) : null;
            var context = new ServerContext(store, data, snapshots, auth);
            return Task.FromResult(new TestServer(SkydServer.Start(server, NullLoggerFactory.Instance, context), directory, snapshots, certificate));
        }
        catch
        {
            // A start that fails (a bad TLS key, a port in use) leaves nothing behind.
            snapshots?.Dispose();
            directory.Dispose();
            throw;
        }
    }

    /// <summary>A new raw connection to the server.</summary>
    public Task<RawClient> ConnectAsync() => RawClient.ConnectAsync(EndPoint);

    /// <summary>A new raw connection to the server's TLS port that trusts the server's certificate, offering
    /// <paramref name="protocols"/> (default: what the client's system allows).</summary>
    public Task<RawClient> ConnectTlsAsync(SslProtocols protocols = SslProtocols.None) =>
        RawClient.ConnectTlsAsync(SecureEndPoint, _certificate ?? throw new InvalidOperationException("the server has no TLS endpoint"), protocols);

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _server.StopAsync();
        await _server.DisposeAsync();
        _snapshots?.Dispose();
        Directory.Dispose();
    }
}
