using System.Net;
using System.Net.Sockets;
using BenchmarkDotNet.Attributes;
using Microsoft.Extensions.Logging.Abstractions;
using SkydFast.Host;

namespace SkydFast.Benchmarks.Network;

/// <summary>
/// The whole server over loopback: one client, one query, one reply (pipeline depth 1 or 16). The memory diagnoser
/// counts allocations on every thread, so the figure covers the server's socket loops, pipes, parser and store as
/// well as this synchronous client, which itself allocates nothing per op.
/// </summary>
[MemoryDiagnoser]
public class LoopbackBenchmarks
{
    private readonly byte[] _getHit = Packets.Simple("GET", "bench");
    private readonly byte[] _getPipeline = Packets.Pipeline(16, "GET", "bench");
    private readonly byte[] _receive = new byte[64 * 1024];
    private SkydServer _server = null!;
    private Socket _client = null!;
    private int _getHitReplyLength;
    private int _getPipelineReplyLength;

    [GlobalSetup]
    public void Setup()
    {
        _server = SkydServer.Start(new ServerOptions { Host = IPAddress.Loopback, Port = 0 }, NullLoggerFactory.Instance);
        _client = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        _client.Connect(_server.EndPoint!);
        _client.Send(Packets.Simple(["SET"u8.ToArray(), "bench"u8.ToArray(), Packets.Value]));
        _client.Receive(_receive);
        _getHitReplyLength = "*1\n?64\n".Length + 64 + 1;
        _getPipelineReplyLength = "*16\n".Length + (16 * ("?64\n".Length + 64 + 1));
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        _client.Dispose();
        _server.StopAsync().GetAwaiter().GetResult();
        _server.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }

    [Benchmark]
    public int GetRoundTrip() => RoundTrip(_getHit, _getHitReplyLength);

    [Benchmark(OperationsPerInvoke = 16)]
    public int GetPipeline16RoundTrip() => RoundTrip(_getPipeline, _getPipelineReplyLength);

    private int RoundTrip(byte[] query, int replyLength)
    {
        _client.Send(query);
        var received = 0;
        while (received < replyLength)
        {
            var n = _client.Receive(_receive.AsSpan(received));
            if (n == 0)
            {
                throw new InvalidOperationException("the server closed the connection");
            }

            received += n;
        }

        if (received != replyLength)
        {
            throw new InvalidOperationException($"reply of {received} bytes, expected {replyLength}");
        }

        return received;
    }
}
