using System.Buffers;
using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using SkydFast.Client.Protocol;

namespace SkydFast.Client;

/// <summary>
/// One connection to a Skytable 0.7 server (skyd or skyd-fast), over TCP or TLS. Every action is a typed async method;
/// <see cref="QueryAsync(ReadOnlyMemory{byte}[])"/> sends anything and <see cref="PipelineAsync"/> sends several
/// queries in one round trip. Calls from several threads are served one at a time, in the order they arrive.
/// </summary>
/// <remarks>
/// Errors: an error answer where a method expects data is a <see cref="SkyhashException"/> and the connection stays
/// usable. A malformed reply (<see cref="SkyProtocolException"/>), a lost connection (<see cref="IOException"/>), a read
/// timeout (<see cref="TimeoutException"/>) or a cancellation after the query was sent
/// (<see cref="OperationCanceledException"/>) close the connection, since the next reply could no longer be told from
/// this one's rest; later calls throw <see cref="IOException"/>. A cancellation before anything was sent leaves it open.
/// </remarks>
public sealed partial class SkyConnection : IAsyncDisposable, IDisposable
{
    private const int InitialBufferSize = 16 * 1024;

    // A reply buffer grown past this goes back to the pool after the reply, so one large LGET does not pin it.
    private const int KeepBufferSize = 1024 * 1024;

    private readonly Socket _socket;
    private readonly Stream _stream;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly PacketBuffer _out = new(InitialBufferSize, pooled: true);
    private readonly SkyResponseParser _parser;
    private readonly TimeSpan _readTimeout;
    private CancellationTokenSource _timer = new();
    private byte[] _in = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
    private int _received;
    private Exception? _fault;
    private int _disposed;
    private SessionEffects _effects;

    private SkyConnection(Socket socket, Stream stream, SkyConnectionOptions options)
    {
        _socket = socket;
        _stream = stream;
        _readTimeout = options.ReadTimeout;
        _parser = new SkyResponseParser(options.MaxResponseBytes);
        RemoteEndPoint = socket.RemoteEndPoint as IPEndPoint;
        IsTls = stream is SslStream;
    }

    /// <summary>The server's address.</summary>
    public IPEndPoint? RemoteEndPoint { get; }

    /// <summary>True when the connection runs over TLS.</summary>
    public bool IsTls { get; }

    /// <summary>True once the connection was disposed or closed after an error; every call then throws.</summary>
    public bool IsClosed => Volatile.Read(ref _fault) is not null || Volatile.Read(ref _disposed) != 0;

    /// <summary>True while a call holds the connection.</summary>
    internal bool IsBusy => _gate.CurrentCount == 0;

    /// <summary>What the queries sent since the last <see cref="ClearSessionEffects"/> may have changed.</summary>
    internal SessionEffects Effects => _effects;

    /// <summary>Connects to <paramref name="host"/>:<paramref name="port"/> over plain TCP with default options.</summary>
    public static Task<SkyConnection> ConnectAsync(string host = "127.0.0.1", int port = 2003, CancellationToken cancellationToken = default) =>
        ConnectAsync(new SkyConnectionOptions { Host = host, Port = port }, cancellationToken);

