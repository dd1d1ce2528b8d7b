using System.Globalization;

namespace SkydFast.Server.Tests.Ddl;

/// <summary>Expected packets and small helpers for the DDL wire tests.</summary>
internal static class DdlWire
{
    /// <summary>Sends a query and asserts the whole response packet, byte for byte.</summary>
    public static async Task ExpectAsync(this RawClient client, string expected, params string[] args) =>
        Assert.Equal(RawClient.Show(expected), RawClient.Show(await client.QueryAsync(args)));

    /// <summary>The entries of a <c>@+</c> typed-array response, as a set (their order is unspecified).</summary>
    public static async Task<HashSet<string>> SetAsync(this RawClient client, params string[] args)
    {
        var packet = await client.QueryAsync(args);
        var lines = new Queue<string>(packet.Split('\n'));
        Assert.Equal("*1", lines.Dequeue());
        var header = lines.Dequeue();
        Assert.StartsWith("@+", header);
        var count = int.Parse(header[2..], CultureInfo.InvariantCulture);
        var set = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < count; i++)
        {
            var length = int.Parse(lines.Dequeue(), CultureInfo.InvariantCulture);
            var name = lines.Dequeue();
            Assert.Equal(length, name.Length);
            Assert.True(set.Add(name));
        }

        Assert.Equal([string.Empty], lines);
        return set;
    }

    /// <summary>
    /// Retries <paramref name="args"/> while it answers <c>still-in-use</c> (the server notices a disconnect
    /// asynchronously), for at most ten seconds; returns the last response.
    /// </summary>
    public static async Task<string> RetryWhileInUseAsync(this RawClient client, params string[] args)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (true)
        {
            var response = await client.QueryAsync(args);
            if (response != Replies.StillInUse || DateTime.UtcNow > deadline)
            {
                return response;
            }

            await Task.Delay(20);
        }
    }
}
