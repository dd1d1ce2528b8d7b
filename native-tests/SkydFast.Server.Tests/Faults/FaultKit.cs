namespace SkydFast.Server.Tests.Faults;

/// <summary>Shared steps of the fault tests: the real server on a data directory, a disk for data/, clean stops.</summary>
internal static class FaultKit
{
    /// <summary>How long any one awaited event may take on a loaded machine before the test fails instead of hanging.</summary>
    public static readonly TimeSpan Wait = TimeSpan.FromSeconds(30);

    public const string SaveCompleted = "BGSAVE completed successfully";
    public const string SaveFailed = "BGSAVE failed with error";


    /// <summary>
    /// Mounts a tmpfs of <paramref name="size"/> as <c>data/</c> of <paramref name="dir"/>. Only data/ is on it:
    /// <c>.sky_pid</c> stays open for writing, which would block a read-only remount, and must never be the file a
    /// full disk refuses.
    /// </summary>
    public static Tmpfs MountData(TempDirectory dir, string size) =>
        Tmpfs.Mount(Directory.CreateDirectory(Path.Combine(dir.Path, "data")).FullName, size);

    /// <summary>Waits for one more successful BGSAVE than the log shows now.</summary>
    public static async Task WaitForNextSaveAsync(ServerProcess server)
    {
        var saves = server.CountInLog(SaveCompleted);
        Assert.True(await server.WaitForLogAsync(SaveCompleted, saves + 1, Wait), server.Log);
    }

    /// <summary>
    /// Writes new keys (<paramref name="prefix"/> 0, 1, ...) until the server refuses one with code 5, calling
    /// <paramref name="afterEachWrite"/> between writes. Each write is either acknowledged or refused; once one is
    /// refused the store is poisoned, and stays so while the disk keeps failing. Returns the refused key.
    /// </summary>
    public static async Task<string> WriteUntilPoisonedAsync(ServerProcess server, RawClient client, AckedData data, string prefix, Action afterEachWrite)
    {
        var deadline = DateTime.UtcNow + Wait;
        for (var i = 0; ; i++)
        {
            Assert.True(DateTime.UtcNow < deadline, $"no write was refused within {Wait}:\n{server.Log}");
            var key = AckedData.Key(prefix, i);
            if (await data.SetAsync(client, key, AckedData.Value(i, 4096)) == Replies.ServerError)
            {
                // The store is poisoned before the failure is logged, and the console logger writes from its own queue.
                Assert.True(await server.WaitForLogAsync(SaveFailed, 1, Wait), server.Log);
                return key;
            }

            afterEachWrite();

            // Tens of writes per one-second save interval, not thousands: the table stays far smaller than the disk.
            await Task.Delay(20);
        }
    }
}
