using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using SkydFast.Persistence.Load;
using SkydFast.Persistence.Services;

namespace SkydFast.Engine.Tests.Snapshots;

/// <summary>MKSNAP and MKSNAP name (actions.md §5), every answer in the spec's order of checks.</summary>
public sealed class MkSnapTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void MkSnapWithTwoArgumentsIsAnActionError()
    {
        var (h, _) = Harness(local: true);
        using (h)
        {
            Assert.Equal(Replies.ActionError, h.Q("MKSNAP", "a", "b"));
        }
    }

    [Fact]
    public void MkSnapWithoutLocalSnapshotsIsDisabledAndWritesNothing()
    {
        var (h, data) = Harness(local: false);
        using (h)
        {
            Assert.Equal("*1\n!21\nerr-snapshot-disabled\n", h.Q("MKSNAP"));
            Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(data, "snaps")));
        }
    }

    [Fact]
    public void MkSnapWritesALocalSnapshotOfEverythingSetBeforeIt()
    {
        var (h, data) = Harness(local: true);
        using (h)
        {
            Assert.Equal(Replies.Okay, h.Q("SET", "x", "100"));

            Assert.Equal(Replies.Okay, h.Q("mksnap"));

            var folder = Assert.Single(Directory.GetDirectories(Path.Combine(data, "snaps")));
            Assert.Matches(@"/\d{8}-\d{6}$", folder);
            Assert.True(StoreLoader.LoadTree(folder).DefaultTable.Kv!.TryGetValue("x"u8, out var value));
            Assert.Equal("100"u8.ToArray(), value);
        }
    }

    [Fact]
    public void ARemoteSnapshotIsWrittenOnceAndItsNameIsThenADuplicate()
    {
        var (h, data) = Harness(local: false);
        using (h)
        {
            Assert.Equal(Replies.Okay, h.Q("MKSNAP", "nightly/one"));
            Assert.Equal("*1\n!18\nduplicate-snapshot\n", h.Q("MKSNAP", "nightly/one"));
            Assert.True(File.Exists(Path.Combine(data, "rsnap", "nightly", "one", "PRELOAD")));
        }
    }

    [Fact]
    public void ARemoteNameThatIsNotUtf8IsAnEncodingError()
    {
        var (h, data) = Harness(local: false);
        using (h)
        {
            Assert.Equal(Replies.EncodingError, h.Q([.. "MKSNAP"u8], [0xC0, 0x80]));
            Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(data, "rsnap")));
        }
    }

    [Theory]
    [InlineData("/tmp/escape")]
    [InlineData("..")]
    [InlineData("a/../../b")]
    [InlineData("")]
    [InlineData(".")]
    public void ARemoteNameThatLeavesRsnapIsInvalid(string name)
    {
        var (h, data) = Harness(local: false);
        using (h)
        {
            Assert.Equal("*1\n!25\nerr-invalid-snapshot-name\n", h.Q("MKSNAP", name));
            Assert.Empty(Directory.GetFileSystemEntries(Path.Combine(data, "rsnap")));
        }
    }

    [Fact]
    public void MkSnapWorksWhilePoisonedWithoutATableAndLeavesThePoisonAlone()
    {
        var (h, _) = Harness(local: true);
        using (h)
        {
            Assert.Equal(Replies.Okay, h.Q("USE", "default"));
            h.Store.IsPoisoned = true;

            Assert.Equal(Replies.Okay, h.Q("MKSNAP"));
            Assert.Equal(Replies.Okay, h.Q("MKSNAP", "remote"));

            Assert.True(h.Store.IsPoisoned);
        }
    }

    [Fact]
    public void MkSnapInsideAPipelineRunsInItsPlace()
    {
        var (h, data) = Harness(local: false);
        using (h)
        {
            var pipeline = "*3\n~3\n3\nSET\n1\na\n1\n1\n~2\n6\nMKSNAP\n4\nsnap\n~3\n3\nSET\n1\nb\n1\n2\n"u8;

            Assert.Equal("*3\n!1\n0\n!1\n0\n!1\n0\n", Encoding.Latin1.GetString(h.Run(pipeline)));

            var snapshot = StoreLoader.LoadTree(Path.Combine(data, "rsnap", "snap")).DefaultTable.Kv!;
            Assert.True(snapshot.TryGetValue("a"u8, out _));
            Assert.False(snapshot.TryGetValue("b"u8, out _));
        }
    }

    [Fact]
    public void APipelineWithSeveralBlockingStagesRunsEachInItsPlace()
    {
        var (h, data) = Harness(local: false);
        using (h)
        {
            var pipeline = "*4\n~2\n6\nMKSNAP\n5\nfirst\n~3\n3\nSET\n1\na\n1\n1\n~3\n3\nSYS\n4\nINFO\n8\nprotover\n~2\n6\nMKSNAP\n6\nsecond\n"u8;

            Assert.Equal("*4\n!1\n0\n!1\n0\n%3\n1.2\n!1\n0\n", Encoding.Latin1.GetString(h.Run(pipeline)));

            Assert.False(StoreLoader.LoadTree(Path.Combine(data, "rsnap", "first")).DefaultTable.Kv!.TryGetValue("a"u8, out _));
            Assert.True(StoreLoader.LoadTree(Path.Combine(data, "rsnap", "second")).DefaultTable.Kv!.TryGetValue("a"u8, out _));
        }
    }

    [Fact]
    public void QueriesAroundAMkSnapInOneReadAreAnsweredInOrder()
    {
        var (h, _) = Harness(local: false);
        using (h)
        {
            var batch = "*1\n~3\n3\nSET\n1\na\n1\n1\n*1\n~2\n6\nMKSNAP\n1\nr\n*1\n~2\n3\nGET\n1\na\n"u8;

            Assert.Equal("*1\n!1\n0\n*1\n!1\n0\n*1\n?1\n1\n", Encoding.Latin1.GetString(h.Run(batch)));
        }
    }

    [Fact]
    public void WithoutPersistenceMkSnapIsDisabledAndARemoteOneAServerError()
    {
        using var h = new EngineHarness();
        Assert.Equal("*1\n!21\nerr-snapshot-disabled\n", h.Q("MKSNAP"));
        Assert.Equal(Replies.ServerError, h.Q("MKSNAP", "name"));
    }

    private (EngineHarness Harness, string Data) Harness(bool local)
    {
        var data = Path.Combine(_dir.Path, "data");
        var store = StoreLoader.Load(data).Store;
        var settings = local ? new SnapshotSettings(TimeSpan.FromHours(1), 0, true) : null;
        var snapshots = new SnapshotService(new FlushGate(store, data), settings, NullLogger.Instance);
        snapshots.ScanExisting();
        return (new EngineHarness(store, data, snapshots), data);
    }
}
