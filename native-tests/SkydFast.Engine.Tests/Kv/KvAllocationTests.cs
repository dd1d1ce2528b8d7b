using System.Buffers;
using SkydFast.Engine.Connections;
using SkydFast.Protocol.Skyhash;
using SkydFast.Store;
using static SkydFast.Engine.Tests.Kv.KvReplies;
using static SkydFast.Testing.Replies;

namespace SkydFast.Engine.Tests.Kv;

/// <summary>The read path allocates nothing once warm; the strong writes allocate only what they store.</summary>
public sealed class KvAllocationTests
{
    private static long AllocatedBy(string[] query, int repeats = 20)
    {
        var store = new CoreStore();
        using var session = new Session(store);
        var output = new ArrayBufferWriter<byte>(1 << 16);
        var processor = new SkyhashProcessor(session, output, ParserLimits.Default);
        Assert.Equal(Int(3), Reply(processor, output, EngineHarness.Encode([.. new[] { "MSET", "a", "1", "b", "2", "c", "3" }.Select(B)])));
        var packet = EngineHarness.Encode([.. query.Select(B)]);

        // Warm up: JIT, the array pool's per-thread caches, the dictionary's alternate lookup.
        for (var i = 0; i < 5; i++)
        {
            Reply(processor, output, packet);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < repeats; i++)
        {
            output.ResetWrittenCount();
            processor.Process(packet, out _, out _, out _);
        }

        return GC.GetAllocatedBytesForCurrentThread() - before;
    }

    private static string Reply(SkyhashProcessor processor, ArrayBufferWriter<byte> output, byte[] packet)
    {
        output.ResetWrittenCount();
        processor.Process(packet, out _, out _, out _);
        return System.Text.Encoding.Latin1.GetString(output.WrittenSpan);
    }

    [Theory]
    [InlineData("GET", "a")]
    [InlineData("GET", "missing")]
    [InlineData("MGET", "a", "b", "missing", "c")]
    [InlineData("EXISTS", "a", "b", "missing")]
    [InlineData("KEYLEN", "a")]
    public void ReadsAllocateNothing(params string[] query) => Assert.Equal(0, AllocatedBy(query));

    [Theory]
    [InlineData("SET", "a", "x")]
    [InlineData("UPDATE", "missing", "x")]
    [InlineData("MSET", "a", "x", "b", "y")]
    [InlineData("MUPDATE", "missing", "x")]
    public void WritesThatStoreNothingAllocateNothing(params string[] query) => Assert.Equal(0, AllocatedBy(query));

    [Fact]
    public void FailedStrongWritesAllocateNothingBeyondTheirValueCopies()
    {
        // SSET on present keys: answers code 2; only the value copies made before locking are allocated.
        var bytes = AllocatedBy(["SSET", "a", "x", "b", "y"], repeats: 10);
        Assert.InRange(bytes, 1, 10 * 2 * 64);
        Assert.Equal(0, AllocatedBy(["SDEL", "a", "missing"]));
    }
}
