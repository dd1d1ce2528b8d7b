namespace SkydFast.Store;

/// <summary>The eight <c>keymap</c> models; the value is the model code stored on disk (model-and-ddl.md §4.2).</summary>
public enum TableModel : byte
{
    BinstrBinstr = 0,
    BinstrStr = 1,
    StrStr = 2,
    StrBinstr = 3,
    BinstrListBinstr = 4,
    BinstrListStr = 5,
    StrListBinstr = 6,
    StrListStr = 7,
}

/// <summary>Properties of a <see cref="TableModel"/>.</summary>
public static class TableModelExtensions
{
    /// <summary>Whether the value is a list (codes 4-7).</summary>
    public static bool IsList(this TableModel model) => model >= TableModel.BinstrListBinstr;

    /// <summary>Whether keys must be valid UTF-8.</summary>
    public static bool KeyIsStr(this TableModel model) => model is TableModel.StrStr or TableModel.StrBinstr or TableModel.StrListBinstr or TableModel.StrListStr;

    /// <summary>Whether values (or list elements) must be valid UTF-8.</summary>
    public static bool ValueIsStr(this TableModel model) => model is TableModel.BinstrStr or TableModel.StrStr or TableModel.BinstrListStr or TableModel.StrListStr;

    /// <summary>The response type symbol of values and list elements: <c>+</c> for str, <c>?</c> for binstr.</summary>
    public static byte ValueSymbol(this TableModel model) => model.ValueIsStr() ? (byte)'+' : (byte)'?';
}
