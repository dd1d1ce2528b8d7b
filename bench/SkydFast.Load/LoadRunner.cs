using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using SkydFast.Load.Measurement;
using SkydFast.Load.Net;
using SkydFast.Load.Protocols;
using SkydFast.Load.Workload;

namespace SkydFast.Load;

/// <summary>The run could not start or go on (no server, a failed prefill).</summary>
public sealed class LoadFailedException(string message) : Exception(message);

/// <summary>
/// A whole run: connect, prefill, warm up, measure, merge. Threads are fixed (<see cref="LoadOptions.Threads"/>),
/// each an event loop over its share of the connections; the calling thread only prints progress.
/// </summary>
public static class LoadRunner
{
    /// <summary>Requests per prefill batch: large batches make the prefill quick without large buffers.</summary>
    public const int PrefillBatch = 256;

    // In-flight batches get this long after a phase's end before they are given up.
    private static readonly TimeSpan Drain = TimeSpan.FromSeconds(5);

    /// <summary>Runs <paramref name="options"/>; progress lines go to <paramref name="progress"/> if given.</summary>
    /// <exception cref="LoadFailedException">No connection, or the prefill did not store every key.</exception>
    public static LoadResult Run(LoadOptions options, TextWriter? progress = null, CancellationToken cancellation = default)
    {
        var keys = new KeySpace(options.Keys, options.ValueSize);
        var protocol = WireProtocol.Create(options.Protocol, keys);
        var label = options.Label ?? $"{protocol.Name}:{options.Port}";
        var startedAt = DateTimeOffset.UtcNow;
        var maxBatch = Math.Max(options.Pipeline, options.Prefill ? PrefillBatch : 1);
        var connections = Connect(options, protocol, maxBatch);
        var workers = new Worker[options.Threads];
        for (var t = 0; t < workers.Length; t++)
        {
            workers[t] = new Worker([.. connections.Where((_, i) => i % workers.Length == t)]);
        }

        try
        {
            double prefillSeconds = 0;
            long prefillErrors = 0;
            if (options.Prefill)
            {
                // Key ranges split evenly across the connections, stored in order.
                for (var i = 0; i < connections.Length; i++)
                {
                    connections[i].Source = new PrefillSource(options.Keys * i / connections.Length, options.Keys * (i + 1) / connections.Length);
                }

                var clock = new RunClock(TimeSpan.Zero, options.MaxDuration, long.MaxValue, Drain);
                var (stored, errors) = RunPhase(workers, clock, PrefillBatch, "prefill", progress, cancellation);
                prefillSeconds = (Stopwatch.GetTimestamp() - clock.MeasureStart) / (double)Stopwatch.Frequency;
                prefillErrors = errors;
                if (errors == 0 && stored != options.Keys)
                {
                    throw new LoadFailedException(
                        $"the prefill stored {stored} of {options.Keys} keys{Reasons(connections)}");
                }
            }

            ulong seed = options.Seed;
            var zipf = options.Skew is { } skew ? new ZipfSampler(options.Keys, skew) : null;
            foreach (var connection in connections)
            {
                // Each connection its own stream of random numbers, decorrelated by a large odd step.
                seed += 0x9E3779B97F4A7C15UL;
                connection.Source = new MixSource(options.Mix, options.Keys, zipf, seed);
            }

            var run = new RunClock(options.Warmup, options.EffectiveDuration, options.EffectiveRequests, Drain);
            if (prefillErrors == 0)
            {
                RunPhase(workers, run, options.Pipeline, "run", progress, cancellation);
            }

            var measured = new PhaseStats();
            foreach (var worker in workers)
            {
                measured.Add(worker.Measured);
            }

            var histogram = measured.Batches;
            var end = measured.LastCompletion;
            return new LoadResult
            {
                Options = options,
                Label = label,
                StartedAt = startedAt,
                PrefilledKeys = options.Prefill ? options.Keys : 0,
                PrefillSeconds = prefillSeconds,
                Requests = measured.Requests,
                Errors = measured.Errors + prefillErrors,
                ElapsedSeconds = end > run.MeasureStart ? (end - run.MeasureStart) / (double)Stopwatch.Frequency : 0,
                P50Us = histogram.PercentileMicroseconds(0.50),
                P99Us = histogram.PercentileMicroseconds(0.99),
                P999Us = histogram.PercentileMicroseconds(0.999),
                MaxUs = LatencyHistogram.ToMicroseconds(histogram.Max),
                Failures = [.. connections.Where(c => c.Failure is not null).GroupBy(c => c.Failure).Select(g => $"{g.Count()} x {g.Key}")],
            };
        }
        finally
        {
            foreach (var worker in workers)
            {
                worker.Dispose();
            }
        }
    }

