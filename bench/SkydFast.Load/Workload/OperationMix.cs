using System.Globalization;

namespace SkydFast.Load.Workload;

/// <summary>The share of GET, SET and UPDATE among the requests, as weights (<c>get=90,update=10</c>).</summary>
public sealed class OperationMix
{
    // Thresholds over 2^32: a request is a GET below the first, a SET below the second, else an UPDATE.
    private readonly ulong _getBelow;
    private readonly ulong _setBelow;

    /// <summary>A mix with these weights (any non-negative numbers, not all 0).</summary>
    public OperationMix(double get, double set, double update)
    {
        if (!(get >= 0 && set >= 0 && update >= 0) || !double.IsFinite(get + set + update) || get + set + update <= 0)
        {
            throw new ArgumentException("the mix needs non-negative weights that are not all 0");
        }

        var total = get + set + update;
        Get = get / total;
        Set = set / total;
        Update = update / total;
        _getBelow = (ulong)Math.Round(Get * (1UL << 32));
        _setBelow = (ulong)Math.Round((Get + Set) * (1UL << 32));
    }

    /// <summary>The share of GETs, 0 to 1.</summary>
    public double Get { get; }

    /// <summary>The share of SETs (insert-only writes of present keys), 0 to 1.</summary>
    public double Set { get; }

    /// <summary>The share of UPDATEs (overwrites), 0 to 1.</summary>
    public double Update { get; }

    /// <summary>Parses <c>get=90,update=10</c> (weights of <c>get</c>, <c>set</c>, <c>update</c>; missing ones
    /// are 0) or a single name (<c>get</c>: all GETs).</summary>
    public static OperationMix Parse(string text)
    {
        double get = 0, set = 0, update = 0;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            var weight = 1.0;
            if (pair.Length == 2 && !double.TryParse(pair[1], NumberStyles.Float, CultureInfo.InvariantCulture, out weight))
            {
                throw new ArgumentException($"not a number in the mix: '{part}'");
            }

            switch (pair[0].ToUpperInvariant())
            {
                case "GET": get = weight; break;
                case "SET": set = weight; break;
                case "UPDATE": update = weight; break;
                default: throw new ArgumentException($"unknown operation in the mix: '{pair[0]}' (get, set, update)");
            }
        }

        return new OperationMix(get, set, update);
    }

    /// <summary>An operation drawn with the mix's shares.</summary>
    public Operation Next(ref FastRandom random)
    {
        var draw = random.NextUInt64() >> 32;
        return draw < _getBelow ? Operation.Get : draw < _setBelow ? Operation.Set : Operation.Update;
    }

    /// <summary>The mix as it parses back, with percentages: <c>get=90,set=0,update=10</c>.</summary>
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"get={Get * 100:0.##},set={Set * 100:0.##},update={Update * 100:0.##}");
}
