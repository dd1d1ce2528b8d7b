using SkydFast.Client.Protocol;

namespace SkydFast.Client;

// The key/value actions (actions.md §3) and the generic ones (§2). Keys and values may be text or bytes (SkyArg).
public sealed partial class SkyConnection
{
    /// <summary>HEYA: answers <c>HEY!</c>.</summary>
    public async Task<string> HeyaAsync(CancellationToken cancellationToken = default) =>
        Expect.Text(await RunAsync(Command.Of("HEYA"), cancellationToken), "HEYA");

    /// <summary>HEYA <paramref name="message"/>: the server echoes the message.</summary>
    public async Task<string> HeyaAsync(SkyArg message, CancellationToken cancellationToken = default) =>
        Expect.Text(await RunAsync(Command.Of("HEYA", message), cancellationToken), "HEYA");

    /// <summary>WHEREAMI: the current keyspace and table.</summary>
    public async Task<SkyLocation> WhereAmIAsync(CancellationToken cancellationToken = default)
    {
        var names = Expect.Strings(await RunAsync(Command.Of("WHEREAMI"), cancellationToken), "WHEREAMI");
        return names.Count switch
        {
            1 => new SkyLocation(names[0], null),
            2 => new SkyLocation(names[0], names[1]),
            _ => throw new SkyProtocolException($"WHEREAMI: {names.Count} names"),
        };
    }

    /// <summary>USE <paramref name="entity"/> (<c>ks</c>, <c>ks:tbl</c> or <c>:tbl</c>); throws
    /// <see cref="SkyhashException"/> (<c>container-not-found</c>...) when refused.</summary>
    public async Task UseAsync(SkyArg entity, CancellationToken cancellationToken = default) =>
        Expect.Okay(await RunAsync(Command.Of("USE", entity), cancellationToken), "USE");

    /// <summary>GET: the value, or null when the key does not exist.</summary>
    public async Task<SkyValue?> GetAsync(SkyArg key, CancellationToken cancellationToken = default) =>
        Expect.ValueOrNil(await RunAsync(Command.Of("GET", key), cancellationToken), "GET");

    /// <summary>SET: true when stored, false when the key already existed (its value unchanged).</summary>
    public async Task<bool> SetAsync(SkyArg key, SkyArg value, CancellationToken cancellationToken = default) =>
        Expect.OkayOr(await RunAsync(Command.Of("SET", key, value), cancellationToken), SkyResponseCode.OverwriteError, "SET");

    /// <summary>UPDATE: true when replaced, false when the key does not exist.</summary>
    public async Task<bool> UpdateAsync(SkyArg key, SkyArg value, CancellationToken cancellationToken = default) =>
        Expect.OkayOr(await RunAsync(Command.Of("UPDATE", key, value), cancellationToken), SkyResponseCode.Nil, "UPDATE");

    /// <summary>DEL of one key: true when it existed.</summary>
    public async Task<bool> DelAsync(SkyArg key, CancellationToken cancellationToken = default) =>
        Expect.Integer(await RunAsync(Command.Of("DEL", key), cancellationToken), "DEL") == 1;

    /// <summary>DEL: how many of the keys existed (a repeated key counts once).</summary>
    public async Task<ulong> DelAsync(IReadOnlyList<SkyArg> keys, CancellationToken cancellationToken = default) =>
        Expect.Integer(await RunAsync(Command.Of("DEL") with { Tail = keys }, cancellationToken), "DEL");

    /// <summary>EXISTS of one key.</summary>
    public async Task<bool> ExistsAsync(SkyArg key, CancellationToken cancellationToken = default) =>
        Expect.Integer(await RunAsync(Command.Of("EXISTS", key), cancellationToken), "EXISTS") == 1;

    /// <summary>EXISTS: how many arguments name an existing key (a repeated one counts each time).</summary>
    public async Task<ulong> ExistsAsync(IReadOnlyList<SkyArg> keys, CancellationToken cancellationToken = default) =>
        Expect.Integer(await RunAsync(Command.Of("EXISTS") with { Tail = keys }, cancellationToken), "EXISTS");

    /// <summary>MGET: one entry per key, in order, null where the key does not exist.</summary>
    public async Task<IReadOnlyList<SkyValue?>> MGetAsync(IReadOnlyList<SkyArg> keys, CancellationToken cancellationToken = default) =>
        Expect.Values(await RunAsync(Command.Of("MGET") with { Tail = keys }, cancellationToken), "MGET");

    /// <summary>MSET: how many pairs were inserted (existing keys are left alone).</summary>
    public async Task<ulong> MSetAsync(IReadOnlyList<(SkyArg Key, SkyArg Value)> pairs, CancellationToken cancellationToken = default) =>
        Expect.Integer(await RunAsync(Command.Of("MSET") with { Pairs = pairs }, cancellationToken), "MSET");

    /// <summary>MUPDATE: how many pairs replaced an existing value.</summary>
    public async Task<ulong> MUpdateAsync(IReadOnlyList<(SkyArg Key, SkyArg Value)> pairs, CancellationToken cancellationToken = default) =>
        Expect.Integer(await RunAsync(Command.Of("MUPDATE") with { Pairs = pairs }, cancellationToken), "MUPDATE");

