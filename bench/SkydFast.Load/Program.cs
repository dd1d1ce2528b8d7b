using SkydFast.Load;

// The load generator's command line: see LoadOptions.Usage, and bench/README.md for the design and measurements.
if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(LoadOptions.Usage);
    return 0;
}

LoadOptions options;
try
{
    options = LoadOptions.Parse(args);
}
catch (UsageException e)
{
    Console.Error.WriteLine($"SkydFast.Load: {e.Message}");
    return 2;
}

using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // The first Ctrl+C ends the run early with a result; a second one kills the process as usual.
    e.Cancel = !cancel.IsCancellationRequested;
    cancel.Cancel();
};

LoadResult result;
try
{
    result = LoadRunner.Run(options, options.Quiet ? null : Console.Error, cancel.Token);
}
catch (LoadFailedException e)
{
    Console.Error.WriteLine($"SkydFast.Load: {e.Message}");
    return 3;
}

var json = result.ToJson();
if (options.JsonPath is { } jsonPath)
{
    File.WriteAllText(jsonPath, json + "\n");
}
else
{
    Console.WriteLine(json);
}

if (options.MarkdownPath is { } markdownPath)
{
    var header = File.Exists(markdownPath) ? "" : LoadResult.MarkdownHeader + "\n";
    File.AppendAllText(markdownPath, header + result.ToMarkdownRow() + "\n");
}

Console.Error.WriteLine(result.Summary());
return result.ExitCode;
