using System.Net;
using System.Net.Sockets;
using System.Security.Authentication;
using System.Security.Cryptography;
using System.Text;

namespace SkydFast.Server.Tests.Tls;

/// <summary>
/// TLS on the wire (persistence-and-config.md §9-10, DECISIONS.md 17): Skyhash inside TLS 1.2/1.3 byte for byte, the
/// multi and TLS-only modes, one connection limit for both listeners, and handshakes that fail or stall.
/// </summary>
public sealed class TlsListenerTests : IDisposable
{
    // Alert records (RFC 5246 §7.2): level 2 is fatal.
    private const byte AlertRecord = 0x15;
    private const byte HandshakeRecord = 0x16;
    private const byte FatalLevel = 2;
    private const byte HandshakeFailure = 40;
    private const byte ProtocolVersion = 70;

    // TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256: in the intermediate profile.
    private static readonly ushort[] GcmSuite = [0xc02f];

    // ECDHE-RSA and RSA with AES-CBC, SHA-2 and SHA-1 MACs: .NET's defaults on OpenSSL 3 accept the SHA-2 ones, the
    // intermediate profile none.
    private static readonly ushort[] CbcSuites = [0xc027, 0xc028, 0xc013, 0xc014, 0x003c, 0x003d, 0x002f, 0x0035];

    private readonly TestCertificates _certs = TestCertificates.Create();

    public void Dispose() => _certs.Dispose();

    [Fact]
    public async Task TlsOnlyModeServesTlsAndBindsNoPlainPort()
    {
        // The plain port is held bound (not listening) by the test: a server that tried to bind it would fail to start,
        // and a plain client finds nobody listening.
        using var held = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        held.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var plainPort = ((IPEndPoint)held.LocalEndPoint!).Port;
        await using var server = await TestServer.StartAsync(new TestServerOptions { Port = plainPort, Tls = _certs.Settings(only: true) });

        await using var client = await server.ConnectTlsAsync();
        Assert.Equal(Replies.Heya, await client.QueryAsync("HEYA"));
        Assert.Equal(Replies.Okay, await client.QueryAsync("SET", "k", "v"));
        Assert.Equal("*1\n?1\nv\n", await client.QueryAsync("GET", "k"));

        var refused = await Assert.ThrowsAsync<SocketException>(() => RawClient.ConnectAsync(new IPEndPoint(IPAddress.Loopback, plainPort)));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
        Assert.Throws<InvalidOperationException>(() => server.EndPoint);
    }

