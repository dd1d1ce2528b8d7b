using SkydFast.Protocol.Skyhash;
using static SkydFast.Protocol.Tests.ParserKit;

namespace SkydFast.Protocol.Tests;

/// <summary>Every valid packet whole, cut at every offset, fed byte by byte, and followed by another.</summary>
public sealed class ParserSplitTests
{
    [Theory]
    [MemberData(nameof(ValidPackets.Names), MemberType = typeof(ValidPackets))]
    public void TheWholePacketParsesCompletely(string name)
    {
        var (packet, stages) = ValidPackets.Get(name);
        AssertComplete(packet, stages);
    }

    [Theory]
    [MemberData(nameof(ValidPackets.Names), MemberType = typeof(ValidPackets))]
    public void EveryPrefixIsNotEnoughWithAHintWithinThePacket(string name)
    {
        var bytes = B(ValidPackets.Get(name).Packet);
        for (var cut = 0; cut < bytes.Length; cut++)
        {
            var result = Parse(bytes.AsSpan(0, cut));
            Assert.True(result.Status == ParseStatus.NotEnough, $"{name} cut at {cut}: {result.Status}");

            // The hint may never ask for more than the packet holds, or a gated reader would wait forever.
            Assert.InRange(result.Needed, cut + 1, bytes.Length);
        }
    }

    [Theory]
    [MemberData(nameof(ValidPackets.Names), MemberType = typeof(ValidPackets))]
    public void SplitInTwoAtEveryOffsetTheSecondParseCompletes(string name)
    {
        var (packet, stages) = ValidPackets.Get(name);
        var bytes = B(packet);
        var query = new ParsedQuery();
        for (var cut = 1; cut < bytes.Length; cut++)
        {
            Assert.Equal(ParseStatus.NotEnough, Parse(bytes.AsSpan(0, cut), query: query).Status);
            var whole = Parse(bytes, query: query);
            Assert.True(whole.Status == ParseStatus.Complete, $"{name} after a cut at {cut}: {whole.Status}");
            Assert.Equal(bytes.Length, whole.Consumed);
            Assert.Equal(stages, whole.Stages);
        }
    }

    [Theory]
    [MemberData(nameof(ValidPackets.Names), MemberType = typeof(ValidPackets))]
    public void FedByteByByteAndParsedWhenTheHintAllowsThePacketCompletesOnItsLastByte(string name)
    {
        var (packet, stages) = ValidPackets.Get(name);
        var bytes = B(packet);
        var query = new ParsedQuery();
        long needed = 0;
        for (var length = 1; length <= bytes.Length; length++)
        {
            if (length < needed)
            {
                continue;
            }

            var result = Parse(bytes.AsSpan(0, length), query: query);
            if (length < bytes.Length)
            {
                Assert.True(result.Status == ParseStatus.NotEnough, $"{name} at {length}: {result.Status}");
                needed = result.Needed;
                continue;
            }

            Assert.Equal(ParseStatus.Complete, result.Status);
            Assert.Equal(stages, result.Stages);
            return;
        }

        Assert.Fail($"{name}: the hint skipped past the last byte ({needed} > {bytes.Length})");
    }

    [Theory]
    [MemberData(nameof(ValidPackets.Names), MemberType = typeof(ValidPackets))]
    public void TwoPacketsBackToBackParseOneAtATime(string name)
    {
        var (packet, stages) = ValidPackets.Get(name);
        var second = Simple("GET", "after");
        var buffer = B(packet + second);
        var first = Parse(buffer);
        Assert.Equal(ParseStatus.Complete, first.Status);
        Assert.Equal(packet.Length, first.Consumed);
        Assert.Equal(stages, first.Stages);

        var next = Parse(buffer.AsSpan(first.Consumed));
        Assert.Equal(ParseStatus.Complete, next.Status);
        Assert.Equal(second.Length, next.Consumed);
        Assert.Equal([ParsedStage.Any("GET", "after")], next.Stages);
    }

    [Theory]
    [MemberData(nameof(ValidPackets.Names), MemberType = typeof(ValidPackets))]
    public void APacketFollowedByAnyPrefixOfAnotherCompletesAlone(string name)
    {
        var (packet, stages) = ValidPackets.Get(name);
        var following = Pipeline(["SET", "k", "v"], ["GET", "k"]);
        for (var cut = 1; cut <= following.Length; cut++)
        {
            var result = Parse(packet + following[..cut]);
            Assert.Equal(ParseStatus.Complete, result.Status);
            Assert.Equal(packet.Length, result.Consumed);
            Assert.Equal(stages, result.Stages);
        }
    }

    [Fact]
    public void ItemSlicesPointIntoTheBufferGiven()
    {
        var buffer = B(Simple("SET", "key", "value"));
        var query = new ParsedQuery();
        Assert.Equal(ParseStatus.Complete, SkyhashParser.Parse(buffer, query, ParserLimits.Default, out _, out _));
        var items = query.ItemsOf(query[0]);
        Assert.Equal([new Slice(8, 3), new Slice(14, 3), new Slice(20, 5)], items.ToArray());
    }
}
