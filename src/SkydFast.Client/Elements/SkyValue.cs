using System.Text;

namespace SkydFast.Client;

/// <summary>A string (<c>+</c>) or binary string (<c>?</c>): a stored value, key, name or token. The symbol comes from
/// the table's column type, not from the bytes, so both carry arbitrary bytes.</summary>
public sealed class SkyValue : SkyElement, IEquatable<SkyValue>
{
    private readonly byte[] _bytes;
    private string? _text;

    /// <summary>A value holding <paramref name="bytes"/> (not copied).</summary>
    public SkyValue(byte[] bytes, bool isBinary)
    {
        _bytes = bytes;
        IsBinary = isBinary;
    }

    /// <inheritdoc/>
    public override SkyElementKind Kind => IsBinary ? SkyElementKind.Binary : SkyElementKind.String;

    /// <summary>True for <c>?</c> (a <c>binstr</c> column), false for <c>+</c>.</summary>
    public bool IsBinary { get; }

    /// <summary>The bytes as sent.</summary>
    public ReadOnlyMemory<byte> Bytes => _bytes;

    /// <summary>The bytes decoded as UTF-8 (invalid sequences become U+FFFD).</summary>
    public string Text => _text ??= Encoding.UTF8.GetString(_bytes);

    /// <summary>A copy of the bytes.</summary>
    public byte[] ToArray() => (byte[])_bytes.Clone();

    /// <summary>The value as UTF-8 text.</summary>
    public override string ToString() => Text;

    /// <summary>Equal when both the bytes and the symbol are.</summary>
    public bool Equals(SkyValue? other) => other is not null && other.IsBinary == IsBinary && other._bytes.AsSpan().SequenceEqual(_bytes);

    /// <inheritdoc/>
    public override bool Equals(object? obj) => Equals(obj as SkyValue);

    /// <inheritdoc/>
    public override int GetHashCode()
    {
        var hash = default(HashCode);
        hash.AddBytes(_bytes);
        hash.Add(IsBinary);
        return hash.ToHashCode();
    }
}
