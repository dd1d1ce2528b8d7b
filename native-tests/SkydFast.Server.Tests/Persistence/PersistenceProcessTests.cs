namespace SkydFast.Server.Tests.Persistence;

/// <summary>Saving and loading through the real executable: restarts, kill -9, a second server, damaged files.</summary>
public sealed class PersistenceProcessTests
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);


    [Fact]
    public async Task NewInstanceWritesUpstreamsTreeAndLocksThePidFile()
    {
        using var dir = new TempDirectory();
        await using var server = await ServerProcess.StartInAsync(dir);
        foreach (var folder in new[] { "data/ks/default", "data/ks/system", "data/snaps", "data/rsnap", "data/backups" })
        {
            Assert.True(Directory.Exists(Path.Combine(dir.Path, folder)), folder);
        }

        Assert.Equal(new byte[8], File.ReadAllBytes(Path.Combine(dir.Path, "data/ks/default/default")));
        Assert.Equal(38, new FileInfo(Path.Combine(dir.Path, "data/ks/PRELOAD")).Length);
        Assert.True(File.Exists(Path.Combine(dir.Path, ".sky_pid")));
        await server.StopCleanlyAsync();
    }

    [Fact]
    public async Task DataSurvivesAStopAndRestart()
    {
        using var dir = new TempDirectory();
        await using (var server = await ServerProcess.StartInAsync(dir))
        {
            await using var c = await server.ConnectAsync();
            Assert.Equal(Replies.Okay, await c.QueryAsync("SET", "x", "100"));
            Assert.Equal(Replies.Okay, await c.QueryAsync([RawClient.Latin1("SET"), RawClient.Latin1("bin\n\0key"), [0xFF, 0x00, 0x0A]]));
            Assert.Equal(Replies.Okay, await c.QueryAsync("CREATE", "KEYSPACE", "shop"));
            Assert.Equal(Replies.Okay, await c.QueryAsync("CREATE", "TABLE", "shop:carts", "keymap(str,list<str>)"));
            Assert.Equal(Replies.Okay, await c.QueryAsync("CREATE", "TABLE", "shop:cache", "keymap(str,str)", "volatile"));
            Assert.Equal(Replies.Okay, await c.QueryAsync("USE", "shop:carts"));
            Assert.Equal(Replies.Okay, await c.QueryAsync("LSET", "alice", "apple", "pear"));
            Assert.Equal(Replies.Okay, await c.QueryAsync("USE", "shop:cache"));
            Assert.Equal(Replies.Okay, await c.QueryAsync("SET", "k", "gone after restart"));
            await server.StopCleanlyAsync();
        }

        await using (var server = await ServerProcess.StartInAsync(dir))
        {
            await using var c = await server.ConnectAsync();
            Assert.Equal("*1\n?3\n100\n", await c.QueryAsync("GET", "x"));
            Assert.Equal("*1\n?3\n\xff\0\n\n", await c.QueryAsync([RawClient.Latin1("GET"), RawClient.Latin1("bin\n\0key")]));
            Assert.Equal(Replies.Okay, await c.QueryAsync("USE", "shop:carts"));
            Assert.Equal("*1\n@+2\n5\napple\n4\npear\n", await c.QueryAsync("LGET", "alice"));
            Assert.Equal(Replies.Okay, await c.QueryAsync("USE", "shop:cache"));
            Assert.Equal(Replies.Int(0), await c.QueryAsync("DBSIZE"));
            Assert.Equal(Replies.Str("Keymap { data:(str,str), volatile:true }"), await c.QueryAsync("INSPECT", "TABLE"));
            await server.StopCleanlyAsync();
        }
    }

    [Fact]
    public async Task WhatABgsaveCoveredSurvivesKillNine()
    {
        using var dir = new TempDirectory();
        await using (var server = await ServerProcess.StartInAsync(dir, "-S", "1"))
        {
            await using var c = await server.ConnectAsync();
            Assert.Equal(Replies.Okay, await c.QueryAsync("SET", "saved", "yes"));
            var before = server.CountInLog("BGSAVE completed successfully");

            // Two completions after the write: the second one certainly started after it.
            Assert.True(await server.WaitForLogAsync("BGSAVE completed successfully", before + 2, Wait), server.Log);
            server.Signal("KILL");
            Assert.True(await server.WaitForExitAsync(Wait));
        }

        await using (var server = await ServerProcess.StartInAsync(dir))
        {
            await using var c = await server.ConnectAsync();
            Assert.Equal("*1\n?3\nyes\n", await c.QueryAsync("GET", "saved"));
            await server.StopCleanlyAsync();
        }
    }

    [Fact]
    public async Task NosaveReallyDisablesBgsave()
    {
        using var dir = new TempDirectory();
        await using var server = await ServerProcess.StartInAsync(dir, "--nosave", "-S", "1");
        Assert.True(await server.WaitForLogAsync("BGSAVE is disabled", 1, Wait), server.Log);
        await using (var c = await server.ConnectAsync())
        {
            Assert.Equal(Replies.Okay, await c.QueryAsync("SET", "k", "v"));
        }

        Assert.False(await server.WaitForLogAsync("BGSAVE completed", 1, TimeSpan.FromSeconds(3)), server.Log);
        Assert.False(await server.WaitForLogAsync("BGSAVE failed", 1, TimeSpan.Zero), server.Log);
        await server.StopCleanlyAsync();
    }

    [Fact]
    public async Task ASecondServerInTheSameDirectoryRefusesToStart()
    {
        using var dir = new TempDirectory();
        await using var first = await ServerProcess.StartInAsync(dir);
        var (code, output) = await ServerProcess.RunToExitAsync("--port", "0", "--data-dir", dir.Path);
        Assert.Equal(1, code);
        Assert.Contains("Startup failure: Failed to lock pid file:", output);
        await first.StopCleanlyAsync();
    }

    [Fact]
    public async Task ADamagedTableFileStopsStartupWithOffsetAndReason()
    {
        using var dir = new TempDirectory();
        await using (var server = await ServerProcess.StartInAsync(dir))
        {
            await using var c = await server.ConnectAsync();
            Assert.Equal(Replies.Okay, await c.QueryAsync("SET", "x", "1"));
            await server.StopCleanlyAsync();
        }

        await using (var file = File.Open(Path.Combine(dir.Path, "data/ks/default/default"), FileMode.Append))
        {
            file.WriteByte(0x2A);
        }

        var (code, output) = await ServerProcess.RunToExitAsync("--port", "0", "--data-dir", dir.Path);
        Assert.Equal(1, code);
        Assert.Contains("Storage engine error: file `", output);
        Assert.Contains("is corrupted (offset 26:", output);
    }

    [Fact]
    public async Task AFailingDiskPoisonsWritesUntilASaveSucceedsAgain()
    {
        using var dir = new TempDirectory();
        // Only data/ is on the small disk: .sky_pid stays open for writing, which would block a read-only remount.
        var data = Directory.CreateDirectory(Path.Combine(dir.Path, "data")).FullName;
        using var disk = Tmpfs.Mount(data, "4m");
        await using var server = await ServerProcess.StartInAsync(dir, "-S", "1");
        await using var c = await server.ConnectAsync();
        Assert.Equal(Replies.Okay, await c.QueryAsync("SET", "a", "1"));

        disk.Remount("ro");
        Assert.True(await server.WaitForLogAsync("BGSAVE failed with error", 1, Wait), server.Log);
        Assert.Equal(Replies.ServerError, await c.QueryAsync("SET", "b", "2"));
        Assert.Equal(Replies.ServerError, await c.QueryAsync("CREATE", "KEYSPACE", "k"));
        Assert.Equal("*1\n?1\n1\n", await c.QueryAsync("GET", "a"));

        disk.Remount("rw");
        var saves = server.CountInLog("BGSAVE completed successfully");
        Assert.True(await server.WaitForLogAsync("BGSAVE completed successfully", saves + 1, Wait), server.Log);
        Assert.Equal(Replies.Okay, await c.QueryAsync("SET", "b", "2"));
        await server.StopCleanlyAsync();
    }
}
