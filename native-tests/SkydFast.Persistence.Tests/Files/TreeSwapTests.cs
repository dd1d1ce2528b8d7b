using SkydFast.Persistence.Files;

namespace SkydFast.Persistence.Tests.Files;

public sealed class TreeSwapTests
{
    [Fact]
    public void CommitFlushPutsTheNewTreeInPlaceAndRemovesTheOld()
    {
        using var dir = Scratch.OnDisk();
        WriteTree(dir.Combine("ks"), "old", "stale-keyspace");
        var next = TreeSwap.BeginFlush(dir.Path);
        Assert.Equal(dir.Combine("ks.next"), next);
        WriteTree(next, "new", "default");

        Assert.True(TreeSwap.CommitFlush(dir.Path));

        Assert.Equal(Tree("new", "default"), ReadTree(dir.Combine("ks")));
        Assert.False(Directory.Exists(dir.Combine("ks.next")));
    }

    [Fact]
    public void TheFirstFlushRenamesWhenThereIsNoLiveTree()
    {
        using var dir = Scratch.OnDisk();
        WriteTree(TreeSwap.BeginFlush(dir.Path), "first", "default");
        Assert.True(TreeSwap.CommitFlush(dir.Path));
        Assert.Equal(Tree("first", "default"), ReadTree(dir.Combine("ks")));
        Assert.False(Directory.Exists(dir.Combine("ks.next")));
    }

    [Fact]
    public void BeginFlushStartsFromAnEmptyFolder()
    {
        using var dir = Scratch.OnDisk();
        WriteTree(dir.Combine("ks.next"), "half written", "default");
        var next = TreeSwap.BeginFlush(dir.Path);
        Assert.Empty(Directory.GetFileSystemEntries(next));
    }

    [Fact]
    public void AFlushOnAReadOnlyDiskLeavesTheLiveTreeUntouched()
    {
        using var dir = Scratch.Tmpfs();
        WriteTree(dir.Combine("ks"), "old", "default");
        WriteTree(TreeSwap.BeginFlush(dir.Path), "new", "default");
        dir.RemountReadOnly();

        var fault = Assert.Throws<IOException>(() => TreeSwap.CommitFlush(dir.Path));
        Assert.Contains("Read-only file system (os error 30)", fault.Message, StringComparison.Ordinal);
        Assert.Equal(Tree("old", "default"), ReadTree(dir.Combine("ks")));

        // Once the disk is writable again, startup cleaning and the next flush both succeed.
        dir.RemountReadWrite();
        Assert.Equal([dir.Combine("ks.next")], TreeSwap.CleanLeftovers(dir.Path));
        WriteTree(TreeSwap.BeginFlush(dir.Path), "new", "default");
        Assert.True(TreeSwap.CommitFlush(dir.Path));
        Assert.Equal(Tree("new", "default"), ReadTree(dir.Combine("ks")));
    }

