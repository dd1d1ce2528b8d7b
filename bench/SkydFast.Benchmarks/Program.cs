using BenchmarkDotNet.Running;
using SkydFast.Benchmarks;

// `--check-budget [BenchmarkDotNet args]`: a short in-process run that fails when a benchmark allocates more
// than allocation-budget.json allows. Anything else goes to BenchmarkDotNet's switcher as usual.
if (args.Length > 0 && args[0] == "--check-budget")
{
    return BudgetCheck.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
