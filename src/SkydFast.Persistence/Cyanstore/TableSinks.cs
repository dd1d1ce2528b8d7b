namespace SkydFast.Persistence.Cyanstore;

/// <summary>Receives the entries of a key/value table file as they are decoded.</summary>
public interface IKvEntrySink
{
    /// <summary>One entry; <paramref name="key"/> is valid only during the call, <paramref name="value"/> is new.</summary>
    void Add(ReadOnlySpan<byte> key, byte[] value);

    /// <summary>About this many entries follow (bounded by the file's size): room may be made for them.</summary>
    void Reserve(long entries);
}

/// <summary>Receives the lists of a list table file as they are decoded.</summary>
public interface IListEntrySink
{
    /// <summary>One list; <paramref name="name"/> is valid only during the call, <paramref name="elements"/> is new.</summary>
    void Add(ReadOnlySpan<byte> name, List<byte[]> elements);
}
