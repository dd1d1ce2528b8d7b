using System.Diagnostics.Metrics;
using SkydFast.Engine;
using SkydFast.Network;
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
    /// <param name="network">The listeners' connection and byte counts.</param>
    public ServerMetrics(ServerContext context, Func<TransportCounters> network)
    {
        ArgumentNullException.ThrowIfNull(context);
        var statistics = context.Statistics;
        _meter.CreateObservableUpDownCounter("skyd_connections", () => (long)network().Open, description: "Connections open now");
        _meter.CreateObservableCounter("skyd_connections_accepted_total", () => network().Accepted, description: "Connections accepted since start");
        _meter.CreateObservableCounter("skyd_received_bytes_total", () => network().Received, unit: "By", description: "Bytes received from clients (decrypted, for TLS)");
        _meter.CreateObservableCounter("skyd_sent_bytes_total", () => network().Sent, unit: "By", description: "Bytes sent to clients (before encryption, for TLS)");
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
