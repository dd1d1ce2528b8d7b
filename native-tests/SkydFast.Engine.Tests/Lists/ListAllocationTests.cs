using System.Buffers;
using SkydFast.Engine.Connections;
using SkydFast.Protocol.Skyhash;
using SkydFast.Store;
using static SkydFast.Engine.Tests.Lists.ListHarness;

namespace SkydFast.Engine.Tests.Lists;

/// <summary>The read path of lists and LSKEYS allocates nothing once warm (style.md: GET-like reads).</summary>
public sealed class ListAllocationTests
{
    [Theory]
    [InlineData("LGET", "mylist")]
    [InlineData("LGET", "mylist", "LEN")]
    [InlineData("LGET", "mylist", "LIMIT", "2")]
    [InlineData("LGET", "mylist", "VALUEAT", "1")]
    [InlineData("LGET", "mylist", "FIRST")]
    [InlineData("LGET", "mylist", "LAST")]
    [InlineData("LGET", "mylist", "RANGE", "1", "3")]
    [InlineData("LGET", "missing")]
    [InlineData("LSKEYS")]
    [InlineData("LSKEYS", "default:l", "all")]
    [InlineData("DBSIZE")]
    public void ListReadsAllocateNothingOnceWarm(params string[] query)
    {
        using var h = CreateWithLists(TableModel.StrListStr, "a", "bb", "ccc", "d");
        var packet = EngineHarness.Encode([.. query.Select(B)]);
        var output = new ArrayBufferWriter<byte>(4096);
        var processor = new SkyhashProcessor(h.Session, output, ParserLimits.Default);
        for (var i = 0; i < 100; i++)
        {
            output.ResetWrittenCount();
            processor.Process(packet, out _, out _, out _);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        for (var i = 0; i < 1000; i++)
        {
            output.ResetWrittenCount();
            processor.Process(packet, out _, out _, out _);
        }

        Assert.Equal(0, GC.GetAllocatedBytesForCurrentThread() - before);
    }
}
