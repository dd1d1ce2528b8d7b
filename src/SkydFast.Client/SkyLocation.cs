namespace SkydFast.Client;

/// <summary>Where a connection is (WHEREAMI): a keyspace, and a table unless only a keyspace was selected.</summary>
/// <param name="Keyspace">The current keyspace.</param>
/// <param name="Table">The current table, or null after <c>USE keyspace</c>.</param>
public sealed record SkyLocation(string Keyspace, string? Table)
{
    /// <summary><c>keyspace:table</c>, or the keyspace alone.</summary>
    public override string ToString() => Table is null ? Keyspace : $"{Keyspace}:{Table}";
}
