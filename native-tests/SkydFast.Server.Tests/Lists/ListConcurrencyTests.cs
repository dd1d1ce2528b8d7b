using System.Globalization;

namespace SkydFast.Server.Tests.Lists;

/// <summary>Several connections changing one list at once: every write lands exactly once, in order.</summary>
public sealed class ListConcurrencyTests
{
    private const int Connections = 8;
    private const int PushesPerConnection = 150;

    [Fact]
    public async Task ConcurrentPushesKeepEveryValueOnceAndEachConnectionsOrder()
    {
        await using var s = await ListServer.StartAsync();
        Assert.Equal(Replies.Okay, await s.Q("LSET", "shared"));
        var clients = new RawClient[Connections];
        for (var i = 0; i < Connections; i++)
        {
            clients[i] = await s.Server.ConnectAsync();
            Assert.Equal(Replies.Okay, await clients[i].QueryAsync("USE", "default:l"));
        }

        // Odd connections push two values per query: a PUSH is atomic, so each pair must stay adjacent.
        var writers = clients.Select((client, c) => Task.Run(async () =>
        {
            for (var j = 0; j < PushesPerConnection; j += 1 + (c % 2))
            {
                string[] query = c % 2 == 0
                    ? ["LMOD", "shared", "PUSH", Value(c, j)]
                    : ["LMOD", "shared", "PUSH", Value(c, j), Value(c, j + 1)];
                Assert.Equal(Replies.Okay, await client.QueryAsync(query));
            }
        }));

        // A reader meanwhile sees the length only grow.
        var reader = Task.Run(async () =>
        {
            var last = 0L;
            for (var k = 0; k < 200; k++)
            {
                var reply = await s.Q("LGET", "shared", "LEN");
                var length = long.Parse(reply.Split('\n')[2], CultureInfo.InvariantCulture);
                Assert.True(length >= last, $"length went from {last} to {length}");
                last = length;
            }
        });

        await Task.WhenAll([.. writers, reader]).WaitAsync(TimeSpan.FromSeconds(30));

        var final = await s.Q("LGET", "shared");
        var lines = final.Split('\n');
        Assert.Equal($"@+{Connections * PushesPerConnection}", lines[1]);
        var values = Enumerable.Range(0, Connections * PushesPerConnection).Select(i => lines[3 + (2 * i)]).ToList();
        Assert.Equal(values.Count, values.Distinct().Count());
        for (var c = 0; c < Connections; c++)
        {
            var prefix = $"c{c}-";
            var own = values.Select((v, i) => (v, i)).Where(x => x.v.StartsWith(prefix, StringComparison.Ordinal)).ToList();
            Assert.Equal(Enumerable.Range(0, PushesPerConnection).Select(j => Value(c, j)), own.Select(x => x.v));
            if (c % 2 == 1)
            {
                for (var p = 0; p < own.Count; p += 2)
                {
                    Assert.Equal(own[p].i + 1, own[p + 1].i);
                }
            }
        }

        foreach (var client in clients)
        {
            await client.DisposeAsync();
        }
    }

    private static string Value(int connection, int index) => $"c{connection}-{index:D4}";
}
