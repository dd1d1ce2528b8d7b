using System.Net;
using System.Net.Sockets;
using System.Text;

namespace SkydFast.Client.Tests;

/// <summary>Connections to test servers with short timeouts, so a broken test fails instead of hanging.</summary>
internal static class Connect
{
    public static SkyConnectionOptions Options(IPEndPoint endPoint) => new()
    {
        Host = endPoint.Address.ToString(),
        Port = endPoint.Port,
        ConnectTimeout = TimeSpan.FromSeconds(10),
        ReadTimeout = TimeSpan.FromSeconds(10),
    };

    public static Task<SkyConnection> ToAsync(TestServer server) => SkyConnection.ConnectAsync(Options(server.EndPoint));

    public static ReadOnlyMemory<byte>[] Args(params string[] args) => [.. args.Select(a => (ReadOnlyMemory<byte>)Encoding.UTF8.GetBytes(a))];

    /// <summary>The texts of values, for comparing with string lists.</summary>
    public static IEnumerable<string?> Texts(IEnumerable<SkyValue?> values) => values.Select(v => v?.Text);

    /// <summary>A port nothing listens on (bound, then released).</summary>
    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

/// <summary>
/// A fake server on 127.0.0.1 that answers every connection by the query's action: WHEREAMI and USE as a real server
/// would, HEYA with HEY! unless it is <c>HEYA slow</c>, which it never answers (to cancel a query in the shell).
/// </summary>
internal sealed class SlowServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _accepting;

    public SlowServer()
    {
        _listener.Start();
        _accepting = AcceptAsync();
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>How many connections were accepted.</summary>
    public int Connections;

    /// <summary>Completes when a <c>HEYA slow</c> arrived.</summary>
    public TaskCompletionSource SlowQueryArrived { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _accepting;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
        {
            // Stopped on purpose.
        }

        _stop.Dispose();
    }

    private async Task AcceptAsync()
    {
        while (!_stop.IsCancellationRequested)
        {
            var socket = await _listener.AcceptSocketAsync(_stop.Token);
            Interlocked.Increment(ref Connections);
            _ = ServeAsync(socket);
        }
    }

    private async Task ServeAsync(Socket socket)
    {
        using var _ = socket;
        await using var stream = new NetworkStream(socket);
        var buffer = new byte[4096];
        try
        {
            int read;
            while ((read = await stream.ReadAsync(buffer, _stop.Token)) > 0)
            {
                var query = Encoding.ASCII.GetString(buffer, 0, read);
                var reply = query.Contains("WHEREAMI", StringComparison.Ordinal) ? "*1\n^+2\n7\ndefault\n7\ndefault\n"
                    : query.Contains("USE", StringComparison.Ordinal) ? "*1\n!1\n0\n"
                    : query.Contains("slow", StringComparison.Ordinal) ? null
                    : "*1\n+4\nHEY!\n";
                if (reply is null)
                {
                    SlowQueryArrived.TrySetResult();
                }
                else
                {
                    await stream.WriteAsync(Encoding.ASCII.GetBytes(reply), _stop.Token);
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or IOException)
        {
            // The client or the test went away.
        }
    }
}

/// <summary>
/// A fake server on 127.0.0.1: accepts one connection, waits for the first bytes of a query, then does what the test
/// says (answer given bytes, stay silent, close). For replies no real server would send.
/// </summary>
internal sealed class FakeServer : IAsyncDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Task _serving;
    private readonly CancellationTokenSource _stop = new();

    private FakeServer(Func<NetworkStream, CancellationToken, Task> afterQuery, bool readFirst)
    {
        _listener.Start();
        _serving = ServeAsync(afterQuery, readFirst);
    }

    public IPEndPoint EndPoint => (IPEndPoint)_listener.LocalEndpoint;

    /// <summary>Answers <paramref name="reply"/> to the first query, then keeps the connection open (or closes it).</summary>
    public static FakeServer Answering(string reply, bool thenClose = false) => new(
        async (stream, token) =>
        {
            await stream.WriteAsync(Encoding.Latin1.GetBytes(reply), token);
            if (!thenClose)
            {
                await Task.Delay(Timeout.Infinite, token);
            }
        },
        readFirst: true);

    /// <summary>Reads queries and never answers.</summary>
    public static FakeServer Silent() => new((_, token) => Task.Delay(Timeout.Infinite, token), readFirst: true);

    /// <summary>Accepts and says nothing, not even reading (a TLS client waits for a handshake that never comes).</summary>
    public static FakeServer Mute() => new((_, token) => Task.Delay(Timeout.Infinite, token), readFirst: false);

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        _listener.Stop();
        try
        {
            await _serving;
        }
        catch (Exception e) when (e is OperationCanceledException or SocketException or IOException or ObjectDisposedException)
        {
            // Stopped on purpose.
        }

        _stop.Dispose();
    }

    private async Task ServeAsync(Func<NetworkStream, CancellationToken, Task> afterQuery, bool readFirst)
    {
        using var socket = await _listener.AcceptSocketAsync(_stop.Token);
        await using var stream = new NetworkStream(socket);
        if (readFirst)
        {
            var buffer = new byte[4096];
            await stream.ReadAtLeastAsync(buffer, 1, throwOnEndOfStream: false, _stop.Token);
        }

        await afterQuery(stream, _stop.Token);
    }
}
