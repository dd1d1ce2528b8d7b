using System.Globalization;
using System.Text.Json;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;
using Perfolizer.Horology;

namespace SkydFast.Benchmarks;

/// <summary>
/// CI checks allocations, not times (style.md): every benchmark has a budget of bytes allocated per op in
/// allocation-budget.json; a run that exceeds one, lacks one, or fails exits with code 1.
/// </summary>
public static class BudgetCheck
{
    public const string BudgetFile = "allocation-budget.json";

    private static readonly JsonSerializerOptions JsonOptions = new() { ReadCommentHandling = JsonCommentHandling.Skip };

    /// <summary>
    /// True once <see cref="Run"/> has started. A benchmark whose real size takes seconds per op (the 1M-key flush)
    /// reads it, in a <c>[ParamsSource]</c>, to pick a small size here: the check judges bytes per op, which do not
    /// grow with that size, and must stay short. The in-process toolchain runs the benchmarks in this process.
    /// </summary>
    public static bool IsRunning { get; private set; }

    public static int Run(string[] args)
    {
        IsRunning = true;
        var budgets = LoadBudgets(Path.Combine(AppContext.BaseDirectory, BudgetFile));

        // In-process so no extra project is built; few short iterations, because only allocations are judged
        // and the memory diagnoser measures them in its own run after warm-up.
        var job = Job.ShortRun
            .WithToolchain(InProcessEmitToolchain.Instance)
            .WithWarmupCount(1)
            .WithIterationCount(3)
            .WithIterationTime(TimeInterval.FromMilliseconds(100))
            .WithId("Budget");
        var config = ManualConfig.CreateMinimumViable()
            .AddJob(job)
            .AddDiagnoser(MemoryDiagnoser.Default)
            .WithOptions(ConfigOptions.DisableLogFile | ConfigOptions.JoinSummary);
        if (!args.Contains("--filter"))
        {
            args = [.. args, "--filter", "*"];
        }

        var summaries = BenchmarkSwitcher.FromAssembly(typeof(BudgetCheck).Assembly).Run(args, config);
        return Judge(summaries.SelectMany(s => s.Reports), budgets);
    }

    private static int Judge(IEnumerable<BenchmarkReport> reports, Dictionary<string, long> budgets)
    {
        int checkedCount = 0, over = 0, failed = 0;
        foreach (var report in reports)
        {
            var name = NameOf(report.BenchmarkCase);
            checkedCount++;
            var allocated = report.Success ? report.GcStats.GetBytesAllocatedPerOperation(report.BenchmarkCase) : null;
            if (allocated is null)
            {
                failed++;
                Console.WriteLine($"budget: {name} did not run");
            }
            else if (!budgets.TryGetValue(name, out var budget))
            {
                failed++;
                Console.WriteLine($"budget: {name} has no entry in {BudgetFile} (allocated {allocated} B/op)");
            }
            else if (allocated > budget)
            {
                over++;
                Console.WriteLine($"budget: {name} allocated {allocated} B/op, budget {budget} B/op");
            }
        }

        var verdict = over == 0 && failed == 0 && checkedCount > 0 ? "OK" : "FAILED";
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"allocation budget {verdict}: {checkedCount} benchmarks, {over} over budget, {failed} without a result or budget"));
        return verdict == "OK" ? 0 : 1;
    }

    /// <summary><c>Type.Method</c>, as the budget file names benchmarks.</summary>
    private static string NameOf(BenchmarkCase benchmark) =>
        $"{benchmark.Descriptor.Type.Name}.{benchmark.Descriptor.WorkloadMethod.Name}";

    private static Dictionary<string, long> LoadBudgets(string path)
    {
        using var file = File.OpenRead(path);
        return JsonSerializer.Deserialize<Dictionary<string, long>>(file, JsonOptions)
            ?? throw new InvalidDataException($"{path} is empty");
    }
}
