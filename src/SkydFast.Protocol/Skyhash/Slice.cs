namespace SkydFast.Protocol.Skyhash;

/// <summary>A range of the receive buffer: one argument of a query, valid until the buffer is advanced.</summary>
public readonly record struct Slice(int Offset, int Length);

/// <summary>What a pipeline stage holds: only an AnyArray (<c>~</c>) can be executed.</summary>
public enum StageKind : byte
{
    /// <summary>An AnyArray: the action name and its arguments.</summary>
    AnyArray,

    /// <summary>A string, integer, array or flat array: parsed and validated, answered with code 7.</summary>
    NotExecutable,
}

/// <summary>One element of the packet's dataframe.</summary>
public readonly record struct Stage(StageKind Kind, int FirstItem, int ItemCount);
