using System.Text.Unicode;
using SkydFast.Store;

namespace SkydFast.Engine.Support;

/// <summary>
/// The KENC / VENC checks of actions.md §0: bytes bound for a <c>str</c> column must be strict UTF-8
/// (<see cref="Utf8.IsValid(ReadOnlySpan{byte})"/> rejects overlongs, surrogates and code points above U+10FFFF).
/// </summary>
public static class StrChecks
{
    /// <summary>Whether <paramref name="key"/> may be a key of <paramref name="table"/>.</summary>
    public static bool KeyOk(Table table, ReadOnlySpan<byte> key) => !table.Model.KeyIsStr() || Utf8.IsValid(key);

    /// <summary>Whether <paramref name="value"/> may be a value (or list element) of <paramref name="table"/>.</summary>
    public static bool ValueOk(Table table, ReadOnlySpan<byte> value) => !table.Model.ValueIsStr() || Utf8.IsValid(value);
}
