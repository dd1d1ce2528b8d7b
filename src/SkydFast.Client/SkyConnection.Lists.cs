using SkydFast.Client.Protocol;

namespace SkydFast.Client;

// The list actions (actions.md §4) on keymap(..., list<...>) tables. A missing list is a value (null or false); an index
// out of range or an empty list where an element is needed is a SkyhashException (bad-list-index, list-is-empty).
public sealed partial class SkyConnection
{
    /// <summary>LSET: creates the list with <paramref name="values"/> (possibly none); false when it already existed
    /// (unchanged).</summary>
    public async Task<bool> LSetAsync(SkyArg key, IReadOnlyList<SkyArg>? values = null, CancellationToken cancellationToken = default) =>
        Expect.OkayOr(await RunAsync(Command.Of("LSET", key) with { Tail = values }, cancellationToken), SkyResponseCode.OverwriteError, "LSET");

    /// <summary>LGET: every element, or null when the list does not exist.</summary>
    public async Task<IReadOnlyList<SkyValue>?> LGetAsync(SkyArg key, CancellationToken cancellationToken = default) =>
        Expect.NonNullValuesOrNil(await RunAsync(Command.Of("LGET", key), cancellationToken), "LGET");

    /// <summary>LGET LEN: the number of elements, or null when the list does not exist.</summary>
    public async Task<ulong?> LGetLenAsync(SkyArg key, CancellationToken cancellationToken = default) =>
        Expect.IntegerOrNil(await RunAsync(Command.Of("LGET", key, "LEN"), cancellationToken), "LGET");

    /// <summary>LGET LIMIT: the first <paramref name="count"/> elements, or null when the list does not exist.</summary>
    public async Task<IReadOnlyList<SkyValue>?> LGetLimitAsync(SkyArg key, ulong count, CancellationToken cancellationToken = default) =>
        Expect.NonNullValuesOrNil(await RunAsync(Command.Of("LGET", key, "LIMIT", SkyArg.FromNumber(count)), cancellationToken), "LGET");

    /// <summary>LGET VALUEAT: the element at <paramref name="index"/>, or null when the list does not exist; an index
    /// past the end throws (<c>bad-list-index</c>).</summary>
    public async Task<SkyValue?> LGetValueAtAsync(SkyArg key, ulong index, CancellationToken cancellationToken = default) =>
        Expect.ValueOrNil(await RunAsync(Command.Of("LGET", key, "VALUEAT", SkyArg.FromNumber(index)), cancellationToken), "LGET");

    /// <summary>LGET FIRST: the first element, or null when the list does not exist; an empty list throws
    /// (<c>list-is-empty</c>).</summary>
    public async Task<SkyValue?> LGetFirstAsync(SkyArg key, CancellationToken cancellationToken = default) =>
        Expect.ValueOrNil(await RunAsync(Command.Of("LGET", key, "FIRST"), cancellationToken), "LGET");

    /// <summary>LGET LAST: the last element, or null when the list does not exist; an empty list throws
    /// (<c>list-is-empty</c>).</summary>
    public async Task<SkyValue?> LGetLastAsync(SkyArg key, CancellationToken cancellationToken = default) =>
        Expect.ValueOrNil(await RunAsync(Command.Of("LGET", key, "LAST"), cancellationToken), "LGET");

    /// <summary>LGET RANGE: elements from <paramref name="start"/> up to <paramref name="stop"/> (exclusive; default the
    /// end), or null when the list does not exist; an invalid range throws (<c>bad-list-index</c>).</summary>
    public async Task<IReadOnlyList<SkyValue>?> LGetRangeAsync(SkyArg key, ulong start, ulong? stop = null, CancellationToken cancellationToken = default)
    {
        var command = stop is { } end
            ? Command.Of("LGET", key, "RANGE", SkyArg.FromNumber(start), SkyArg.FromNumber(end))
            : Command.Of("LGET", key, "RANGE", SkyArg.FromNumber(start));
        return Expect.NonNullValuesOrNil(await RunAsync(command, cancellationToken), "LGET");
    }

    /// <summary>LMOD CLEAR: empties the list; false when it does not exist.</summary>
    public async Task<bool> LModClearAsync(SkyArg key, CancellationToken cancellationToken = default) =>
        Expect.OkayOr(await RunAsync(Command.Of("LMOD", key, "CLEAR"), cancellationToken), SkyResponseCode.Nil, "LMOD");

    /// <summary>LMOD PUSH: appends <paramref name="values"/> in order; false when the list does not exist.</summary>
    public async Task<bool> LModPushAsync(SkyArg key, IReadOnlyList<SkyArg> values, CancellationToken cancellationToken = default) =>
        Expect.OkayOr(await RunAsync(Command.Of("LMOD", key, "PUSH") with { Tail = values }, cancellationToken), SkyResponseCode.Nil, "LMOD");

    /// <summary>LMOD REMOVE: deletes the element at <paramref name="index"/>; false when the list does not exist.</summary>
    public async Task<bool> LModRemoveAsync(SkyArg key, ulong index, CancellationToken cancellationToken = default) =>
        Expect.OkayOr(await RunAsync(Command.Of("LMOD", key, "REMOVE", SkyArg.FromNumber(index)), cancellationToken), SkyResponseCode.Nil, "LMOD");

    /// <summary>LMOD INSERT: inserts <paramref name="value"/> before the element at <paramref name="index"/> (it must
    /// exist: the server cannot insert at the end); false when the list does not exist.</summary>
    public async Task<bool> LModInsertAsync(SkyArg key, ulong index, SkyArg value, CancellationToken cancellationToken = default) =>
        Expect.OkayOr(await RunAsync(Command.Of("LMOD", key, "INSERT", SkyArg.FromNumber(index), value), cancellationToken), SkyResponseCode.Nil, "LMOD");

    /// <summary>LMOD POP: removes and returns the last element (or the one at <paramref name="index"/>); null when the
    /// list does not exist.</summary>
    public async Task<SkyValue?> LModPopAsync(SkyArg key, ulong? index = null, CancellationToken cancellationToken = default)
    {
        var command = index is { } at
            ? Command.Of("LMOD", key, "POP", SkyArg.FromNumber(at))
            : Command.Of("LMOD", key, "POP");
        return Expect.ValueOrNil(await RunAsync(command, cancellationToken), "LMOD");
    }
}
