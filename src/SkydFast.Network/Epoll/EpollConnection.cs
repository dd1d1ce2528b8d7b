using System.Buffers;
using System.Net;
using System.Net.Sockets;

namespace SkydFast.Network.Epoll;

/// <summary>
/// One plain TCP connection served by an <see cref="EventLoop"/>: receive into <see cref="_input"/>, let the session
/// take what it can, send its replies at once. Everything here runs on the loop's thread, except <see cref="Resume"/>
/// and <see cref="Abort"/>, which post to it.
/// </summary>
internal sealed class EpollConnection : EventConnection, IListenedConnection
{
    // A receive asks for at least this much room; a typical GET or SET is a few dozen bytes.
    private const int MinReceive = 4096;

    private readonly ByteQueue _input = new();
    private readonly ByteQueue _output = new();
    private readonly EventLoop _loop;
    private readonly Socket _socket;
    private long _bytesReceived;
    private long _bytesSent;
    private long _needed;
    private uint _interest;
    private bool _registered;
    private bool _paused;
    private bool _peerClosed;
    private AfterResume _afterResume;
    private ConnectionSession? _session;

    internal EpollConnection(EventLoop loop, Socket socket, CancellationToken stopping)
    {
        _loop = loop;
        _socket = socket;
        Fd = (int)socket.Handle;
        RemoteEndPoint = socket.RemoteEndPoint;
        Stopping = stopping;
    }

    internal enum Phase : byte
    {
        /// <summary>Reading and answering.</summary>
        Open,

        /// <summary>A blocking action runs off the loop; the connection is out of the epoll set.</summary>
        Suspended,

        /// <summary>Sending the last replies, then FIN.</summary>
        Closing,

        /// <summary>FIN sent: discarding what the client still sends until it closes or the linger ends.</summary>
        Draining,

        /// <summary>Gone.</summary>
        Closed,
    }

    /// <summary>What a suspended connection does when its blocking action is done.</summary>
    private enum AfterResume : byte
    {
        /// <summary>Go on reading.</summary>
        None,

        /// <summary>Send the replies, then close (the server is stopping).</summary>
        Finish,

        /// <summary>Close at once (aborted).</summary>
        Abort,
    }

    public override IBufferWriter<byte> Output => _output;

    public override CancellationToken Stopping { get; }

    /// <summary>The client's address.</summary>
    internal EndPoint? RemoteEndPoint { get; }

    public long BytesReceived => Volatile.Read(ref _bytesReceived);

    public long BytesSent => Volatile.Read(ref _bytesSent);

