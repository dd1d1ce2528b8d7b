using System.Diagnostics;
using System.Globalization;
using System.Net;
using Microsoft.Extensions.Logging.Abstractions;
using SkydFast.Engine;
using SkydFast.Host;
using SkydFast.Load.Measurement;
using SkydFast.Persistence.Flush;
using SkydFast.Store;

namespace SkydFast.Benchmarks.Latency;

/// <summary>
/// <c>--snapshot-latency</c>: what a running flush costs the readers. The real server in this process on
/// 127.0.0.1:0 serves <see cref="KeyValueSet"/> (1M keys by default, filled into the store directly); reader
/// connections send random <c>GET</c>s and a few writer connections random <c>UPDATE</c>s, pipeline depth 1, in two
/// phases of equal length: without a flush, then with <see cref="Flusher.FlushToLive"/> (BGSAVE: view, encoder,
/// fsync, swap) running back to back on a background thread. The writers run in both phases, so the flushes are
/// the only difference, and during the second they take the copy-on-write path (a write to a shard the encoder has
/// not reached yet preserves the shard first). Prints p50/p99/p99.9 and ops/s per phase and the p99 ratio.
/// </summary>
public static class SnapshotLatency
{
    private const string Usage =
        "usage: --snapshot-latency [--connections N (8)] [--writers N (2)] [--seconds S per phase (10)] " +
        "[--warmup S (2)] [--keys N (1000000)] [--value BYTES (64)]";

