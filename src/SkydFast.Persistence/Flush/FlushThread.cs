using System.Runtime.ExceptionServices;
using SkydFast.Persistence.Files;

namespace SkydFast.Persistence.Flush;

/// <summary>
/// Runs the encoding and writing of one flush on a thread of its own, below normal priority
/// (<see cref="NativeMethods.LowerThreadPriority"/>), and waits for it: while the request loops want the CPU they
/// get it first, and the flush takes what they leave. Without it a flush (and its file writer) competed with the
/// loops as equals: on 2 cores, the GET p99 during back-to-back flushes rose to 2-5x the p99 without them. A thread
/// per flush because a lowered priority can not be raised again without privileges, and the callers' threads
/// (a blocking worker for MKSNAP) do other work afterwards. The view is taken before, on the caller's thread, so
/// the cut never waits for a low-priority thread. The encoder still locks each shard for the tens of microseconds it
/// copies it; preempted right then, it makes that shard's requests wait for its next turn, which the scheduler gives
/// it within milliseconds (the worst request during flushes took 8-21 ms, as without the lowered priority).
/// </summary>
internal static class FlushThread
{
    /// <summary>Runs <paramref name="work"/> to the end on the flush thread; what it throws is rethrown here.</summary>
    public static void Run(Action work)
    {
        ExceptionDispatchInfo? failure = null;
        var thread = new Thread(() =>
        {
            NativeMethods.LowerThreadPriority();
            try
            {
                work();
            }
            catch (Exception ex)
            {
                // Every failure belongs to the caller: an exception escaping this thread would end the process.
                failure = ExceptionDispatchInfo.Capture(ex);
            }
        })
        { IsBackground = true, Name = "skyd-flush" };
        thread.Start();
        thread.Join();
        failure?.Throw();
    }
}
