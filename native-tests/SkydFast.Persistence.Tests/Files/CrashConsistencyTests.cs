using System.Diagnostics;
using System.Globalization;
using System.Text;
using SkydFast.Persistence.Files;

namespace SkydFast.Persistence.Tests.Files;

/// <summary>
/// kill -9 of a process that flushes and snapshots in a loop, at seeded random moments: after startup cleaning,
/// <c>data/ks</c> is always one complete generation, never older than the last one the child acknowledged, and
/// <c>rsnap/</c> holds only complete snapshots. The child is this test assembly run by <c>dotnet exec</c> with
/// <see cref="StartupHook"/> (a runtime startup hook) doing the work, so no extra project is needed.
/// </summary>
public sealed class CrashConsistencyTests
{
    internal const string ChildVariable = "SKYD_FAST_FILES_CRASH_CHILD";
    private const int Keyspaces = 3;
    private const int Rounds = 12;

    [Fact]
    public void AKilledFlushAlwaysLeavesOneCompleteTree()
    {
        using var dir = Scratch.OnDisk();
        Directory.CreateDirectory(Path.Combine(dir.Path, TreeSwap.RemoteSnapshotsName));
        var random = new Random(20240324);
        long acknowledged = 0;
        for (var round = 0; round < Rounds; round++)
        {
            using (var child = StartChild(dir.Path))
            {
                // Let it acknowledge a few flushes, then kill it wherever it happens to be.
                var wanted = random.Next(1, 5);
                for (var seen = 0; seen < wanted;)
                {
                    var line = child.StandardOutput.ReadLine();
                    Assert.NotNull(line);
                    if (line.StartsWith("flushed ", StringComparison.Ordinal))
                    {
                        acknowledged = long.Parse(line.AsSpan(8), CultureInfo.InvariantCulture);
                        seen++;
                    }
                }

                child.Kill(entireProcessTree: true);
                child.WaitForExit();
            }

            TreeSwap.CleanLeftovers(dir.Path);
            Assert.True(ReadGeneration(Path.Combine(dir.Path, TreeSwap.LiveName), Keyspaces) >= acknowledged);
            Assert.DoesNotContain(
                Directory.GetFileSystemEntries(dir.Path).Select(Path.GetFileName),
                static name => name!.StartsWith('.') || name == TreeSwap.NextName);
            foreach (var snapshot in Directory.GetDirectories(Path.Combine(dir.Path, TreeSwap.RemoteSnapshotsName)))
            {
                Assert.Equal("g" + ReadGeneration(snapshot, 1), Path.GetFileName(snapshot));
            }
        }
    }

    /// <summary>What the child does: startup cleaning, then flush generation after generation (and a remote
    /// snapshot every third one), printing each one once it is committed.</summary>
    internal static void RunChild(string dataDir)
    {
        TreeSwap.CleanLeftovers(dataDir);
        var live = Path.Combine(dataDir, TreeSwap.LiveName);
        var generation = Directory.Exists(live) ? ReadGeneration(live, Keyspaces) : 0;
        while (true)
        {
            generation++;
            WriteGeneration(TreeSwap.BeginFlush(dataDir), generation, Keyspaces);
            TreeSwap.CommitFlush(dataDir);
            Console.Out.WriteLine($"flushed {generation}");
            if (generation % 3 == 0)
            {
                var name = "g" + generation.ToString(CultureInfo.InvariantCulture);
                WriteGeneration(TreeSwap.BeginSnapshot(dataDir, SnapshotKind.Remote, name), generation, 1);
                TreeSwap.CommitSnapshot(dataDir, SnapshotKind.Remote, name);
                Console.Out.WriteLine($"snapshot {generation}");
            }
        }
    }

    private static Process StartChild(string dataDir)
    {
        var assembly = typeof(CrashConsistencyTests).Assembly.Location;
        var host = Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet";
        var start = new ProcessStartInfo(host) { RedirectStandardOutput = true };
        start.ArgumentList.Add("exec");
        start.ArgumentList.Add(assembly);
        start.Environment["DOTNET_STARTUP_HOOKS"] = assembly;
        start.Environment[ChildVariable] = dataDir;
        return Process.Start(start)!;
    }

    // Every file of a generation says which one it belongs to; tables are 48 KiB so a kill often lands mid-write.
    private static void WriteGeneration(string root, long generation, int keyspaces)
    {
        var tag = Encoding.ASCII.GetBytes(generation.ToString(CultureInfo.InvariantCulture));
        AtomicFile.WriteAllBytes(Path.Combine(root, "PRELOAD"), tag);
        for (var k = 0; k < keyspaces; k++)
        {
            var keyspace = Path.Combine(root, "ks" + k.ToString(CultureInfo.InvariantCulture));
            Directory.CreateDirectory(keyspace);
            AtomicFile.WriteAllBytes(Path.Combine(keyspace, "PARTMAP"), tag);
            AtomicFile.Write(Path.Combine(keyspace, "table"), tag, static (stream, tag) =>
            {
                for (var i = 0; i < 48 * 1024 / tag.Length; i++)
                {
                    stream.Write(tag);
                }
            });
        }
    }

    /// <summary>The generation of a complete tree; fails the test on a missing, extra or mixed file.</summary>
    private static long ReadGeneration(string root, int keyspaces)
    {
        var generation = File.ReadAllText(Path.Combine(root, "PRELOAD"));
        var files = Directory.GetFiles(root, "*", SearchOption.AllDirectories);
        Assert.Equal(1 + (2 * keyspaces), files.Length);
        foreach (var file in files)
        {
            var content = File.ReadAllText(file);
            Assert.False(content.Length == 0, $"{file} is empty");
            Assert.Equal(generation, content[..generation.Length]);
            Assert.Equal(content.Length / generation.Length * generation.Length, content.Length);
        }

        return long.Parse(generation, CultureInfo.InvariantCulture);
    }
}
