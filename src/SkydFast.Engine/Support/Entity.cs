namespace SkydFast.Engine.Support;

/// <summary>The form of an entity argument (model-and-ddl.md §3.1).</summary>
public enum EntityKind : byte
{
    /// <summary><c>name</c>: a keyspace for USE, a table of the current keyspace elsewhere.</summary>
    Single,

    /// <summary><c>ks:tbl</c>.</summary>
    Full,

    /// <summary><c>:tbl</c>: a table of the current keyspace.</summary>
    Partial,

    /// <summary>Wrong shape or an empty component: <c>malformed-expression</c>.</summary>
    Malformed,

    /// <summary>A component that breaks the naming rules: <c>bad-container-name</c>.</summary>
    BadName,
}

/// <summary>A parsed entity: its kind and the views of its components into the argument.</summary>
public readonly ref struct Entity
{
    /// <summary>The longest valid component.</summary>
    public const int MaxComponentLength = 64;

    private Entity(EntityKind kind, ReadOnlySpan<byte> keyspace, ReadOnlySpan<byte> name)
    {
        Kind = kind;
        Keyspace = keyspace;
        Name = name;
    }

    /// <summary>The form, or the error.</summary>
    public EntityKind Kind { get; }

    /// <summary>The keyspace of a <see cref="EntityKind.Full"/> entity.</summary>
    public ReadOnlySpan<byte> Keyspace { get; }

    /// <summary>The single name, or the table of a full or partial entity.</summary>
    public ReadOnlySpan<byte> Name { get; }

    /// <summary>Whether the entity parsed.</summary>
    public bool IsValid => Kind <= EntityKind.Partial;

    /// <summary>Parses <paramref name="arg"/> by the algorithm of model-and-ddl.md §3.2.</summary>
    public static Entity Parse(ReadOnlySpan<byte> arg)
    {
        var first = arg.IndexOf((byte)':');
        if (first < 0)
        {
            var only = Validate(arg);
            return only == EntityKind.Single ? new Entity(EntityKind.Single, default, arg) : new Entity(only, default, default);
        }

        var left = arg[..first];
        var right = arg[(first + 1)..];
        if (right.Contains((byte)':'))
        {
            return new Entity(EntityKind.Malformed, default, default);
        }

        // The table is validated before the keyspace.
        var table = Validate(right);
        if (table != EntityKind.Single)
        {
            return new Entity(table, default, default);
        }

        if (left.IsEmpty)
        {
            return new Entity(EntityKind.Partial, default, right);
        }

        var keyspace = Validate(left);
        return keyspace == EntityKind.Single ? new Entity(EntityKind.Full, left, right) : new Entity(keyspace, default, default);
    }

    /// <summary>
    /// A component is valid iff it is at most 64 bytes, matches <c>^[a-zA-Z_][a-zA-Z_0-9]*$</c> (so it is
    /// ASCII, hence UTF-8) and is not <c>PRELOAD</c> or <c>PARTMAP</c>, the names of Cyanstore's own files.
    /// </summary>
    public static EntityKind Validate(ReadOnlySpan<byte> component)
    {
        if (component.IsEmpty)
        {
            return EntityKind.Malformed;
        }

        if (component.Length > MaxComponentLength || !IsIdentifier(component)
            || component.SequenceEqual("PRELOAD"u8) || component.SequenceEqual("PARTMAP"u8))
        {
            return EntityKind.BadName;
        }

        return EntityKind.Single;
    }

    /// <summary>Whether <paramref name="s"/> matches <c>^[a-zA-Z_][a-zA-Z_0-9]*$</c>.</summary>
    public static bool IsIdentifier(ReadOnlySpan<byte> s)
    {
        if (s.IsEmpty || !(char.IsAsciiLetter((char)s[0]) || s[0] == (byte)'_'))
        {
            return false;
        }

        foreach (var b in s[1..])
        {
            if (!(char.IsAsciiLetterOrDigit((char)b) || b == (byte)'_'))
            {
                return false;
            }
        }

        return true;
    }
}
