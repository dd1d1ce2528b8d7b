using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Logging;
using SkydFast.Persistence.Files;

namespace SkydFast.Persistence.Services;

/// <summary>Local snapshots as configured (persistence-and-config.md §6.3, <c>[snapshot]</c>).</summary>
/// <param name="Every">Time between the end of one scheduled snapshot and the start of the next.</param>
/// <param name="AtMost">How many local snapshots are kept; 0 keeps all.</param>
/// <param name="Failsafe">Whether a failed scheduled snapshot poisons the store.</param>
public sealed record SnapshotSettings(TimeSpan Every, int AtMost, bool Failsafe);

/// <summary>What a snapshot request came to (actions.md §5).</summary>
public enum SnapshotOutcome
{
    /// <summary>The snapshot is complete on disk.</summary>
    Okay,

    /// <summary>Local snapshots are not configured.</summary>
    Disabled,

    /// <summary>Another snapshot of the same kind is being written.</summary>
    Busy,

    /// <summary>A remote snapshot of that name was made already (or found at startup).</summary>
    Duplicate,

    /// <summary>The snapshot could not be written (the log says why).</summary>
    Failed,
}

/// <summary>The startup scan of <c>data/snaps</c> and <c>data/rsnap</c> found something that is not a snapshot.</summary>
public sealed class SnapshotScanException : Exception
{
    /// <summary>Creates the error with its complete message.</summary>
    public SnapshotScanException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}

/// <summary>
/// Local snapshots in <c>data/snaps/YYYYMMDD-HHMMSS</c> (scheduled, or <c>MKSNAP</c>) with their rotation queue,
/// and remote snapshots in <c>data/rsnap/&lt;name&gt;</c> (<c>MKSNAP name</c>), persistence-and-config.md §6.3.
/// One local and one remote snapshot may be asked for at a time (a second one is <see cref="SnapshotOutcome.Busy"/>);
/// the writing itself takes turns with BGSAVE through the <see cref="FlushGate"/>. Scheduled results poison or
/// unpoison the store (when failsafe); <c>MKSNAP</c> results never do (§6.2).
/// </summary>
public sealed partial class SnapshotService : IDisposable
{
    /// <summary>The UTC timestamp a local snapshot is named by (upstream's <c>%Y%m%d-%H%M%S</c>).</summary>
    public const string NameFormat = "yyyyMMdd-HHmmss";

    private readonly FlushGate _gate;
    private readonly SnapshotSettings? _settings;
    private readonly ILogger _logger;
    private readonly TimeProvider _clock;
    private readonly Lock _local = new();
    private readonly Lock _remote = new();
    private readonly List<string> _queue = [];
    private readonly HashSet<string> _usedRemoteNames = new(StringComparer.Ordinal);
    private PeriodicThread? _thread;

    /// <summary>Creates the service; <paramref name="settings"/> null means local snapshots are disabled (remote
    /// ones still work).</summary>
    /// <param name="gate">Where snapshots are written from.</param>
    /// <param name="settings">Local snapshot settings, or null.</param>
    /// <param name="logger">The log.</param>
    /// <param name="clock">Names local snapshots; the system clock unless a test sets one.</param>
    public SnapshotService(FlushGate gate, SnapshotSettings? settings, ILogger logger, TimeProvider? clock = null)
    {
        ArgumentNullException.ThrowIfNull(gate);
        if (settings is not null && (settings.Every <= TimeSpan.Zero || settings.AtMost < 0))
        {
            throw new ArgumentOutOfRangeException(nameof(settings), "every must be positive and atmost at least 0");
        }

        _gate = gate;
        _settings = settings;
        _logger = logger;
        _clock = clock ?? TimeProvider.System;
    }

    /// <summary>How local snapshots went (scheduled and MKSNAP; a busy one never started, so it is not counted).</summary>
    public SaveStatistics LocalStatistics { get; } = new();

    /// <summary>How remote snapshots went (a duplicate or busy one never started, so it is not counted).</summary>
    public SaveStatistics RemoteStatistics { get; } = new();

    /// <summary>Whether local snapshots are configured.</summary>
    public bool LocalEnabled => _settings is not null;

    /// <summary>The local snapshots the rotation knows, oldest first.</summary>
    public IReadOnlyList<string> LocalSnapshots
    {
        get
        {
            lock (_local)
            {
                return [.. _queue];
            }
        }
    }

