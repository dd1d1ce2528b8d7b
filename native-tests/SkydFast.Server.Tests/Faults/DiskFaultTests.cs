namespace SkydFast.Server.Tests.Faults;

/// <summary>
/// A disk that really fails under a running server (a full tmpfs, a read-only remount): the store poisons, reads go
/// on, the next good BGSAVE heals it, and after a restart the data is exactly what was acknowledged.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class DiskFaultTests
{
    [Fact]
    public async Task AFullDiskPoisonsWritesAndFreeingItHealsWithNothingAcknowledgedLost()
    {
        using var dir = new TempDirectory();
        using var disk = FaultKit.MountData(dir, "8m");
        var data = new AckedData();
        await using (var server = await ServerProcess.StartInAsync(dir, "-S", "1"))
        {
            await using var c = await server.ConnectAsync();
            for (var i = 0; i < 32; i++)
            {
                Assert.Equal(Replies.Okay, await data.SetAsync(c, AckedData.Key("before", i), AckedData.Value(i, 4096)));
            }

            await FaultKit.WaitForNextSaveAsync(server);

            // A save already writing when the disk fills can still succeed and then free the tree it replaced, so the
            // disk is filled again after every write until a save has no room left.
            var filler = disk.Fill();
            var refused = await FaultKit.WriteUntilPoisonedAsync(server, c, data, "during", () => disk.Fill());
            await AssertPoisonedAsync(c, data, refused);
            Assert.Contains("No space left on device", server.Log);

            File.Delete(filler);
            await FaultKit.WaitForNextSaveAsync(server);
            await WriteAfterHealingAsync(c, data);
            await server.StopCleanlyAsync();
        }

        await AssertRestartHoldsAsync(dir, data);
    }

    [Fact]
    public async Task AReadOnlyDiskPoisonsWritesAndRemountingHealsWithNothingRefusedKept()
    {
        using var dir = new TempDirectory();
        using var disk = FaultKit.MountData(dir, "8m");
        var data = new AckedData();
        await using (var server = await ServerProcess.StartInAsync(dir, "-S", "1"))
        {
            await using var c = await server.ConnectAsync();
            for (var i = 0; i < 32; i++)
            {
                Assert.Equal(Replies.Okay, await data.SetAsync(c, AckedData.Key("before", i), AckedData.Value(i, 512)));
            }

            disk.Remount("ro");

            // Writes go on across the failure: those acknowledged before the failing save must survive it too.
            var refused = await FaultKit.WriteUntilPoisonedAsync(server, c, data, "during", () => { });
            await AssertPoisonedAsync(c, data, refused);
            Assert.Contains("Read-only file system", server.Log);

            disk.Remount("rw");
            await FaultKit.WaitForNextSaveAsync(server);
            await WriteAfterHealingAsync(c, data);
            await server.StopCleanlyAsync();
        }

        await AssertRestartHoldsAsync(dir, data);
    }

    /// <summary>
    /// While poisoned every kind of write answers code 5 and changes nothing, and reads still see every acknowledged
    /// byte.
    /// </summary>
    private static async Task AssertPoisonedAsync(RawClient c, AckedData data, string refusedKey)
    {
        var stored = AckedData.Key("before", 0);
        Assert.Equal(Replies.ServerError, await data.SetAsync(c, refusedKey, "again"));
        Assert.Equal(Replies.ServerError, await data.SetAsync(c, AckedData.Key("refused", 0), "never"));
        Assert.Equal(Replies.ServerError, await data.UpdateAsync(c, stored, "changed while poisoned"));
        Assert.Equal(Replies.ServerError, await data.DeleteAsync(c, AckedData.Key("before", 1)));
        Assert.Equal(Replies.ServerError, await c.QueryAsync([RawClient.Latin1("USET"), RawClient.Latin1(stored), RawClient.Latin1("upserted")]));
        Assert.Equal(Replies.ServerError, await c.QueryAsync("MSET", "refused-m", "never"));
        Assert.Equal(Replies.ServerError, await c.QueryAsync("CREATE", "KEYSPACE", "refused"));
        Assert.Equal(Replies.ServerError, await c.QueryAsync("CREATE", "TABLE", "refused", "keymap(str,str)"));
        Assert.Equal(Replies.Nil, await c.QueryAsync("GET", "refused-m"));
        await data.AssertStoredAsync(c);
    }

    /// <summary>Once healed, each kind of write works again, and is recorded.</summary>
    private static async Task WriteAfterHealingAsync(RawClient c, AckedData data)
    {
        for (var i = 0; i < 8; i++)
        {
            Assert.Equal(Replies.Okay, await data.SetAsync(c, AckedData.Key("after", i), AckedData.Value(i + 1000, 512)));
        }

        Assert.Equal(Replies.Okay, await data.UpdateAsync(c, AckedData.Key("before", 2), AckedData.Value(2000, 300)));
        Assert.Equal(Replies.Int(1), await data.DeleteAsync(c, AckedData.Key("before", 3)));
        await data.AssertStoredAsync(c);
    }

    /// <summary>After a restart the table holds exactly the acknowledged writes, and no container a refused DDL named.</summary>
    private static async Task AssertRestartHoldsAsync(TempDirectory dir, AckedData data)
    {
        await using var server = await ServerProcess.StartInAsync(dir);
        await using var c = await server.ConnectAsync();
        await data.AssertStoredAsync(c);
        Assert.Equal(Replies.Nil, await c.QueryAsync("GET", "refused-m"));
        Assert.Equal(new[] { "default", "system" }, Replies.TypedStringSet(await c.QueryAsync("INSPECT", "KEYSPACES")).Order(StringComparer.Ordinal));
        Assert.Equal(Replies.Arr('+', "default"), await c.QueryAsync("INSPECT", "KEYSPACE", "default"));
        await server.StopCleanlyAsync();
    }
}
