using Microsoft.Extensions.ObjectPool;
using SkydFast.Client.Protocol;

namespace SkydFast.Client.Pooling;

/// <summary>
/// Connections to one server, kept open between uses (built on Microsoft.Extensions.ObjectPool). Rent one, use it, and
/// dispose the lease to give it back. Every connection is opened with the pool's <see cref="SkyConnectionOptions"/>, so
/// it starts logged in as <see cref="SkyConnectionOptions.Username"/> in <see cref="SkyConnectionOptions.Entity"/>
/// (<c>default:default</c> when unset).
/// </summary>
/// <remarks>
/// What a connection comes back with decides its fate, so a rented connection always looks freshly opened:
/// <list type="bullet">
/// <item>closed (by an error, a timeout, a cancellation or a dispose): dropped;</item>
/// <item>a login change (AUTH LOGIN, LOGOUT or CLAIM, through a typed method, a raw query or a pipeline stage, even
/// one the server refused): dropped and closed, since logging back in as the pool's user costs a bcrypt check;</item>
/// <item>a USE: kept, and sent back to the pool's entity with one USE when next rented (if that fails, it is dropped
/// and a new connection opened);</item>
/// <item>still running a query when given back: dropped and closed;</item>
/// <item>beyond <see cref="MaximumRetained"/> idle connections: closed.</item>
/// </list>
/// Data changes are not undone: a pool does not isolate one user's writes from another's.
/// </remarks>
public sealed class SkyConnectionPool : IDisposable, IAsyncDisposable
{
    private readonly SkyConnectionOptions _options;
    private readonly ObjectPool<Slot> _pool;
    private int _disposed;

    /// <summary>A pool that opens connections with <paramref name="options"/> and keeps up to
    /// <paramref name="maximumRetained"/> of them idle (default: twice the processor count). The number of connections
    /// rented at once is not limited.</summary>
    public SkyConnectionPool(SkyConnectionOptions options, int maximumRetained = 0)
    {
        _options = options;
        MaximumRetained = maximumRetained > 0 ? maximumRetained : Environment.ProcessorCount * 2;

        // The provider hands back a pool that disposes what it does not keep, and everything it kept when disposed.
        _pool = new DefaultObjectPoolProvider { MaximumRetained = MaximumRetained }.Create(new SlotPolicy());
    }

    /// <summary>The most idle connections kept open.</summary>
    public int MaximumRetained { get; }

    /// <summary>A connection ready to use, opened now or taken from the idle ones. Throws as
    /// <see cref="SkyConnection.ConnectAsync(SkyConnectionOptions, CancellationToken)"/> does.</summary>
    public async ValueTask<SkyPooledConnection> RentAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);
        var slot = _pool.Get();
        try
        {
            if (slot.Connection is { } kept && (kept.Effects & SessionEffects.Location) != 0 && !await TryResetAsync(kept, cancellationToken))
            {
                kept.Dispose();
                slot.Connection = null;
            }

            slot.Connection ??= await SkyConnection.ConnectAsync(_options, cancellationToken);
        }
        catch
        {
            _pool.Return(slot);
            throw;
        }

        return new SkyPooledConnection(this, slot, slot.Generation);
    }

    /// <summary>Rents a connection, runs <paramref name="work"/> with it and gives it back.</summary>
    public async Task<T> RunAsync<T>(Func<SkyConnection, CancellationToken, Task<T>> work, CancellationToken cancellationToken = default)
    {
        await using var lease = await RentAsync(cancellationToken);
        return await work(lease.Connection, cancellationToken);
    }

    /// <summary>Rents a connection, runs <paramref name="work"/> with it and gives it back.</summary>
    public async Task RunAsync(Func<SkyConnection, CancellationToken, Task> work, CancellationToken cancellationToken = default)
    {
        await using var lease = await RentAsync(cancellationToken);
        await work(lease.Connection, cancellationToken);
    }

    /// <summary>Closes the idle connections; rented ones are closed when given back.</summary>
    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            (_pool as IDisposable)?.Dispose();
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    internal void Return(Slot slot) => _pool.Return(slot);

    private async Task<bool> TryResetAsync(SkyConnection connection, CancellationToken cancellationToken)
    {
        try
        {
            await connection.UseAsync(_options.Entity ?? "default:default", cancellationToken);
            connection.ClearSessionEffects();
            return true;
        }
        catch (SkyhashException)
        {
            return false;
        }
        catch (IOException)
        {
            return false;
        }
        catch (TimeoutException)
        {
            return false;
        }
    }

    /// <summary>What the object pool holds: a connection, or nothing yet (the pool creates objects synchronously,
    /// connecting is asynchronous, so <see cref="RentAsync"/> fills an empty slot). The generation tells a lease that
    /// was already given back from the current one.</summary>
    internal sealed class Slot : IDisposable
    {
        public SkyConnection? Connection { get; set; }

        public int Generation;

        public void Dispose()
        {
            Connection?.Dispose();
            Connection = null;
        }
    }

    /// <summary>Keeps a returned slot only if its connection is open, idle and still logged in as it was opened.</summary>
    private sealed class SlotPolicy : IPooledObjectPolicy<Slot>
    {
        public Slot Create() => new();

        public bool Return(Slot obj) => obj.Connection is { IsClosed: false, IsBusy: false } connection && (connection.Effects & SessionEffects.Identity) == 0;
    }
}

/// <summary>A rented connection; dispose it to give the connection back to its pool (once; later disposes do
/// nothing). Do not use <see cref="Connection"/> afterwards.</summary>
public readonly struct SkyPooledConnection : IDisposable, IAsyncDisposable, IEquatable<SkyPooledConnection>
{
    private readonly SkyConnectionPool _pool;
    private readonly SkyConnectionPool.Slot _slot;
    private readonly int _generation;

    internal SkyPooledConnection(SkyConnectionPool pool, SkyConnectionPool.Slot slot, int generation)
    {
        _pool = pool;
        _slot = slot;
        _generation = generation;
        Connection = slot.Connection!;
    }

    /// <summary>The connection.</summary>
    public SkyConnection Connection { get; }

    /// <summary>Gives the connection back.</summary>
    public void Dispose()
    {
        // Only the first dispose of this rent moves the generation on, so only it gives the slot back.
        if (_slot is not null && Interlocked.CompareExchange(ref _slot.Generation, _generation + 1, _generation) == _generation)
        {
            _pool.Return(_slot);
        }
    }

    /// <inheritdoc cref="Dispose"/>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>True for leases of the same rent.</summary>
    public bool Equals(SkyPooledConnection other) => ReferenceEquals(_slot, other._slot) && _generation == other._generation;

    /// <inheritdoc/>
    public override bool Equals(object? obj) => obj is SkyPooledConnection other && Equals(other);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(_slot, _generation);

    /// <summary>Same rent.</summary>
    public static bool operator ==(SkyPooledConnection left, SkyPooledConnection right) => left.Equals(right);

    /// <summary>Different rents.</summary>
    public static bool operator !=(SkyPooledConnection left, SkyPooledConnection right) => !left.Equals(right);
}
