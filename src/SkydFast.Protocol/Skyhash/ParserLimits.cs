namespace SkydFast.Protocol.Skyhash;

/// <summary>Bounds on what one query packet may declare or occupy (DECISIONS.md 4).</summary>
/// <param name="MaxQuerySize">Largest packet in bytes; anything larger is a packet error. Default 64 MiB.</param>
/// <param name="MaxElements">Largest count any one header (<c>*</c>, <c>~</c>, <c>&amp;</c>, <c>_</c>) may declare. Default 1,048,576.</param>
public readonly record struct ParserLimits(int MaxQuerySize, long MaxElements)
{
    /// <summary>64 MiB, as DECISIONS.md 4.</summary>
    public const int DefaultMaxQuerySize = 64 * 1024 * 1024;

    /// <summary>1,048,576, as DECISIONS.md 4.</summary>
    public const long DefaultMaxElements = 1_048_576;

    /// <summary>The defaults of DECISIONS.md 4.</summary>
    public static ParserLimits Default => new(DefaultMaxQuerySize, DefaultMaxElements);
}
