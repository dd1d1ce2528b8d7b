using System.Net;
using Microsoft.Extensions.Logging;
using SkydFast.Engine;
using SkydFast.Engine.Connections;
using SkydFast.Network;
using SkydFast.Store;

namespace SkydFast.Host;

/// <summary>A running server: the store, the Skyhash handler and the listener, wired together.</summary>
public sealed partial class SkydServer : IAsyncDisposable
{
    private readonly SocketListener _listener;
    private readonly SkyhashConnectionHandler _handler;
    private readonly ILogger _logger;

    private SkydServer(ServerOptions options, ILoggerFactory loggers, ServerContext context)
    {
        _logger = loggers.CreateLogger("skyd");
        Context = context;
        Store = context.Store;
        _handler = new SkyhashConnectionHandler(context, options.Limits);
        var handler = _handler;
        _listener = new SocketListener(
            new IPEndPoint(options.Host, options.Port),
            options.Transport,
            connection => handler.RunAsync(connection.Input, connection.Output, connection.RequestQuickAck, connection.Stopping),
            loggers.CreateLogger("skyd::dbnet"));
    }

    /// <summary>What the server's connections share.</summary>
    public ServerContext Context { get; }

    /// <summary>The store being served.</summary>
    public CoreStore Store { get; }

    /// <summary>Connections open now.</summary>
    public int ConnectionCount => _listener.ConnectionCount;

    /// <summary>The bound address (the real port when 0 was asked for).</summary>
    public IPEndPoint EndPoint => _listener.LocalEndPoint;

    /// <summary>
    /// Binds, starts serving <paramref name="context"/>'s store (a fresh in-memory one, without persistence, if
    /// null) and logs <c>Server started on skyhash://host:port</c> (IPv6 hosts in brackets).
    /// </summary>
    public static SkydServer Start(ServerOptions options, ILoggerFactory loggers, ServerContext? context = null)
    {
        var server = new SkydServer(options, loggers, context ?? new ServerContext(new CoreStore()));
        try
        {
            server._listener.Start();
        }
        catch
        {
            server._handler.Dispose();
            throw;
        }

        LogStarted(server._logger, server.EndPoint);
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

    [LoggerMessage(Level = LogLevel.Information, Message = "Signalling all workers to shut down")]
    private static partial void LogSignalling(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Stopped accepting incoming connections")]
    private static partial void LogStoppedAccepting(ILogger logger);
}
