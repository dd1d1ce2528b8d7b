using System.Net;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography.X509Certificates;
using System.Text;

namespace SkydFast.Testing;

/// <summary>
/// A Skyhash client at the byte level, for tests: it sends exactly the bytes asked for and reads exactly one
/// response packet by the response grammar (skyhash-1.0.md §6), returned as a Latin-1 string so that every
/// byte maps to one char and assertions compare bytes exactly while printing readably. Over TLS
/// (<see cref="ConnectTlsAsync"/>) it does the same through an <see cref="SslStream"/>.
/// </summary>
public sealed class RawClient : IAsyncDisposable
{
    /// <summary>How long a read waits before the test fails instead of hanging.</summary>
    public static readonly TimeSpan ReadTimeout = TimeSpan.FromSeconds(10);

    private readonly Socket _socket;
    private readonly SslStream? _tls;
    private readonly byte[] _buffer = new byte[64 * 1024];
    private int _start;
    private int _end;

    private RawClient(Socket socket, SslStream? tls = null)
    {
        _socket = socket;
        _tls = tls;
    }

    /// <summary>Connects to <paramref name="endPoint"/>.</summary>
    public static async Task<RawClient> ConnectAsync(IPEndPoint endPoint, bool noDelay = true) =>
        new(await OpenSocketAsync(endPoint, noDelay));

    /// <summary>
    /// Connects to <paramref name="endPoint"/> and completes a TLS handshake that trusts exactly
    /// <paramref name="trusted"/>, offering <paramref name="protocols"/> (<see cref="SslProtocols.None"/>: what the
    /// system allows). Throws <see cref="AuthenticationException"/> or <see cref="IOException"/> when the server refuses,
    /// <see cref="OperationCanceledException"/> after <see cref="ReadTimeout"/>.
    /// </summary>
    public static async Task<RawClient> ConnectTlsAsync(IPEndPoint endPoint, X509Certificate2 trusted, SslProtocols protocols = SslProtocols.None, bool noDelay = true)
    {
        var socket = await OpenSocketAsync(endPoint, noDelay);
        var tls = new SslStream(new NetworkStream(socket, ownsSocket: false));
        var options = new SslClientAuthenticationOptions
        {
            TargetHost = "localhost",
            EnabledSslProtocols = protocols,
            RemoteCertificateValidationCallback = (_, certificate, _, _) => certificate is not null && certificate.GetCertHashString() == trusted.Thumbprint,
        };
        using var timeout = new CancellationTokenSource(ReadTimeout);
        try
        {
            await tls.AuthenticateAsClientAsync(options, timeout.Token);
        }
        catch
        {
            await tls.DisposeAsync();
            socket.Dispose();
            throw;
        }

        return new RawClient(socket, tls);
    }

    /// <summary>The connection's socket (to shut down one direction, for instance; under TLS, the raw TCP socket).</summary>
    public Socket Socket => _socket;

    /// <summary>The TLS stream, for a client from <see cref="ConnectTlsAsync"/>; null otherwise.</summary>
    public SslStream? Tls => _tls;

    /// <summary>Encodes a simple query as every 0.7 client does: <c>*1\n~n\n</c> then each item.</summary>
    public static byte[] Encode(params byte[][] args)
    {
        using var packet = new MemoryStream();
        packet.Write(Ascii("*1\n"));
        WriteAnyArray(packet, args);
        return packet.ToArray();
    }

    /// <summary>Encodes one packet whose stages are AnyArrays of UTF-8 arguments.</summary>
    public static byte[] EncodePipeline(params string[][] stages)
    {
        using var packet = new MemoryStream();
        packet.Write(Ascii($"*{stages.Length}\n"));
        foreach (var stage in stages)
        {
            WriteAnyArray(packet, [.. stage.Select(Encoding.UTF8.GetBytes)]);
        }

        return packet.ToArray();
    }

    /// <summary>The bytes of <paramref name="text"/> as Latin-1: the inverse of what the read methods return.</summary>
    public static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    /// <summary>Sends a simple query of UTF-8 arguments and returns its response packet.</summary>
    public Task<string> QueryAsync(params string[] args) => QueryAsync([.. args.Select(Encoding.UTF8.GetBytes)]);

    /// <summary>Sends a simple query of binary arguments and returns its response packet.</summary>
    public async Task<string> QueryAsync(params byte[][] args)
    {
        await SendAsync(Encode(args));
        return await ReadResponseAsync();
    }

    /// <summary>Sends one pipelined packet and returns its (single) response packet.</summary>
    public async Task<string> PipelineAsync(params string[][] stages)
    {
        await SendAsync(EncodePipeline(stages));
        return await ReadResponseAsync();
    }

    /// <summary>Sends raw bytes (as one TLS record, over TLS).</summary>
    public async Task SendAsync(ReadOnlyMemory<byte> bytes)
    {
        if (_tls is not null)
        {
            await _tls.WriteAsync(bytes);
            return;
        }

        while (!bytes.IsEmpty)
        {
            var sent = await _socket.SendAsync(bytes, SocketFlags.None);
            bytes = bytes[sent..];
        }
    }

    /// <summary>
    /// Reads exactly one response packet: a metaframe and its elements, or the bare element upstream sends for a
    /// datatype parse failure. Throws <see cref="TimeoutException"/> after <see cref="ReadTimeout"/>.
    /// </summary>
    public async Task<string> ReadResponseAsync()
    {
        using var timeout = new CancellationTokenSource(ReadTimeout);
        var packet = new StringBuilder();
        try
        {
            var first = await PeekAsync(timeout.Token);
            if (first == '*')
            {
                var count = await ReadNumberLineAsync(packet, skip: 1, timeout.Token);
                for (var i = 0L; i < count; i++)
                {
                    await ReadElementAsync(packet, timeout.Token);
                }
            }
            else
            {
                await ReadElementAsync(packet, timeout.Token);
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"no complete response within {ReadTimeout}; got so far: {Show(packet.ToString())}");
        }

        return packet.ToString();
    }

