namespace SkydFast.Persistence.Cyanstore;

/// <summary>Encodes the system auth table file (persistence-and-config.md §2.5), little endian.</summary>
public sealed class AuthTableWriter : CyanstoreTableWriter
{
    /// <summary>Creates a writer that encodes into <paramref name="stream"/>.</summary>
    public AuthTableWriter(Stream stream)
        : base(stream)
    {
    }

    /// <summary>Writes one user: <c>[u64 ulen][u64 40][username][hash]</c>; rejects what the reader would refuse.</summary>
    public void Write(ReadOnlySpan<byte> username, ReadOnlySpan<byte> hash)
    {
        if (username.Length > CyanstoreLimits.MaxUsernameLength)
        {
            throw new ArgumentException($"a username has at most {CyanstoreLimits.MaxUsernameLength} bytes", nameof(username));
        }

        if (hash.Length != CyanstoreLimits.AuthHashLength)
        {
            throw new ArgumentException($"a token hash has exactly {CyanstoreLimits.AuthHashLength} bytes", nameof(hash));
        }

        CountEntry();
        Output.WriteU64((ulong)username.Length);
        Output.WriteU64(CyanstoreLimits.AuthHashLength);
        Output.Write(username);
        Output.Write(hash);
    }
}
