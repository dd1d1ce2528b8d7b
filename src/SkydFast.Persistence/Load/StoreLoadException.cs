namespace SkydFast.Persistence.Load;

/// <summary>
/// Startup cannot load the data directory: a file could not be read, or the tree lacks what every instance has
/// (persistence-and-config.md §4.3). Structural faults of a file are <see cref="Cyanstore.CyanstoreFormatException"/>
/// instead. The message is complete, starting with upstream's <c>Storage engine error: </c>.
/// </summary>
public sealed class StoreLoadException : Exception
{
    /// <summary>Creates the error with its complete message.</summary>
    public StoreLoadException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
