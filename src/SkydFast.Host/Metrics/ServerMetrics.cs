using System.Diagnostics.Metrics;
using SkydFast.Engine;
using SkydFast.Persistence.Services;

namespace SkydFast.Host.Metrics;

/// <summary>
/// The server's metrics as <see cref="System.Diagnostics.Metrics"/> instruments on the meter <c>SkydFast</c>, so any
/// listener (<c>dotnet-counters</c>, the <c>/metrics</c> endpoint) can read them. Every instrument is observable: it
/// reads counters the server keeps anyway when someone asks, and costs the request path nothing. Names are already
/// Prometheus's (<c>skyd_queries_total</c>).
/// </summary>
public sealed class ServerMetrics : IDisposable
{
    /// <summary>The meter's name.</summary>
    public const string MeterName = "SkydFast";

    private readonly Meter _meter = new(MeterName, ServerInfo.Version);
    private SaveStatistics? _bgsave;

    /// <summary>Creates the instruments over what a running server has.</summary>
    /// <param name="context">The store, the connections' counts, and the snapshots.</param>
    /// <param name="openConnections">How many connections are open now.</param>
    public ServerMetrics(ServerContext context, Func<int> openConnections)
    {
        ArgumentNullException.ThrowIfNull(context);
        var statistics = context.Statistics;
        _meter.CreateObservableUpDownCounter("skyd_connections", () => (long)openConnections(), description: "Connections open now");
        _meter.CreateObservableCounter("skyd_queries_total", () => Queries(statistics), description: "Queries (pipeline stages) run, by action");
        _meter.CreateObservableCounter("skyd_error_responses_total", () => statistics.Read().ErrorResponses, description: "Responses that were an error code from 3 up or an error string");
        _meter.CreateObservableCounter("skyd_protocol_errors_total", () => statistics.Read().ProtocolErrors, description: "Packets that did not parse (each closed its connection)");
        _meter.CreateObservableGauge("skyd_poisoned", () => context.Store.IsPoisoned ? 1 : 0, description: "1 while writes are refused after a failed save");
        Saves("skyd_bgsave", () => _bgsave, "BGSAVE runs and the termination save");
        Saves("skyd_snapshot_local", () => context.Snapshots?.LocalStatistics, "local snapshots (scheduled and MKSNAP)");
        Saves("skyd_snapshot_remote", () => context.Snapshots?.RemoteStatistics, "remote snapshots (MKSNAP name)");
    }

    /// <summary>Adds BGSAVE's counts, once the host has the service.</summary>
    public void AddBgsave(SaveStatistics bgsave) => _bgsave = bgsave;

    /// <inheritdoc/>
    public void Dispose() => _meter.Dispose();

    private static IEnumerable<Measurement<long>> Queries(ServerStatistics statistics)
    {
        var queries = statistics.Read().Queries;
        for (var i = 0; i < queries.Count; i++)
        {
            yield return new Measurement<long>(queries[i], new KeyValuePair<string, object?>("action", ServerStatistics.ActionNames[i]));
        }
    }

    // Three instruments per kind of save: runs by result, the seconds they took together, the seconds of the latest.
    private void Saves(string prefix, Func<SaveStatistics?> source, string what)
    {
        _meter.CreateObservableCounter($"{prefix}_runs_total", () => Runs(source()), description: $"Completed and failed {what}");
        _meter.CreateObservableCounter<double>(
            $"{prefix}_seconds_total", () => source() is { } s ? [new Measurement<double>(s.Total.TotalSeconds)] : [], unit: "s", description: $"Time taken by {what}, summed");
        _meter.CreateObservableGauge<double>(
            $"{prefix}_last_seconds", () => source() is { } s ? [new Measurement<double>(s.Last.TotalSeconds)] : [], unit: "s", description: $"Time taken by the latest of the {what}");
    }

    private static IEnumerable<Measurement<long>> Runs(SaveStatistics? statistics)
    {
        if (statistics is null)
        {
            yield break;
        }

        yield return new Measurement<long>(statistics.Succeeded, new KeyValuePair<string, object?>("result", "ok"));
        yield return new Measurement<long>(statistics.Failed, new KeyValuePair<string, object?>("result", "failed"));
    }
}
