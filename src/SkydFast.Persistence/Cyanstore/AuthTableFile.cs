using SkydFast.Store;

namespace SkydFast.Persistence.Cyanstore;

/// <summary>One user of the auth table: the username (at most 40 bytes) and its 40-byte token hash.</summary>
/// <param name="Username">The username bytes.</param>
/// <param name="Hash">The token hash (actions.md §9.3).</param>
public readonly record struct AuthEntry(byte[] Username, byte[] Hash);

/// <summary>Decodes the system auth table file (persistence-and-config.md §2.5); encode with <see cref="AuthTableWriter"/>.</summary>
public static class AuthTableFile
{
    /// <summary>
    /// Decodes every user strictly. As upstream, bytes after the last declared user are not checked.
    /// </summary>
    /// <exception cref="CyanstoreFormatException">Truncation, a bad length or a duplicate username.</exception>
    public static List<AuthEntry> Read(Stream stream, string path, CyanstoreByteOrder order)
    {
        ArgumentNullException.ThrowIfNull(stream);
        using var reader = new CyanstoreReader(stream, path, order);
        var count = reader.ReadU64("user count");
        var users = new List<AuthEntry>();
        var seen = new HashSet<byte[]>(ByteKeyComparer.Instance);
        for (ulong i = 0; i < count; i++)
        {
            reader.SetEntry("user", i, count);
            var start = reader.Offset;
            var usernameLength = reader.ReadU64("username length");
            if (usernameLength > CyanstoreLimits.MaxUsernameLength)
            {
                throw reader.Corrupted(start, $"{reader.Describe("username length")} is {usernameLength}, more than the limit of {CyanstoreLimits.MaxUsernameLength}");
            }

            var hashLengthOffset = reader.Offset;
            var hashLength = reader.ReadU64("hash length");
            if (hashLength != CyanstoreLimits.AuthHashLength)
            {
                throw reader.Corrupted(hashLengthOffset, $"{reader.Describe("hash length")} is {hashLength}, not {CyanstoreLimits.AuthHashLength}");
            }

            var username = reader.ReadBytes(usernameLength, "username");
            if (!seen.Add(username))
            {
                throw reader.Corrupted(start, $"{reader.Describe("username")} is listed twice");
            }

            users.Add(new AuthEntry(username, reader.ReadBytes(hashLength, "hash")));
        }

        return users;
    }
}