    [Fact]
    public void AFlushThatDoesNotFitFailsAndLeavesTheLiveTreeUntouched()
    {
        using var dir = Scratch.Tmpfs();
        WriteTree(dir.Combine("ks"), "old", "default");
        var next = TreeSwap.BeginFlush(dir.Path);
        Assert.Throws<IOException>(() => AtomicFile.WriteAllBytes(Path.Combine(next, "PRELOAD"), new byte[300_000]));
        Assert.Equal(Tree("old", "default"), ReadTree(dir.Combine("ks")));
        TreeSwap.CleanLeftovers(dir.Path);
        Assert.Equal(["ks"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    /// <summary>Every state a crash can leave a flush in, built on disk: startup keeps data/ks, complete, and
    /// removes the rest.</summary>
    [Theory]
    [InlineData("writing ks.next")]
    [InlineData("swapped, old tree not yet removed")]
    [InlineData("swapped, old tree half removed")]
    [InlineData("clean")]
    public void CleanLeftoversKeepsTheCompleteLiveTreeAfterAnyCrash(string moment)
    {
        using var dir = Scratch.OnDisk();
        Directory.CreateDirectory(dir.Combine("snaps", "20240101-000000"));
        Directory.CreateDirectory(dir.Combine("rsnap"));
        WriteTree(dir.Combine("ks"), "live", "default", "other");
        switch (moment)
        {
            case "writing ks.next":
                Directory.CreateDirectory(dir.Combine("ks.next", "default"));
                File.WriteAllText(dir.Combine("ks.next", "PRELOAD_"), "par");
                break;
            case "swapped, old tree not yet removed":
                WriteTree(dir.Combine("ks.next"), "superseded", "default", "other");
                break;
            case "swapped, old tree half removed":
                WriteTree(dir.Combine("ks.next"), "superseded", "default", "other");
                Directory.Delete(dir.Combine("ks.next", "default"), recursive: true);
                File.Delete(dir.Combine("ks.next", "PRELOAD"));
                break;
            default:
                break;
        }

        var removed = TreeSwap.CleanLeftovers(dir.Path);

        Assert.Equal(moment == "clean" ? [] : [dir.Combine("ks.next")], removed);
        Assert.Equal(Tree("live", "default", "other"), ReadTree(dir.Combine("ks")));
        Assert.Equal(["ks", "rsnap", "snaps"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName).Order());
        Assert.True(Directory.Exists(dir.Combine("snaps", "20240101-000000")));
    }

    [Fact]
    public void CleanLeftoversRemovesInterruptedSnapshotsAndANextTreeWithoutALiveOne()
    {
        using var dir = Scratch.OnDisk();
        WriteTree(TreeSwap.BeginFlush(dir.Path), "first", "default");
        var local = TreeSwap.BeginSnapshot(dir.Path, SnapshotKind.Local, "20240101-000000");
        var remote = TreeSwap.BeginSnapshot(dir.Path, SnapshotKind.Remote, "nested/name");
        WriteTree(local, "partial", "default");

        var removed = TreeSwap.CleanLeftovers(dir.Path);

        Assert.Equal(new[] { dir.Combine("ks.next"), local, remote }.Order(StringComparer.Ordinal), removed.Order(StringComparer.Ordinal));
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void CleanLeftoversRemovesStagingAndRetiredFoldersInsideSnapsAndRsnapOnly()
    {
        using var dir = Scratch.OnDisk();
        string[] leftovers = [dir.Combine("snaps", ".snap-l-20240101-000000"), dir.Combine("snaps", ".snap-old-20230101-000000"), dir.Combine("rsnap", ".snap-r-x")];
        foreach (var leftover in leftovers)
        {
            WriteTree(leftover, "partial", "default");
        }

        WriteTree(dir.Combine("snaps", "20240102-000000"), "kept", "default");
        WriteTree(dir.Combine("rsnap", "nested", ".snap-looks-like-it"), "kept", "default");

        var removed = TreeSwap.CleanLeftovers(dir.Path);

        Assert.Equal(leftovers.Order(StringComparer.Ordinal), removed.Order(StringComparer.Ordinal));
        Assert.Equal(["20240102-000000"], Directory.GetFileSystemEntries(dir.Combine("snaps")).Select(Path.GetFileName));
        Assert.Equal(["nested"], Directory.GetFileSystemEntries(dir.Combine("rsnap")).Select(Path.GetFileName));
    }

    [Fact]
    public void ASnapshotFolderOnItsOwnFileSystemStagesInsideIt()
    {
        using var dir = Scratch.OnDisk();
        Directory.CreateDirectory(dir.Combine("snaps"));
        Scratch.Run("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", dir.Combine("snaps"));
        try
        {
            var staging = TreeSwap.BeginSnapshot(dir.Path, SnapshotKind.Local, "20240324-102905");
            Assert.Equal(dir.Combine("snaps", ".snap-l-20240324-102905"), staging);
            WriteTree(staging, "snap", "default");

            var target = TreeSwap.CommitSnapshot(dir.Path, SnapshotKind.Local, "20240324-102905");

            Assert.Equal(Tree("snap", "default"), ReadTree(target));
            TreeSwap.RetireSnapshot(dir.Path, SnapshotKind.Local, "20240324-102905");
            Assert.Empty(Directory.GetFileSystemEntries(dir.Combine("snaps")));
        }
        finally
        {
            Scratch.Run("umount", dir.Combine("snaps"));
        }
    }

    [Fact]
    public void RetiringASnapshotRemovesItWhole()
    {
        using var dir = Scratch.OnDisk();
        WriteTree(dir.Combine("snaps", "20240101-000000"), "old", "default", "other");
        WriteTree(dir.Combine("snaps", "20240102-000000"), "new", "default");

        TreeSwap.RetireSnapshot(dir.Path, SnapshotKind.Local, "20240101-000000");

        Assert.Equal(["20240102-000000"], Directory.GetFileSystemEntries(dir.Combine("snaps")).Select(Path.GetFileName));
    }

    [Fact]
    public void CleanLeftoversOfAMissingDataDirectoryDoesNothing()
    {
        using var dir = Scratch.OnDisk();
        Assert.Empty(TreeSwap.CleanLeftovers(dir.Combine("data")));
        Assert.False(Directory.Exists(dir.Combine("data")));
    }

    [Fact]
    public void ALocalSnapshotAppearsInSnapsOnlyWhenComplete()
    {
        using var dir = Scratch.OnDisk();
        Directory.CreateDirectory(dir.Combine("snaps"));
        var staging = TreeSwap.BeginSnapshot(dir.Path, SnapshotKind.Local, "20240324-102905");
        Assert.StartsWith(dir.Combine(".snap-"), staging, StringComparison.Ordinal);
        WriteTree(staging, "snap", "default");
        Assert.Empty(Directory.GetFileSystemEntries(dir.Combine("snaps")));

        var target = TreeSwap.CommitSnapshot(dir.Path, SnapshotKind.Local, "20240324-102905");

        Assert.Equal(dir.Combine("snaps", "20240324-102905"), target);
        Assert.Equal(Tree("snap", "default"), ReadTree(target));
        Assert.False(Directory.Exists(staging));
    }

    [Fact]
    public void ANestedRemoteSnapshotCreatesItsParents()
    {
        using var dir = Scratch.OnDisk();
        var staging = TreeSwap.BeginSnapshot(dir.Path, SnapshotKind.Remote, "team/2024//march/");
        WriteTree(staging, "remote", "default");

        var target = TreeSwap.CommitSnapshot(dir.Path, SnapshotKind.Remote, "team/2024//march/");

        Assert.Equal(dir.Combine("rsnap", "team", "2024", "march"), target);
        Assert.Equal(Tree("remote", "default"), ReadTree(target));
        Assert.Equal(["rsnap"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void ASnapshotNeverReplacesAnExistingOne()
    {
        using var dir = Scratch.OnDisk();
        WriteTree(dir.Combine("rsnap", "taken"), "first", "default");
        WriteTree(TreeSwap.BeginSnapshot(dir.Path, SnapshotKind.Remote, "taken"), "second", "default");

        var fault = Assert.Throws<IOException>(() => TreeSwap.CommitSnapshot(dir.Path, SnapshotKind.Remote, "taken"));

        Assert.Contains("(os error 17)", fault.Message, StringComparison.Ordinal);
        Assert.Equal(Tree("first", "default"), ReadTree(dir.Combine("rsnap", "taken")));
        Assert.True(TreeSwap.AbandonSnapshot(dir.Path, SnapshotKind.Remote, "taken"));
        Assert.Equal(["rsnap"], Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void LocalAndRemoteSnapshotsOfOneNameStageApart()
    {
        using var dir = Scratch.OnDisk();
        var local = TreeSwap.BeginSnapshot(dir.Path, SnapshotKind.Local, "a%2Fb");
        var remote = TreeSwap.BeginSnapshot(dir.Path, SnapshotKind.Remote, "a%2Fb");
        var nested = TreeSwap.BeginSnapshot(dir.Path, SnapshotKind.Remote, "a/b");
        Assert.Equal(3, new[] { local, remote, nested }.Distinct().Count());
        Assert.All([local, remote, nested], static p => Assert.True(Directory.Exists(p)));
    }

    [Theory]
    [InlineData(SnapshotKind.Remote, "../escape")]
    [InlineData(SnapshotKind.Remote, "a/../../escape")]
    [InlineData(SnapshotKind.Remote, "/absolute")]
    [InlineData(SnapshotKind.Remote, ".")]
    [InlineData(SnapshotKind.Remote, "")]
    [InlineData(SnapshotKind.Local, "nested/name")]
    [InlineData(SnapshotKind.Remote, ".snap-r-x")]
    [InlineData(SnapshotKind.Remote, "a/.snap-old-b")]
    public void SnapshotNamesThatLeaveTheirFolderOrLookLikeStagingAreRefused(SnapshotKind kind, string name)
    {
        using var dir = Scratch.OnDisk();
        Assert.ThrowsAny<ArgumentException>(() => TreeSwap.BeginSnapshot(dir.Path, kind, name));
        Assert.Empty(Directory.GetFileSystemEntries(dir.Path));
    }

    [Fact]
    public void SyncTreeVisitsEveryFileAndDirectory()
    {
        using var dir = Scratch.OnDisk();
        WriteTree(dir.Combine("ks"), "x", "a", "b");
        Directory.CreateDirectory(dir.Combine("ks", "a", "deeper", "still"));
        TreeSwap.SyncTree(dir.Combine("ks"));
        Assert.Throws<DirectoryNotFoundException>(() => TreeSwap.SyncTree(dir.Combine("missing")));
    }

    [Fact]
    public void CreateDirectoryDurablyCreatesEveryMissingParent()
    {
        using var dir = Scratch.OnDisk();
        TreeSwap.CreateDirectoryDurably(dir.Combine("data", "rsnap", "a", "b"));
        Assert.True(Directory.Exists(dir.Combine("data", "rsnap", "a", "b")));
        TreeSwap.CreateDirectoryDurably(dir.Combine("data", "rsnap", "a", "b"));
    }

    /// <summary>A tree shaped like a flush: PRELOAD, and per keyspace a PARTMAP and one table file, each holding
    /// <paramref name="tag"/>.</summary>
    private static void WriteTree(string root, string tag, params string[] keyspaces)
    {
        Directory.CreateDirectory(root);
        AtomicFile.WriteAllBytes(Path.Combine(root, "PRELOAD"), System.Text.Encoding.UTF8.GetBytes(tag));
        foreach (var keyspace in keyspaces)
        {
            Directory.CreateDirectory(Path.Combine(root, keyspace));
            File.WriteAllText(Path.Combine(root, keyspace, "PARTMAP"), $"{tag} {keyspace}");
            File.WriteAllText(Path.Combine(root, keyspace, "default"), $"{tag} {keyspace} table");
        }
    }

    private static SortedDictionary<string, string> Tree(string tag, params string[] keyspaces)
    {
        var tree = new SortedDictionary<string, string>(StringComparer.Ordinal) { ["PRELOAD"] = tag };
        foreach (var keyspace in keyspaces)
        {
            tree[$"{keyspace}/PARTMAP"] = $"{tag} {keyspace}";
            tree[$"{keyspace}/default"] = $"{tag} {keyspace} table";
        }

        return tree;
    }

    private static SortedDictionary<string, string> ReadTree(string root) =>
        new(
            Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories)
                .ToDictionary(f => Path.GetRelativePath(root, f), File.ReadAllText),
            StringComparer.Ordinal);
}