    public static int Run(string[] args)
    {
        if (!Options.TryParse(args, out var options, out var error))
        {
            Console.Error.WriteLine(error);
            Console.Error.WriteLine(Usage);
            return 2;
        }

        var root = Directory.CreateTempSubdirectory("skyd-bench-snapshot-latency-").FullName;
        try
        {
            return Measure(options, Path.Combine(root, "data"));
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static int Measure(Options options, string dataDir)
    {
        var store = new CoreStore();
        var fill = Stopwatch.StartNew();
        KeyValueSet.Fill(store, options.Keys, options.ValueLength);

        // The fill's million objects are promoted now, not during a phase.
        GC.Collect();
        Print($"filled {options.Keys:N0} keys ({KeyValueSet.KeyLength} B keys, {options.ValueLength} B values) in {fill.Elapsed.TotalSeconds:F1} s");

        var clock = new PhaseClock();
        var server = SkydServer.Start(new ServerOptions { Host = IPAddress.Loopback, Port = 0 }, NullLoggerFactory.Instance, new ServerContext(store));
        var clients = new List<LatencyClient>();
        try
        {
            for (var i = 0; i < options.Connections + options.Writers; i++)
            {
                clients.Add(LatencyClient.Connect(
                    server.EndPoint!, clock, seed: i, options.Keys, options.ValueLength, isWriter: i >= options.Connections));
            }

            var flushes = new FlushLoop(store, dataDir, clock);
            var threads = clients.Select((c, i) => new Thread(c.Run) { IsBackground = true, Name = $"client {i}" }).ToList();
            threads.Add(new Thread(flushes.Run) { IsBackground = true, Name = "flush" });
            threads.ForEach(t => t.Start());

            Thread.Sleep(options.Warmup);
            clock.MoveTo(LatencyPhase.WithoutSnapshot);
            var withoutStart = Stopwatch.GetTimestamp();
            Thread.Sleep(options.Phase);
            clock.MoveTo(LatencyPhase.DuringSnapshots);
            flushes.Start();
            var duringStart = Stopwatch.GetTimestamp();
            Thread.Sleep(options.Phase);
            clock.MoveTo(LatencyPhase.Done);
            var end = Stopwatch.GetTimestamp();

            // Bounded: every client's socket times out after 10 s, the flush loop finishes the flush in hand.
            var stuck = threads.Where(t => !t.Join(TimeSpan.FromSeconds(120))).Select(t => t.Name).ToList();
            var phases = new[]
            {
                (LatencyPhase.WithoutSnapshot, "without snapshot", Stopwatch.GetElapsedTime(withoutStart, duringStart)),
                (LatencyPhase.DuringSnapshots, "during snapshots", Stopwatch.GetElapsedTime(duringStart, end)),
            };
            return Report(options, clients, phases, flushes, duringStart, end, stuck);
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
            server.StopAsync().GetAwaiter().GetResult();
            server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        }
    }

    private static int Report(
        Options options,
        List<LatencyClient> clients,
        (LatencyPhase Phase, string Name, TimeSpan Length)[] phases,
        FlushLoop flushes,
        long duringStart,
        long end,
        List<string?> stuck)
    {
        var readers = clients.Take(options.Connections).ToList();
        var writers = clients.Skip(options.Connections).ToList();
        Print($"{options.Connections} GET + {options.Writers} UPDATE connections, pipeline 1, loopback, {options.Phase.TotalSeconds:F0} s per phase after {options.Warmup.TotalSeconds:F0} s warm-up, {Environment.ProcessorCount} cores");
        Print($"{"phase",-18} {"GET ops/s",10} {"p50 us",8} {"p99 us",8} {"p99.9 us",9} {"max us",9} {"UPDATE ops/s",13} {"UPDATE p99 us",14} {"errors",7}");
        var p99 = new double[phases.Length];
        long errors = 0;
        for (var i = 0; i < phases.Length; i++)
        {
            var (phase, name, length) = phases[i];
            var gets = Merge(readers, phase);
            var updates = Merge(writers, phase);
            var phaseErrors = clients.Sum(c => c.Errors(phase));
            errors += phaseErrors;
            p99[i] = gets.PercentileMicroseconds(0.99);
            Print($"{name,-18} {gets.Count / length.TotalSeconds,10:N0} {gets.PercentileMicroseconds(0.5),8:F1} {p99[i],8:F1} {gets.PercentileMicroseconds(0.999),9:F1} {LatencyHistogram.ToMicroseconds(gets.Max),9:F0} {updates.Count / length.TotalSeconds,13:N0} {updates.PercentileMicroseconds(0.99),14:F1} {phaseErrors,7}");
        }

        var durations = flushes.Durations;
        var tableMb = KeyValueSet.TableFileBytes(options.Keys, options.ValueLength) / 1e6;
        var meanSeconds = durations.Count == 0 ? 0 : durations.Average(d => d.TotalSeconds);
        Print($"flushes (FlushToLive, back to back): {durations.Count} in {Stopwatch.GetElapsedTime(duringStart, end).TotalSeconds:F1} s (the last one ends after the phase), mean {meanSeconds * 1000:F0} ms, table file {tableMb:F1} MB, {(meanSeconds > 0 ? tableMb / meanSeconds : 0):F0} MB/s");
        Print($"p99 during / without: {(p99[0] > 0 ? p99[1] / p99[0] : double.NaN):F2}x (goal: at most 2x)");

        var failures = clients.Select(c => c.Failure).Append(flushes.Failure).OfType<string>().ToList();
        failures.AddRange(stuck.Select(name => $"{name} did not stop within 120 s"));
        failures.ForEach(f => Print($"failure: {f}"));
        Print($"errors (wrong replies, not counted as round trips): {errors}");
        return errors == 0 && failures.Count == 0 ? 0 : 1;
    }

    private static LatencyHistogram Merge(IEnumerable<LatencyClient> clients, LatencyPhase phase)
    {
        var merged = new LatencyHistogram();
        foreach (var client in clients)
        {
            merged.Add(client.Histogram(phase));
        }

        return merged;
    }

    private static void Print(FormattableString line) => Console.WriteLine(line.ToString(CultureInfo.InvariantCulture));

    /// <summary>Flushes back to back from <see cref="Start"/> until the phase is over.</summary>
    private sealed class FlushLoop(CoreStore store, string dataDir, PhaseClock clock)
    {
        private readonly ManualResetEventSlim _start = new();

        public List<TimeSpan> Durations { get; } = [];

        public string? Failure { get; private set; }

        public void Start() => _start.Set();

        public void Run()
        {
            // Waits for the second phase, or for the end if it never starts (a failed run).
            while (!_start.Wait(100))
            {
                if (clock.Current == LatencyPhase.Done)
                {
                    return;
                }
            }

            try
            {
                while (clock.Current == LatencyPhase.DuringSnapshots)
                {
                    var start = Stopwatch.GetTimestamp();
                    Flusher.FlushToLive(store, dataDir);
                    Durations.Add(Stopwatch.GetElapsedTime(start));
                }
            }
            catch (IOException e)
            {
                Failure = $"flush failed: {e.Message}";
            }
        }
    }

    private sealed record Options(int Connections, int Writers, TimeSpan Phase, TimeSpan Warmup, int Keys, int ValueLength)
    {
        public static bool TryParse(string[] args, out Options options, out string? error)
        {
            options = new Options(8, 2, TimeSpan.FromSeconds(10), TimeSpan.FromSeconds(2), 1_000_000, 64);
            error = null;
            for (var i = 0; i < args.Length; i += 2)
            {
                if (i + 1 >= args.Length || !int.TryParse(args[i + 1], CultureInfo.InvariantCulture, out var value))
                {
                    error = $"{args[i]} needs a number";
                    return false;
                }

                // Bounds keep a run loopback-sized: at most 64 connections and two minutes per phase.
                (options, error) = args[i] switch
                {
                    "--connections" when value is >= 1 and <= 64 => (options with { Connections = value }, null),
                    "--writers" when value is >= 0 and <= 16 => (options with { Writers = value }, null),
                    "--seconds" when value is >= 1 and <= 120 => (options with { Phase = TimeSpan.FromSeconds(value) }, null),
                    "--warmup" when value is >= 0 and <= 60 => (options with { Warmup = TimeSpan.FromSeconds(value) }, null),
                    "--keys" when value is >= 1 and <= 10_000_000 => (options with { Keys = value }, null),
                    "--value" when value is >= KeyValueSet.KeyLength and <= 1024 => (options with { ValueLength = value }, null),
                    _ => (options, $"{args[i]} {args[i + 1]}: unknown option or out of range"),
                };
                if (error is not null)
                {
                    return false;
                }
            }

            return true;
        }
    }
}
