using System.Text;

namespace SkydFast.Load.Tests;

/// <summary>Test bytes written as text: every character is one byte (Latin-1).</summary>
internal static class Bytes
{
    public static byte[] Of(string text) => Encoding.Latin1.GetBytes(text);

    public static string Text(ReadOnlySpan<byte> bytes) => Encoding.Latin1.GetString(bytes);

    /// <summary>Key <paramref name="index"/>'s value of <paramref name="length"/> bytes with <paramref name="fill"/>.</summary>
    public static string Value(long index, int length, char fill)
    {
        var key = $"key:{index:D12}";
        return length <= key.Length ? key[..length] : key + new string(fill, length - key.Length);
    }
}
