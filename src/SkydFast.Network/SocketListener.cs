using System.Collections.Concurrent;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SkydFast.Network.Epoll;

namespace SkydFast.Network;

/// <summary>
/// Accepts TCP connections on one or more endpoints, plain or TLS, and runs a <see cref="ConnectionHandler"/> for
/// each, up to <see cref="TransportOptions.MaxConnections"/> at once over all endpoints together (persistence-and-
/// config.md §9: the plain and the TLS listener share one limit).
/// </summary>
public sealed partial class SocketListener : IAsyncDisposable
{
    private const int MaxAcceptBackoffSeconds = 64;

    private readonly TransportOptions _options;
    private readonly ConnectionHandler _handler;
    private readonly ILogger _logger;
    private readonly Socket[] _listenSockets;

    // Per endpoint: how to authenticate as a TLS server there, or null for plain TCP.
    private readonly SslServerAuthenticationOptions?[] _tls;
    private readonly SemaphoreSlim _slots;
    private readonly CancellationTokenSource _stopping = new();
    private long _closedReceived;
    private long _closedSent;
    private readonly ConcurrentDictionary<long, (IListenedConnection Connection, Task Task)> _connections = new();

    // Event loops for the plain endpoints (Linux, with a session factory and EventLoops above 0), or none.
    private readonly EventLoop[] _loops;
    private int _nextLoop;
    private Task[] _acceptLoops = [];
    private long _nextId;
    private int _stopped;

    /// <summary>Binds every endpoint of <paramref name="endpoints"/>, or none of them if one fails.</summary>
    /// <param name="endpoints">Where to listen, plain or TLS.</param>
    /// <param name="options">Limits and timeouts.</param>
    /// <param name="handler">Serves TLS connections, and plain ones when there are no event loops.</param>
    /// <param name="sessions">
    /// Serves plain connections on <see cref="TransportOptions.EventLoops"/> event loops (Linux only); null or no
    /// loops: <paramref name="handler"/> serves them too.
    /// </param>
    /// <param name="logger">Where failures go.</param>
    public SocketListener(
        IReadOnlyList<ListenerEndPoint> endpoints,
        TransportOptions options,
        ConnectionHandler handler,
        SessionFactory? sessions = null,
        ILogger? logger = null)
    {
        _options = options;
        _handler = handler;
        _logger = logger ?? NullLogger.Instance;
        _slots = new SemaphoreSlim(options.MaxConnections, options.MaxConnections);
        _tls = [.. endpoints.Select(e => e.Certificate is { } certificate ? TlsProfile.ServerOptions(certificate) : null)];
        _listenSockets = new Socket[endpoints.Count];
        try
        {
            for (var i = 0; i < endpoints.Count; i++)
            {
                _listenSockets[i] = Bind(endpoints[i].EndPoint);
            }
        }
        catch
        {
            foreach (var socket in _listenSockets)
            {
                socket?.Dispose();
            }

            _slots.Dispose();
            _stopping.Dispose();
            throw;
        }

        LocalEndPoints = [.. _listenSockets.Select(s => (IPEndPoint)s.LocalEndPoint!)];
        var loops = sessions is not null && OperatingSystem.IsLinux() && _tls.Any(t => t is null) ? options.EventLoops : 0;
        _loops = new EventLoop[loops];
        for (var i = 0; i < loops; i++)
        {
            _loops[i] = new EventLoop(i, options, sessions!, _logger);
        }
    }

    /// <summary>The bound addresses in the order of the endpoints given, with the real port when 0 was asked for.</summary>
    public IReadOnlyList<IPEndPoint> LocalEndPoints { get; }

    /// <summary>Connections open now.</summary>
    public int ConnectionCount => _connections.Count;

    /// <summary>What every endpoint's connections did so far, the open ones included.</summary>
    public TransportCounters Counters
    {
        get
        {
            long received = Interlocked.Read(ref _closedReceived);
            long sent = Interlocked.Read(ref _closedSent);
            var open = 0;
            foreach (var (connection, _) in _connections.Values)
            {
                received += connection.BytesReceived;
                sent += connection.BytesSent;
                open++;
            }

            return new TransportCounters(open, Interlocked.Read(ref _nextId), received, sent);
        }
    }

    /// <summary>Starts accepting on every endpoint.</summary>
    public void Start() => _acceptLoops = [.. Enumerable.Range(0, _listenSockets.Length).Select(AcceptLoopAsync)];

    /// <summary>
    /// Stops accepting, asks every handler to finish the request in hand and return, waits up to
    /// <see cref="TransportOptions.ShutdownTimeout"/>, then aborts what is left.
    /// </summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) != 0)
        {
            return;
        }

