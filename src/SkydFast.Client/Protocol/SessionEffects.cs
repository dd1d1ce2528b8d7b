namespace SkydFast.Client.Protocol;

/// <summary>What a query may change in its connection's state, which a pool must undo or refuse.</summary>
[Flags]
internal enum SessionEffects
{
    /// <summary>Nothing.</summary>
    None = 0,

    /// <summary>USE: the current keyspace and table.</summary>
    Location = 1,

    /// <summary>AUTH LOGIN, LOGOUT or CLAIM: who the connection is logged in as.</summary>
    Identity = 2,
}

/// <summary>Tells the <see cref="SessionEffects"/> of a query from its first two items.</summary>
internal static class SessionEffectsOf
{
    public static SessionEffects Query(SkyArg action, SkyArg subAction, int count) =>
        action.IsWord("USE") ? SessionEffects.Location
        : action.IsWord("AUTH") && count > 1 && (subAction.IsWord("LOGIN") || subAction.IsWord("LOGOUT") || subAction.IsWord("CLAIM"))
            ? SessionEffects.Identity
            : SessionEffects.None;
}
