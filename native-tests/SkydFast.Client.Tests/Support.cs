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
