using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace SkydFast.Benchmarks.Persistence;

/// <summary>
/// MB/s (10^6 bytes per second) of a <see cref="FlushBenchmarks"/> case: the table file's size for the case's
/// <c>Keys</c> and <c>ValueLength</c> over its mean. Every method of the class writes (or encodes) exactly that
/// many bytes, so the column compares them directly.
/// </summary>
public sealed class ThroughputColumn : IColumn
{
    public string Id => nameof(ThroughputColumn);

    public string ColumnName => "MB/s";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Table file bytes (10^6) per second: KeyValueSet.TableFileBytes(Keys, ValueLength) / Mean";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        var meanNs = summary[benchmarkCase]?.ResultStatistics?.Mean;
        if (meanNs is not > 0)
        {
            return "NA";
        }

        var keys = Convert.ToInt64(benchmarkCase.Parameters[nameof(FlushBenchmarks.Keys)], CultureInfo.InvariantCulture);
        var valueLength = Convert.ToInt32(benchmarkCase.Parameters[nameof(FlushBenchmarks.ValueLength)], CultureInfo.InvariantCulture);

        // Bytes per nanosecond times 1,000 is 10^6 bytes per second.
        var megabytesPerSecond = KeyValueSet.TableFileBytes(keys, valueLength) / meanNs.Value * 1_000;
        return megabytesPerSecond.ToString("N0", CultureInfo.InvariantCulture);
    }

    public bool IsAvailable(Summary summary) => true;

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
}
