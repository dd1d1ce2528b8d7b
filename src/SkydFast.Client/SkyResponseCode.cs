namespace SkydFast.Client;

/// <summary>The numeric response codes of Skyhash 1.x (skyhash-1.0.md §7), sent as <c>!&lt;len&gt;\n&lt;digits&gt;\n</c>.</summary>
public enum SkyResponseCode
{
    /// <summary>0: success, for actions that return no data.</summary>
    Okay = 0,

    /// <summary>1: the key or list does not exist.</summary>
    Nil = 1,

    /// <summary>2: the key already exists (SET, SSET, LSET).</summary>
    OverwriteError = 2,

    /// <summary>3: wrong number of arguments.</summary>
    ActionError = 3,

    /// <summary>4: the server could not parse the packet, or the query was empty.</summary>
    PacketError = 4,

    /// <summary>5: the store refuses writes (a save failed) or a snapshot could not be written.</summary>
    ServerError = 5,

    /// <summary>6: other error; defined, never sent by 0.7.</summary>
    OtherError = 6,

    /// <summary>7: a number could not be parsed, or the query was not an array.</summary>
    WrongType = 7,

    /// <summary>8: unknown data type in the query or in a model expression.</summary>
    UnknownDataType = 8,

    /// <summary>9: bytes that are not UTF-8 where the table requires <c>str</c>.</summary>
    EncodingError = 9,

    /// <summary>10: wrong user, token or origin key, or an anonymous connection where auth is on.</summary>
    BadCredentials = 10,

    /// <summary>11: the logged-in user (or nobody) may not run this AUTH sub-action.</summary>
    InsufficientPermissions = 11,
}