    /// <summary>
    /// Startup (§6.3, always, even with local snapshots disabled): every entry of <c>data/snaps</c> must be a folder
    /// named like a local snapshot, every entry of <c>data/rsnap</c> a folder. Local names join the rotation queue,
    /// oldest first (upstream takes the directory's listing order, which could rotate the newest one out first);
    /// remote names become used.
    /// </summary>
    /// <exception cref="SnapshotScanException">Anything else is there, or a folder could not be read.</exception>
    public void ScanExisting()
    {
        var local = Scan(TreeSwap.LocalSnapshotsName, static name => LocalName().IsMatch(name));
        local.Sort(StringComparer.Ordinal);
        var remote = Scan(TreeSwap.RemoteSnapshotsName, static _ => true);
        lock (_local)
        {
            _queue.Clear();
            _queue.AddRange(local);
        }

        lock (_remote)
        {
            _usedRemoteNames.UnionWith(remote);
        }
    }

    /// <summary>Starts the scheduled local snapshots, if configured: the first <c>every</c> after start, each next
    /// one <c>every</c> after the previous one ended. A dedicated thread, like BGSAVE's.</summary>
    public void Start()
    {
        if (_settings is null)
        {
            return;
        }

        _thread = new PeriodicThread("snapshot", _settings.Every, () => RunScheduled());
        _thread.Start();
    }

    /// <summary><c>MKSNAP</c>: a local snapshot now. Never poisons or unpoisons.</summary>
    public SnapshotOutcome MakeLocal()
    {
        if (_settings is null)
        {
            return SnapshotOutcome.Disabled;
        }

        if (!_local.TryEnter())
        {
            return SnapshotOutcome.Busy;
        }

        try
        {
            return LocalStatistics.Measure(() => CreateLocal(_settings.AtMost), static outcome => outcome == SnapshotOutcome.Okay);
        }
        finally
        {
            _local.Exit();
        }
    }

    /// <summary>One scheduled local snapshot: success unpoisons the store; failure, including finding another local
    /// snapshot in progress, poisons it when failsafe (§6.2).</summary>
    /// <returns>Whether the snapshot was made.</returns>
    public bool RunScheduled()
    {
        var settings = _settings ?? throw new InvalidOperationException("local snapshots are disabled");
        var outcome = SnapshotOutcome.Busy;
        if (_local.TryEnter())
        {
            try
            {
                outcome = LocalStatistics.Measure(() => CreateLocal(settings.AtMost), static outcome => outcome == SnapshotOutcome.Okay);
            }
            finally
            {
                _local.Exit();
            }
        }
        else
        {
            LogScheduledBusy(_logger);
        }

        if (outcome == SnapshotOutcome.Okay)
        {
            _gate.Store.IsPoisoned = false;
            return true;
        }

        if (settings.Failsafe)
        {
            _gate.Store.IsPoisoned = true;
        }

        return false;
    }

