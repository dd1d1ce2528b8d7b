using SkydFast.Load.Protocols;
using SkydFast.Load.Workload;

namespace SkydFast.Load.Tests;

/// <summary>The reply scanners frame exact replies, wait on every prefix, refuse what cannot be framed, and tell
/// right replies from wrong ones.</summary>
public sealed class ScannerTests
{
    private static readonly KeySpace Keys = new(1000, 20);
    private static readonly SkyhashProtocol Skyhash = new(Keys);
    private static readonly RespProtocol Resp = new(Keys);

    public static TheoryData<string, string, Operation, long, bool> RightAndWrongReplies => new()
    {
        { "skyhash", $"?20\n{Bytes.Value(5, 20, 'p')}\n", Operation.Get, 5, true },
        { "skyhash", $"?20\n{Bytes.Value(5, 20, 'w')}\n", Operation.Get, 5, true },
        { "skyhash", $"+20\n{Bytes.Value(5, 20, 'p')}\n", Operation.Get, 5, false },
        { "skyhash", $"?20\n{Bytes.Value(6, 20, 'p')}\n", Operation.Get, 5, false },
        { "skyhash", $"?20\n{Bytes.Value(5, 19, 'p')}w\n", Operation.Get, 5, false },
        { "skyhash", $"?20\n{Bytes.Value(5, 20, 'x')}\n", Operation.Get, 5, false },
        { "skyhash", $"?21\n{Bytes.Value(5, 21, 'p')}\n", Operation.Get, 5, false },
        { "skyhash", "!1\n1\n", Operation.Get, 5, false },
        { "skyhash", "!1\n0\n", Operation.Update, 5, true },
        { "skyhash", "!1\n1\n", Operation.Update, 5, false },
        { "skyhash", "!1\n2\n", Operation.Set, 5, true },
        { "skyhash", "!1\n0\n", Operation.Set, 5, false },
        { "skyhash", ":1\n1\n", Operation.Prefill, 5, true },
        { "skyhash", ":1\n0\n", Operation.Prefill, 5, false },
        { "skyhash", "!14\nUnknown action\n", Operation.Get, 5, false },
        { "resp", $"$20\r\n{Bytes.Value(5, 20, 'p')}\r\n", Operation.Get, 5, true },
        { "resp", $"$20\r\n{Bytes.Value(5, 20, 'w')}\r\n", Operation.Get, 5, true },
        { "resp", $"$20\r\n{Bytes.Value(500, 20, 'w')}\r\n", Operation.Get, 5, false },
        { "resp", "$-1\r\n", Operation.Get, 5, false },
        { "resp", "+OK\r\n", Operation.Update, 5, true },
        { "resp", "+OK\r\n", Operation.Prefill, 5, true },
        { "resp", "-ERR wrong\r\n", Operation.Update, 5, false },
        { "resp", "$-1\r\n", Operation.Set, 5, true },
        { "resp", "+OK\r\n", Operation.Set, 5, false },
        { "resp", ":1\r\n", Operation.Update, 5, false },
        { "resp", "_\r\n", Operation.Set, 5, false },
    };

    [Theory]
    [MemberData(nameof(RightAndWrongReplies))]
    public void AnElementIsFramedWholeAndJudged(string protocolName, string reply, Operation operation, long key, bool right)
    {
        var protocol = Protocol(protocolName);
        var bytes = Bytes.Of(reply + "trailing");
        Assert.Equal(ScanStatus.Done, protocol.ScanElement(bytes, 0, out var end));
        Assert.Equal(reply.Length, end);
        Assert.Equal(right, protocol.IsExpected(bytes.AsSpan(0, end), operation, key));
    }

