using System.Diagnostics;

namespace SkydFast.Server.Tests.Faults;

/// <summary>
/// The termination save on a read-only disk (persistence-and-config.md §5.3-4): retried every 10 s, abandoned at the
/// third further signal with exit code 1, or completed once the disk is writable again.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class FinalSaveFaultTests
{
    private const string SaveFailed = "Failed to run save on termination";
    private const string Waiting = "Waiting for 10 seconds before retrying ...";
    private const string Threshold = "Termination signal received but failed to flush data. Threshold is at ";

    [Fact]
    public async Task AFailingFinalSaveGivesUpAtTheThirdFurtherSignalAndKeepsTheLastGoodTree()
    {
        using var dir = new TempDirectory();
        using var disk = FaultKit.MountData(dir, "4m");
        var data = new AckedData();
        await using (var server = await ServerProcess.StartInAsync(dir))
        {
            await using var c = await server.ConnectAsync();
            Assert.Equal(Replies.Okay, await data.SetAsync(c, AckedData.Key("saved", 0), AckedData.Value(0, 100)));
            await server.StopCleanlyAsync();
        }

        await using (var server = await ServerProcess.StartInAsync(dir))
        {
            await using (var c = await server.ConnectAsync())
            {
                Assert.Equal(Replies.Okay, await c.QueryAsync("SET", "never-saved", "x"));
            }

            disk.Remount("ro");
            await SignalUntilItGivesUpAsync(server);
            Assert.True(server.ExitCode == 1, server.Log);
            Assert.Contains("Termination signal received but failed to flush data. Quitting because threshold exceeded", server.Log);
            Assert.Contains("Didn't terminate successfully", server.Log);
            Assert.DoesNotContain("Save before termination successful", server.Log);
            Assert.DoesNotContain("Goodbye :)", server.Log);
        }

        // The failed attempts touched nothing: the last good tree loads, without the write no save covered.
        disk.Remount("rw");
        await using (var server = await ServerProcess.StartInAsync(dir))
        {
            await using var c = await server.ConnectAsync();
            await data.AssertStoredAsync(c);
            Assert.Equal(Replies.Nil, await c.QueryAsync("GET", "never-saved"));
            await server.StopCleanlyAsync();
        }
    }

    [Fact]
    public async Task FurtherSignalsDoNotCutTheTenSecondWaitBeforeARetryShort()
    {
        using var dir = new TempDirectory();
        using var disk = FaultKit.MountData(dir, "4m");
        await using var server = await ServerProcess.StartInAsync(dir);
        disk.Remount("ro");
        var clock = Stopwatch.StartNew();
        await SignalUntilItGivesUpAsync(server);
        var elapsed = clock.Elapsed;

        // §5.3: the retry comes 10 s after a failure, signals or not (upstream's retry task sleeps through them). So
        // however fast or slow this machine, no more attempts than one plus one per 10 s elapsed.
        var attempts = server.CountInLog(SaveFailed);
        Assert.True(attempts <= 1 + (int)(elapsed.TotalSeconds / 10), $"{attempts} save attempts in {elapsed}:\n{server.Log}");
    }

    [Fact]
    public async Task AFailingFinalSaveSucceedsOnItsRetryOnceTheDiskIsWritable()
    {
        using var dir = new TempDirectory();
        using var disk = FaultKit.MountData(dir, "4m");
        var data = new AckedData();
        await using (var server = await ServerProcess.StartInAsync(dir))
        {
            await using (var c = await server.ConnectAsync())
            {
                for (var i = 0; i < 16; i++)
                {
                    Assert.Equal(Replies.Okay, await data.SetAsync(c, AckedData.Key("k", i), AckedData.Value(i, 1000)));
                }
            }

            disk.Remount("ro");
            server.Signal("TERM");
            Assert.True(await server.WaitForLogAsync(Waiting, 1, FaultKit.Wait), server.Log);
            Assert.Contains(SaveFailed, server.Log);
            disk.Remount("rw");

            // The retry comes 10 s after the failure, well inside the wait.
            Assert.True(await server.WaitForExitAsync(FaultKit.Wait), server.Log);
            Assert.True(server.ExitCode == 0, server.Log);
            Assert.Contains("Save before termination successful", server.Log);
            Assert.Contains("Goodbye :)", server.Log);
        }

        await using (var server = await ServerProcess.StartInAsync(dir))
        {
            await using var c = await server.ConnectAsync();
            await data.AssertStoredAsync(c);
            await server.StopCleanlyAsync();
        }
    }

    /// <summary>
    /// SIGTERM, then, once the final save has failed, three more, each once the previous one was counted (so none can
    /// be taken for another); the server must give up and exit.
    /// </summary>
    private static async Task SignalUntilItGivesUpAsync(ServerProcess server)
    {
        server.Signal("TERM");
        Assert.True(await server.WaitForLogAsync(Waiting, 1, FaultKit.Wait), server.Log);
        Assert.Contains(SaveFailed, server.Log);
        server.Signal("TERM");
        Assert.True(await server.WaitForLogAsync(Threshold + "2", 1, FaultKit.Wait), server.Log);
        server.Signal("TERM");
        Assert.True(await server.WaitForLogAsync(Threshold + "1", 1, FaultKit.Wait), server.Log);
        server.Signal("TERM");
        Assert.True(await server.WaitForExitAsync(FaultKit.Wait), server.Log);
    }
}
