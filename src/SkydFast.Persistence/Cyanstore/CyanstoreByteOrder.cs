namespace SkydFast.Persistence.Cyanstore;

/// <summary>
/// The byte order of every u64 in a Cyanstore 1A data directory. The value is the PRELOAD marker byte that
/// declares it (persistence-and-config.md §2); the marker of <c>data/ks/PRELOAD</c> governs every other file.
/// </summary>
public enum CyanstoreByteOrder : byte
{
    /// <summary>Marker 0x80; the only order skyd-fast writes.</summary>
    LittleEndian = 0x80,

    /// <summary>Marker 0x81; read only (a big-endian host running Skytable 0.7 wrote it).</summary>
    BigEndian = 0x81,
}