        // Cancel first, so the accept loop reads the aborted accept as a stop rather than a failure.
        await _stopping.CancelAsync();
        foreach (var socket in _listenSockets)
        {
            socket.Dispose();
        }

        await Task.WhenAll(_acceptLoops);
        foreach (var loop in _loops)
        {
            loop.Stop();
        }

        var all = Task.WhenAll(_connections.Values.Select(c => c.Task));
        if (await Task.WhenAny(all, Task.Delay(_options.ShutdownTimeout)) != all)
        {
            foreach (var (connection, _) in _connections.Values)
            {
                connection.Abort();
            }

            await all;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        foreach (var loop in _loops)
        {
            loop.Dispose();
        }

        _stopping.Dispose();
        _slots.Dispose();
    }

    private static Socket Bind(IPEndPoint endpoint)
    {
        var socket = new Socket(endpoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
        try
        {
            if (endpoint.AddressFamily == AddressFamily.InterNetworkV6)
            {
                // "::1" means IPv6 only, as upstream binds it; no surprise IPv4 exposure.
                socket.DualMode = false;
            }

            // No ReuseAddress: on Linux .NET maps it to SO_REUSEPORT as well, which would let a second server
            // bind the same port silently. The runtime already sets plain SO_REUSEADDR for restarts.
            socket.Bind(endpoint);
            socket.Listen(512);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task AcceptLoopAsync(int index)
    {
        var listenSocket = _listenSockets[index];
        var tls = _tls[index];
        var token = _stopping.Token;
        var backoff = 1;
        while (!token.IsCancellationRequested)
        {
            try
            {
                // At the limit, wait for a slot before accepting: new clients queue in the backlog. The slots are
                // shared, so in multi mode an endpoint idle in accept holds one, as upstream's listeners do.
                await _slots.WaitAsync(token);
            }
            catch (OperationCanceledException)
            {
                return;
            }

            Socket socket;
            try
            {
                socket = await listenSocket.AcceptAsync(token);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
            {
                _slots.Release();
                return;
            }
            catch (SocketException ex) when (token.IsCancellationRequested)
            {
                _slots.Release();
                LogAcceptStopped(_logger, ex.SocketErrorCode);
                return;
            }
            catch (SocketException ex)
            {
                // Out of file descriptors or a similar shortage: back off 1, 2, 4 ... 64 s as upstream does,
                // but keep trying at 64 s rather than giving up on every future client.
                _slots.Release();
                LogAcceptFailed(_logger, ex.SocketErrorCode, backoff);
                try
                {
                    await Task.Delay(TimeSpan.FromSeconds(backoff), token);
                }
                catch (OperationCanceledException)
                {
                    return;
                }

                backoff = Math.Min(backoff * 2, MaxAcceptBackoffSeconds);
                continue;
            }

            backoff = 1;
            socket.NoDelay = true;
            var id = Interlocked.Increment(ref _nextId);
            var gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            IListenedConnection connection;
            Task task;
            if (tls is null && _loops.Length > 0)
            {
                socket.Blocking = false;
                var loop = _loops[(int)((uint)Interlocked.Increment(ref _nextLoop) % (uint)_loops.Length)];
                var served = loop.Add(socket, token);
                connection = served;
                task = TrackAsync(id, served, served.Closed.Task, gate.Task);
            }
            else
            {
                // A TLS connection handshakes on its own task, never here: a client that stalls must not stop the accepts.
                TransportConnection transport = tls is null
                    ? new SocketConnection(socket, _options, _logger, token)
                    : new TlsConnection(socket, tls, _options, _logger, token);
                connection = transport;
                task = TrackAsync(id, transport, RunConnectionAsync(transport), gate.Task);
            }

            _connections[id] = (connection, task);
            gate.SetResult();
        }
    }

    private async Task RunConnectionAsync(TransportConnection connection)
    {
        // Leave the accept loop at once.
        await Task.Yield();
        await connection.RunAsync(_handler);
    }

    private async Task TrackAsync(long id, IListenedConnection connection, Task serving, Task registered)
    {
        try
        {
            await serving;
        }
        finally
        {
            // The gate makes sure the connection is registered before it can leave.
            await registered;
            // Folded in before leaving the set: a reader in between may count these bytes twice, never not at all.
            Interlocked.Add(ref _closedReceived, connection.BytesReceived);
            Interlocked.Add(ref _closedSent, connection.BytesSent);
            _connections.TryRemove(id, out _);
            _slots.Release();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Accepting a connection failed: {Error}; retrying in {Seconds} s")]
    private static partial void LogAcceptFailed(ILogger logger, SocketError error, int seconds);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Listener closed ({Error})")]
    private static partial void LogAcceptStopped(ILogger logger, SocketError error);
}
