using System.Net.Sockets;
using System.Text.RegularExpressions;

namespace SkydFast.Server.Tests.Process;

/// <summary>The Prometheus endpoint (DECISIONS.md 9), scraped from the real process.</summary>
public sealed partial class MetricsProcessTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task MetricsCountQueriesErrorsConnectionsAndSaves()
    {
        using var dir = new TempDirectory();
        await using var server = await ServerProcess.StartInAsync(dir, "--metrics-port", "0", "-S", "1");
        Assert.True(await server.WaitForLogAsync("Metrics served on", 1, Wait), server.Log);
        var url = MetricsUrl().Match(server.Log);
        Assert.True(url.Success, server.Log);
        using var http = new HttpClient();

        await using (var bad = await server.ConnectAsync())
        {
            await bad.SendAsync("*1\n~1\nX"u8.ToArray().Concat("!!!!\n"u8.ToArray()).ToArray());
            Assert.True(await bad.WaitForCloseAsync(Wait));
        }

        await using var c = await server.ConnectAsync();
        Assert.Equal(Replies.Okay, await c.QueryAsync("SET", "k", "v"));
        Assert.Equal("*1\n?1\nv\n", await c.QueryAsync("GET", "k"));
        Assert.Equal("*1\n?1\nv\n", await c.QueryAsync("get", "k"));
        Assert.Equal(Replies.UnknownAction, await c.QueryAsync("NOPE"));
        Assert.True(await server.WaitForLogAsync("BGSAVE completed successfully", 1, Wait), server.Log);

        using var response = await http.GetAsync(new Uri(url.Value));
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/plain; version=0.0.4; charset=utf-8", response.Content.Headers.ContentType!.ToString());
        Assert.Contains("# TYPE skyd_queries_total counter\n", text);
        Assert.Contains("\nskyd_queries_total{action=\"SET\"} 1\n", text);
        Assert.Contains("\nskyd_queries_total{action=\"GET\"} 2\n", text);
        Assert.Contains("\nskyd_queries_total{action=\"unknown\"} 1\n", text);
        Assert.Contains("\nskyd_queries_total{action=\"MKSNAP\"} 0\n", text);
        Assert.True(text.Contains("\nskyd_error_responses_total 1\n", StringComparison.Ordinal), text);
        Assert.Contains("\nskyd_protocol_errors_total 1\n", text);
        Assert.Contains("\nskyd_connections 1\n", text);
        Assert.Contains("\nskyd_connections_accepted_total 2\n", text);
        Assert.Contains("# TYPE skyd_received_bytes_total counter\n", text);
        Assert.Contains($"\nskyd_received_bytes_total {ExpectedReceived}\n", text);
        Assert.Contains($"\nskyd_sent_bytes_total {ExpectedSent}\n", text);
        Assert.Contains("# TYPE skyd_poisoned gauge\nskyd_poisoned 0\n", text);
        Assert.Matches(@"\nskyd_bgsave_runs_total\{result=""ok""\} [1-9]\d*\n", text);
        Assert.Contains("\nskyd_bgsave_runs_total{result=\"failed\"} 0\n", text);
        Assert.Matches(@"\nskyd_bgsave_last_seconds [0-9.Ee-]+\n", text);
        Assert.Contains("\nskyd_snapshot_remote_runs_total{result=\"ok\"} 0\n", text);
        await server.StopCleanlyAsync();
    }

    // The bytes of the exchanges above: the bad packet and its bare error, then SET, GET, get and NOPE with their
    // replies.
    private static long ExpectedReceived => "*1\n~1\nX!!!!\n".Length + Query("SET", "k", "v") + Query("GET", "k") + Query("get", "k") + Query("NOPE");

    private static long ExpectedSent => "!1\n7\n".Length + Replies.Okay.Length + (2 * "*1\n?1\nv\n".Length) + Replies.UnknownAction.Length;

    [Fact]
    public async Task MetricsAreOffByDefault()
    {
        using var dir = new TempDirectory();
        await using var server = await ServerProcess.StartInAsync(dir);
        Assert.DoesNotContain("Metrics served on", server.Log);
        await server.StopCleanlyAsync();
    }

    [Fact]
    public async Task AMetricsPortInUseStopsStartup()
    {
        using var taken = new TcpListener(System.Net.IPAddress.Loopback, 0);
        taken.Start();
        var port = ((System.Net.IPEndPoint)taken.LocalEndpoint).Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        using var dir = new TempDirectory();

        var (code, output) = await ServerProcess.RunToExitAsync("--port", "0", "--data-dir", dir.Path, "--metrics-port", port);

        Assert.Equal(1, code);
        Assert.Contains("Startup failure: Failed to serve metrics:", output);
    }

    private static long Query(params string[] args) => RawClient.Encode([.. args.Select(System.Text.Encoding.ASCII.GetBytes)]).Length;

    [GeneratedRegex(@"http://127\.0\.0\.1:\d+/metrics")]
    private static partial Regex MetricsUrl();
}
