namespace SkydFast.Store;

/// <summary>Container names are ASCII; looking one up by wire bytes widens them without allocating.</summary>
internal static class Names
{
    /// <summary>No valid name is longer; a longer lookup cannot match and must not use the stack.</summary>
    public const int MaxLookupLength = 256;

    /// <summary>Widens bytes to chars one for one (Latin-1), so non-ASCII bytes never match an ASCII name.</summary>
    public static void Widen(ReadOnlySpan<byte> bytes, Span<char> chars)
    {
        for (var i = 0; i < bytes.Length; i++)
        {
            chars[i] = (char)bytes[i];
        }
    }
}