    /// <summary>
    /// Whether <paramref name="name"/> may name a remote snapshot: relative, without a <c>..</c> component, and
    /// naming a folder below <c>data/rsnap</c> (so not empty or <c>.</c>, which would write into <c>rsnap</c> itself
    /// and make every later start refuse the folder). Other slashes make nested folders.
    /// </summary>
    public bool IsValidRemoteName(string name)
    {
        try
        {
            _ = TreeSwap.SnapshotPath(_gate.DataDirectory, SnapshotKind.Remote, name);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary><c>MKSNAP name</c>: a remote snapshot into <c>data/rsnap/name</c>. The name counts as used afterwards
    /// whether or not the snapshot could be written (§6.3). Check <see cref="IsValidRemoteName"/> first.</summary>
    public SnapshotOutcome MakeRemote(string name)
    {
        if (!_remote.TryEnter())
        {
            return SnapshotOutcome.Busy;
        }

        try
        {
            if (_usedRemoteNames.Contains(name))
            {
                return SnapshotOutcome.Duplicate;
            }

            try
            {
                return RemoteStatistics.Measure(() => WriteRemote(name), static outcome => outcome == SnapshotOutcome.Okay);
            }
            finally
            {
                _usedRemoteNames.Add(name);
            }
        }
        finally
        {
            _remote.Exit();
        }
    }

    /// <summary>Stops the scheduled snapshots, letting one in progress finish.</summary>
    public void Stop()
    {
        if (_thread?.Stop() == true)
        {
            LogExited(_logger);
        }
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        Stop();
        _thread?.Dispose();
    }

    // Upstream's pattern for a local snapshot folder (YYYYMMDD-HHMMSS, hour and minute digits optional).
    [GeneratedRegex(@"^\d{4}(0[1-9]|1[012])(0[1-9]|[12][0-9]|3[01])(-)(?:(?:([01]?\d|2[0-3]))?([0-5]?\d))?([0-5]?\d)$", RegexOptions.CultureInvariant)]
    private static partial Regex LocalName();

    private List<string> Scan(string folderName, Func<string, bool> isSnapshot)
    {
        var folder = Path.Combine(_gate.DataDirectory, folderName);
        var names = new List<string>();
        try
        {
            foreach (var entry in new DirectoryInfo(folder).EnumerateFileSystemInfos())
            {
                // A link is not a folder here, as upstream (file_type does not follow links).
                if (entry is not DirectoryInfo || entry.LinkTarget is not null)
                {
                    throw new SnapshotScanException($"Snapshot engine error: unrecognized file in snapshot directory (`{entry.FullName}`)");
                }

                if (!isSnapshot(entry.Name))
                {
                    throw new SnapshotScanException($"Snapshot engine error: unknown folder in snapshot directory (`{entry.FullName}`)");
                }

                names.Add(entry.Name);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new SnapshotScanException($"Snapshot engine IOError: {ex.Message}", ex);
        }

        return names;
    }

    private SnapshotOutcome WriteRemote(string name)
    {
        try
        {
            _ = _gate.FlushToSnapshot(SnapshotKind.Remote, name);
            LogRemoteCreated(_logger);
            return SnapshotOutcome.Okay;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogRemoteFailed(_logger, ex.Message);
            return SnapshotOutcome.Failed;
        }
    }

    // The caller holds _local. The rotation makes room before writing and deletes the oldest only after the new
    // snapshot is complete; on failure the queue is put back as it was (upstream drops the popped name, leaving
    // its folder on disk but out of the rotation for the rest of the run).
    private SnapshotOutcome CreateLocal(int atMost)
    {
        var name = _clock.GetUtcNow().UtcDateTime.ToString(NameFormat, CultureInfo.InvariantCulture);
        if (_queue.Contains(name) || Directory.Exists(TreeSwap.SnapshotPath(_gate.DataDirectory, SnapshotKind.Local, name)))
        {
            LogLocalFailed(_logger, "Snapshot engine error: Server time is incorrect");
            return SnapshotOutcome.Failed;
        }

        var evicted = new List<string>();
        while (atMost > 0 && _queue.Count >= atMost)
        {
            evicted.Add(_queue[0]);
            _queue.RemoveAt(0);
        }

        _queue.Add(name);
        try
        {
            _ = _gate.FlushToSnapshot(SnapshotKind.Local, name);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _queue.Remove(name);
            _queue.InsertRange(0, evicted);
            LogLocalFailed(_logger, $"Snapshot engine IOError: {ex.Message}");
            return SnapshotOutcome.Failed;
        }

        LogLocalCreated(_logger);
        foreach (var old in evicted)
        {
            try
            {
                TreeSwap.RetireSnapshot(_gate.DataDirectory, SnapshotKind.Local, old);
                LogRemoved(_logger);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                LogRemoveFailed(_logger, ex.Message);
            }
        }

        return SnapshotOutcome.Okay;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Successfully created snapshot")]
    private static partial void LogLocalCreated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Failed to create snapshot with error: {Error}")]
    private static partial void LogLocalFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Error, Message = "Failed to create snapshot with error: another snapshot is in progress")]
    private static partial void LogScheduledBusy(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Successfully removed older snapshot")]
    private static partial void LogRemoved(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Failed to remove older snapshot (ignored): {Error}")]
    private static partial void LogRemoveFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Remote snapshot succeeded")]
    private static partial void LogRemoteCreated(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Remote snapshot failed with: {Error}")]
    private static partial void LogRemoteFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Snapshot service has exited")]
    private static partial void LogExited(ILogger logger);
}