    [Fact]
    public async Task MultiModeServesPlainAndTlsClientsFromOneStore()
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { Tls = _certs.Settings() });
        Assert.NotEqual(server.EndPoint.Port, server.SecureEndPoint.Port);
        await using var plain = await server.ConnectAsync();
        await using var secure = await server.ConnectTlsAsync();

        Assert.Equal(Replies.Okay, await plain.QueryAsync("SET", "from-plain", "1"));
        Assert.Equal(Replies.Okay, await secure.QueryAsync("SET", "from-tls", "2"));
        Assert.Equal("*1\n?1\n1\n", await secure.QueryAsync("GET", "from-plain"));
        Assert.Equal("*1\n?1\n2\n", await plain.QueryAsync("GET", "from-tls"));
        Assert.Equal("*1\n:1\n2\n", await secure.QueryAsync("DBSIZE"));
    }

    [Theory]
    [InlineData(SslProtocols.Tls12)]
    [InlineData(SslProtocols.Tls13)]
    public async Task BothTls12AndTls13AreServed(SslProtocols protocol)
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { Tls = _certs.Settings(only: true) });
        await using var client = await server.ConnectTlsAsync(protocol);
        Assert.Equal(protocol, client.Tls!.SslProtocol);
        Assert.Equal(Replies.Heya, await client.QueryAsync("HEYA"));
    }

    [Fact]
    public async Task AQueryWrittenByteByByteInSeparateRecordsIsAnswered()
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { Tls = _certs.Settings(only: true) });
        await using var client = await RawClient.ConnectTlsAsync(server.SecureEndPoint, _certs.Certificate, noDelay: false);
        foreach (var query in new[] { RawClient.Encode("SET"u8.ToArray(), "key"u8.ToArray(), "hello"u8.ToArray()), RawClient.Encode("GET"u8.ToArray(), "key"u8.ToArray()) })
        {
            for (var i = 0; i < query.Length; i++)
            {
                await client.SendAsync(query.AsMemory(i, 1));
            }
        }

        Assert.Equal(Replies.Okay, await client.ReadResponseAsync());
        Assert.Equal("*1\n?5\nhello\n", await client.ReadResponseAsync());
    }

    [Fact]
    public async Task AQuerySplitAtEveryOffsetIsAnswered()
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { Tls = _certs.Settings(only: true) });
        await using var client = await server.ConnectTlsAsync();
        var query = RawClient.Encode("HEYA"u8.ToArray(), "split"u8.ToArray());
        for (var split = 1; split < query.Length; split++)
        {
            await client.SendAsync(query.AsMemory(0, split));
            await client.SendAsync(query.AsMemory(split));
            Assert.Equal("*1\n+5\nsplit\n", await client.ReadResponseAsync());
        }
    }

    [Fact]
    public async Task APipelineIsAnsweredInOnePacket()
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { Tls = _certs.Settings(only: true) });
        await using var client = await server.ConnectTlsAsync();
        var reply = await client.PipelineAsync(["SET", "a", "1"], ["GET", "a"], ["GET", "missing"], ["HEYA"], ["DEL", "a"]);
        Assert.Equal("*5\n!1\n0\n?1\n1\n!1\n1\n+4\nHEY!\n:1\n1\n", reply);
    }

    [Fact]
    public async Task ALargeValueCrossesManyRecordsBothWays()
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { Tls = _certs.Settings(only: true) });
        await using var client = await server.ConnectTlsAsync();
        var value = new byte[3 * 1024 * 1024];
        Random.Shared.NextBytes(value);
        Assert.Equal(Replies.Okay, await client.QueryAsync("SET"u8.ToArray(), "big"u8.ToArray(), value));
        var reply = await client.QueryAsync("GET"u8.ToArray(), "big"u8.ToArray());
        Assert.Equal($"*1\n?{value.Length}\n" + Encoding.Latin1.GetString(value) + "\n", reply);
    }

    [Fact]
    public async Task GarbageInsteadOfAClientHelloIsDroppedSilentlyAndOthersAreServed()
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { Tls = _certs.Settings() });
        await using var confused = await RawClient.ConnectAsync(server.SecureEndPoint);
        await confused.SendAsync(RawClient.Encode("HEYA"u8.ToArray()));
        Assert.Empty(await confused.ReadUntilCloseAsync(TimeSpan.FromSeconds(5)));

        await using var secure = await server.ConnectTlsAsync();
        await using var plain = await server.ConnectAsync();
        Assert.Equal(Replies.Heya, await secure.QueryAsync("HEYA"));
        Assert.Equal(Replies.Heya, await plain.QueryAsync("HEYA"));
    }

    [Fact]
    public async Task AStalledHandshakeHoldsItsSlotOnlyUntilTheHandshakeTimeout()
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions
        {
            Tls = _certs.Settings(only: true),
            MaxConnections = 1,
            TlsHandshakeTimeout = TimeSpan.FromSeconds(1),
        });
        await using var staller = await RawClient.ConnectAsync(server.SecureEndPoint);
        var closed = staller.WaitForCloseAsync(TimeSpan.FromSeconds(10));

        // The staller has the only slot: the next client sits in the backlog, its ClientHello unread.
        var next = server.ConnectTlsAsync();
        Assert.NotSame(next, await Task.WhenAny(next, Task.Delay(500)));

        // The server drops the staller, which frees the slot for the waiting client.
        Assert.True(await closed);
        await using var client = await next;
        Assert.Equal(Replies.Heya, await client.QueryAsync("HEYA"));
    }

    [Fact]
    public async Task AStalledHandshakeDelaysNobodyElseAndGetsTenSecondsByDefault()
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { Tls = _certs.Settings() });
        await using var staller = await RawClient.ConnectAsync(server.SecureEndPoint);
        await staller.SendAsync(new byte[] { HandshakeRecord, 3, 1 });
        var closed = staller.WaitForCloseAsync(TimeSpan.FromSeconds(2));

        await using var secure = await server.ConnectTlsAsync();
        Assert.Equal(Replies.Heya, await secure.QueryAsync("HEYA"));
        await using var plain = await server.ConnectAsync();
        Assert.Equal(Replies.Heya, await plain.QueryAsync("HEYA"));
        Assert.False(await closed);
    }

    [Fact]
    public async Task StopDoesNotWaitForAStalledHandshake()
    {
        var server = await TestServer.StartAsync(new TestServerOptions { Tls = _certs.Settings(only: true) });
        await using var staller = await RawClient.ConnectAsync(server.SecureEndPoint);
        await Task.Delay(200);

        // Stopping cancels the handshake at once; were it left to the stop's shutdown timeout (2 s in tests), or to the
        // 10 s handshake timeout, the staller would still be connected here.
        var stopping = server.DisposeAsync().AsTask();
        Assert.True(await staller.WaitForCloseAsync(TimeSpan.FromSeconds(1.5)));
        await stopping;
    }

    [Fact]
    public async Task ATls11ClientHelloIsRefusedWithAProtocolVersionAlert()
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { Tls = _certs.Settings(only: true) });
        await using var client = await RawClient.ConnectAsync(server.SecureEndPoint);
        await client.SendAsync(ClientHello(version: 0x0302, GcmSuite));
        var answer = await client.ReadUntilCloseAsync(TimeSpan.FromSeconds(5));
        Assert.Equal([AlertRecord, 3, 2, 0, 2, FatalLevel, ProtocolVersion], answer);
    }

    [Fact]
    public async Task ATls12ClientHelloWithOnlyCbcCiphersIsRefusedAndWithGcmIsAnswered()
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { Tls = _certs.Settings(only: true) });
        await using (var cbc = await RawClient.ConnectAsync(server.SecureEndPoint))
        {
            await cbc.SendAsync(ClientHello(version: 0x0303, CbcSuites));
            var answer = await cbc.ReadUntilCloseAsync(TimeSpan.FromSeconds(5));
            Assert.Equal([AlertRecord, 3, 3, 0, 2, FatalLevel, HandshakeFailure], answer);
        }

        // The same hello with an intermediate-profile suite gets a ServerHello: the hello itself is well formed.
        await using var gcm = await RawClient.ConnectAsync(server.SecureEndPoint);
        await gcm.SendAsync(ClientHello(version: 0x0303, GcmSuite));
        var first = new byte[1];
        Assert.Equal(1, await gcm.Socket.ReceiveAsync(first));
        Assert.Equal(HandshakeRecord, first[0]);
    }

    [Fact]
    public async Task ARefusedTlsClientSeesAnAuthenticationFailure()
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { Tls = _certs.Settings(only: true) });
#pragma warning disable SYSLIB0039, CA5397 // TLS 1.1 on purpose: the server must refuse it.
        var refused = RawClient.ConnectTlsAsync(server.SecureEndPoint, _certs.Certificate, SslProtocols.Tls11);
