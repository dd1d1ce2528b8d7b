using System.Globalization;
using System.Net.Sockets;
using static SkydFast.Server.Tests.Protocol.WireKit;

namespace SkydFast.Server.Tests.Protocol;

/// <summary>
/// Seeded bad packets over real connections: the server answers or closes, never hangs or crashes, and still
/// serves afterwards. Set SKYD_FUZZ_SEED to replay a failure.
/// </summary>
public sealed class SocketFuzzTests
{
    private const int Packets = 2_000;
    private const int DefaultSeed = 20_261_122;

    private static readonly string[] Seeds =
    [
        Simple("HEYA"),
        Simple("SET", "fuzz", "value"),
        Simple("GET", "fuzz"),
        Simple("HEYA", "\0\n\xff"),
        "*2\n~1\n4\nHEYA\n~2\n3\nGET\n4\nfuzz\n",
        "*1\n&2\n+1\na\n_1\n+1\nb\n",
        "*1\n:3\n123\n",
        "*1\n~0\n",
    ];

    private static readonly byte[] Interesting = B("*~+:&_$\n0123456789\0");

    [Fact]
    public async Task BadPacketsAreAnsweredOrClosedAndTheServerKeepsServing()
    {
        var seed = Environment.GetEnvironmentVariable("SKYD_FUZZ_SEED") is { Length: > 0 } text
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : DefaultSeed;
        var random = new Random(seed);
        await using var server = await TestServer.StartAsync();
        for (var i = 0; i < Packets; i++)
        {
            var packet = Mutate(random, B(Seeds[random.Next(Seeds.Length)]));
            await using var client = await server.ConnectAsync();
            await client.SendAsync(packet);

            // The client is done: an incomplete packet may be waited on, but the end of input must end it.
            client.Socket.Shutdown(SocketShutdown.Send);
            if (!await client.WaitForCloseAsync(CloseTimeout))
            {
                Assert.Fail($"SKYD_FUZZ_SEED={seed}, packet {i}: {RawClient.Show(System.Text.Encoding.Latin1.GetString(packet))} left the connection open");
            }
        }

        await using var fresh = await server.ConnectAsync();
        Assert.Equal(Replies.Heya, await fresh.QueryAsync("HEYA"));
    }

    private static byte[] Mutate(Random random, byte[] packet)
    {
        var bytes = new List<byte>(packet);
        var mutations = 1 + random.Next(3);
        for (var m = 0; m < mutations && bytes.Count > 0; m++)
        {
            var at = random.Next(bytes.Count);
            var replacement = random.Next(2) == 0 ? Interesting[random.Next(Interesting.Length)] : (byte)random.Next(256);
            switch (random.Next(4))
            {
                case 0:
                    bytes[at] = replacement;
                    break;
                case 1:
                    bytes.Insert(at, replacement);
                    break;
                case 2:
                    bytes.RemoveAt(at);
                    break;
                default:
                    bytes.RemoveRange(at, bytes.Count - at);
                    break;
            }
        }

        return [.. bytes];
    }
}
