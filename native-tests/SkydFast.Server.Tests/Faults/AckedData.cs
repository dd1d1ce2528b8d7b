using System.Text;

namespace SkydFast.Server.Tests.Faults;

/// <summary>
/// What the server told one client about <c>default:default</c>: the exact bytes of every acknowledged write, and the
/// keys whose write it refused. Keys and values are Latin-1 strings (one char per byte), so they hold <c>\n</c>,
/// <c>\0</c> and bytes above 0x7F like any binstr.
/// </summary>
internal sealed class AckedData
{
    private readonly Dictionary<string, string> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _refused = new(StringComparer.Ordinal);

    /// <summary>A key with a line feed and a NUL in it: the bytes must come back as sent.</summary>
    public static string Key(string prefix, int i) => $"{prefix}{i}\n\0";

    /// <summary>A value of <paramref name="length"/> bytes, different for every <paramref name="i"/>, holding every byte value.</summary>
    public static string Value(int i, int length)
    {
        var value = new StringBuilder(length);
        for (var j = 0; j < length; j++)
        {
            value.Append((char)(byte)((i * 131) + j));
        }

        return value.ToString();
    }

    /// <summary>SET; the reply must be Okay (recorded as stored) or code 5 (recorded as refused). Returns the reply.</summary>
    public async Task<string> SetAsync(RawClient client, string key, string value)
    {
        var reply = await client.QueryAsync(Bytes("SET", key, value));
        Record(reply, key, value, Replies.Okay);
        return reply;
    }

    /// <summary>UPDATE of a stored key; the reply must be Okay (recorded) or code 5 (the old value stays). Returns the reply.</summary>
    public async Task<string> UpdateAsync(RawClient client, string key, string value)
    {
        Assert.True(_values.ContainsKey(key), RawClient.Show(key));
        var reply = await client.QueryAsync(Bytes("UPDATE", key, value));
        Record(reply, key, value, Replies.Okay);
        return reply;
    }

    /// <summary>DEL of one stored key; the reply must be 1 (recorded as gone) or code 5 (it stays). Returns the reply.</summary>
    public async Task<string> DeleteAsync(RawClient client, string key)
    {
        Assert.True(_values.ContainsKey(key), RawClient.Show(key));
        var reply = await client.QueryAsync(Bytes("DEL", key));
        Assert.True(reply is Replies.ServerError || reply == Replies.Int(1), RawClient.Show(reply));
        if (reply != Replies.ServerError)
        {
            _values.Remove(key);
        }

        return reply;
    }

    /// <summary>
    /// Asserts the table holds exactly what was acknowledged: each stored key's exact bytes, no refused key that was
    /// never stored, and nothing else (DBSIZE).
    /// </summary>
    public async Task AssertStoredAsync(RawClient client)
    {
        foreach (var (key, value) in _values)
        {
            Assert.Equal(Replies.Val('?', value), await client.QueryAsync(Bytes("GET", key)));
        }

        foreach (var key in _refused.Where(k => !_values.ContainsKey(k)))
        {
            Assert.Equal(Replies.Nil, await client.QueryAsync(Bytes("GET", key)));
        }

        Assert.Equal(Replies.Int(_values.Count), await client.QueryAsync("DBSIZE"));
    }

    private static byte[][] Bytes(params string[] args) => [.. args.Select(RawClient.Latin1)];

    private void Record(string reply, string key, string value, string stored)
    {
        if (reply == stored)
        {
            _values[key] = value;
        }
        else
        {
            Assert.Equal(Replies.ServerError, reply);
            _refused.Add(key);
        }
    }
}