    [Theory]
    [MemberData(nameof(RightAndWrongReplies))]
    public void EveryPrefixOfAnElementNeedsMore(string protocolName, string reply, Operation operation, long key, bool right)
    {
        _ = (operation, key, right);
        var protocol = Protocol(protocolName);
        var bytes = Bytes.Of(reply);
        for (var length = 0; length < bytes.Length; length++)
        {
            Assert.Equal(ScanStatus.NeedMore, protocol.ScanElement(bytes.AsSpan(0, length), 0, out _));
        }
    }

    [Fact]
    public void ElementsAreFramedFromAnyStart()
    {
        var bytes = Bytes.Of("*2\n!1\n0\n?3\nabc\n");
        Assert.Equal(ScanStatus.Done, Skyhash.ScanBatchHeader(bytes, 2, out var first));
        Assert.Equal(3, first);
        Assert.Equal(ScanStatus.Done, Skyhash.ScanElement(bytes, first, out var second));
        Assert.Equal(8, second);
        Assert.Equal(ScanStatus.Done, Skyhash.ScanElement(bytes, second, out var end));
        Assert.Equal(bytes.Length, end);
    }

    [Theory]
    [InlineData("*16\n", 16, ScanStatus.Done, 4)]
    [InlineData("*1\n", 1, ScanStatus.Done, 3)]
    [InlineData("*16", 16, ScanStatus.NeedMore, 0)]
    [InlineData("", 16, ScanStatus.NeedMore, 0)]
    [InlineData("*1\n", 16, ScanStatus.Malformed, 0)]
    [InlineData("!1\n7\n", 1, ScanStatus.Malformed, 0)]
    [InlineData("*x\n", 1, ScanStatus.Malformed, 0)]
    [InlineData("*\n", 1, ScanStatus.Malformed, 0)]
    [InlineData("*1234567890123", 1, ScanStatus.Malformed, 0)]
    public void TheSkyhashHeaderMustDeclareTheBatch(string reply, int count, ScanStatus status, int end)
    {
        Assert.Equal(status, Skyhash.ScanBatchHeader(Bytes.Of(reply), count, out var at));
        Assert.Equal(end, at);
    }

    [Theory]
    [InlineData("@+1\n1\nx\n")]
    [InlineData("^+1\n1\nx\n")]
    [InlineData("&1\n")]
    [InlineData("*1\n")]
    [InlineData("?x\nabc\n")]
    [InlineData("?\n\n")]
    [InlineData("?3\nabcX")]
    [InlineData("!1\n0X")]
    [InlineData("?1234567890123")]
    [InlineData("x")]
    public void SkyhashElementsThatCannotBeFramedAreMalformed(string reply) =>
        Assert.Equal(ScanStatus.Malformed, Skyhash.ScanElement(Bytes.Of(reply), 0, out _));

    [Theory]
    [InlineData("*1\r\n$2\r\nOK\r\n")]
    [InlineData("%1\r\n")]
    [InlineData("$3\r\nabcXY")]
    [InlineData("$x\r\nabc\r\n")]
    [InlineData("$\r\n\r\n")]
    [InlineData("$-2\r\n")]
    [InlineData("OK\r\n")]
    public void RespElementsThatCannotBeFramedAreMalformed(string reply) =>
        Assert.Equal(ScanStatus.Malformed, Resp.ScanElement(Bytes.Of(reply), 0, out _));

    [Fact]
    public void AnEndlessRespLineIsMalformed()
    {
        Assert.Equal(ScanStatus.NeedMore, Resp.ScanElement(Bytes.Of("+" + new string('a', 1000)), 0, out _));
        Assert.Equal(ScanStatus.Malformed, Resp.ScanElement(Bytes.Of("+" + new string('a', 2000)), 0, out _));
    }

    [Fact]
    public void RespBatchesHaveNoHeaderToWaitFor()
    {
        Assert.Equal(ScanStatus.Done, Resp.ScanBatchHeader([], 16, out var end));
        Assert.Equal(0, end);
    }

    private static WireProtocol Protocol(string name) => name == "skyhash" ? Skyhash : Resp;
}
