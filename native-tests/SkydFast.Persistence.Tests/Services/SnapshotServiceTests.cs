using Microsoft.Extensions.Logging.Abstractions;
using SkydFast.Persistence.Files;
using SkydFast.Persistence.Flush;
using SkydFast.Persistence.Load;
using SkydFast.Persistence.Services;
using SkydFast.Persistence.Tests.Files;
using SkydFast.Persistence.Tests.Flush;
using SkydFast.Store;

namespace SkydFast.Persistence.Tests.Services;

/// <summary>Local and remote snapshots: naming, the startup scan, rotation, busy and duplicate rules, poisoning
/// (persistence-and-config.md §6.3, actions.md §5).</summary>
public sealed class SnapshotServiceTests
{
    private static readonly DateTimeOffset Noon = new(2026, 12, 1, 12, 0, 0, TimeSpan.Zero);

    [Fact]
    public void ALocalSnapshotIsNamedByTheUtcSecondAndHoldsTheWholeStore()
    {
        using var dir = Scratch.OnDisk();
        var (gate, data) = Instance(dir, StoreDump.Rich());
        using var service = new SnapshotService(gate, new SnapshotSettings(TimeSpan.FromHours(1), 0, true), NullLogger.Instance, new Clock(Noon.AddMilliseconds(999)));

        Assert.Equal(SnapshotOutcome.Okay, service.MakeLocal());

        var folder = Path.Combine(data, "snaps", "20261201-120000");
        Assert.Equal(StoreDump.Dump(gate.Store, persisted: true), StoreDump.Dump(StoreLoader.LoadTree(folder)));
        Assert.Equal(["20261201-120000"], service.LocalSnapshots);
        Assert.Empty(Directory.GetDirectories(data, ".snap-*"));
    }

    [Fact]
    public void TwoLocalSnapshotsInOneSecondFailTheSecondAndChangeNothing()
    {
        using var dir = Scratch.OnDisk();
        var (gate, data) = Instance(dir, new CoreStore());
        using var service = new SnapshotService(gate, new SnapshotSettings(TimeSpan.FromHours(1), 1, true), NullLogger.Instance, new Clock(Noon));

        Assert.Equal(SnapshotOutcome.Okay, service.MakeLocal());
        Assert.Equal(SnapshotOutcome.Failed, service.MakeLocal());

        Assert.Equal(["20261201-120000"], service.LocalSnapshots);
        Assert.Equal(["20261201-120000"], Names(data, "snaps"));
    }

    [Fact]
    public void LocalSnapshotsAreDisabledUnlessConfigured()
    {
        using var dir = Scratch.OnDisk();
        var (gate, data) = Instance(dir, new CoreStore());
        using var service = new SnapshotService(gate, null, NullLogger.Instance);

        Assert.False(service.LocalEnabled);
        Assert.Equal(SnapshotOutcome.Disabled, service.MakeLocal());
        Assert.Empty(Names(data, "snaps"));
        Assert.Throws<InvalidOperationException>(() => service.RunScheduled());
    }

    [Fact]
    public void RotationKeepsTheNewestAtMostAndRemovesTheOldestOnlyAfterTheNewOneIsComplete()
    {
        using var dir = Scratch.OnDisk();
        var (gate, data) = Instance(dir, new CoreStore());
        var clock = new Clock(Noon);
        using var service = new SnapshotService(gate, new SnapshotSettings(TimeSpan.FromHours(1), 2, true), NullLogger.Instance, clock);

        for (var i = 0; i < 4; i++)
        {
            Assert.Equal(SnapshotOutcome.Okay, service.MakeLocal());
            clock.Now = clock.Now.AddSeconds(1);
        }

        string[] kept = ["20261201-120002", "20261201-120003"];
        Assert.Equal(kept, service.LocalSnapshots);
        Assert.Equal(kept, Names(data, "snaps"));
        Assert.Empty(Directory.GetDirectories(data, ".snap-*"));
    }

