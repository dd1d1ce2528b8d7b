using SkydFast.Persistence.Flush;

namespace SkydFast.Persistence.Tests.Flush;

/// <summary>A flush's encoding runs on its own thread below the main thread's priority, and its failures reach the
/// caller as they were thrown.</summary>
public sealed class FlushThreadTests
{
    [Fact]
    public void TheWorkRunsOnAThreadFiveNiceLevelsBelowTheMainThread()
    {
        var main = Nice(Environment.ProcessId);
        var before = Nice(null);
        string? name = null;
        var nice = int.MinValue;
        var caller = Environment.CurrentManagedThreadId;
        var worker = caller;

        FlushThread.Run(() =>
        {
            name = File.ReadAllText("/proc/thread-self/comm").Trim();
            nice = Nice(null);
            worker = Environment.CurrentManagedThreadId;
        });

        Assert.NotEqual(caller, worker);
        Assert.Equal("skyd-flush", name);
        Assert.Equal(Math.Min(19, main + 5), nice);
        Assert.Equal(before, Nice(null));
    }

    [Fact]
    public void AFailureIsRethrownOnTheCallersThreadWithItsType()
    {
        var thrown = Assert.Throws<IOException>(() => FlushThread.Run(static () => throw new IOException("No space left on device (os error 28)")));
        Assert.Equal("No space left on device (os error 28)", thrown.Message);
    }

    // Field 19 of /proc/<pid>/task/<tid>/stat (or the calling thread's), counted after the command name's ')'.
    private static int Nice(int? pid)
    {
        var stat = File.ReadAllText(pid is { } p ? $"/proc/{p}/task/{p}/stat" : "/proc/thread-self/stat");
        return int.Parse(stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[16], System.Globalization.CultureInfo.InvariantCulture);
    }
}
