using System.Net;
using SkydFast.Load.Protocols;

namespace SkydFast.Load.Tests;

/// <summary>The command line, and the loopback-only rule.</summary>
public sealed class LoadOptionsTests
{
    [Fact]
    public void TheDefaultsAreTheComparisonsLoad()
    {
        var options = LoadOptions.Parse([]);
        Assert.Equal(IPAddress.Loopback, options.Address);
        Assert.Equal(2003, options.Port);
        Assert.Equal(ProtocolKind.Skyhash, options.Protocol);
        Assert.Equal(50, options.Connections);
        Assert.Equal(1, options.Pipeline);
        Assert.Equal(64, options.ValueSize);
        Assert.Equal(100_000, options.Keys);
        Assert.Null(options.Skew);
        Assert.Equal(1, options.Mix.Get);
        Assert.Equal(TimeSpan.FromSeconds(10), options.Duration);
        Assert.True(options.Prefill);
    }

    [Fact]
    public void RespDefaultsToRedissPort() => Assert.Equal(6379, LoadOptions.Parse(["--protocol", "resp"]).Port);

    [Fact]
    public void EveryFlagIsRead()
    {
        var options = LoadOptions.Parse([
            "--host", "127.0.0.2", "--port", "7000", "--protocol", "resp", "-c", "8", "-P", "16", "-d", "128",
            "-k", "1_000", "--distribution", "zipf", "--skew", "1.2", "--mix", "get=3,update=1", "--requests", "5000",
            "--warmup", "0", "--max-duration", "30", "--max-requests", "4000", "--threads", "2", "--no-prefill",
            "--seed", "9", "--label", "x", "--quiet"]);
        Assert.Equal(IPAddress.Parse("127.0.0.2"), options.Address);
        Assert.Equal(7000, options.Port);
        Assert.Equal(8, options.Connections);
        Assert.Equal(16, options.Pipeline);
        Assert.Equal(128, options.ValueSize);
        Assert.Equal(1000, options.Keys);
        Assert.Equal(1.2, options.Skew);
        Assert.Equal(0.75, options.Mix.Get);
        Assert.Null(options.Duration);
        Assert.Equal(4000, options.EffectiveRequests);
        Assert.Equal(TimeSpan.FromSeconds(30), options.EffectiveDuration);
        Assert.Equal(TimeSpan.Zero, options.Warmup);
        Assert.Equal(2, options.Threads);
        Assert.False(options.Prefill);
        Assert.Equal(9UL, options.Seed);
        Assert.True(options.Quiet);
    }

    [Fact]
    public void ZipfDefaultsToTheYcsbSkew() => Assert.Equal(0.99, LoadOptions.Parse(["--distribution", "zipf"]).Skew);

    [Fact]
    public void ThreadsNeverOutnumberConnections() => Assert.Equal(3, LoadOptions.Parse(["-c", "3", "--threads", "8"]).Threads);

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("127.255.0.9")]
    [InlineData("::1")]
    [InlineData("[::1]")]
    [InlineData("::ffff:127.0.0.1")]
    [InlineData("localhost")]
    public void LoopbackHostsAreAccepted(string host) => Assert.True(IPAddress.IsLoopback(LoadOptions.LoopbackAddress(host)));

    [Theory]
    [InlineData("10.0.0.1")]
    [InlineData("192.168.1.1")]
    [InlineData("8.8.8.8")]
    [InlineData("0.0.0.0")]
    [InlineData("::")]
    [InlineData("::ffff:10.0.0.1")]
    [InlineData("example.com")]
    [InlineData("128.0.0.1")]
    public void EveryOtherHostIsRefused(string host)
    {
        var error = Assert.Throws<UsageException>(() => LoadOptions.Parse(["--host", host]));
        Assert.Contains("loopback", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--connections", "0")]
    [InlineData("--pipeline", "10001")]
    [InlineData("--duration", "0")]
    [InlineData("--skew", "-1")]
    [InlineData("--protocol", "http")]
    [InlineData("--distribution", "normal")]
    [InlineData("--keys", "x")]
    [InlineData("--bogus", "1")]
    public void BadArgumentsAreUsageErrors(string flag, string value) =>
        Assert.Throws<UsageException>(() => LoadOptions.Parse([flag, value]));

    [Fact]
    public void AFlagWithoutItsValueIsAUsageError() => Assert.Throws<UsageException>(() => LoadOptions.Parse(["--port"]));
}
