namespace SkydFast.Persistence.Cyanstore;

/// <summary>The structural limits of Cyanstore 1A (persistence-and-config.md §2.1-2.5).</summary>
public static class CyanstoreLimits
{
    /// <summary>The longest keyspace or table name, in bytes.</summary>
    public const int MaxNameLength = 64;

    /// <summary>The longest username of the auth table, in bytes.</summary>
    public const int MaxUsernameLength = 40;

    /// <summary>The exact length of a token hash in the auth table, in bytes.</summary>
    public const int AuthHashLength = 40;

    /// <summary>The name of the system keyspace, which PRELOAD must list.</summary>
    public const string SystemKeyspace = "system";
}
