namespace SkydFast.Persistence.Cyanstore;

/// <summary>
/// The common shape of the table-file writers: <see cref="Begin"/> declares the entry count, the subclass's
/// <c>Write</c> adds one entry, <see cref="End"/> checks that exactly the declared number was written
/// (DECISIONS.md 12: upstream once wrote a count that disagreed with its entries and could not load the file).
/// A writer streams to the caller's stream through one pooled buffer and never disposes the stream.
/// </summary>
public abstract class CyanstoreTableWriter : IDisposable
{
    private ulong _declared;
    private ulong _written;
    private bool _begun;
    private bool _ended;

    /// <summary>Creates a writer that encodes into <paramref name="stream"/>.</summary>
    private protected CyanstoreTableWriter(Stream stream) => Output = new CyanstoreWriter(stream);

    /// <summary>Entries written so far.</summary>
    public ulong Written => _written;

    private protected CyanstoreWriter Output { get; }

    /// <summary>Writes the entry count; exactly that many entries must follow.</summary>
    public void Begin(ulong count)
    {
        if (_begun)
        {
            throw new InvalidOperationException("Begin was already called");
        }

        _begun = true;
        _declared = count;
        Output.WriteU64(count);
    }

    /// <summary>Flushes the file's bytes to the stream; throws if the entries written differ from the count.</summary>
    public void End()
    {
        if (!_begun || _ended)
        {
            throw new InvalidOperationException(_ended ? "End was already called" : "Begin was not called");
        }

        if (_written != _declared)
        {
            throw new InvalidOperationException($"{_written} entries written, {_declared} declared");
        }

        _ended = true;
        Output.Flush();
    }

    /// <summary>Returns the pooled buffer; bytes not yet flushed by <see cref="End"/> are dropped.</summary>
    public void Dispose()
    {
        Output.Dispose();
        GC.SuppressFinalize(this);
    }

    /// <summary>Counts one more entry, before any of its bytes are written.</summary>
    private protected void CountEntry()
    {
        if (!_begun || _ended)
        {
            throw new InvalidOperationException(_ended ? "the file was already ended" : "Begin was not called");
        }

        if (_written == _declared)
        {
            throw new InvalidOperationException($"more entries than the {_declared} declared");
        }

        _written++;
    }
}
