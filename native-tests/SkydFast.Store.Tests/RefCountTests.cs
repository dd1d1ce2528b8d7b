namespace SkydFast.Store.Tests;

/// <summary>The reference count that lets DROP refuse a container in use (model-and-ddl.md §6).</summary>
public class RefCountTests
{
    [Fact]
    public void UnreferencedObjectCanBeDropped()
    {
        var refs = default(RefCount);
        Assert.False(refs.IsDropped);
        Assert.True(refs.TryDrop());
        Assert.True(refs.IsDropped);
    }

    [Fact]
    public void ReferencedObjectCannotBeDroppedUntilEveryReferenceIsReleased()
    {
        var refs = default(RefCount);
        Assert.True(refs.TryAcquire());
        Assert.True(refs.TryAcquire());
        Assert.False(refs.TryDrop());
        refs.Release();
        Assert.False(refs.TryDrop());
        refs.Release();
        Assert.True(refs.TryDrop());
    }

    [Fact]
    public void DroppedObjectIsATombstoneThatRefusesEveryAcquire()
    {
        var refs = default(RefCount);
        Assert.True(refs.TryDrop());
        Assert.False(refs.TryAcquire());
        Assert.False(refs.TryAcquire());
        Assert.True(refs.IsDropped);
    }

    [Fact]
    public void SecondDropOfATombstoneFails()
    {
        var refs = default(RefCount);
        Assert.True(refs.TryDrop());
        Assert.False(refs.TryDrop());
    }

    [Fact]
    public void ConcurrentAcquiresAndOneDropNeverOverlap()
    {
        // Holder threads take and return references while a dropper retries; once the drop wins, no holder may
        // ever hold a reference again, and a holder that held one must have held it before the drop.
        var box = new RefCount[1];
        var holders = 0;
        var heldAfterDrop = 0;
        var dropped = 0;
        var threads = new Thread[4];
        for (var t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(() =>
            {
                for (var i = 0; i < 20_000; i++)
                {
                    if (box[0].TryAcquire())
                    {
                        Interlocked.Increment(ref holders);
                        if (Volatile.Read(ref dropped) != 0)
                        {
                            Interlocked.Increment(ref heldAfterDrop);
                        }

                        Interlocked.Decrement(ref holders);
                        box[0].Release();
                    }
                }
            });
            threads[t].Start();
        }

        var dropper = new Thread(() =>
        {
            while (!box[0].TryDrop())
            {
                Thread.Yield();
            }

            Volatile.Write(ref dropped, 1);
        });
        dropper.Start();
        foreach (var thread in threads)
        {
            thread.Join();
        }

        dropper.Join();
        Assert.True(box[0].IsDropped);
        Assert.Equal(0, heldAfterDrop);
        Assert.Equal(0, holders);
        Assert.False(box[0].TryAcquire());
    }
}
