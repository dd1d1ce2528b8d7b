using System.Text;

namespace SkydFast.Server.Tests.Protocol;

/// <summary>Shared steps of the wire-level protocol tests.</summary>
public static class WireKit
{
    /// <summary>How long a server may take to close a connection it has decided to close.</summary>
    public static readonly TimeSpan CloseTimeout = TimeSpan.FromSeconds(5);

    public static byte[] B(string latin1) => Encoding.Latin1.GetBytes(latin1);

    /// <summary>A simple query (Latin-1 args) in the encoding every 0.7 client uses.</summary>
    public static string Simple(params string[] args) =>
        $"*1\n~{args.Length}\n" + string.Concat(args.Select(a => $"{a.Length}\n{a}\n"));

    /// <summary>Sends <paramref name="packet"/>, expects <paramref name="expected"/>, then the server's close.</summary>
    public static async Task AssertAnsweredThenClosedAsync(TestServer server, string packet, string expected)
    {
        await using var client = await server.ConnectAsync();
        await client.SendAsync(B(packet));
        Assert.Equal(expected, await client.ReadResponseAsync());
        Assert.True(await client.WaitForCloseAsync(CloseTimeout), $"{RawClient.Show(packet)}: the connection stayed open");
    }

    /// <summary>Sends <paramref name="packet"/>, expects <paramref name="expected"/>, and that the connection still serves.</summary>
    public static async Task AssertAnsweredAndOpenAsync(TestServer server, string packet, string expected)
    {
        await using var client = await server.ConnectAsync();
        await client.SendAsync(B(packet));
        Assert.Equal(expected, await client.ReadResponseAsync());
        Assert.Equal(Replies.Heya, await client.QueryAsync("HEYA"));
    }
}