    [Fact]
    public void AtMostZeroKeepsEverySnapshot()
    {
        using var dir = Scratch.OnDisk();
        var (gate, data) = Instance(dir, new CoreStore());
        var clock = new Clock(Noon);
        using var service = new SnapshotService(gate, new SnapshotSettings(TimeSpan.FromHours(1), 0, true), NullLogger.Instance, clock);

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(SnapshotOutcome.Okay, service.MakeLocal());
            clock.Now = clock.Now.AddMinutes(1);
        }

        Assert.Equal(5, Names(data, "snaps").Length);
    }

    [Fact]
    public void TheStartupScanQueuesExistingSnapshotsOldestFirstAndRotatesThemOut()
    {
        using var dir = Scratch.OnDisk();
        var (gate, data) = Instance(dir, new CoreStore());
        foreach (var name in new[] { "20260105-000000", "20250101-235959", "20260101-1" })
        {
            _ = Flusher.FlushToSnapshot(gate.Store, data, SnapshotKind.Local, name);
        }

        using var service = new SnapshotService(gate, new SnapshotSettings(TimeSpan.FromHours(1), 2, true), NullLogger.Instance, new Clock(Noon));
        service.ScanExisting();
        Assert.Equal(["20250101-235959", "20260101-1", "20260105-000000"], service.LocalSnapshots);

        Assert.Equal(SnapshotOutcome.Okay, service.MakeLocal());

        Assert.Equal(["20260105-000000", "20261201-120000"], Names(data, "snaps"));
    }

    [Theory]
    [InlineData("snaps", "notasnapshot", true, "unknown folder in snapshot directory")]
    [InlineData("snaps", "20261301-000000", true, "unknown folder in snapshot directory")]
    [InlineData("snaps", "20261201-000000", false, "unrecognized file in snapshot directory")]
    [InlineData("rsnap", "anything", false, "unrecognized file in snapshot directory")]
    public void TheStartupScanRefusesWhatIsNotASnapshot(string folder, string name, bool isFolder, string reason)
    {
        using var dir = Scratch.OnDisk();
        var (gate, data) = Instance(dir, new CoreStore());
        var path = Path.Combine(data, folder, name);
        if (isFolder)
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            File.WriteAllBytes(path, [1]);
        }

        using var service = new SnapshotService(gate, null, NullLogger.Instance);
        var error = Assert.Throws<SnapshotScanException>(service.ScanExisting);

        Assert.Equal($"Snapshot engine error: {reason} (`{path}`)", error.Message);
    }

    [Fact]
    public void TheStartupScanTakesALinkForAFile()
    {
        using var dir = Scratch.OnDisk();
        var (gate, data) = Instance(dir, new CoreStore());
        Directory.CreateSymbolicLink(Path.Combine(data, "snaps", "20261201-000000"), Path.Combine(data, "ks"));

        using var service = new SnapshotService(gate, null, NullLogger.Instance);

        Assert.Contains("unrecognized file in snapshot directory", Assert.Throws<SnapshotScanException>(service.ScanExisting).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AFailedLocalSnapshotLeavesTheQueueAndTheOldSnapshotsAsTheyWere()
    {
        using var dir = Scratch.OnDisk();
        var (gate, data) = Instance(dir, new CoreStore());
        var clock = new Clock(Noon);
        using var service = new SnapshotService(gate, new SnapshotSettings(TimeSpan.FromHours(1), 1, true), NullLogger.Instance, clock);
        Assert.Equal(SnapshotOutcome.Okay, service.MakeLocal());

        // A file where the next snapshot's folder goes: the final rename fails (EEXIST) after the whole write.
        clock.Now = clock.Now.AddSeconds(1);
        File.WriteAllBytes(Path.Combine(data, "snaps", "20261201-120001"), []);

        Assert.Equal(SnapshotOutcome.Failed, service.MakeLocal());

        Assert.Equal(["20261201-120000"], service.LocalSnapshots);
        Assert.True(File.Exists(Path.Combine(data, "snaps", "20261201-120000", "PRELOAD")));
        Assert.Empty(Directory.GetDirectories(data, ".snap-*"));
    }

    [Fact]
    public void AScheduledSnapshotUnpoisonsOnSuccessAndPoisonsOnFailureOnlyWhenFailsafe()
    {
        using var dir = Scratch.OnDisk();
        var (gate, data) = Instance(dir, new CoreStore());
        var clock = new Clock(Noon);
        using var failsafe = new SnapshotService(gate, new SnapshotSettings(TimeSpan.FromHours(1), 0, true), NullLogger.Instance, clock);
        using var lenient = new SnapshotService(gate, new SnapshotSettings(TimeSpan.FromHours(1), 0, false), NullLogger.Instance, clock);

        gate.Store.IsPoisoned = true;
        Assert.True(failsafe.RunScheduled());
        Assert.False(gate.Store.IsPoisoned);

        // Same second again: the folder exists, so the snapshot fails.
        Assert.False(lenient.RunScheduled());
        Assert.False(gate.Store.IsPoisoned);
        Assert.False(failsafe.RunScheduled());
        Assert.True(gate.Store.IsPoisoned);

        clock.Now = clock.Now.AddSeconds(1);
        Assert.True(lenient.RunScheduled());
        Assert.False(gate.Store.IsPoisoned);
        Assert.Equal(2, Names(data, "snaps").Length);
    }

    [Fact]
    public async Task ALocalSnapshotAskedForWhileAnotherIsTakenIsBusyAndAScheduledOnePoisons()
    {
        using var dir = Scratch.OnDisk();
        var (gate, _) = Instance(dir, new CoreStore());
        var clock = new Clock(Noon);
        using var service = new SnapshotService(gate, new SnapshotSettings(TimeSpan.FromHours(1), 0, true), NullLogger.Instance, clock);

        // The first snapshot reads the clock while it holds the local turn; the clock holds it there.
        clock.Hold();
        var first = Task.Run(service.MakeLocal);
        Assert.True(clock.WaitUntilHeld(TimeSpan.FromSeconds(30)));

        Assert.Equal(SnapshotOutcome.Busy, service.MakeLocal());
        Assert.False(service.RunScheduled());
        Assert.True(gate.Store.IsPoisoned);

        clock.Release();
        Assert.Equal(SnapshotOutcome.Okay, await first);
    }

    [Fact]
    public void ARemoteSnapshotGoesIntoRsnapNestedNamesToo()
    {
        using var dir = Scratch.OnDisk();
        var (gate, data) = Instance(dir, StoreDump.Rich());
        using var service = new SnapshotService(gate, null, NullLogger.Instance);

        Assert.Equal(SnapshotOutcome.Okay, service.MakeRemote("backup"));
        Assert.Equal(SnapshotOutcome.Okay, service.MakeRemote("2026/dec/01"));

        var expected = StoreDump.Dump(gate.Store, persisted: true);
        Assert.Equal(expected, StoreDump.Dump(StoreLoader.LoadTree(Path.Combine(data, "rsnap", "backup"))));
        Assert.Equal(expected, StoreDump.Dump(StoreLoader.LoadTree(Path.Combine(data, "rsnap", "2026", "dec", "01"))));
    }

    [Fact]
    public void ARemoteNameIsUsedOnceWhetherOrNotItsSnapshotWasWrittenAndNamesFoundAtStartupAreUsed()
    {
        using var dir = Scratch.OnDisk();
        var (gate, data) = Instance(dir, new CoreStore());
        Directory.CreateDirectory(Path.Combine(data, "rsnap", "old"));
        File.WriteAllBytes(Path.Combine(data, "rsnap", "old", "anything"), [1]);
        using var service = new SnapshotService(gate, null, NullLogger.Instance);
        service.ScanExisting();

        Assert.Equal(SnapshotOutcome.Duplicate, service.MakeRemote("old"));
        Assert.Equal(SnapshotOutcome.Okay, service.MakeRemote("new"));
        Assert.Equal(SnapshotOutcome.Duplicate, service.MakeRemote("new"));

        // Taken on disk behind the server's back: the write fails, and the name is used all the same.
        Directory.CreateDirectory(Path.Combine(data, "rsnap", "taken"));
        Assert.Equal(SnapshotOutcome.Failed, service.MakeRemote("taken"));
        Assert.Equal(SnapshotOutcome.Duplicate, service.MakeRemote("taken"));
        Assert.Empty(Directory.GetFiles(Path.Combine(data, "rsnap", "taken")));
    }

    [Theory]
    [InlineData("name", true)]
    [InlineData("a/b/c", true)]
    [InlineData("./a", true)]
    [InlineData("with space", true)]
    [InlineData("", false)]
    [InlineData(".", false)]
    [InlineData("./", false)]
    [InlineData("/abs", false)]
    [InlineData("..", false)]
    [InlineData("a/../b", false)]
    [InlineData("a/..", false)]
    [InlineData(".snap-r-x", false)]
    public void ARemoteNameMustNameAFolderBelowRsnap(string name, bool valid)
    {
        using var dir = Scratch.OnDisk();
        var (gate, _) = Instance(dir, new CoreStore());
        using var service = new SnapshotService(gate, null, NullLogger.Instance);

        Assert.Equal(valid, service.IsValidRemoteName(name));
    }

    [Fact]
    public void ScheduledSnapshotsRunOnTheirOwnThreadUntilStopped()
    {
        using var dir = Scratch.OnDisk();
        var (gate, data) = Instance(dir, new CoreStore());
        var clock = new Clock(Noon);
        using var service = new SnapshotService(gate, new SnapshotSettings(TimeSpan.FromMilliseconds(20), 0, true), NullLogger.Instance, clock);
        clock.StepOnRead = TimeSpan.FromSeconds(1);

        service.Start();
        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (Names(data, "snaps").Length < 3 && DateTime.UtcNow < deadline)
        {
            Thread.Sleep(10);
        }

        service.Stop();
        var made = Names(data, "snaps").Length;
        Assert.True(made >= 3, $"{made} snapshots");
        Thread.Sleep(100);
        Assert.Equal(made, Names(data, "snaps").Length);
    }

    private static (FlushGate Gate, string Data) Instance(Scratch dir, CoreStore store)
    {
        var data = dir.Combine("data");
        _ = StoreLoader.Load(data);
        return (new FlushGate(store, data), data);
    }

    private static string[] Names(string data, string folder) =>
        [.. Directory.GetFileSystemEntries(Path.Combine(data, folder)).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];

    /// <summary>A clock the test sets, steps, or holds still inside a read (to keep a snapshot in progress).</summary>
    private sealed class Clock(DateTimeOffset now) : TimeProvider
    {
        private readonly ManualResetEventSlim _released = new(true);
        private readonly ManualResetEventSlim _held = new(false);
        private readonly Lock _lock = new();
        private DateTimeOffset _now = now;

        public DateTimeOffset Now
        {
            get
            {
                lock (_lock)
                {
                    return _now;
                }
            }

            set
            {
                lock (_lock)
                {
                    _now = value;
                }
            }
        }

        public TimeSpan StepOnRead { get; set; }

        public void Hold()
        {
            _held.Reset();
            _released.Reset();
        }

        public bool WaitUntilHeld(TimeSpan timeout) => _held.Wait(timeout);

        public void Release() => _released.Set();

        public override DateTimeOffset GetUtcNow()
        {
            if (!_released.IsSet)
            {
                _held.Set();
                _released.Wait();
            }

            lock (_lock)
            {
                var now = _now;
                _now += StepOnRead;
                return now;
            }
        }
    }
}
