using System.Text;
using SkydFast.Client.Protocol;

namespace SkydFast.Client;

/// <summary>
/// One argument of a query: text (sent as UTF-8), bytes (sent as they are) or a number (sent in decimal). Strings and
/// byte arrays convert implicitly, so <c>SetAsync("k", "v")</c> and <c>SetAsync(keyBytes, valueBytes)</c> both work.
/// Numbers do not, so that a count is never mistaken for a key: use <see cref="FromNumber"/>.
/// </summary>
public readonly struct SkyArg : IEquatable<SkyArg>
{
    private readonly string? _text;
    private readonly ReadOnlyMemory<byte> _bytes;
    private readonly ulong _number;
    private readonly Kinds _kind;

    private SkyArg(string? text, ReadOnlyMemory<byte> bytes, ulong number, Kinds kind)
    {
        _text = text;
        _bytes = bytes;
        _number = number;
        _kind = kind;
    }

    private enum Kinds : byte
    {
        None,
        Text,
        Bytes,
        Number,
    }

    /// <summary>Text, sent as UTF-8.</summary>
    public static implicit operator SkyArg(string text) => FromString(text);

    /// <summary>Bytes, sent as they are (not copied: do not change them before the query is sent).</summary>
    public static implicit operator SkyArg(byte[] bytes) => FromBytes(bytes);

    /// <summary>Bytes, sent as they are (not copied: do not change them before the query is sent).</summary>
    public static implicit operator SkyArg(ReadOnlyMemory<byte> bytes) => FromBytes(bytes);

    /// <summary>Text, sent as UTF-8; a null string is refused when the query is written.</summary>
    public static SkyArg FromString(string text) => new(text, default, 0, text is null ? Kinds.None : Kinds.Text);

    /// <summary>Bytes, sent as they are; a null array is refused when the query is written.</summary>
    public static SkyArg FromBytes(byte[] bytes) => bytes is null ? default : new(null, bytes, 0, Kinds.Bytes);

    /// <summary>Bytes, sent as they are.</summary>
    public static SkyArg FromBytes(ReadOnlyMemory<byte> bytes) => new(null, bytes, 0, Kinds.Bytes);

    /// <summary>A number in decimal ASCII (an index, a limit).</summary>
    public static SkyArg FromNumber(ulong number) => new(null, default, number, Kinds.Number);

    /// <summary>True when both hold the same kind and content.</summary>
    public bool Equals(SkyArg other) => _kind == other._kind && _kind switch
    {
        Kinds.Text => string.Equals(_text, other._text, StringComparison.Ordinal),
        Kinds.Bytes => _bytes.Span.SequenceEqual(other._bytes.Span),
        Kinds.Number => _number == other._number,
        _ => true,
    };

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SkyArg other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => _kind switch
    {
        Kinds.Text => StringComparer.Ordinal.GetHashCode(_text!),
        Kinds.Bytes => _bytes.Length,
        Kinds.Number => _number.GetHashCode(),
        _ => 0,
    };

    /// <summary>Equal arguments.</summary>
    public static bool operator ==(SkyArg left, SkyArg right) => left.Equals(right);

    /// <summary>Different arguments.</summary>
    public static bool operator !=(SkyArg left, SkyArg right) => !left.Equals(right);

    /// <summary>The argument as text (bytes decoded as UTF-8).</summary>
    public override string ToString() => _kind switch
    {
        Kinds.Text => _text!,
        Kinds.Bytes => Encoding.UTF8.GetString(_bytes.Span),
        Kinds.Number => _number.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => string.Empty,
    };

    /// <summary>True when the argument spells <paramref name="upperWord"/> (ASCII letters, upper case), ignoring case
    /// as the server does for action names.</summary>
    internal bool IsWord(string upperWord) => _kind switch
    {
        Kinds.Text => string.Equals(_text, upperWord, StringComparison.OrdinalIgnoreCase),
        Kinds.Bytes => Ascii.EqualsIgnoreCase(_bytes.Span, upperWord),
        _ => false,
    };

    internal void WriteTo(PacketBuffer buffer)
    {
        switch (_kind)
        {
            case Kinds.Text:
                buffer.WriteItem(_text!);
                break;
            case Kinds.Bytes:
                buffer.WriteItem(_bytes.Span);
                break;
            case Kinds.Number:
                buffer.WriteItem(_number);
                break;
            default:
                throw new ArgumentException("a query argument is null");
        }
    }
}
