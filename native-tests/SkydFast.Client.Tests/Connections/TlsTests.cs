using System.Security.Authentication;

namespace SkydFast.Client.Tests.Connections;

/// <summary>Skyhash inside TLS: trusting a self-signed certificate, a callback, and the handshakes that must fail.</summary>
public sealed class TlsTests : IDisposable
{
    private readonly TestCertificates _certificates = TestCertificates.Create();

    public void Dispose() => _certificates.Dispose();

    [Fact]
    public async Task ASelfSignedServerIsTrustedThroughItsCertificate()
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { Tls = _certificates.Settings() });
        var options = Connect.Options(server.SecureEndPoint);
        options.UseTls = true;
        options.TrustedCertificates.Add(_certificates.Certificate);
        await using (var c = await SkyConnection.ConnectAsync(options))
        {
            Assert.True(c.IsTls);
            Assert.True(await c.SetAsync("k", "over tls"));
            Assert.Equal("over tls", (await c.GetAsync("k"))?.Text);
            var replies = await c.PipelineAsync(new SkyPipeline().Add("GET", "k").Add("HEYA"));
            Assert.Equal(2, replies.Count);
        }

        var fromFile = Connect.Options(server.SecureEndPoint).TrustCertificateFile(_certificates.ChainPath);
        fromFile.TlsProtocols = SslProtocols.Tls12;
        await using (var c = await SkyConnection.ConnectAsync(fromFile))
        {
            Assert.Equal("HEY!", await c.HeyaAsync());
        }

        var callback = Connect.Options(server.SecureEndPoint);
        callback.UseTls = true;
        callback.CertificateValidation = (_, certificate, _, _) => certificate?.GetCertHashString() == _certificates.Certificate.Thumbprint;
        await using (var c = await SkyConnection.ConnectAsync(callback))
        {
            Assert.Equal("HEY!", await c.HeyaAsync());
        }
    }

    [Fact]
    public async Task AnUntrustedCertificateOrAWrongNameFailsTheConnect()
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { Tls = _certificates.Settings() });
        var untrusted = Connect.Options(server.SecureEndPoint);
        untrusted.UseTls = true;
        var error = await Assert.ThrowsAsync<SkyConnectException>(() => SkyConnection.ConnectAsync(untrusted));
        Assert.Contains("TLS handshake failed", error.Message, StringComparison.Ordinal);

        var wrongName = Connect.Options(server.SecureEndPoint).TrustCertificateFile(_certificates.ChainPath);
        wrongName.TlsTargetHost = "example.com";
        await Assert.ThrowsAsync<SkyConnectException>(() => SkyConnection.ConnectAsync(wrongName));
    }

    [Fact]
    public async Task TlsToAPlainPortOrASilentOneFailsInsteadOfHanging()
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { Tls = _certificates.Settings() });
        var plain = Connect.Options(server.EndPoint).TrustCertificateFile(_certificates.ChainPath);
        await Assert.ThrowsAsync<SkyConnectException>(() => SkyConnection.ConnectAsync(plain));

        await using var mute = FakeServer.Mute();
        var silent = Connect.Options(mute.EndPoint).TrustCertificateFile(_certificates.ChainPath);
        silent.ConnectTimeout = TimeSpan.FromMilliseconds(300);
        var error = await Assert.ThrowsAsync<SkyConnectException>(() => SkyConnection.ConnectAsync(silent));
        Assert.Equal($"could not connect to 127.0.0.1:{mute.EndPoint.Port}: no answer within 0.3 s", error.Message);
    }
}
