using System.Net;
using System.Net.Sockets;
using Microsoft.Extensions.Logging;
using SkydFast.Host;
using SkydFast.Host.Tls;

namespace SkydFast.Server.Tests.Tls;

/// <summary>
/// Starting with TLS (persistence-and-config.md §4 step 11): the <c>Server started on</c> line in its three forms, and
/// keys that stop the start. The process-level flags belong to the configuration work; these run in process.
/// </summary>
public sealed class TlsStartupTests : IDisposable
{
    private readonly TestCertificates _certs = TestCertificates.Create();

    public void Dispose() => _certs.Dispose();

    [Theory]
    [InlineData(false, false, "Server started on skyhash://127.0.0.1:{0}")]
    [InlineData(true, false, "Server started on skyhash://127.0.0.1:{0} and skyhash-secure://127.0.0.1:{1}")]
    [InlineData(true, true, "Server started on skyhash-secure://127.0.0.1:{1}")]
    public async Task TheStartedLineNamesEveryListener(bool tls, bool only, string expected)
    {
        using var log = new CapturingLoggerProvider();
        using var loggers = LoggerFactory.Create(builder => builder.AddProvider(log));
        var options = new ServerOptions { Port = 0, Tls = tls ? _certs.Settings(only) : null };
        var server = SkydServer.Start(options, loggers);
        try
        {
            var line = string.Format(System.Globalization.CultureInfo.InvariantCulture, expected, server.EndPoint?.Port, server.SecureEndPoint?.Port);
            Assert.Contains(line, log.Messages);
            Assert.True(ServerProcess.TryParseStartedLine(line, out var plain, out var secure));
            Assert.Equal(server.EndPoint, plain);
            Assert.Equal(server.SecureEndPoint, secure);
        }
        finally
        {
            await server.StopAsync();
            await server.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("2026-01-01T00:00:00Z info: skyd[0] Server started on skyhash://[::1]:2003 and skyhash-secure://[::1]:2004", "[::1]:2003", "[::1]:2004")]
    [InlineData("Server started on skyhash-secure://10.0.0.1:2004", null, "10.0.0.1:2004")]
    [InlineData("Server started on skyhash://127.0.0.1:2003", "127.0.0.1:2003", null)]
    public void TheProcessHelperReadsEveryFormOfTheStartedLine(string line, string? plain, string? secure)
    {
        Assert.True(ServerProcess.TryParseStartedLine(line, out var parsedPlain, out var parsedSecure));
        Assert.Equal(plain, parsedPlain?.ToString());
        Assert.Equal(secure, parsedSecure?.ToString());
        Assert.False(ServerProcess.TryParseStartedLine("Stopped accepting incoming connections", out _, out _));
    }

    [Fact]
    public async Task AKeyThatDoesNotMatchTheChainStopsTheStart()
    {
        using var other = TestCertificates.Create();
        var error = await Assert.ThrowsAsync<TlsSetupException>(() => TestServer.StartAsync(new TestServerOptions { Tls = _certs.Settings(keyPath: other.KeyPath) }));
        Assert.Equal($"The TLS private key {other.KeyPath} does not match the certificate in {_certs.ChainPath}", error.Message);
    }

    [Fact]
    public async Task AnEncryptedKeyServesWithTheRightPassphraseAndStopsTheStartWithAWrongOne()
    {
        var legacy = _certs.WriteLegacyEncrypted("-aes256", "sesame\n");
        var pkcs8 = _certs.WriteEncryptedPkcs8("sesame\n"u8.ToArray());
        var right = _certs.WriteFile("right.txt", "sesame\n");
        var wrong = _certs.WriteFile("wrong.txt", "sesame");
        foreach (var key in new[] { legacy, pkcs8 })
        {
            await using (var server = await TestServer.StartAsync(new TestServerOptions { Tls = _certs.Settings(only: true, keyPath: key, passphrasePath: right) }))
            {
                await using var client = await server.ConnectTlsAsync();
                Assert.Equal(Replies.Heya, await client.QueryAsync("HEYA"));
            }

            var error = await Assert.ThrowsAsync<TlsSetupException>(
                () => TestServer.StartAsync(new TestServerOptions { Tls = _certs.Settings(only: true, keyPath: key, passphrasePath: wrong) }));
            Assert.StartsWith($"Failed to decrypt the TLS private key {key}: wrong passphrase", error.Message, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task ATlsPortInUseStopsTheStartAndLeavesThePlainPortFree()
    {
        await using var first = await TestServer.StartAsync(new TestServerOptions { Tls = _certs.Settings(only: true) });
        var settings = _certs.Settings();
        settings.Port = first.SecureEndPoint.Port;
        using var held = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        held.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var plainPort = ((IPEndPoint)held.LocalEndPoint!).Port;
        held.Dispose();

        await Assert.ThrowsAsync<SocketException>(() => TestServer.StartAsync(new TestServerOptions { Port = plainPort, Tls = settings }));
        await using var again = await TestServer.StartAsync(new TestServerOptions { Port = plainPort });
        await using var client = await again.ConnectAsync();
        Assert.Equal(Replies.Heya, await client.QueryAsync("HEYA"));
    }

    /// <summary>Keeps every formatted log message.</summary>
    private sealed class CapturingLoggerProvider : ILoggerProvider, ILogger
    {
        private readonly List<string> _messages = [];

        public IReadOnlyList<string> Messages
        {
            get
            {
                lock (_messages)
                {
                    return [.. _messages];
                }
            }
        }

        public ILogger CreateLogger(string categoryName) => this;

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            lock (_messages)
            {
                _messages.Add(formatter(state, exception));
            }
        }

        public void Dispose()
        {
        }
    }
}
