using SkydFast.Load.Workload;

namespace SkydFast.Load.Tests;

/// <summary>Keys, values, and the operation mix.</summary>
public sealed class WorkloadTests
{
    [Fact]
    public void KeysAreTwelveDigitsAfterThePrefix()
    {
        var key = new byte[KeySpace.KeyLength];
        KeySpace.WriteKey(0, key);
        Assert.Equal("key:000000000000", Bytes.Text(key));
        KeySpace.WriteKey(KeySpace.MaxKeys - 1, key);
        Assert.Equal("key:999999999999", Bytes.Text(key));
    }

    [Fact]
    public void AValueIsRightWithEitherFillButNotAMix()
    {
        var keys = new KeySpace(100, 24);
        Assert.True(keys.IsValue(9, Bytes.Of(Bytes.Value(9, 24, 'p'))));
        Assert.True(keys.IsValue(9, Bytes.Of(Bytes.Value(9, 24, 'w'))));
        Assert.False(keys.IsValue(9, Bytes.Of(Bytes.Value(9, 20, 'p') + "wwww")));
        Assert.False(keys.IsValue(9, Bytes.Of(Bytes.Value(8, 24, 'p'))));
        Assert.False(keys.IsValue(9, Bytes.Of(Bytes.Value(9, 23, 'p'))));
        Assert.True(new KeySpace(100, 0).IsValue(9, []));
    }

    [Fact]
    public void TheMixDrawsEachOperationAtItsShare()
    {
        var mix = OperationMix.Parse("get=70, set=10, update=20");
        var random = new FastRandom(99);
        var counts = new int[4];
        const int draws = 200_000;
        for (var i = 0; i < draws; i++)
        {
            counts[(int)mix.Next(ref random)]++;
        }

        Assert.InRange(counts[(int)Operation.Get] / (double)draws, 0.69, 0.71);
        Assert.InRange(counts[(int)Operation.Set] / (double)draws, 0.095, 0.105);
        Assert.InRange(counts[(int)Operation.Update] / (double)draws, 0.19, 0.21);
        Assert.Equal(0, counts[(int)Operation.Prefill]);
        Assert.Equal("get=70,set=10,update=20", mix.ToString());
    }

    [Theory]
    [InlineData("get", 1, 0, 0)]
    [InlineData("update", 0, 0, 1)]
    [InlineData("GET=9,Update=1", 0.9, 0, 0.1)]
    [InlineData("set=1,update=3", 0, 0.25, 0.75)]
    public void MixesParseAsWeights(string text, double get, double set, double update)
    {
        var mix = OperationMix.Parse(text);
        Assert.Equal(get, mix.Get, 6);
        Assert.Equal(set, mix.Set, 6);
        Assert.Equal(update, mix.Update, 6);
    }

    [Theory]
    [InlineData("")]
    [InlineData("get=0")]
    [InlineData("del=1")]
    [InlineData("get=x")]
    [InlineData("get=-1,update=2")]
    public void BadMixesAreRefused(string text) => Assert.Throws<ArgumentException>(() => OperationMix.Parse(text));

    [Fact]
    public void APrefillSourceStoresItsRangeOnceInOrder()
    {
        var source = new PrefillSource(10, 15);
        var operations = new Operation[4];
        var keys = new long[4];
        Assert.Equal(4, source.NextBatch(operations, keys));
        Assert.Equal([10L, 11, 12, 13], keys);
        Assert.All(operations, o => Assert.Equal(Operation.Prefill, o));
        Assert.Equal(1, source.NextBatch(operations, keys));
        Assert.Equal(14, keys[0]);
        Assert.Equal(0, source.NextBatch(operations, keys));
    }
}
