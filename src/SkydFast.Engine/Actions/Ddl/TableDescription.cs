using SkydFast.Store;

namespace SkydFast.Engine.Actions.Ddl;

/// <summary>
/// The <c>INSPECT TABLE</c> text of each model and persistence flag, exactly as upstream's code spells it (no
/// space after <c>data:</c> or <c>volatile:</c>; model-and-ddl.md §5).
/// </summary>
public static class TableDescription
{
    /// <summary>The description of a table with <paramref name="model"/> and <paramref name="isVolatile"/>.</summary>
    public static ReadOnlySpan<byte> Of(TableModel model, bool isVolatile) => (model, isVolatile) switch
    {
        (TableModel.BinstrBinstr, false) => "Keymap { data:(binstr,binstr), volatile:false }"u8,
        (TableModel.BinstrBinstr, true) => "Keymap { data:(binstr,binstr), volatile:true }"u8,
        (TableModel.BinstrStr, false) => "Keymap { data:(binstr,str), volatile:false }"u8,
        (TableModel.BinstrStr, true) => "Keymap { data:(binstr,str), volatile:true }"u8,
        (TableModel.StrStr, false) => "Keymap { data:(str,str), volatile:false }"u8,
        (TableModel.StrStr, true) => "Keymap { data:(str,str), volatile:true }"u8,
        (TableModel.StrBinstr, false) => "Keymap { data:(str,binstr), volatile:false }"u8,
        (TableModel.StrBinstr, true) => "Keymap { data:(str,binstr), volatile:true }"u8,
        (TableModel.BinstrListBinstr, false) => "Keymap { data:(binstr,list<binstr>), volatile:false }"u8,
        (TableModel.BinstrListBinstr, true) => "Keymap { data:(binstr,list<binstr>), volatile:true }"u8,
        (TableModel.BinstrListStr, false) => "Keymap { data:(binstr,list<str>), volatile:false }"u8,
        (TableModel.BinstrListStr, true) => "Keymap { data:(binstr,list<str>), volatile:true }"u8,
        (TableModel.StrListBinstr, false) => "Keymap { data:(str,list<binstr>), volatile:false }"u8,
        (TableModel.StrListBinstr, true) => "Keymap { data:(str,list<binstr>), volatile:true }"u8,
        (TableModel.StrListStr, false) => "Keymap { data:(str,list<str>), volatile:false }"u8,
        (TableModel.StrListStr, true) => "Keymap { data:(str,list<str>), volatile:true }"u8,
        _ => throw new ArgumentOutOfRangeException(nameof(model)),
    };
}
