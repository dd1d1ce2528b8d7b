using Microsoft.Win32.SafeHandles;

namespace SkydFast.Persistence.Files;

/// <summary>
/// Writes a large file's blocks in order on a thread of its own while the producer (the encoder) fills the next
/// block, and asks the kernel to start writing each 8 MiB to the disk as soon as it is in the page cache
/// (<c>sync_file_range(SYNC_FILE_RANGE_WRITE)</c>, as Redis's incremental fsync does every 4 MB), so the final
/// fsync finds little left to do. Without it the encoder, the copy into the page cache and the disk each wait for
/// the one before: the kernel starts writeback on its own only at gigabytes of dirty memory.
/// The producer trades a full block for an empty one (<see cref="Exchange"/>); at most <see cref="MaxQueued"/>
/// blocks wait, so a file in the making holds at most <see cref="MaxQueued"/> + 1 blocks, recycled among
/// themselves. The first write error stops the writing and is thrown to the producer by its next
/// <see cref="Exchange"/> or by <see cref="Finish"/>. The thread runs below normal priority
/// (<see cref="NativeMethods.LowerThreadPriority"/>), like the encoder of a flush.
/// </summary>
internal sealed class BlockWriter : IDisposable
{
    /// <summary>The size of a block: large enough that a pwrite per block costs little, small enough to pool.</summary>
    public const int BlockSize = 1 << 20;

    /// <summary>Blocks queued for writing at most.</summary>
    public const int MaxQueued = 4;

    private const long WritebackEvery = 8 << 20;

    private readonly SafeFileHandle _handle;
    private readonly Queue<(byte[] Block, int Length)> _queue = new();
    private readonly Stack<byte[]> _free = new();
    private readonly object _gate = new();
    private long _offset;
    private long _writebackFrom;
    private Exception? _error;
    private bool _stopping;
    private bool _abandoned;
    private bool _exited;

    /// <summary>Starts the writer thread; the first block lands at <paramref name="offset"/>.</summary>
    public BlockWriter(SafeFileHandle handle, long offset)
    {
        _handle = handle;
        _offset = offset;
        _writebackFrom = offset;
        new Thread(() =>
        {
            NativeMethods.LowerThreadPriority();
            Run();
        })
        { IsBackground = true, Name = "skyd-file-writer" }.Start();
    }

    /// <summary>Queues the first <paramref name="length"/> bytes of <paramref name="block"/> (which the writer now
    /// owns) and returns an empty block of at least <see cref="BlockSize"/> bytes. Waits while the queue is full.</summary>
    /// <exception cref="IOException">An earlier block could not be written.</exception>
    public byte[] Exchange(byte[] block, int length)
    {
        lock (_gate)
        {
            while (_queue.Count >= MaxQueued && _error is null)
            {
                Monitor.Wait(_gate);
            }

            if (_error is not null)
            {
                _free.Push(block);
                throw Failed();
            }

            _queue.Enqueue((block, length));
            Monitor.PulseAll(_gate);
            return _free.Count > 0 ? _free.Pop() : FileBuffers.Pool.Rent(BlockSize);
        }
    }

    /// <summary>Waits until every queued block is written and the writer has exited.</summary>
    /// <exception cref="IOException">A block could not be written.</exception>
    public void Finish()
    {
        Stop(abandon: false);
        if (_error is not null)
        {
            throw Failed();
        }
    }

    /// <summary>Drops the blocks not written yet and waits for the writer to exit; every block goes back to the
    /// pool. After <see cref="Finish"/>, only the latter.</summary>
    public void Dispose()
    {
        Stop(abandon: true);
        while (_free.TryPop(out var block))
        {
            FileBuffers.Pool.Return(block);
        }
    }

    private void Stop(bool abandon)
    {
        lock (_gate)
        {
            _stopping = true;
            _abandoned |= abandon;
            Monitor.PulseAll(_gate);
            while (!_exited)
            {
                Monitor.Wait(_gate);
            }
        }
    }

    private IOException Failed() => _error as IOException ?? new IOException(_error!.Message, _error);

    private void Run()
    {
        while (true)
        {
            (byte[] Block, int Length) next;
            bool write;
            lock (_gate)
            {
                while (_queue.Count == 0 && !_stopping)
                {
                    Monitor.Wait(_gate);
                }

                if (_queue.Count == 0)
                {
                    _exited = true;
                    Monitor.PulseAll(_gate);
                    return;
                }

                next = _queue.Peek();
                write = _error is null && !_abandoned;
            }

            Exception? error = null;
            if (write)
            {
                try
                {
                    Write(next.Block.AsSpan(0, next.Length));
                }
                catch (Exception ex)
                {
                    // Every failure goes to the producer: an exception escaping this thread would end the process.
                    error = ex;
                }
            }

            lock (_gate)
            {
                _ = _queue.Dequeue();
                _free.Push(next.Block);
                _error ??= error;
                Monitor.PulseAll(_gate);
            }
        }
    }

    private void Write(ReadOnlySpan<byte> bytes)
    {
        RandomAccess.Write(_handle, bytes, _offset);
        _offset += bytes.Length;
        if (_offset - _writebackFrom >= WritebackEvery)
        {
            NativeMethods.StartWriteback(_handle, _writebackFrom, _offset - _writebackFrom);
            _writebackFrom = _offset;
        }
    }
}