#pragma warning restore SYSLIB0039, CA5397
        await Assert.ThrowsAsync<AuthenticationException>(() => refused);
        await using var client = await server.ConnectTlsAsync();
        Assert.Equal(Replies.Heya, await client.QueryAsync("HEYA"));
    }

    [Fact]
    public async Task PlainAndTlsConnectionsShareOneConnectionLimit()
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { Tls = _certs.Settings(), MaxConnections = 2 });
        var plain = await server.ConnectAsync();
        var secure = await server.ConnectTlsAsync();
        Assert.Equal(Replies.Heya, await plain.QueryAsync("HEYA"));
        Assert.Equal(Replies.Heya, await secure.QueryAsync("HEYA"));

        // Two connections are the limit for both ports together: a third on either waits in the backlog.
        await using var waitingPlain = await server.ConnectAsync();
        await waitingPlain.SendAsync(RawClient.Encode("HEYA"u8.ToArray()));
        var plainReply = waitingPlain.ReadResponseAsync();
        var waitingSecure = server.ConnectTlsAsync();
        Assert.NotSame(plainReply, await Task.WhenAny(plainReply, Task.Delay(500)));
        Assert.NotSame(waitingSecure, await Task.WhenAny(waitingSecure, Task.Delay(100)));

        await plain.DisposeAsync();
        await secure.DisposeAsync();
        Assert.Equal(Replies.Heya, await plainReply);
        await using var late = await waitingSecure;
        Assert.Equal(Replies.Heya, await late.QueryAsync("HEYA"));
    }

    [Fact]
    public async Task AnIdleTlsConnectionIsClosedByTheIdleTimeout()
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { Tls = _certs.Settings(only: true), IdleTimeout = TimeSpan.FromSeconds(1) });
        await using var idle = await server.ConnectTlsAsync();
        await using var busy = await server.ConnectTlsAsync();
        var closed = idle.WaitForCloseAsync(TimeSpan.FromSeconds(10));
        for (var i = 0; i < 6; i++)
        {
            Assert.Equal(Replies.Heya, await busy.QueryAsync("HEYA"));
            await Task.Delay(300);
        }

        Assert.True(await closed);
        Assert.Equal(Replies.Heya, await busy.QueryAsync("HEYA"));
    }

    [Fact]
    public async Task StopClosesTlsConnectionsAfterTheQueryInHand()
    {
        var server = await TestServer.StartAsync(new TestServerOptions { Tls = _certs.Settings(only: true) });
        await using var idle = await server.ConnectTlsAsync();
        await using var partial = await server.ConnectTlsAsync();
        Assert.Equal(Replies.Heya, await idle.QueryAsync("HEYA"));
        await partial.SendAsync("*1\n~2\n4\nHEYA\n"u8.ToArray());

        await server.DisposeAsync();

        Assert.True(await idle.WaitForCloseAsync(TimeSpan.FromSeconds(10)));
        Assert.True(await partial.WaitForCloseAsync(TimeSpan.FromSeconds(10)));
    }

    /// <summary>
    /// A ClientHello record built by hand (RFC 5246 §7.4.1.2), so the test controls exactly which version and suites
    /// are offered, whatever the client library of this machine would allow: supported groups x25519 and P-256,
    /// uncompressed points, RSA-PKCS1 and RSA-PSS signatures with SHA-256.
    /// </summary>
    private static byte[] ClientHello(ushort version, ushort[] suites)
    {
        var extensions = new List<byte>();
        AddExtension(extensions, 0x000a, [0, 4, 0, 0x1d, 0, 0x17]);
        AddExtension(extensions, 0x000b, [1, 0]);
        AddExtension(extensions, 0x000d, [0, 4, 4, 1, 8, 4]);

        var body = new List<byte> { (byte)(version >> 8), (byte)version };
        body.AddRange(RandomNumberGenerator.GetBytes(32));
        body.Add(0);
        AddLength16(body, suites.Length * 2);
        foreach (var suite in suites)
        {
            body.Add((byte)(suite >> 8));
            body.Add((byte)suite);
        }

        body.AddRange([1, 0]);
        AddLength16(body, extensions.Count);
        body.AddRange(extensions);

        var handshake = new List<byte> { 1, 0 };
        AddLength16(handshake, body.Count);
        handshake.AddRange(body);

        var record = new List<byte> { HandshakeRecord, 3, 1 };
        AddLength16(record, handshake.Count);
        record.AddRange(handshake);
        return [.. record];
    }

    private static void AddExtension(List<byte> extensions, ushort type, byte[] data)
    {
        extensions.Add((byte)(type >> 8));
        extensions.Add((byte)type);
        AddLength16(extensions, data.Length);
        extensions.AddRange(data);
    }

    private static void AddLength16(List<byte> bytes, int length)
    {
        bytes.Add((byte)(length >> 8));
        bytes.Add((byte)length);
    }
}
