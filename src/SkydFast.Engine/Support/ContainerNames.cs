using SkydFast.Protocol.Responses;

namespace SkydFast.Engine.Support;

/// <summary>Writing keyspace and table names (ASCII identifiers of at most 64 bytes) into array responses.</summary>
public static class ContainerNames
{
    /// <summary>The longest name a container can have (an entity component).</summary>
    public const int MaxLength = Entity.MaxComponentLength;

    /// <summary>Writes <paramref name="name"/> as one array entry, without allocating.</summary>
    public static void WriteEntry(ResponseWriter writer, string name)
    {
        // Every name this server creates fits; a longer one (from a foreign data directory) still answers.
        Span<byte> bytes = name.Length <= MaxLength ? stackalloc byte[MaxLength] : new byte[name.Length];
        var length = System.Text.Encoding.ASCII.GetBytes(name, bytes);
        writer.WriteArrayEntry(bytes[..length]);
    }

    /// <summary>Writes a <c>@+</c> typed array of the names of <paramref name="containers"/>.</summary>
    public static void WriteTypedArray<T>(ResponseWriter writer, ICollection<T> containers, Func<T, string> nameOf)
    {
        writer.WriteTypedArrayHeader(ResponseWriter.StringSymbol, containers.Count);
        foreach (var container in containers)
        {
            WriteEntry(writer, nameOf(container));
        }
    }
}