    /// <summary>
    /// Connects as <paramref name="options"/> say: TCP, then TLS if asked, then <c>AUTH LOGIN</c> and <c>USE</c> if
    /// given. Throws <see cref="SkyConnectException"/> when the server cannot be reached or the handshake fails, and
    /// <see cref="SkyhashException"/> when the login or USE is refused.
    /// </summary>
    public static async Task<SkyConnection> ConnectAsync(SkyConnectionOptions options, CancellationToken cancellationToken = default)
    {
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        if (options.ConnectTimeout != Timeout.InfiniteTimeSpan)
        {
            deadline.CancelAfter(options.ConnectTimeout);
        }

        Socket? socket = null;
        Stream? stream = null;
        try
        {
            socket = await OpenSocketAsync(options.Host, options.Port, deadline.Token);
            stream = new NetworkStream(socket, ownsSocket: true);
            if (options.UseTls)
            {
                var tls = new SslStream(stream, leaveInnerStreamOpen: false);
                stream = tls;
                await tls.AuthenticateAsClientAsync(TlsOptions(options), deadline.Token);
            }
        }
        catch (Exception e)
        {
            if (stream is not null)
            {
                await stream.DisposeAsync();
            }

            socket?.Dispose();
            throw e switch
            {
                OperationCanceledException when cancellationToken.IsCancellationRequested => e,
                OperationCanceledException => new SkyConnectException($"could not connect to {options.Address}: no answer within {options.ConnectTimeout.TotalSeconds:0.###} s", e),
                SocketException socketError => new SkyConnectException($"could not connect to {options.Address}: {socketError.Message}", e),
                AuthenticationException or IOException => new SkyConnectException($"could not connect to {options.Address}: TLS handshake failed: {e.Message}", e),
                _ => e,
            };
        }

        var connection = new SkyConnection(socket, stream, options);
        try
        {
            if (options.Username is { } user)
            {
                if (!await connection.AuthLoginAsync(user, options.Token ?? string.Empty, cancellationToken))
                {
                    throw new SkyhashException("AUTH LOGIN", new SkyCode(SkyResponseCode.BadCredentials));
                }
            }

            if (options.Entity is { } entity)
            {
                await connection.UseAsync(entity, cancellationToken);
            }

            // What the options asked for is the connection's starting state, not a change a pool must undo.
            connection.ClearSessionEffects();
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    /// <summary>
    /// Sends one query made of <paramref name="args"/> (the action first, then its arguments, all as raw bytes) and
    /// returns the server's reply as it is: an error answer is a <see cref="SkyCode"/> or <see cref="SkyErrorString"/>
    /// element, not an exception.
    /// </summary>
    public Task<SkyElement> QueryAsync(params ReadOnlyMemory<byte>[] args) => QueryAsync(args, CancellationToken.None);

    /// <summary>Sends one query made of <paramref name="args"/> and returns the reply as it is.</summary>
    public async Task<SkyElement> QueryAsync(IReadOnlyList<ReadOnlyMemory<byte>> args, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        try
        {
            _out.Clear();
            _out.WriteHeader((byte)'*', 1);
            _out.WriteHeader((byte)'~', args.Count);
            for (var i = 0; i < args.Count; i++)
            {
                _out.WriteItem(args[i].Span);
            }

            _effects |= args.Count == 0 ? SessionEffects.None
                : SessionEffectsOf.Query(args[0], args.Count > 1 ? args[1] : default, args.Count);
            return await ExchangeSingleAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Sends <paramref name="query"/> and returns the reply as it is.</summary>
    public async Task<SkyElement> QueryAsync(SkyQuery query, CancellationToken cancellationToken = default)
    {
        await EnterAsync(cancellationToken);
        try
        {
            _out.Clear();
            _out.WriteHeader((byte)'*', 1);
            query.WriteTo(_out);
            _effects |= query.Effects;
            return await ExchangeSingleAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Sends every stage of <paramref name="pipeline"/> in one packet and returns one reply per stage, in order. When
    /// the server refuses the whole pipeline with one error (an anonymous connection on a server with auth answers
    /// code 10 once, whatever the stage count) this throws <see cref="SkyhashException"/>.
    /// </summary>
    public async Task<IReadOnlyList<SkyElement>> PipelineAsync(SkyPipeline pipeline, CancellationToken cancellationToken = default)
    {
        if (pipeline.Count == 0)
        {
            throw new ArgumentException("a pipeline needs at least one stage", nameof(pipeline));
        }

        await EnterAsync(cancellationToken);
        try
        {
            _out.Clear();
            _out.WriteHeader((byte)'*', pipeline.Count);
            foreach (var query in pipeline.Queries)
            {
                query.WriteTo(_out);
            }

            _effects |= pipeline.Effects;
            var replies = await ExchangeAsync(cancellationToken);
            if (replies.Count == pipeline.Count)
            {
                return replies;
            }

            if (replies.Count == 1 && replies[0].IsError)
            {
                throw new SkyhashException("pipeline", replies[0]);
            }

            throw Fault(new SkyProtocolException($"{replies.Count} replies to a pipeline of {pipeline.Count} stages"));
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Closes the connection. A call in progress fails with <see cref="IOException"/>.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0)
        {
            return;
        }

        _stream.Dispose();
        _socket.Dispose();

        // The buffers go back to the pool only if no call is using them; otherwise the collector takes them.
        if (_gate.Wait(0))
        {
            _out.Release();
            ArrayPool<byte>.Shared.Return(_in);
            _in = [];
            _timer.Dispose();

            // Callers queued behind the gate wake up, see the connection closed and throw.
            _gate.Release();
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>Forgets the changes recorded so far (after a pool undid them, or for the options' own login and USE).</summary>
    internal void ClearSessionEffects() => _effects = SessionEffects.None;

    /// <summary>Sends a typed method's query and returns its one reply.</summary>
    private async Task<SkyElement> RunAsync(Command command, CancellationToken cancellationToken)
    {
        await EnterAsync(cancellationToken);
        try
        {
            _out.Clear();
            _out.WriteHeader((byte)'*', 1);
            command.WriteTo(_out);
            _effects |= command.Effects;
            return await ExchangeSingleAsync(cancellationToken);
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task EnterAsync(CancellationToken cancellationToken)
    {
        ThrowIfClosed();
        await _gate.WaitAsync(cancellationToken);
        if (IsClosed)
        {
            _gate.Release();
            ThrowIfClosed();
        }
    }

    private void ThrowIfClosed()
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        if (Volatile.Read(ref _fault) is { } fault)
        {
            throw new IOException($"the connection was closed after an earlier error: {fault.Message}", fault);
        }
    }

    private async Task<SkyElement> ExchangeSingleAsync(CancellationToken cancellationToken)
    {
        var replies = await ExchangeAsync(cancellationToken);
        return replies.Count == 1
            ? replies[0]
            : throw Fault(new SkyProtocolException($"{replies.Count} replies to a single query"));
    }

    /// <summary>Sends the packet in <see cref="_out"/> and reads one reply packet. The caller holds the gate.</summary>
    private async Task<IReadOnlyList<SkyElement>> ExchangeAsync(CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (!_timer.TryReset())
        {
            _timer.Dispose();
            _timer = new CancellationTokenSource();
        }

        var token = _timer.Token;
        using var registration = cancellationToken.UnsafeRegister(static timer => ((CancellationTokenSource)timer!).Cancel(), _timer);
        ArmTimer();
        try
        {
            await _stream.WriteAsync(_out.Memory, token);
            ArmTimer();
            _parser.Reset();
            _received = 0;
            while (true)
            {
                if (_parser.Advance(_in.AsSpan(0, _received), out var replies))
                {
                    if (_parser.Consumed != _received)
                    {
                        throw new SkyProtocolException($"malformed reply at byte {_parser.Consumed}: {_received - _parser.Consumed} bytes after the packet");
                    }

                    ShrinkInput();
                    return replies;
                }

                GrowInput(_parser.MinimumLength);
                var read = await _stream.ReadAsync(_in.AsMemory(_received), token);
                if (read == 0)
                {
                    throw new IOException(_received == 0
                        ? "the server closed the connection"
                        : $"the server closed the connection after {_received} bytes of the reply");
                }

                _received += read;
                ArmTimer();
            }
        }
        catch (OperationCanceledException e) when (cancellationToken.IsCancellationRequested)
        {
            throw new OperationCanceledException("the query was cancelled; the connection is closed", Fault(e), cancellationToken);
        }
        catch (OperationCanceledException e)
        {
            throw new TimeoutException($"no reply within {_readTimeout.TotalSeconds:0.###} s; the connection is closed", Fault(e));
        }
        catch (SkyProtocolException e)
        {
            throw Fault(e);
        }
        catch (Exception e) when (e is IOException or SocketException or ObjectDisposedException)
        {
            var fault = Fault(e);
            throw fault as IOException ?? new IOException($"connection lost: {e.Message}", e);
        }
    }

    private void ArmTimer()
    {
        if (_readTimeout != Timeout.InfiniteTimeSpan)
        {
            _timer.CancelAfter(_readTimeout);
        }
    }

    /// <summary>Marks the connection closed because of <paramref name="error"/>, closes it, and returns the error.</summary>
    private Exception Fault(Exception error)
    {
        Interlocked.CompareExchange(ref _fault, error, null);
        _stream.Dispose();
        _socket.Dispose();
        return error;
    }

    private void GrowInput(int needed)
    {
        if (needed <= _in.Length && _received < _in.Length)
        {
            return;
        }

        var grown = ArrayPool<byte>.Shared.Rent((int)Math.Min(Array.MaxLength, Math.Max(needed, (long)_in.Length * 2)));
        _in.AsSpan(0, _received).CopyTo(grown);
        ArrayPool<byte>.Shared.Return(_in);
        _in = grown;
    }

    private void ShrinkInput()
    {
        _received = 0;
        if (_in.Length > KeepBufferSize)
        {
            ArrayPool<byte>.Shared.Return(_in);
            _in = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
        }
    }

    private static async Task<Socket> OpenSocketAsync(string host, int port, CancellationToken cancellationToken)
    {
        var addresses = IPAddress.TryParse(host, out var literal) ? [literal] : await Dns.GetHostAddressesAsync(host, cancellationToken);
        SocketException? last = null;
        foreach (var address in addresses)
        {
            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, port), cancellationToken);
                return socket;
            }
            catch (SocketException e)
            {
                socket.Dispose();
                last = e;
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw last ?? new SocketException((int)SocketError.HostNotFound);
    }

    private static SslClientAuthenticationOptions TlsOptions(SkyConnectionOptions options)
    {
        var tls = new SslClientAuthenticationOptions
        {
            TargetHost = options.TlsTargetHost ?? options.Host,
            EnabledSslProtocols = options.TlsProtocols,
        };
        if (options.CertificateValidation is { } validate)
        {
            tls.RemoteCertificateValidationCallback = validate;
        }
        else if (options.TrustedCertificates.Count > 0)
        {
            // The system's roots plus the given ones: .NET builds the chain once with the system store; if that fails,
            // the chain is rebuilt against the given certificates alone. The name check applies either way.
            tls.RemoteCertificateValidationCallback = (_, certificate, _, errors) =>
                errors == SslPolicyErrors.None
                || (errors == SslPolicyErrors.RemoteCertificateChainErrors && certificate is X509Certificate2 leaf
                    && ChainsTo(leaf, options.TrustedCertificates));
        }

        return tls;
    }

    private static bool ChainsTo(X509Certificate2 leaf, X509Certificate2Collection roots)
    {
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        chain.ChainPolicy.CustomTrustStore.AddRange(roots);
        return chain.Build(leaf);
    }
}