    /// <summary>USET: inserts or replaces every pair; answers the number of pairs.</summary>
    public async Task<ulong> USetAsync(IReadOnlyList<(SkyArg Key, SkyArg Value)> pairs, CancellationToken cancellationToken = default) =>
        Expect.Integer(await RunAsync(Command.Of("USET") with { Pairs = pairs }, cancellationToken), "USET");

    /// <summary>SSET: all or nothing; true when every pair was inserted, false when a key already existed (nothing
    /// written).</summary>
    public async Task<bool> SSetAsync(IReadOnlyList<(SkyArg Key, SkyArg Value)> pairs, CancellationToken cancellationToken = default) =>
        Expect.OkayOr(await RunAsync(Command.Of("SSET") with { Pairs = pairs }, cancellationToken), SkyResponseCode.OverwriteError, "SSET");

    /// <summary>SUPDATE: all or nothing; true when every key existed and was replaced, false when one did not.</summary>
    public async Task<bool> SUpdateAsync(IReadOnlyList<(SkyArg Key, SkyArg Value)> pairs, CancellationToken cancellationToken = default) =>
        Expect.OkayOr(await RunAsync(Command.Of("SUPDATE") with { Pairs = pairs }, cancellationToken), SkyResponseCode.Nil, "SUPDATE");

    /// <summary>SDEL: all or nothing; true when every key existed and was removed, false when one did not.</summary>
    public async Task<bool> SDelAsync(IReadOnlyList<SkyArg> keys, CancellationToken cancellationToken = default) =>
        Expect.OkayOr(await RunAsync(Command.Of("SDEL") with { Tail = keys }, cancellationToken), SkyResponseCode.Nil, "SDEL");

    /// <summary>POP: removes the key and returns its value, or null when it does not exist.</summary>
    public async Task<SkyValue?> PopAsync(SkyArg key, CancellationToken cancellationToken = default) =>
        Expect.ValueOrNil(await RunAsync(Command.Of("POP", key), cancellationToken), "POP");

    /// <summary>MPOP: removes each key; one entry per key, null where it did not exist.</summary>
    public async Task<IReadOnlyList<SkyValue?>> MPopAsync(IReadOnlyList<SkyArg> keys, CancellationToken cancellationToken = default) =>
        Expect.Values(await RunAsync(Command.Of("MPOP") with { Tail = keys }, cancellationToken), "MPOP");

    /// <summary>KEYLEN: the value's length in bytes, or null when the key does not exist.</summary>
    public async Task<ulong?> KeyLenAsync(SkyArg key, CancellationToken cancellationToken = default) =>
        Expect.IntegerOrNil(await RunAsync(Command.Of("KEYLEN", key), cancellationToken), "KEYLEN");

    /// <summary>DBSIZE: the number of entries in the current table.</summary>
    public async Task<ulong> DbSizeAsync(CancellationToken cancellationToken = default) =>
        Expect.Integer(await RunAsync(Command.Of("DBSIZE"), cancellationToken), "DBSIZE");

    /// <summary>DBSIZE <paramref name="entity"/>: the number of entries in that table.</summary>
    public async Task<ulong> DbSizeAsync(SkyArg entity, CancellationToken cancellationToken = default) =>
        Expect.Integer(await RunAsync(Command.Of("DBSIZE", entity), cancellationToken), "DBSIZE");

    /// <summary>FLUSHDB: removes every entry of the current table.</summary>
    public async Task FlushDbAsync(CancellationToken cancellationToken = default) =>
        Expect.Okay(await RunAsync(Command.Of("FLUSHDB"), cancellationToken), "FLUSHDB");

    /// <summary>FLUSHDB <paramref name="entity"/>: removes every entry of that table.</summary>
    public async Task FlushDbAsync(SkyArg entity, CancellationToken cancellationToken = default) =>
        Expect.Okay(await RunAsync(Command.Of("FLUSHDB", entity), cancellationToken), "FLUSHDB");

    /// <summary>LSKEYS: up to 10 keys of the current table, in no particular order.</summary>
    public async Task<IReadOnlyList<SkyValue>> LsKeysAsync(CancellationToken cancellationToken = default) =>
        Expect.NonNullValues(await RunAsync(Command.Of("LSKEYS"), cancellationToken), "LSKEYS");

    /// <summary>LSKEYS <paramref name="limit"/>: up to that many keys of the current table.</summary>
    public async Task<IReadOnlyList<SkyValue>> LsKeysAsync(ulong limit, CancellationToken cancellationToken = default) =>
        Expect.NonNullValues(await RunAsync(Command.Of("LSKEYS", SkyArg.FromNumber(limit)), cancellationToken), "LSKEYS");

    /// <summary>LSKEYS <paramref name="entity"/>: up to 10 keys of that table.</summary>
    public async Task<IReadOnlyList<SkyValue>> LsKeysAsync(SkyArg entity, CancellationToken cancellationToken = default) =>
        Expect.NonNullValues(await RunAsync(Command.Of("LSKEYS", entity), cancellationToken), "LSKEYS");

    /// <summary>LSKEYS <paramref name="entity"/> <paramref name="limit"/>: up to that many keys of that table (a limit
    /// above the table's size returns them all).</summary>
    public async Task<IReadOnlyList<SkyValue>> LsKeysAsync(SkyArg entity, ulong limit, CancellationToken cancellationToken = default) =>
        Expect.NonNullValues(await RunAsync(Command.Of("LSKEYS", entity, SkyArg.FromNumber(limit)), cancellationToken), "LSKEYS");
}
