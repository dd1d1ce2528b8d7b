using SkydFast.Load.Protocols;
using SkydFast.Load.Workload;

namespace SkydFast.Load.Tests;

/// <summary>Each request as exact bytes, in both protocols.</summary>
public sealed class EncoderTests
{
    private static readonly KeySpace Keys = new(1000, 20);

    [Theory]
    [InlineData(Operation.Get, "~2\n3\nGET\n16\nkey:000000000042\n")]
    [InlineData(Operation.Update, "~3\n6\nUPDATE\n16\nkey:000000000042\n20\nkey:000000000042wwww\n")]
    [InlineData(Operation.Set, "~3\n3\nSET\n16\nkey:000000000042\n20\nkey:000000000042wwww\n")]
    [InlineData(Operation.Prefill, "~3\n4\nUSET\n16\nkey:000000000042\n20\nkey:000000000042pppp\n")]
    public void SkyhashRequestsAreAnyArrays(Operation operation, string expected) =>
        Assert.Equal(expected, Write(new SkyhashProtocol(Keys), operation, 42));

    [Theory]
    [InlineData(Operation.Get, "*2\r\n$3\r\nGET\r\n$16\r\nkey:000000000042\r\n")]
    [InlineData(Operation.Update, "*3\r\n$3\r\nSET\r\n$16\r\nkey:000000000042\r\n$20\r\nkey:000000000042wwww\r\n")]
    [InlineData(Operation.Set, "*4\r\n$3\r\nSET\r\n$16\r\nkey:000000000042\r\n$20\r\nkey:000000000042wwww\r\n$2\r\nNX\r\n")]
    [InlineData(Operation.Prefill, "*3\r\n$3\r\nSET\r\n$16\r\nkey:000000000042\r\n$20\r\nkey:000000000042pppp\r\n")]
    public void RespRequestsAreArraysOfBulkStrings(Operation operation, string expected) =>
        Assert.Equal(expected, Write(new RespProtocol(Keys), operation, 42));

    [Fact]
    public void ASkyhashBatchIsOnePipelinePacket()
    {
        var protocol = new SkyhashProtocol(Keys);
        var buffer = new byte[protocol.MaxHeaderLength + (3 * protocol.MaxRequestLength)];
        var length = protocol.WriteBatchHeader(buffer, 3);
        length += protocol.WriteRequest(buffer.AsSpan(length), Operation.Get, 0);
        length += protocol.WriteRequest(buffer.AsSpan(length), Operation.Get, 999);
        length += protocol.WriteRequest(buffer.AsSpan(length), Operation.Update, 7);
        Assert.Equal(
            "*3\n~2\n3\nGET\n16\nkey:000000000000\n~2\n3\nGET\n16\nkey:000000000999\n~3\n6\nUPDATE\n16\nkey:000000000007\n20\nkey:000000000007wwww\n",
            Bytes.Text(buffer.AsSpan(0, length)));
    }

    [Fact]
    public void ARespBatchHasNoHeader() => Assert.Equal(0, new RespProtocol(Keys).WriteBatchHeader(new byte[16], 16));

    [Fact]
    public void ValuesShorterThanTheKeyAreItsPrefix()
    {
        var keys = new KeySpace(10, 5);
        Assert.Equal("~3\n6\nUPDATE\n16\nkey:000000000003\n5\nkey:0\n", Write(new SkyhashProtocol(keys), Operation.Update, 3));
        Assert.Equal("*3\r\n$3\r\nSET\r\n$16\r\nkey:000000000003\r\n$0\r\n\r\n", Write(new RespProtocol(new KeySpace(10, 0)), Operation.Update, 3));
    }

    [Fact]
    public void TheLargestRequestFitsTheAdvertisedLength()
    {
        foreach (var protocol in new WireProtocol[] { new SkyhashProtocol(Keys), new RespProtocol(Keys) })
        {
            foreach (var operation in Enum.GetValues<Operation>())
            {
                Assert.True(Write(protocol, operation, KeySpace.MaxKeys - 1).Length <= protocol.MaxRequestLength, $"{protocol.Name} {operation}");
            }
        }
    }

    private static string Write(WireProtocol protocol, Operation operation, long key)
    {
        var buffer = new byte[protocol.MaxRequestLength + 64];
        return Bytes.Text(buffer.AsSpan(0, protocol.WriteRequest(buffer, operation, key)));
    }
}