    /// <summary>Completes when the connection is closed.</summary>
    internal TaskCompletionSource Closed { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    internal int Fd { get; }

    internal int Slot { get; set; }

    internal Phase State { get; private set; }

    /// <summary>When the client last sent bytes (<see cref="Environment.TickCount64"/>).</summary>
    internal long LastReceive { get; private set; }

    /// <summary>In <see cref="Phase.Draining"/>: when to stop waiting for the client to close.</summary>
    internal long DrainDeadline { get; private set; }

    /// <summary>Whether the connection waits for the client (not for it to read replies, not for a blocking action).</summary>
    internal bool IsWaitingForClient => State == Phase.Open && _output.Length == 0;

    public override void Resume(Exception? failure = null)
    {
        Failure = failure;
        _loop.Post(this, failure is null ? EventLoop.Command.Resume : EventLoop.Command.ResumeAndClose);
    }

    /// <summary>What the blocking action threw, if it did; read by the loop after the resume was posted.</summary>
    internal Exception? Failure { get; private set; }

    public void Abort() => _loop.Post(this, EventLoop.Command.Abort);

    /// <summary>Joins the loop: the session is created and the socket enters the epoll set.</summary>
    internal void Start(SessionFactory sessions)
    {
        LastReceive = Environment.TickCount64;
        _session = sessions(this);
        if (!Register(EpollNative.In))
        {
            Close();
        }
    }

    internal void OnEvents(uint events)
    {
        if ((events & EpollNative.Out) != 0 && State is Phase.Open or Phase.Closing)
        {
            Flush();
        }

        if ((events & (EpollNative.In | EpollNative.Hup | EpollNative.Err)) != 0)
        {
            switch (State)
            {
                case Phase.Open:
                    Receive();
                    break;
                case Phase.Draining:
                    Discard();
                    break;
                case Phase.Closing when (events & (EpollNative.Hup | EpollNative.Err)) != 0:
                    // The client is gone while replies wait: nobody will read them.
                    Close();
                    break;
            }
        }
    }

    /// <summary>Back from a blocking action: answer what came meanwhile, or close as asked.</summary>
    internal void OnResume(bool close)
    {
        if (State != Phase.Suspended)
        {
            return;
        }

        State = Phase.Open;
        if (_afterResume == AfterResume.Abort)
        {
            Close();
            return;
        }

        if (close || _afterResume == AfterResume.Finish)
        {
            BeginClose();
            return;
        }

        if (!Register(EpollNative.In))
        {
            Close();
            return;
        }

        if (_input.Length > 0)
        {
            Process();
        }
        else
        {
            Flush();
        }
    }

    /// <summary>The server stops: finish up and close (a suspended connection once its action is done).</summary>
    internal void OnStop()
    {
        switch (State)
        {
            case Phase.Open:
                BeginClose();
                break;
            case Phase.Suspended:
                _afterResume = AfterResume.Finish;
                break;
        }
    }

    /// <summary>Closes now; a suspended connection as soon as its action is done (its session is in use).</summary>
    internal void OnAbort()
    {
        if (State == Phase.Suspended)
        {
            _afterResume = AfterResume.Abort;
            return;
        }

        Close();
    }

    /// <summary>Idle for too long: end it as if the client had closed.</summary>
    internal void OnIdle()
    {
        if (State == Phase.Open)
        {
            BeginClose();
        }
    }

    /// <summary>Closes the socket and frees everything; the slot is the loop's to free.</summary>
    internal void Close()
    {
        if (State is Phase.Closed or Phase.Suspended)
        {
            return;
        }

        if (State == Phase.Draining)
        {
            _loop.Draining--;
        }

        if (_registered)
        {
            EpollNative.Remove(_loop.Epoll, Fd);
            _registered = false;
        }

        State = Phase.Closed;
        _socket.Dispose();
        _session?.Dispose();
        _input.Release();
        _output.Release();
        _loop.Forget(this);
        Closed.TrySetResult();
    }

    private void Receive()
    {
        var room = _input.GetSpan((int)Math.Clamp(_needed - _input.Length, MinReceive, int.MaxValue));
        var received = EpollNative.Receive(Fd, room);
        if (received == -EpollNative.EAgain)
        {
            return;
        }

        if (received <= 0)
        {
            if (received == 0)
            {
                // The client is done sending: what it sent whole was answered; send the rest of the replies and close.
                _peerClosed = true;
                BeginClose();
            }
            else
            {
                Close();
            }

            return;
        }

        _input.Advance(received);
        Volatile.Write(ref _bytesReceived, _bytesReceived + received);
        LastReceive = Environment.TickCount64;
        Process();
    }

    private void Process()
    {
        if (_input.Length < _needed)
        {
            // More of a large request to come: acknowledge at once (see QuickAck).
            QuickAck.Request(_socket);
            return;
        }

        var outcome = _session!.Receive(_input.Pending, out var consumed, out _needed);
        _input.Consume(consumed);
        switch (outcome)
        {
            case SessionOutcome.Continue:
                if (_input.Length > 0)
                {
                    QuickAck.Request(_socket);
                }

                Flush();
                break;
            case SessionOutcome.Close:
                BeginClose();
                break;
            case SessionOutcome.Suspend:
                Suspend();
                break;
        }
    }

    private void Suspend()
    {
        // The replies before the blocking one go out now, as far as the socket takes them; the rest wait for it.
        Send();
        if (_registered)
        {
            EpollNative.Remove(_loop.Epoll, Fd);
            _registered = false;
            _interest = 0;
        }

        State = Phase.Suspended;
        _session!.StartBlocking();
    }

    private void BeginClose()
    {
        State = Phase.Closing;
        _input.Release();
        Flush();
    }

    /// <summary>Sends what the socket takes, then watches for what the connection waits for next.</summary>
    private void Flush()
    {
        if (!Send())
        {
            Close();
            return;
        }

        if (State == Phase.Closing && _output.Length == 0)
        {
            FinishSending();
            return;
        }

        uint wanted;
        if (State == Phase.Closing)
        {
            wanted = EpollNative.Out;
        }
        else
        {
            // Back-pressure: a client that does not read its replies is not read from either, until half of them
            // are gone.
            var pending = _output.Length;
            if (pending >= _loop.Options.OutputPauseThreshold)
            {
                _paused = true;
            }
            else if (pending < _loop.Options.OutputPauseThreshold / 2)
            {
                _paused = false;
            }

            wanted = (_paused ? 0 : EpollNative.In) | (pending > 0 ? EpollNative.Out : 0);
        }

        if (!Register(wanted))
        {
            Close();
        }
    }

    /// <summary>Sends until the socket is full; false when the connection failed.</summary>
    private bool Send()
    {
        while (_output.Length > 0)
        {
            var sent = EpollNative.Send(Fd, _output.Pending);
            if (sent == 0)
            {
                return true;
            }

            if (sent < 0)
            {
                return false;
            }

            _output.Consume(sent);
            Volatile.Write(ref _bytesSent, _bytesSent + sent);
        }

        return true;
    }

    private void FinishSending()
    {
        var linger = _loop.Options.LingerOnClose;
        if (_peerClosed || linger <= TimeSpan.Zero)
        {
            Close();
            return;
        }

        // FIN after the last reply; what the client still sends is read and dropped, so the kernel does not answer
        // unread data with a reset that could destroy that reply.
        EpollNative.ShutdownSend(Fd);
        State = Phase.Draining;
        DrainDeadline = Environment.TickCount64 + (long)linger.TotalMilliseconds;
        _loop.Draining++;
        if (!Register(EpollNative.In))
        {
            Close();
        }
    }

    private void Discard()
    {
        var received = EpollNative.Receive(Fd, _loop.Scratch);
        if (received != -EpollNative.EAgain && received <= 0)
        {
            Close();
        }
    }

    private bool Register(uint events)
    {
        if (_registered)
        {
            if (events == _interest)
            {
                return true;
            }

            _interest = events;
            return EpollNative.Modify(_loop.Epoll, Fd, events, (ulong)Slot);
        }

        _interest = events;
        _registered = EpollNative.Add(_loop.Epoll, Fd, events, (ulong)Slot);
        return _registered;
    }
}
