using BenchmarkDotNet.Running;
using SkydFast.Benchmarks;
using SkydFast.Benchmarks.Latency;

// `--check-budget [BenchmarkDotNet args]`: a short in-process run that fails when a benchmark allocates more
// than allocation-budget.json allows. `--snapshot-latency [options]`: GET latency with and without a flush
// running (not a BenchmarkDotNet benchmark: it measures a distribution under load, not one op). Anything else
// goes to BenchmarkDotNet's switcher as usual.
if (args.Length > 0 && args[0] == "--check-budget")
{
    return BudgetCheck.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "--snapshot-latency")
{
    return SnapshotLatency.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
