namespace SkydFast.Persistence.Cyanstore;

/// <summary>Which of upstream's two structural load errors a <see cref="CyanstoreFormatException"/> is.</summary>
public enum CyanstoreErrorKind
{
    /// <summary>Upstream's "file `...` is corrupted": truncation, trailing bytes, bad lengths, duplicates.</summary>
    Corrupted,

    /// <summary>Upstream's "bad metadata in file `...`": an unknown PRELOAD marker or model byte.</summary>
    BadMetadata,
}

/// <summary>
/// A Cyanstore 1A file that does not have the structure persistence-and-config.md §2 requires. The message is
/// upstream's (§4.3) followed by where and why (DECISIONS.md 13a):
/// <c>Storage engine error: file `data/ks/default/default` is corrupted (offset 2849934: 5 bytes after the last of
/// 113881 declared entries)</c>.
/// </summary>
public sealed class CyanstoreFormatException : Exception
{
    /// <summary>Creates the error for <paramref name="filePath"/> at <paramref name="offset"/>.</summary>
    public CyanstoreFormatException(CyanstoreErrorKind kind, string filePath, long offset, string reason)
        : base($"{UpstreamText(kind, filePath)} (offset {offset}: {reason})")
    {
        Kind = kind;
        FilePath = filePath;
        Offset = offset;
        Reason = reason;
    }

    /// <summary>Corrupted or bad metadata.</summary>
    public CyanstoreErrorKind Kind { get; }

    /// <summary>The file, as the caller named it.</summary>
    public string FilePath { get; }

    /// <summary>The byte offset where the fault starts, counted from where decoding began (the start of a freshly opened file).</summary>
    public long Offset { get; }

    /// <summary>What is wrong there.</summary>
    public string Reason { get; }

    /// <summary>Upstream's message alone, without offset and reason.</summary>
    public string UpstreamMessage => UpstreamText(Kind, FilePath);

    private static string UpstreamText(CyanstoreErrorKind kind, string filePath) => kind == CyanstoreErrorKind.BadMetadata
        ? $"Storage engine error: bad metadata in file `{filePath}`"
        : $"Storage engine error: file `{filePath}` is corrupted";
}
