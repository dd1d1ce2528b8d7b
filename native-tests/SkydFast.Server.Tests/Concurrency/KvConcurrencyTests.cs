using System.Collections.Concurrent;
using System.Globalization;
using System.Text;

namespace SkydFast.Server.Tests.Concurrency;

/// <summary>
/// Many connections at once over real sockets, bounded in operations (not time). Each reply is checked against a
/// sequential model; strong groups must never be seen half applied (DECISIONS.md 15).
/// </summary>
public sealed class KvConcurrencyTests
{
    private const int Connections = 16;
    private const int OpsPerConnection = 300;
    private const int KeysPerConnection = 8;

    [Fact]
    public async Task ConnectionsOnTheirOwnKeysEachSeeTheirSequentialModel()
    {
        await using var server = await TestServer.StartAsync();
        var models = new Dictionary<string, string>[Connections];
        await Task.WhenAll(Enumerable.Range(0, Connections).Select(async c =>
        {
            models[c] = await RunOwnKeysAsync(server, c);
        }));

        // The table holds exactly the union of the models.
        await using var client = await server.ConnectAsync();
        long total = 0;
        for (var c = 0; c < Connections; c++)
        {
            var keys = Enumerable.Range(0, KeysPerConnection).Select(k => KeyOf(c, k)).ToArray();
            var expected = TypedArray(keys.Select(k => models[c].GetValueOrDefault(k)));
            Assert.Equal(expected, await client.QueryAsync([.. keys.Prepend("MGET")]));
            total += models[c].Count;
        }

        Assert.Equal(total, server.Store.DefaultTable.Count);
    }

    [Fact]
    public async Task StrongGroupsAreNeverSeenHalfApplied()
    {
        const int groups = 4;
        const int writers = 6;
        const int readers = 6;
        const int writesPerWriter = 400;
        const int minReadsPerReader = 200;
        await using var server = await TestServer.StartAsync();
        var written = new ConcurrentDictionary<string, byte>();
        var writersDone = 0;

        var writerTasks = Enumerable.Range(0, writers).Select(async w =>
        {
            await using var client = await server.ConnectAsync();
            var random = new Random(1000 + w);
            for (var n = 0; n < writesPerWriter; n++)
            {
                var g = random.Next(groups);
                var value = $"w{w}-{n}";
                string reply;
                switch (random.Next(3))
                {
                    case 0:
                        written[value] = 0;
                        reply = await client.QueryAsync("SSET", GroupKey(g, 1), value, GroupKey(g, 2), value, GroupKey(g, 3), value);
                        Assert.True(reply is "*1\n!1\n0\n" or "*1\n!1\n2\n", RawClient.Show(reply));
                        break;
                    case 1:
                        written[value] = 0;
                        reply = await client.QueryAsync("SUPDATE", GroupKey(g, 1), value, GroupKey(g, 2), value, GroupKey(g, 3), value);
                        Assert.True(reply is "*1\n!1\n0\n" or "*1\n!1\n1\n", RawClient.Show(reply));
                        break;
                    default:
                        reply = await client.QueryAsync("SDEL", GroupKey(g, 1), GroupKey(g, 2), GroupKey(g, 3));
                        Assert.True(reply is "*1\n!1\n0\n" or "*1\n!1\n1\n", RawClient.Show(reply));
                        break;
                }
            }

            Interlocked.Increment(ref writersDone);
        }).ToArray();

        var readerTasks = Enumerable.Range(0, readers).Select(async r =>
        {
            await using var client = await server.ConnectAsync();
            var random = new Random(2000 + r);
            for (var n = 0; Volatile.Read(ref writersDone) < writers || n < minReadsPerReader; n++)
            {
                var g = random.Next(groups);
                var values = ParseTypedArray(await client.QueryAsync("MGET", GroupKey(g, 1), GroupKey(g, 2), GroupKey(g, 3)));
                AssertWhole(values, written);
            }
        }).ToArray();

        await Task.WhenAll(writerTasks.Concat(readerTasks));

        await using var check = await server.ConnectAsync();
        for (var g = 0; g < groups; g++)
        {
            AssertWhole(ParseTypedArray(await check.QueryAsync("MGET", GroupKey(g, 1), GroupKey(g, 2), GroupKey(g, 3))), written);
        }
    }

