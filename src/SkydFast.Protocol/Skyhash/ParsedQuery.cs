namespace SkydFast.Protocol.Skyhash;

/// <summary>
/// The parsed shape of one packet: its stages and the argument slices of each executable stage.
/// One instance lives per connection and is reused for every packet; its arrays grow only with
/// elements actually received (each takes at least three bytes on the wire), never with a declared count.
/// </summary>
public sealed class ParsedQuery
{
    private Stage[] _stages = new Stage[4];
    private Slice[] _items = new Slice[16];
    private int _stageCount;
    private int _itemCount;

    /// <summary>The count the metaframe declared; 2 or more makes this a pipeline.</summary>
    public int DeclaredCount { get; private set; }

    /// <summary>Whether the packet is a pipeline (<c>*n</c> with n ≥ 2).</summary>
    public bool IsPipeline => DeclaredCount >= 2;

    /// <summary>The number of stages parsed (equals <see cref="DeclaredCount"/> after a complete parse).</summary>
    public int StageCount => _stageCount;

    /// <summary>Stage <paramref name="index"/>.</summary>
    public Stage this[int index] => _stages[index];

    /// <summary>The argument slices of an AnyArray stage (item 0 is the action name).</summary>
    public ReadOnlySpan<Slice> ItemsOf(Stage stage) => _items.AsSpan(stage.FirstItem, stage.ItemCount);

    internal void Reset(int declaredCount)
    {
        DeclaredCount = declaredCount;
        _stageCount = 0;
        _itemCount = 0;
    }

    internal int ItemCount => _itemCount;

    internal void AddItem(int offset, int length)
    {
        if (_itemCount == _items.Length)
        {
            Array.Resize(ref _items, _items.Length * 2);
        }

        _items[_itemCount++] = new Slice(offset, length);
    }

    internal void AddStage(StageKind kind, int firstItem)
    {
        if (_stageCount == _stages.Length)
        {
            Array.Resize(ref _stages, _stages.Length * 2);
        }

        _stages[_stageCount++] = new Stage(kind, firstItem, _itemCount - firstItem);
    }
}
