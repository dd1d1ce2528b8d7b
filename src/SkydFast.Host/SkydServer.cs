using System.Net;
using Microsoft.Extensions.Logging;
using SkydFast.Engine;
using SkydFast.Engine.Connections;
using SkydFast.Host.Tls;
using SkydFast.Network;
using SkydFast.Store;

namespace SkydFast.Host;

/// <summary>A running server: the store, the Skyhash handler and the listener, wired together.</summary>
public sealed partial class SkydServer : IAsyncDisposable
{
    private readonly SocketListener _listener;
    private readonly SkyhashConnectionHandler _handler;
    private readonly ILogger _logger;

    private SkydServer(SocketListener listener, SkyhashConnectionHandler handler, ILogger logger, ServerContext context, IPEndPoint? endPoint, IPEndPoint? secureEndPoint)
    {
        _listener = listener;
        _handler = handler;
        _logger = logger;
        Context = context;
        Store = context.Store;
        EndPoint = endPoint;
        SecureEndPoint = secureEndPoint;
    }

    /// <summary>What the server's connections share.</summary>
    public ServerContext Context { get; }

    /// <summary>The store being served.</summary>
    public CoreStore Store { get; }

    /// <summary>Connections and bytes so far, on every listener.</summary>
    public TransportCounters Counters => _listener.Counters;

    /// <summary>The bound plain TCP address (the real port when 0 was asked for); null in TLS-only mode.</summary>
    public IPEndPoint? EndPoint { get; }

    /// <summary>The bound TLS address (the real port when 0 was asked for); null without TLS.</summary>
    public IPEndPoint? SecureEndPoint { get; }

    /// <summary>
    /// Reads the TLS key and chain if configured, binds the plain port unless TLS-only and the TLS port if TLS is on,
    /// starts serving <paramref name="context"/>'s store (a fresh in-memory one, without persistence, if null) and logs
    /// <c>Server started on skyhash://host:port</c>, <c>skyhash-secure://host:sslport</c> or both joined by
    /// <c> and </c> (IPv6 hosts in brackets). Throws <see cref="TlsSetupException"/> for an unusable key or chain and
    /// <see cref="System.Net.Sockets.SocketException"/> when a port cannot be bound; then nothing is left bound.
    /// </summary>
    public static SkydServer Start(ServerOptions options, ILoggerFactory loggers, ServerContext? context = null)
    {
        context ??= new ServerContext(new CoreStore());
        var tls = options.Tls;
        var certificate = tls is null ? null : TlsCertificateLoader.Load(tls);
        var endpoints = new List<ListenerEndPoint>();
        if (tls is not { Only: true })
        {
            endpoints.Add(new ListenerEndPoint(new IPEndPoint(options.Host, options.Port)));
        }

        if (tls is not null)
        {
            endpoints.Add(new ListenerEndPoint(new IPEndPoint(options.Host, tls.Port), certificate));
        }

        var handler = new SkyhashConnectionHandler(context, options.Limits);
        SocketListener listener;
        try
        {
            listener = new SocketListener(
                endpoints,
                options.Transport,
                connection => handler.RunAsync(connection.Input, connection.Output, connection.RequestQuickAck, connection.Stopping),
                connection => new EventLoopSession(handler, connection),
                loggers.CreateLogger("skyd::dbnet"));
        }
        catch
        {
            handler.Dispose();
            throw;
        }

        listener.Start();

        var bound = listener.LocalEndPoints;
        var server = new SkydServer(
            listener,
            handler,
            loggers.CreateLogger("skyd"),
            context,
            endPoint: tls is { Only: true } ? null : bound[0],
            secureEndPoint: tls is null ? null : bound[^1]);
        switch (server.EndPoint, server.SecureEndPoint)
        {
            case ({ } plain, { } secure):
                LogStartedBoth(server._logger, plain, secure);
                break;
            case ({ } plain, null):
                LogStarted(server._logger, plain);
                break;
            case (null, { } secure):
                LogStartedSecure(server._logger, secure);
                break;
        }

        return server;
    }

    /// <summary>Stops accepting, lets each connection finish the query in hand, closes them.</summary>
    public async Task StopAsync()
    {
        LogSignalling(_logger);
        await _listener.StopAsync();
        LogStoppedAccepting(_logger);
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _listener.DisposeAsync();
        _handler.Dispose();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Server started on skyhash://{EndPoint}")]
    private static partial void LogStarted(ILogger logger, IPEndPoint endPoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Server started on skyhash-secure://{SecureEndPoint}")]
    private static partial void LogStartedSecure(ILogger logger, IPEndPoint secureEndPoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Server started on skyhash://{EndPoint} and skyhash-secure://{SecureEndPoint}")]
    private static partial void LogStartedBoth(ILogger logger, IPEndPoint endPoint, IPEndPoint secureEndPoint);

    [LoggerMessage(Level = LogLevel.Information, Message = "Signalling all workers to shut down")]
    private static partial void LogSignalling(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped accepting incoming connections")]
    private static partial void LogStoppedAccepting(ILogger logger);
}