    /// <summary>A group is all absent, or all three hold one value that some client wrote.</summary>
    private static void AssertWhole(string?[] values, ConcurrentDictionary<string, byte> written)
    {
        Assert.Equal(3, values.Length);
        if (values[0] is null)
        {
            Assert.All(values, Assert.Null);
            return;
        }

        Assert.All(values, v => Assert.Equal(values[0], v));
        Assert.True(written.ContainsKey(values[0]!), values[0]);
    }

    private static async Task<Dictionary<string, string>> RunOwnKeysAsync(TestServer server, int c)
    {
        await using var client = await server.ConnectAsync();
        var random = new Random(c);
        var model = new Dictionary<string, string>();
        string Key() => KeyOf(c, random.Next(KeysPerConnection));
        string Value() => "v" + random.Next(1000).ToString(CultureInfo.InvariantCulture);

        for (var n = 0; n < OpsPerConnection; n++)
        {
            string[] query;
            string expected;
            switch (random.Next(6))
            {
                case 0:
                    {
                        var (k, v) = (Key(), Value());
                        query = ["SET", k, v];
                        expected = model.TryAdd(k, v) ? "*1\n!1\n0\n" : "*1\n!1\n2\n";
                        break;
                    }

                case 1:
                    {
                        var (k, v) = (Key(), Value());
                        query = ["UPDATE", k, v];
                        var present = model.ContainsKey(k);
                        if (present)
                        {
                            model[k] = v;
                        }

                        expected = present ? "*1\n!1\n0\n" : "*1\n!1\n1\n";
                        break;
                    }

                case 2:
                    {
                        var keys = new[] { Key(), Key(), Key() };
                        query = [.. keys.Prepend("DEL")];
                        expected = Int(keys.Count(model.Remove));
                        break;
                    }

                case 3:
                    {
                        var (k1, v1, k2, v2) = (Key(), Value(), Key(), Value());
                        query = ["USET", k1, v1, k2, v2];
                        model[k1] = v1;
                        model[k2] = v2;
                        expected = Int(2);
                        break;
                    }

                case 4:
                    {
                        var k = Key();
                        query = ["POP", k];
                        expected = model.Remove(k, out var old) ? $"*1\n?{old.Length}\n{old}\n" : "*1\n!1\n1\n";
                        break;
                    }

                default:
                    {
                        var (k1, v1, k2, v2) = (Key(), Value(), Key(), Value());
                        query = ["MSET", k1, v1, k2, v2];
                        var inserted = (model.TryAdd(k1, v1) ? 1 : 0) + (model.TryAdd(k2, v2) ? 1 : 0);
                        expected = Int(inserted);
                        break;
                    }
            }

            var reply = await client.QueryAsync(query);
            Assert.True(expected == reply, $"connection {c}, op {n} {string.Join(' ', query)}: expected {RawClient.Show(expected)}, got {RawClient.Show(reply)}");
        }

        return model;
    }

    private static string KeyOf(int connection, int k) => $"c{connection}:k{k}";

    private static string GroupKey(int group, int k) => $"g{group}:k{k}";

    private static string Int(int n) => $"*1\n:{n.ToString(CultureInfo.InvariantCulture).Length}\n{n}\n";

    private static string TypedArray(IEnumerable<string?> values)
    {
        var list = values.ToList();
        var sb = new StringBuilder($"*1\n@?{list.Count}\n");
        foreach (var v in list)
        {
            sb.Append(v is null ? "\0\n" : $"{v.Length}\n{v}\n");
        }

        return sb.ToString();
    }

    /// <summary>Parses <c>*1\n@?n\n</c> followed by n entries (<c>len\nbytes\n</c> or <c>\0\n</c>).</summary>
    private static string?[] ParseTypedArray(string reply)
    {
        const string Header = "*1\n@?";
        Assert.StartsWith(Header, reply, StringComparison.Ordinal);
        var pos = Header.Length;
        var count = ReadNumber(reply, ref pos);
        var values = new string?[count];
        for (var i = 0; i < count; i++)
        {
            if (reply[pos] == '\0')
            {
                pos += 2;
                continue;
            }

            var length = ReadNumber(reply, ref pos);
            values[i] = reply.Substring(pos, length);
            pos += length + 1;
        }

        Assert.Equal(reply.Length, pos);
        return values;
    }

    private static int ReadNumber(string s, ref int pos)
    {
        var end = s.IndexOf('\n', pos);
        var n = int.Parse(s.AsSpan(pos, end - pos), CultureInfo.InvariantCulture);
        pos = end + 1;
        return n;
    }
}
