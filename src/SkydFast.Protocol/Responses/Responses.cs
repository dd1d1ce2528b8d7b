namespace SkydFast.Protocol.Responses;

/// <summary>
/// Every fixed response element of Skyhash 1.x, pre-encoded (skyhash-1.0.md §7-8). The one table of u8 literals:
/// nothing else in the server spells a response code or an error word.
/// </summary>
public static class Responses
{
    // Response codes (skyhash-1.0.md §7).
    public static ReadOnlySpan<byte> Okay => "!1\n0\n"u8;
    public static ReadOnlySpan<byte> Nil => "!1\n1\n"u8;
    public static ReadOnlySpan<byte> OverwriteError => "!1\n2\n"u8;
    public static ReadOnlySpan<byte> ActionError => "!1\n3\n"u8;
    public static ReadOnlySpan<byte> PacketError => "!1\n4\n"u8;
    public static ReadOnlySpan<byte> ServerError => "!1\n5\n"u8;
    public static ReadOnlySpan<byte> OtherError => "!1\n6\n"u8;
    public static ReadOnlySpan<byte> Wrongtype => "!1\n7\n"u8;
    public static ReadOnlySpan<byte> UnknownDataType => "!1\n8\n"u8;
    public static ReadOnlySpan<byte> EncodingError => "!1\n9\n"u8;
    public static ReadOnlySpan<byte> BadCredentials => "!2\n10\n"u8;
    public static ReadOnlySpan<byte> AuthnRealmError => "!2\n11\n"u8;

    // Whole packets written when the parser gives up (skyhash-1.0.md §5; DECISIONS.md 1).
    public static ReadOnlySpan<byte> PacketErrorPacket => "*1\n!1\n4\n"u8;
    public static ReadOnlySpan<byte> UnknownDataTypePacket => "*1\n!1\n8\n"u8;

    /// <summary>Upstream answers a datatype parse failure without a metaframe.</summary>
    public static ReadOnlySpan<byte> DatatypeParseFailurePacket => "!1\n7\n"u8;

    // Error strings (skyhash-1.0.md §8).
    public static ReadOnlySpan<byte> UnknownAction => "!14\nUnknown action\n"u8;
    public static ReadOnlySpan<byte> SnapshotBusy => "!17\nerr-snapshot-busy\n"u8;
    public static ReadOnlySpan<byte> SnapshotDisabled => "!21\nerr-snapshot-disabled\n"u8;
    public static ReadOnlySpan<byte> DuplicateSnapshot => "!18\nduplicate-snapshot\n"u8;
    public static ReadOnlySpan<byte> InvalidSnapshotName => "!25\nerr-invalid-snapshot-name\n"u8;
    public static ReadOnlySpan<byte> AccessAfterTermsig => "!24\nerr-access-after-termsig\n"u8;
    public static ReadOnlySpan<byte> DefaultContainerUnset => "!23\ndefault-container-unset\n"u8;
    public static ReadOnlySpan<byte> ContainerNotFound => "!19\ncontainer-not-found\n"u8;
    public static ReadOnlySpan<byte> StillInUse => "!12\nstill-in-use\n"u8;
    public static ReadOnlySpan<byte> ProtectedObject => "!20\nerr-protected-object\n"u8;
    public static ReadOnlySpan<byte> WrongModel => "!11\nwrong-model\n"u8;
    public static ReadOnlySpan<byte> AlreadyExists => "!18\nerr-already-exists\n"u8;
    public static ReadOnlySpan<byte> NotReady => "!9\nnot-ready\n"u8;
    public static ReadOnlySpan<byte> TransactionalFailure => "!21\ntransactional-failure\n"u8;
    public static ReadOnlySpan<byte> UnknownDdlQuery => "!17\nunknown-ddl-query\n"u8;
    public static ReadOnlySpan<byte> MalformedExpression => "!20\nmalformed-expression\n"u8;
    public static ReadOnlySpan<byte> UnknownModel => "!13\nunknown-model\n"u8;
    public static ReadOnlySpan<byte> TooManyArgs => "!13\ntoo-many-args\n"u8;
    public static ReadOnlySpan<byte> ContainerNameTooLong => "!23\ncontainer-name-too-long\n"u8;
    public static ReadOnlySpan<byte> BadContainerName => "!18\nbad-container-name\n"u8;
    public static ReadOnlySpan<byte> UnknownInspectQuery => "!21\nunknown-inspect-query\n"u8;
    public static ReadOnlySpan<byte> UnknownProperty => "!16\nunknown-property\n"u8;
    public static ReadOnlySpan<byte> KeyspaceNotEmpty => "!18\nkeyspace-not-empty\n"u8;
    public static ReadOnlySpan<byte> BadTypeForKey => "!16\nbad-type-for-key\n"u8;
    public static ReadOnlySpan<byte> BadListIndex => "!14\nbad-list-index\n"u8;
    public static ReadOnlySpan<byte> ListIsEmpty => "!13\nlist-is-empty\n"u8;
    public static ReadOnlySpan<byte> UnknownMetric => "!14\nunknown-metric\n"u8;
    public static ReadOnlySpan<byte> AuthAlreadyClaimed => "!24\nerr-auth-already-claimed\n"u8;
    public static ReadOnlySpan<byte> AuthDisabled => "!17\nerr-auth-disabled\n"u8;
    public static ReadOnlySpan<byte> AuthIllegalUsername => "!25\nerr-auth-illegal-username\n"u8;
    public static ReadOnlySpan<byte> AuthDeluserFail => "!21\nerr-auth-deluser-fail\n"u8;

    // Fixed strings.
    public static ReadOnlySpan<byte> Heya => "+4\nHEY!\n"u8;
}
