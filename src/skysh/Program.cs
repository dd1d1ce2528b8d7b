using System.Security.Cryptography;
using SkydFast.Client;
using SkydFast.Shell;

// skysh: the interactive shell for Skytable 0.7 servers. Exit codes: 0 done, 1 an error answer to --eval or a script
// line, or a connection problem, 2 a bad command line.
ShellOptions options;
try
{
    options = ShellOptions.Parse(args);
}
catch (ArgumentException e)
{
    Console.Error.WriteLine($"Error: {e.Message}");
    Console.Error.WriteLine("Try 'skysh --help'.");
    return 2;
}

if (options.Help)
{
    Console.WriteLine(ShellOptions.Usage);
    return 0;
}

if (options.Version)
{
    Console.WriteLine("skysh 0.1.0 (skyd-fast; Skytable 0.7 shell)");
    return 0;
}

var output = Console.Out;
var interactive = options.Eval.Count == 0 && !Console.IsInputRedirected;
SkyConnection connection;
try
{
    connection = await SkyConnection.ConnectAsync(options.ToConnectionOptions());
}
catch (Exception e) when (e is SkyConnectException or IOException or TimeoutException or CryptographicException or UnauthorizedAccessException)
{
    var reason = e is SkyConnectException ? e.Message : $"could not connect to {options.Url}: {e.Message}";
    Console.Error.WriteLine($"Error: {reason}");
    return 1;
}
catch (SkyhashException e)
{
    Console.Error.WriteLine($"Error: could not log in as {options.User}: {(e.Code == SkyResponseCode.BadCredentials ? "bad credentials" : e.Message)}");
    return 1;
}

await using (connection)
{
    var color = interactive && !Console.IsOutputRedirected && Environment.GetEnvironmentVariable("NO_COLOR") is null;
    var history = interactive ? History.Load(History.DefaultPath) : null;
    var shell = new Shell(connection, options, output) { Color = color, History = history };
    try
    {
        await shell.RefreshLocationAsync();
        if (options.Eval.Count > 0)
        {
            return await shell.RunAllAsync(options.Eval);
        }

        if (!interactive)
        {
            return await shell.RunScriptAsync(Console.In);
        }

        output.WriteLine($"Connected to {options.Url}");
        output.WriteLine("Type !help for help, !exit or Ctrl-D to leave.");
        return await shell.RunInteractiveAsync(new LineEditor(history!, output));
    }
    catch (Exception e) when (e is IOException or TimeoutException)
    {
        Console.Error.WriteLine($"Error: connection lost: {e.Message}");
        return 1;
    }
}