    /// <summary>
    /// Waits until the server closes the connection (true) or <paramref name="timeout"/> passes (false).
    /// Bytes that arrive meanwhile are discarded.
    /// </summary>
    public async Task<bool> WaitForCloseAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            while (true)
            {
                if (_start < _end)
                {
                    _start = _end;
                }

                if (await FillAsync(cts.Token) == 0)
                {
                    return true;
                }
            }
        }
        catch (OperationCanceledException)
        {
            return false;
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return true;
        }
    }

    /// <summary>
    /// Every byte the server sends until it closes the connection (a reset counts as a close); throws
    /// <see cref="TimeoutException"/> if it is still open after <paramref name="timeout"/>.
    /// </summary>
    public async Task<byte[]> ReadUntilCloseAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var received = new MemoryStream();
        try
        {
            while (true)
            {
                received.Write(_buffer, _start, _end - _start);
                _start = _end;
                if (await FillAsync(cts.Token) == 0)
                {
                    return received.ToArray();
                }
            }
        }
        catch (OperationCanceledException)
        {
            throw new TimeoutException($"the server still had the connection open after {timeout}");
        }
        catch (Exception ex) when (ex is SocketException or IOException)
        {
            return received.ToArray();
        }
    }

    /// <summary>Escapes line feeds and control bytes, for messages.</summary>
    public static string Show(string packet)
    {
        var sb = new StringBuilder();
        foreach (var c in packet)
        {
            sb.Append(c switch
            {
                '\n' => "\\n",
                '\0' => "\\0",
                < ' ' or > '~' => $"\\x{(int)c:x2}",
                _ => c.ToString(),
            });
        }

        return sb.ToString();
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        if (_tls is not null)
        {
            await _tls.DisposeAsync();
        }

        _socket.Dispose();
    }

    private static byte[] Ascii(string s) => Encoding.ASCII.GetBytes(s);

    private static void WriteAnyArray(MemoryStream packet, byte[][] items)
    {
        packet.Write(Ascii($"~{items.Length}\n"));
        foreach (var item in items)
        {
            packet.Write(Ascii($"{item.Length}\n"));
            packet.Write(item);
            packet.WriteByte((byte)'\n');
        }
    }

    private async Task ReadElementAsync(StringBuilder packet, CancellationToken token)
    {
        var symbol = (char)await PeekAsync(token);
        switch (symbol)
        {
            case '+' or '?' or '!' or '%':
                {
                    var length = await ReadNumberLineAsync(packet, skip: 1, token);
                    await ReadExactAsync(packet, length + 1, token);
                    break;
                }

            case ':':
                {
                    var digits = await ReadNumberLineAsync(packet, skip: 1, token);
                    await ReadExactAsync(packet, digits + 1, token);
                    break;
                }

            case '@' or '^':
                {
                    var count = await ReadNumberLineAsync(packet, skip: 2, token);
                    for (var i = 0L; i < count; i++)
                    {
                        if (await PeekAsync(token) == 0)
                        {
                            // The null entry of a typed array.
                            await ReadExactAsync(packet, 2, token);
                            continue;
                        }

                        var length = await ReadNumberLineAsync(packet, skip: 0, token);
                        await ReadExactAsync(packet, length + 1, token);
                    }

                    break;
                }

            case '&' or '_':
                {
                    var count = await ReadNumberLineAsync(packet, skip: 1, token);
                    for (var i = 0L; i < count; i++)
                    {
                        await ReadElementAsync(packet, token);
                    }

                    break;
                }

            default:
                throw new InvalidDataException($"unknown response symbol {(int)symbol} after {Show(packet.ToString())}");
        }
    }

    /// <summary>Reads a line of <paramref name="skip"/> symbol bytes then decimal digits.</summary>
    private async Task<long> ReadNumberLineAsync(StringBuilder packet, int skip, CancellationToken token)
    {
        long value = 0;
        var position = 0;
        while (true)
        {
            var b = await ReadByteAsync(packet, token);
            if (b == '\n')
            {
                return value;
            }

            if (position++ >= skip)
            {
                if (b is < (byte)'0' or > (byte)'9')
                {
                    throw new InvalidDataException($"bad digit {b} in {Show(packet.ToString())}");
                }

                value = (value * 10) + (b - '0');
            }
        }
    }

    private async Task ReadExactAsync(StringBuilder packet, long count, CancellationToken token)
    {
        for (var i = 0L; i < count; i++)
        {
            await ReadByteAsync(packet, token);
        }
    }

    private async Task<byte> ReadByteAsync(StringBuilder packet, CancellationToken token)
    {
        var b = await PeekAsync(token);
        _start++;
        packet.Append((char)b);
        return b;
    }

    private async Task<byte> PeekAsync(CancellationToken token)
    {
        if (_start == _end && await FillAsync(token) == 0)
        {
            throw new EndOfStreamException("the server closed the connection");
        }

        return _buffer[_start];
    }

    private async Task<int> FillAsync(CancellationToken token)
    {
        _start = 0;
        _end = _tls is null ? await _socket.ReceiveAsync(_buffer, SocketFlags.None, token) : await _tls.ReadAsync(_buffer, token);
        return _end;
    }

    private static async Task<Socket> OpenSocketAsync(IPEndPoint endPoint, bool noDelay)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = noDelay };
        try
        {
            await socket.ConnectAsync(endPoint);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return socket;
    }
}
