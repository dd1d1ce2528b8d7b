using System.Text.Json;
using SkydFast.Testing;

namespace SkydFast.Load.Tests;

/// <summary>The whole load generator against the real server in this process.</summary>
public sealed class LoadRunTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(16)]
    public async Task ABriefRunOfGetsAndUpdatesHasNoErrorsAndASaneResult(int pipeline)
    {
        await using var server = await TestServer.StartAsync();
        var options = Options(server, "--mix", "get=80,set=10,update=10", "-P", pipeline.ToString(), "--duration", "2", "--warmup", "0.2", "-k", "2000");

        var result = await Task.Run(() => LoadRunner.Run(options));

        Assert.Equal(0, result.Errors);
        Assert.Empty(result.Failures);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(2000, result.PrefilledKeys);
        using var json = JsonDocument.Parse(result.ToJson());
        var root = json.RootElement;
        Assert.True(root.GetProperty("ops_per_sec").GetDouble() > 100);
        var p50 = root.GetProperty("p50_us").GetDouble();
        var p99 = root.GetProperty("p99_us").GetDouble();
        var p999 = root.GetProperty("p999_us").GetDouble();
        Assert.True(p50 > 0 && p50 <= p99 && p99 <= p999, $"p50 {p50}, p99 {p99}, p99.9 {p999}");
        Assert.Equal(0, root.GetProperty("errors").GetInt64());
        Assert.Equal(pipeline, root.GetProperty("pipeline").GetInt32());
        Assert.Equal("skyhash", root.GetProperty("protocol").GetString());
        Assert.Equal(0.8, root.GetProperty("mix").GetProperty("get").GetDouble());
        Assert.InRange(root.GetProperty("elapsed_s").GetDouble(), 1.5, 3.0);
        Assert.StartsWith("| test | skyhash | get=80,set=10,update=10 | 4 |", result.ToMarkdownRow(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARequestCountEndsTheRunExactly()
    {
        await using var server = await TestServer.StartAsync();
        var options = Options(server, "--requests", "10000", "-P", "16", "--warmup", "0", "-k", "100");

        var result = await Task.Run(() => LoadRunner.Run(options));

        Assert.Equal(10_000, result.Requests);
        Assert.Equal(0, result.Errors);
    }

    [Fact]
    public async Task AWrongValueCountsAsAnErrorNotAsARequest()
    {
        await using var server = await TestServer.StartAsync();
        var prefill = Options(server, "--requests", "1", "--warmup", "0", "-k", "10");
        Assert.Equal(0, LoadRunner.Run(prefill).Errors);
        await using (var client = await server.ConnectAsync())
        {
            // Key 3's value with a fill the load generator never writes.
            Assert.Equal("*1\n!1\n0\n", await client.QueryAsync("UPDATE", "key:000000000003", "key:000000000003" + new string('x', 48)));
        }

        var options = Options(server, "--no-prefill", "--requests", "2000", "--warmup", "0", "-k", "10");
        var result = await Task.Run(() => LoadRunner.Run(options));

        // Key 3 is a tenth of the draws: about 200 wrong replies; every other GET is right and counted.
        Assert.InRange(result.Errors, 100, 300);
        Assert.Equal(2000 - result.Errors, result.Requests);
        Assert.Equal(1, result.ExitCode);
        Assert.Empty(result.Failures);
    }

    [Fact]
    public async Task NoServerIsAFailureToStart()
    {
        int port;
        await using (var server = await TestServer.StartAsync())
        {
            port = server.EndPoint.Port;
        }

        var options = LoadOptions.Parse(["--port", port.ToString(), "-c", "2", "--quiet"]);
        Assert.Throws<LoadFailedException>(() => LoadRunner.Run(options));
    }

    private static LoadOptions Options(TestServer server, params string[] args) =>
        LoadOptions.Parse(["--port", server.EndPoint.Port.ToString(), "-c", "4", "--threads", "2", "--label", "test", "--quiet", .. args]);
}
