namespace SkydFast.Engine.Actions.Kv;

/// <summary>How a value argument becomes a stored value.</summary>
internal static class Values
{
    /// <summary>
    /// The stored copy of a value argument, for <c>ShardedMap.TryInsert</c>/<c>TryUpdate</c> to call only when the
    /// value will be stored. A cached static delegate: passing it allocates nothing.
    /// </summary>
    public static readonly Func<ReadOnlySpan<byte>, byte[]> Copy = static value => value.ToArray();
}
