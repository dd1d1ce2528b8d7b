using System.Globalization;
using System.Text;
using System.Text.Json;

namespace SkydFast.Load;

/// <summary>What a run measured, with every parameter, as JSON and as a markdown table row.</summary>
public sealed class LoadResult
{
    /// <summary>The header of <see cref="ToMarkdownRow"/>'s table.</summary>
    public const string MarkdownHeader = """
        | target | protocol | mix | connections | pipeline | value | keys | distribution | threads | ops/s | p50 us | p99 us | p99.9 us | errors |
        |---|---|---|---:|---:|---:|---:|---|---:|---:|---:|---:|---:|---:|
        """;

    public required LoadOptions Options { get; init; }

    public required string Label { get; init; }

    public DateTimeOffset StartedAt { get; init; }

    /// <summary>Keys stored by the prefill, and how long it took.</summary>
    public long PrefilledKeys { get; init; }

    public double PrefillSeconds { get; init; }

    /// <summary>Requests answered right in the measured window.</summary>
    public long Requests { get; init; }

    /// <summary>Wrong replies, prefill included.</summary>
    public long Errors { get; init; }

    /// <summary>From the first measured send to the last measured completion.</summary>
    public double ElapsedSeconds { get; init; }

    /// <summary>Batch latency percentiles (send to last reply byte), microseconds.</summary>
    public double P50Us { get; init; }

    public double P99Us { get; init; }

    public double P999Us { get; init; }

    public double MaxUs { get; init; }

    /// <summary>Why connections stopped early, one entry per distinct reason with its count.</summary>
    public IReadOnlyList<string> Failures { get; init; } = [];

    public double OpsPerSecond => ElapsedSeconds > 0 ? Requests / ElapsedSeconds : 0;

    /// <summary>The exit code: 1 with wrong replies, 3 when connections failed or nothing completed, else 0.</summary>
    public int ExitCode => Errors > 0 ? 1 : Failures.Count > 0 || Requests == 0 ? 3 : 0;

    /// <summary>The result as one JSON object: the figures first, then every parameter.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            var o = Options;
            json.WriteStartObject();
            json.WriteString("label", Label);
            json.WriteString("started_at", StartedAt.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture));
            json.WriteNumber("ops_per_sec", Math.Round(OpsPerSecond, 1));
            json.WriteNumber("p50_us", Math.Round(P50Us, 1));
            json.WriteNumber("p99_us", Math.Round(P99Us, 1));
            json.WriteNumber("p999_us", Math.Round(P999Us, 1));
            json.WriteNumber("max_us", Math.Round(MaxUs, 1));
            json.WriteNumber("errors", Errors);
            json.WriteNumber("requests", Requests);
            json.WriteNumber("elapsed_s", Math.Round(ElapsedSeconds, 3));
            json.WriteNumber("prefilled_keys", PrefilledKeys);
            json.WriteNumber("prefill_s", Math.Round(PrefillSeconds, 3));
            json.WriteStartArray("failures");
            foreach (var failure in Failures)
            {
                json.WriteStringValue(failure);
            }

            json.WriteEndArray();
            json.WriteString("host", o.Address.ToString());
            json.WriteNumber("port", o.Port);
            json.WriteString("protocol", o.Protocol.ToString().ToLowerInvariant());
            json.WriteNumber("connections", o.Connections);
            json.WriteNumber("pipeline", o.Pipeline);
            json.WriteNumber("value_size", o.ValueSize);
            json.WriteNumber("keys", o.Keys);
            json.WriteString("distribution", o.Skew is null ? "uniform" : "zipf");
            if (o.Skew is { } skew)
            {
                json.WriteNumber("skew", skew);
            }

            json.WriteStartObject("mix");
            json.WriteNumber("get", Math.Round(o.Mix.Get, 4));
            json.WriteNumber("set", Math.Round(o.Mix.Set, 4));
            json.WriteNumber("update", Math.Round(o.Mix.Update, 4));
            json.WriteEndObject();
            json.WriteNumber("threads", o.Threads);
            if (o.Duration is { } duration)
            {
                json.WriteNumber("duration_s", duration.TotalSeconds);
            }

            if (o.Requests is { } requests)
            {
                json.WriteNumber("requests_asked", requests);
            }

            json.WriteNumber("warmup_s", o.Warmup.TotalSeconds);
            json.WriteNumber("max_duration_s", o.MaxDuration.TotalSeconds);
            json.WriteNumber("max_requests", o.MaxRequests);
            json.WriteBoolean("prefill", o.Prefill);
            json.WriteNumber("seed", o.Seed);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>The result as a row of <see cref="MarkdownHeader"/>'s table.</summary>
    public string ToMarkdownRow()
    {
        var o = Options;
        var distribution = o.Skew is { } skew ? string.Create(CultureInfo.InvariantCulture, $"zipf {skew}") : "uniform";
        return string.Create(
            CultureInfo.InvariantCulture,
            $"| {Label} | {o.Protocol.ToString().ToLowerInvariant()} | {o.Mix} | {o.Connections} | {o.Pipeline} | {o.ValueSize} | {o.Keys} | {distribution} | {o.Threads} | {OpsPerSecond:N0} | {P50Us:F1} | {P99Us:F1} | {P999Us:F1} | {Errors} |");
    }

    /// <summary>One line for logs: <c>label: 123,456 ops/s, p50 ..., 0 errors</c>.</summary>
    public string Summary() => string.Create(
        CultureInfo.InvariantCulture,
        $"{Label} {Options.Mix} c={Options.Connections} P={Options.Pipeline}: {OpsPerSecond:N0} ops/s, p50 {P50Us:F1} us, p99 {P99Us:F1} us, p99.9 {P999Us:F1} us, {Requests:N0} requests, {Errors} errors{(Failures.Count > 0 ? $", failures: {string.Join("; ", Failures)}" : "")}");
}