    private static LoadConnection[] Connect(LoadOptions options, WireProtocol protocol, int maxBatch)
    {
        var server = new IPEndPoint(options.Address, options.Port);
        var connections = new List<LoadConnection>(options.Connections);
        try
        {
            for (var i = 0; i < options.Connections; i++)
            {
                connections.Add(LoadConnection.Connect(server, protocol, maxBatch));
            }
        }
        catch (SocketException e)
        {
            foreach (var connection in connections)
            {
                connection.Dispose();
            }

            throw new LoadFailedException($"cannot connect to {server} ({connections.Count} of {options.Connections} connected): {e.Message}");
        }

        return [.. connections];
    }

    // Runs one phase on every worker's thread; returns the right and wrong replies of all its batches (warm-up
    // included). Prints a progress line every second meanwhile.
    private static (long Right, long Wrong) RunPhase(
        Worker[] workers, RunClock clock, int batchSize, string name, TextWriter? progress, CancellationToken cancellation)
    {
        using var stop = cancellation.Register(clock.Stop);
        var threads = new Thread[workers.Length];
        for (var t = 0; t < workers.Length; t++)
        {
            workers[t].Prepare(clock, batchSize);
            threads[t] = new Thread(workers[t].Run) { IsBackground = true, Name = $"load-{name}-{t}" };
        }

        foreach (var thread in threads)
        {
            thread.Start();
        }

        var started = Stopwatch.GetTimestamp();
        long lastCount = 0;
        var lastTime = started;
        while (!JoinAll(threads, TimeSpan.FromSeconds(1)))
        {
            if (progress is null)
            {
                continue;
            }

            var now = Stopwatch.GetTimestamp();
            var (right, wrong) = Totals(workers);
            var rate = (right - lastCount) * (double)Stopwatch.Frequency / Math.Max(1, now - lastTime);
            var stage = name == "prefill" ? "prefill" : now < clock.MeasureStart ? "warm-up" : "measure";
            progress.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"[{(now - started) / (double)Stopwatch.Frequency,6:F1} s] {stage}: {rate,12:N0} req/s, {right,13:N0} requests, {wrong} errors"));
            lastCount = right;
            lastTime = now;
        }

        return Totals(workers);
    }

    // Whether every thread ended within one shared timeout (so a progress tick is one second whichever ends first).
    private static bool JoinAll(Thread[] threads, TimeSpan timeout)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(timeout.TotalSeconds * Stopwatch.Frequency);
        foreach (var thread in threads)
        {
            var left = Math.Max(0, deadline - Stopwatch.GetTimestamp());
            if (!thread.Join(TimeSpan.FromSeconds(left / (double)Stopwatch.Frequency)))
            {
                return false;
            }
        }

        return true;
    }

    private static (long Right, long Wrong) Totals(Worker[] workers)
    {
        long right = 0, wrong = 0;
        foreach (var worker in workers)
        {
            right += worker.Warmup.Requests + worker.Measured.Requests;
            wrong += worker.Warmup.Errors + worker.Measured.Errors;
        }

        return (right, wrong);
    }

    private static string Reasons(IEnumerable<LoadConnection> connections)
    {
        var reasons = connections.Select(c => c.Failure).Where(f => f is not null).Distinct().ToList();
        return reasons.Count == 0 ? "" : $": {string.Join("; ", reasons)}";
    }
}
