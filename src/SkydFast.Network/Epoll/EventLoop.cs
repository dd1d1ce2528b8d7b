using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;

namespace SkydFast.Network.Epoll;

/// <summary>
/// One thread, one epoll set, its share of the plain TCP connections: wait for events, and for each ready socket
/// receive, let the session answer, send. The session runs right here, so a request costs a receive, a send and a
/// share of one epoll wait, and no thread ever hands a request to another (Redis's event loop, one per core).
/// Other threads talk to a loop only through <see cref="Post"/>.
/// </summary>
internal sealed partial class EventLoop : IDisposable
{
    /// <summary>Requests from other threads.</summary>
    internal enum Command : byte
    {
        Add,
        Resume,
        ResumeAndClose,
        Abort,
        Stop,
        Exit,
    }

    private const ulong WakeTag = ulong.MaxValue;
    private const int MaxEvents = 256;

    // While connections drain after FIN, wake this often to end those whose linger is over.
    private const int DrainTickMs = 50;

    private readonly int _wake;
    private readonly SessionFactory _sessions;
    private readonly ILogger _logger;
    private readonly ConcurrentQueue<(EpollConnection? Connection, Command Command)> _commands = new();
    private readonly byte[] _events = new byte[MaxEvents * EpollNative.EventSize];
    private readonly Thread _thread;
    private readonly Stack<int> _freeSlots = new();
    private readonly Lock _gate = new();
    private bool _disposed;
    private EpollConnection?[] _slots = new EpollConnection?[64];
    private int _used;
    private int _open;
    private bool _exiting;
    private long _nextIdleSweep;

    internal EventLoop(int index, TransportOptions options, SessionFactory sessions, ILogger logger)
    {
        Options = options;
        _sessions = sessions;
        _logger = logger;
        Epoll = EpollNative.CreateEpoll();
        try
        {
            _wake = EpollNative.CreateEventFd();
            EpollNative.Add(Epoll, _wake, EpollNative.In, WakeTag);
        }
        catch
        {
            EpollNative.CloseDescriptor(Epoll);
            throw;
        }

        _thread = new Thread(Run) { IsBackground = true, Name = $"skyd-loop-{index}" };
        _thread.Start();
    }

    internal TransportOptions Options { get; }

    internal int Epoll { get; }

    /// <summary>Where draining connections' bytes are read to and dropped.</summary>
    internal byte[] Scratch { get; } = new byte[4096];

    /// <summary>Connections in <see cref="EpollConnection.Phase.Draining"/>.</summary>
    internal int Draining { get; set; }

    /// <summary>Takes a new connection: it is started on the loop's thread.</summary>
    internal EpollConnection Add(Socket socket, CancellationToken stopping)
    {
        var connection = new EpollConnection(this, socket, stopping);
        Post(connection, Command.Add);
        return connection;
    }

    /// <summary>Asks every connection to finish up and close.</summary>
    internal void Stop() => Post(null, Command.Stop);

