namespace SkydFast.Persistence;

/// <summary>Facts about the on-disk format this library reads and writes.</summary>
public static class PersistenceInfo
{
    /// <summary>The storage format: Skytable 0.7's Cyanstore 1A (persistence-and-config.md §2).</summary>
    public const string Format = "Cyanstore 1A";
}
