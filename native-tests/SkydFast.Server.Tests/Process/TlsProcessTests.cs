namespace SkydFast.Server.Tests.Process;

/// <summary>TLS configured through the real executable's flags, file and variables (persistence-and-config.md §8, §10).</summary>
public sealed class TlsProcessTests
{
    [Fact]
    public async Task TlsFlagsServeBothPortsFromOneStore()
    {
        using var certificates = TestCertificates.Create();
        using var dir = new TempDirectory();
        await using var server = await ServerProcess.StartInAsync(dir, "-k", certificates.KeyPath, "-z", certificates.ChainPath, "--sslport", "0");

        Assert.Matches(@"Server started on skyhash://127\.0\.0\.1:\d+ and skyhash-secure://127\.0\.0\.1:\d+", server.Log);
        await using (var tls = await RawClient.ConnectTlsAsync(server.SecureEndPoint!, certificates.Certificate))
        {
            Assert.Equal(Replies.Okay, await tls.QueryAsync("SET", "k", "over tls"));
        }

        await using (var plain = await server.ConnectAsync())
        {
            Assert.Equal("*1\n?8\nover tls\n", await plain.QueryAsync("GET", "k"));
        }

        await server.StopCleanlyAsync();
    }

    [Fact]
    public async Task TlsOnlyFromTheConfigurationFileWithAnEncryptedKey()
    {
        using var certificates = TestCertificates.Create();
        var passphrase = certificates.WriteFile("pass.txt", "s3cret\n");
        var key = certificates.WriteEncryptedPkcs8("s3cret\n"u8.ToArray());
        using var dir = new TempDirectory();
        var file = Path.Combine(dir.Path, "skyd.toml");
        File.WriteAllText(file, $"""
            [server]
            host = "127.0.0.1"
            port = 0
            data_dir = "{dir.Path}"
            [ssl]
            key = "{key}"
            chain = "{certificates.ChainPath}"
            port = 0
            only = true
            passin = "{passphrase}"
            """);

        await using var server = await ServerProcess.StartAsync("-c", file);

        Assert.Throws<InvalidOperationException>(() => server.EndPoint);
        Assert.Matches(@"Server started on skyhash-secure://127\.0\.0\.1:\d+\n", server.Log);
        await using (var tls = await RawClient.ConnectTlsAsync(server.SecureEndPoint!, certificates.Certificate))
        {
            Assert.Equal(Replies.Heya, await tls.QueryAsync("HEYA"));
        }

        await server.StopCleanlyAsync();
    }

    [Fact]
    public async Task AKeyThatDoesNotMatchTheChainStopsStartup()
    {
        using var certificates = TestCertificates.Create();
        using var other = TestCertificates.Create();
        using var dir = new TempDirectory();

        var (code, output) = await ServerProcess.RunToExitWithAsync(
            new Dictionary<string, string>
            {
                ["SKY_SYSTEM_PORT"] = "0",
                ["SKY_SYSTEM_DATA_DIR"] = dir.Path,
                ["SKY_TLS_KEY"] = other.KeyPath,
                ["SKY_TLS_CERT"] = certificates.ChainPath,
                ["SKY_TLS_PORT"] = "0",
            });

        Assert.Equal(1, code);
        Assert.Contains("Startup failure: ", output);
        Assert.Contains(other.KeyPath, output);
    }
}