    /// <summary>Queues <paramref name="command"/> and wakes the loop.</summary>
    internal void Post(EpollConnection? connection, Command command)
    {
        // Under the gate: once the loop is disposed its eventfd number may belong to another file, and a late
        // resume from a worker must not write to that.
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _commands.Enqueue((connection, command));
            EpollNative.Signal(_wake);
        }
    }

    /// <summary>A closed connection leaves its slot.</summary>
    internal void Forget(EpollConnection connection)
    {
        _slots[connection.Slot] = null;
        _freeSlots.Push(connection.Slot);
        _open--;
    }

    /// <summary>Closes every connection left and ends the thread.</summary>
    public void Dispose()
    {
        Post(null, Command.Exit);
        _thread.Join();
        lock (_gate)
        {
            if (_disposed)
            {
                return;
            }

            _disposed = true;
            EpollNative.CloseDescriptor(_wake);
            EpollNative.CloseDescriptor(Epoll);
        }
    }

    private void Run()
    {
        var idle = Options.IdleTimeout;
        _nextIdleSweep = Environment.TickCount64 + SweepInterval(idle);
        while (!_exiting)
        {
            var timeout = Draining > 0 ? DrainTickMs : idle > TimeSpan.Zero ? (int)SweepInterval(idle) : -1;
            var count = EpollNative.Wait(Epoll, _events, timeout);
            for (var i = 0; i < count; i++)
            {
                var tag = EpollNative.TagOf(_events, i);
                if (tag == WakeTag)
                {
                    EpollNative.Drain(_wake);
                    RunCommands();
                    continue;
                }

                if (_slots[(int)tag] is { } connection)
                {
                    Guard(connection, EpollNative.EventsOf(_events, i));
                }
            }

            if (Draining > 0 || idle > TimeSpan.Zero)
            {
                Sweep(idle);
            }
        }

        foreach (var connection in _slots)
        {
            connection?.Close();
        }
    }

    private void Guard(EpollConnection connection, uint events)
    {
        try
        {
            connection.OnEvents(events);
        }
        catch (Exception ex)
        {
            // A failure in one connection's request ends that connection, never the loop and its other clients.
            LogConnectionFailed(_logger, ex);
            connection.Close();
        }
    }

    private void RunCommands()
    {
        while (_commands.TryDequeue(out var item))
        {
            var (connection, command) = item;
            try
            {
                switch (command)
                {
                    case Command.Add:
                        Place(connection!);
                        connection!.Start(_sessions);
                        break;
                    case Command.Resume:
                        connection!.OnResume(close: false);
                        break;
                    case Command.ResumeAndClose:
                        LogConnectionFailed(_logger, connection!.Failure!);
                        connection.OnResume(close: true);
                        break;
                    case Command.Abort:
                        connection!.OnAbort();
                        break;
                    case Command.Stop:
                        ForEach(c => c.OnStop());
                        break;
                    case Command.Exit:
                        _exiting = true;
                        break;
                }
            }
            catch (Exception ex)
            {
                LogConnectionFailed(_logger, ex);
                connection?.Close();
            }
        }
    }

    private void Place(EpollConnection connection)
    {
        if (!_freeSlots.TryPop(out var slot))
        {
            if (_used == _slots.Length)
            {
                Array.Resize(ref _slots, _slots.Length * 2);
            }

            slot = _used++;
        }

        connection.Slot = slot;
        _slots[slot] = connection;
        _open++;
    }

    private void Sweep(TimeSpan idle)
    {
        var now = Environment.TickCount64;
        var idleDue = idle > TimeSpan.Zero && now >= _nextIdleSweep;
        if (idleDue)
        {
            _nextIdleSweep = now + SweepInterval(idle);
        }

        var idleMs = (long)idle.TotalMilliseconds;
        ForEach(connection =>
        {
            if (connection.State == EpollConnection.Phase.Draining && now >= connection.DrainDeadline)
            {
                connection.Close();
            }
            else if (idleDue && connection.IsWaitingForClient && now - connection.LastReceive >= idleMs)
            {
                LogIdleTimeout(_logger, connection.RemoteEndPoint);
                connection.OnIdle();
            }
        });
    }

    private void ForEach(Action<EpollConnection> action)
    {
        for (var i = 0; i < _used; i++)
        {
            if (_slots[i] is { } connection)
            {
                action(connection);
            }
        }
    }

    // Idle connections are found within a quarter of the timeout, and at least once a second.
    private static long SweepInterval(TimeSpan idle) =>
        Math.Clamp((long)(idle.TotalMilliseconds / 4), 10, 1000);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Closing idle connection {Remote}")]
    private static partial void LogIdleTimeout(ILogger logger, EndPoint? remote);

    [LoggerMessage(Level = LogLevel.Error, Message = "Connection failed")]
    private static partial void LogConnectionFailed(ILogger logger, Exception exception);
}
