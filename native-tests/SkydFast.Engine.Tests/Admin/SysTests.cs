using SkydFast.Engine.Dispatch;
using SkydFast.Persistence.Load;

namespace SkydFast.Engine.Tests.Admin;

/// <summary>SYS INFO and SYS METRIC (actions.md §6), exact bytes.</summary>
public sealed class SysTests
{
    [Theory]
    [InlineData("SYS", "INFO")]
    [InlineData("SYS")]
    [InlineData("SYS", "INFO", "version", "extra")]
    public void SysTakesExactlyTwoArguments(params string[] query)
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.ActionError, h.Q(query));
    }

    [Theory]
    [InlineData("INFO", "version", "*1\n+5\n0.7.7\n")]
    [InlineData("info", "VERSION", "*1\n+5\n0.7.7\n")]
    [InlineData("Info", "protocol", "*1\n+11\nSkyhash-1.1\n")]
    [InlineData("INFO", "protover", "*1\n%3\n1.2\n")]
    [InlineData("INFO", "uptime", "*1\n!16\nunknown-property\n")]
    [InlineData("METRIC", "health", "*1\n+4\ngood\n")]
    [InlineData("metric", "HEALTH", "*1\n+4\ngood\n")]
    [InlineData("METRIC", "memory", "*1\n!14\nunknown-metric\n")]
    [InlineData("STATS", "version", "*1\n!14\nUnknown action\n")]
    public void SysAnswersAsUpstream(string kind, string name, string expected)
    {
        using var h = new EngineHarness();
        Assert.Equal(expected, h.Q("SYS", kind, name));
    }

    [Fact]
    public void HealthIsCriticalWhilePoisonedAndSysNeedsNoTable()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Okay, h.Q("USE", "default"));
        h.Store.IsPoisoned = true;

        Assert.Equal("*1\n+8\ncritical\n", h.Q("SYS", "METRIC", "health"));
        Assert.Equal("*1\n+5\n0.7.7\n", h.Q("SYS", "INFO", "version"));
    }

    [Fact]
    public void StorageIsTheSizeOfEveryFileUnderTheDataDirectory()
    {
        using var dir = new TempDirectory();
        var data = Path.Combine(dir.Path, "data");
        var store = StoreLoader.Load(data).Store;
        Directory.CreateDirectory(Path.Combine(data, "snaps", ".snap-l-x"));
        File.WriteAllBytes(Path.Combine(data, "snaps", ".snap-l-x", "PRELOAD"), new byte[1000]);
        var expected = Directory.GetFiles(data, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.Equal(38 + 25 + 8 + 8 + 1000, expected);
        using var h = new EngineHarness(store, data);

        Assert.Equal(Replies.Int(expected), h.Q("SYS", "METRIC", "storage"));

        Directory.Delete(data, recursive: true);
        Assert.Equal(Replies.ServerError, h.Q("SYS", "METRIC", "storage"));
    }

    [Fact]
    public void AServerWithoutPersistenceStoresNothing()
    {
        using var h = new EngineHarness();
        Assert.Equal(Replies.Int(0), h.Q("SYS", "METRIC", "storage"));
    }

    [Fact]
    public void OnlyAuthMkSnapAndSysRunOffTheIoLoop()
    {
        Assert.Equal(["AUTH", "MKSNAP", "SYS"], ActionTable.All.Where(a => a.Blocking).Select(a => a.Name).Order(StringComparer.Ordinal));
    }
}
