namespace SkydFast.Protocol.Skyhash;

/// <summary>The outcome of one attempt to parse a query packet (skyhash-1.0.md §4).</summary>
public enum ParseStatus : byte
{
    /// <summary>A whole packet was parsed; the consumed byte count is valid.</summary>
    Complete,

    /// <summary>The buffer ends inside the packet: wait for more bytes.</summary>
    NotEnough,

    /// <summary>A byte where the grammar allows no such byte (answered with code 4).</summary>
    UnexpectedByte,

    /// <summary>An empty packet (<c>*0</c>) or a packet beyond the configured limits (answered with code 4).</summary>
    BadPacket,

    /// <summary>A length, count or integer that is not a decimal u64 (answered with the bare <c>!1\n7\n</c>).</summary>
    DatatypeParseFailure,

    /// <summary>An element type symbol the protocol does not define (answered with code 8).</summary>
    UnknownDatatype,
}
