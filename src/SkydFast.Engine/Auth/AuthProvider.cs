using System.Security.Cryptography;
using System.Text;
using SkydFast.Store;

namespace SkydFast.Engine.Auth;

/// <summary>
/// Authentication (actions.md §9, persistence-and-config.md §11): on iff an origin key is configured. The users and
/// their token hashes live in the hidden system table <c>auth</c>, which is created when auth is enabled and saved
/// with every flush.
/// </summary>
public sealed class AuthProvider
{
    /// <summary>The hidden system table that holds the users.</summary>
    public const string TableName = "auth";

    /// <summary>The superuser's name.</summary>
    public static ReadOnlySpan<byte> Root => "root"u8;

    /// <summary>The longest username, in bytes (the auth table's limit).</summary>
    public const int MaxUsernameLength = 40;

    private readonly byte[]? _originKey;
    private byte[]? _dummyHash;

    /// <summary>Auth off: every connection is fully privileged.</summary>
    public static AuthProvider Disabled { get; } = new();

    /// <summary>Auth on with <paramref name="originKey"/> (40 ASCII letters or digits, checked by the
    /// configuration), its users in <paramref name="store"/>'s <c>auth</c> table (created if missing).</summary>
    /// <param name="store">The store.</param>
    /// <param name="originKey">The origin key.</param>
    /// <param name="hashCost">The bcrypt cost of new token hashes: 12 as upstream; tests lower it to stay fast.</param>
    public AuthProvider(CoreStore store, string originKey, int hashCost = 12)
    {
        ArgumentNullException.ThrowIfNull(store);
        ArgumentOutOfRangeException.ThrowIfLessThan(hashCost, 4);
        _originKey = Encoding.ASCII.GetBytes(originKey);
        HashCost = hashCost;
        Users = store.GetOrCreateSystemTable(TableName);
    }

    private AuthProvider()
    {
    }

    /// <summary>The bcrypt cost of new token hashes.</summary>
    public int HashCost { get; } = 12;

    /// <summary>A valid hash of a token nobody has: LOGIN of an unknown user verifies against it, so the time taken
    /// does not tell whether a user exists.</summary>
    public byte[] DummyHash => _dummyHash ??= Rcrypt.Hash(Encoding.ASCII.GetBytes(Tokens.NewToken()), HashCost);

    /// <summary>Whether an origin key is configured.</summary>
    public bool Enabled => _originKey is not null;

    /// <summary>The users (name to 40-byte token hash); null while auth is disabled.</summary>
    public SystemTable? Users { get; }

    /// <summary>Whether <paramref name="key"/> is the origin key, byte for byte, in time that does not depend on where
    /// they differ.</summary>
    public bool IsOriginKey(ReadOnlySpan<byte> key) => _originKey is { } origin && CryptographicOperations.FixedTimeEquals(key, origin);

    /// <summary>A username ADDUSER and RESTORE accept: ASCII, at most 40 bytes.</summary>
    public static bool IsLegalUsername(ReadOnlySpan<byte> name) => name.Length <= MaxUsernameLength && Ascii.IsValid(name);
}
