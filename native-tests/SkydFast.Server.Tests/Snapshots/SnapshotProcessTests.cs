namespace SkydFast.Server.Tests.Snapshots;

/// <summary>Snapshots and restores through the real executable (persistence-and-config.md §6.3-6.4, DECISIONS.md 13).</summary>
public sealed class SnapshotProcessTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ScheduledSnapshotsKeepTheNewestAtMost()
    {
        using var dir = new TempDirectory();
        await using var server = await ServerProcess.StartInAsync(dir, "--snapevery", "1", "--snapkeep", "2");
        await using (var c = await server.ConnectAsync())
        {
            Assert.Equal(Replies.Okay, await c.QueryAsync("SET", "k", "v"));
        }

        Assert.True(await server.WaitForLogAsync("Successfully created snapshot", 4, Wait), server.Log);
        Assert.True(await server.WaitForLogAsync("Successfully removed older snapshot", 2, Wait), server.Log);
        await server.StopCleanlyAsync();

        Assert.Contains("Snapshot service has exited", server.Log);
        var kept = Directory.GetDirectories(Path.Combine(dir.Path, "data", "snaps")).Select(Path.GetFileName).Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(2, kept.Length);
        Assert.All(kept, name => Assert.Matches(@"^\d{8}-\d{6}$", name));
        Assert.Empty(Directory.GetDirectories(Path.Combine(dir.Path, "data"), ".snap-*"));
    }

    [Fact]
    public async Task MkSnapNeedsLocalSnapshotsButARemoteOneWorksWithout()
    {
        using var dir = new TempDirectory();
        await using var server = await ServerProcess.StartInAsync(dir);
        await using (var c = await server.ConnectAsync())
        {
            Assert.Equal("*1\n!21\nerr-snapshot-disabled\n", await c.QueryAsync("MKSNAP"));
            Assert.Equal(Replies.Okay, await c.QueryAsync("MKSNAP", "by-hand"));
        }

        await server.StopCleanlyAsync();
        Assert.True(File.Exists(Path.Combine(dir.Path, "data", "rsnap", "by-hand", "PRELOAD")));

        // The name is found by the next start's scan and stays used.
        await using var again = await ServerProcess.StartInAsync(dir);
        await using (var c = await again.ConnectAsync())
        {
            Assert.Equal("*1\n!18\nduplicate-snapshot\n", await c.QueryAsync("MKSNAP", "by-hand"));
        }

        await again.StopCleanlyAsync();
    }

    [Theory]
    [InlineData("snaps", "stray.txt", "unrecognized file in snapshot directory")]
    [InlineData("snaps", "not-a-date/", "unknown folder in snapshot directory")]
    [InlineData("rsnap", "stray.txt", "unrecognized file in snapshot directory")]
    public async Task AnythingButASnapshotInTheSnapshotFoldersStopsStartup(string folder, string entry, string reason)
    {
        using var dir = new TempDirectory();
        await (await ServerProcess.StartInAsync(dir)).StopCleanlyAsync();
        var path = Path.Combine(dir.Path, "data", folder, entry.TrimEnd('/'));
        if (entry.EndsWith('/'))
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            File.WriteAllText(path, "x");
        }

        var (code, output) = await ServerProcess.RunToExitAsync("--port", "0", "--data-dir", dir.Path);

        Assert.Equal(1, code);
        Assert.Contains($"Startup failure: Snapshot engine error: {reason} (`{path}`)", output);
    }

    [Fact]
    public async Task RestoreFromASnapshotFolderOrADataDirectoryBringsBackItsData()
    {
        using var dir = new TempDirectory();
        await using (var server = await ServerProcess.StartInAsync(dir))
        {
            await using var c = await server.ConnectAsync();
            Assert.Equal(Replies.Okay, await c.QueryAsync("SET", "before", "1"));
            Assert.Equal(Replies.Okay, await c.QueryAsync("MKSNAP", "keep"));
            Assert.Equal(Replies.Okay, await c.QueryAsync("SET", "after", "2"));
            await server.StopCleanlyAsync();
        }

        // The snapshot folder, as upstream's own pitfall would have it (PRELOAD at its top): detected and restored.
        using var copy = new TempDirectory();
        CopyTree(Path.Combine(dir.Path, "data", "rsnap", "keep"), Path.Combine(copy.Path, "snapshot"));
        await using (var server = await ServerProcess.StartInAsync(dir, "--restore", Path.Combine(copy.Path, "snapshot")))
        {
            Assert.Contains("Successfully restored data from snapshot", server.Log);
            await using var c = await server.ConnectAsync();
            Assert.Equal("*1\n?1\n1\n", await c.QueryAsync("GET", "before"));
            Assert.Equal(Replies.Nil, await c.QueryAsync("GET", "after"));
            Assert.Equal(Replies.Okay, await c.QueryAsync("SET", "restored", "3"));
            await server.StopCleanlyAsync();
        }

        // A whole data directory: its ks tree.
        using var other = new TempDirectory();
        await using (var server = await ServerProcess.StartInAsync(other, "-r", Path.Combine(dir.Path, "data")))
        {
            await using var c = await server.ConnectAsync();
            Assert.Equal("*1\n?1\n3\n", await c.QueryAsync("GET", "restored"));
            await server.StopCleanlyAsync();
        }
    }

    [Fact]
    public async Task RestoreFromAFolderThatHoldsNoDataIsRefusedAndDataIsUntouched()
    {
        using var dir = new TempDirectory();
        await using (var server = await ServerProcess.StartInAsync(dir))
        {
            await using var c = await server.ConnectAsync();
            Assert.Equal(Replies.Okay, await c.QueryAsync("SET", "k", "v"));
            await server.StopCleanlyAsync();
        }

        using var empty = new TempDirectory();
        var (code, output) = await ServerProcess.RunToExitAsync("--port", "0", "--data-dir", dir.Path, "--restore", empty.Path);

        Assert.Equal(1, code);
        Assert.Contains($"Restore failed: `{empty.Path}` is neither a data directory", output);
        await using var again = await ServerProcess.StartInAsync(dir);
        await using (var c = await again.ConnectAsync())
        {
            Assert.Equal("*1\n?1\nv\n", await c.QueryAsync("GET", "k"));
        }

        await again.StopCleanlyAsync();
    }

    [Theory]
    [InlineData(new[] { "--snapevery", "5" }, "To use snapshots, pass values for both `--snapevery` and `--snapkeep`")]
    [InlineData(new[] { "--snapkeep", "5" }, "To use snapshots, pass values for both `--snapevery` and `--snapkeep`")]
    [InlineData(new[] { "--snapevery", "0", "--snapkeep", "1" }, "Bad value for `--snapevery`. Expected an integer greater than 0")]
    [InlineData(new[] { "--stop-write-on-fail", "yes" }, "Bad value for `--stop-write-on-fail`. Expected true/false")]
    public async Task BadSnapshotFlagsAreCliErrors(string[] flags, string error)
    {
        var (code, output) = await ServerProcess.RunToExitAsync(["--port", "0", .. flags]);

        Assert.Equal(1, code);
        Assert.Contains("CLI errors:", output);
        Assert.Contains(error, output);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AFailingScheduledSnapshotPoisonsOnlyWhenFailsafeAndTheNextGoodOneUnpoisons(bool failsafe)
    {
        using var dir = new TempDirectory();
        await (await ServerProcess.StartInAsync(dir)).StopCleanlyAsync();

        // Only data/snaps on the small disk: snapshots are staged in data/ and renamed into it.
        using var disk = Tmpfs.Mount(Path.Combine(dir.Path, "data", "snaps"), "4m");
        disk.Remount("ro");
        await using var server = await ServerProcess.StartInAsync(dir, "--snapevery", "1", "--snapkeep", "0", "--stop-write-on-fail", failsafe ? "true" : "false");
        await using var c = await server.ConnectAsync();
        Assert.True(await server.WaitForLogAsync("Failed to create snapshot with error", 1, Wait), server.Log);

        Assert.Equal(failsafe ? Replies.ServerError : Replies.Okay, await c.QueryAsync("SET", "during", "1"));
        Assert.Equal(Replies.Nil, await c.QueryAsync("GET", "missing"));

        disk.Remount("rw");
        var created = server.CountInLog("Successfully created snapshot");
        Assert.True(await server.WaitForLogAsync("Successfully created snapshot", created + 1, Wait), server.Log);
        Assert.Equal(failsafe ? Replies.Okay : Replies.Overwrite, await c.QueryAsync("SET", "during", "1"));
        Assert.Empty(Directory.GetDirectories(Path.Combine(dir.Path, "data"), ".snap-*"));
        await server.StopCleanlyAsync();
    }


    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.GetFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
