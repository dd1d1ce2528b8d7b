using SkydFast.Client;

namespace SkydFast.Shell;

/// <summary>What a line did.</summary>
internal enum LineOutcome
{
    /// <summary>Ran, and the answer (if any) was not an error.</summary>
    Done,

    /// <summary>A syntax error, an unknown built-in, or an error answer.</summary>
    Failed,

    /// <summary>!exit or !quit.</summary>
    Exit,
}

/// <summary>Runs lines against one connection: built-ins (<c>!help</c>, <c>!exit</c>...) here, everything else as a
/// query whose reply is printed. Keeps the prompt's <c>keyspace:table</c> up to date.</summary>
internal sealed class Shell(SkyConnection connection, ShellOptions options, TextWriter output)
{
    public const string Help = """
        Type a query and press Enter, e.g.  SET mykey "my value"  or  USE default:default
        Arguments are split on spaces; use "double" or 'single' quotes for spaces and \n \t \0 \xHH \" \\ for escapes.

        Built-in commands:
          !help             this help
          !exit, !quit      leave (Ctrl-D on an empty line does too)
          !clear            clear the screen
          !history          list the lines typed before (kept in ~/.skysh_history)
          !use <entity>     the same as USE <entity>

        Keys: Left/Right, Home/End, Backspace/Delete, Up/Down for history, Ctrl-C drops the line (or stops a query).
        """;

    private SkyConnection _connection = connection;
    private CancellationTokenSource? _running;

    /// <summary>The current <c>keyspace:table</c>, when known.</summary>
    public SkyLocation? Location { get; private set; }

    /// <summary>Color answers (errors red, Okay cyan) when writing to a terminal.</summary>
    public bool Color { get; init; }

    /// <summary>The history, for <c>!history</c>; none outside the interactive prompt.</summary>
    public History? History { get; init; }

    /// <summary>The prompt: <c>skysh@keyspace:table&gt; </c> once the location is known, else <c>skysh&gt; </c>.</summary>
    public string Prompt => Location is null ? "skysh> " : $"skysh@{Location}> ";

    /// <summary>Asks the server where the connection is; unknown (null) when it will not say (not logged in).</summary>
    public async Task RefreshLocationAsync()
    {
        try
        {
            Location = await _connection.WhereAmIAsync();
        }
        catch (SkyhashException)
        {
            Location = null;
        }
    }

    /// <summary>Runs every line of <paramref name="queries"/> in order; exit code 1 if any failed.</summary>
    public async Task<int> RunAllAsync(IEnumerable<string> queries)
    {
        var failed = false;
        foreach (var query in queries)
        {
            var outcome = await RunLineAsync(query);
            if (outcome == LineOutcome.Exit)
            {
                break;
            }

            failed |= outcome == LineOutcome.Failed;
        }

        return failed ? 1 : 0;
    }

    /// <summary>Reads queries line by line from <paramref name="input"/> (a pipe or a file), without prompts.</summary>
    public async Task<int> RunScriptAsync(TextReader input)
    {
        var failed = false;
        while (await input.ReadLineAsync() is { } line)
        {
            var outcome = await RunLineAsync(line);
            if (outcome == LineOutcome.Exit)
            {
                break;
            }

            failed |= outcome == LineOutcome.Failed;
        }

        return failed ? 1 : 0;
    }

    /// <summary>The prompt loop, until !exit or Ctrl-D.</summary>
    public async Task<int> RunInteractiveAsync(LineEditor editor)
    {
        // Ctrl-C while a query runs stops waiting for it (the line editor takes Ctrl-C as a key while reading).
        Console.CancelKeyPress += OnCancelKey;
        try
        {
            while (editor.ReadLine(Prompt) is { } line)
            {
                History?.Add(line);
                if (await RunLineAsync(line) == LineOutcome.Exit)
                {
                    break;
                }
            }

            output.WriteLine("Goodbye!");
            return 0;
        }
        finally
        {
            Console.CancelKeyPress -= OnCancelKey;
        }
    }

    /// <summary>Runs one line: nothing for a blank line or a <c>#</c> comment, a built-in, or a query.</summary>
    public async Task<LineOutcome> RunLineAsync(string line)
    {
        var trimmed = line.Trim();
        if (trimmed.Length == 0 || trimmed[0] == '#')
        {
            return LineOutcome.Done;
        }

        if (trimmed[0] == '!')
        {
            return await RunBuiltInAsync(trimmed);
        }

        if (trimmed.ToUpperInvariant() is "EXIT" or "QUIT")
        {
            return LineOutcome.Exit;
        }

        var args = QueryTokenizer.Tokenize(trimmed, out var error);
        if (args is null)
        {
            WriteError($"[Syntax Error: {error}]");
            return LineOutcome.Failed;
        }

        return await QueryAsync(args);
    }

    private async Task<LineOutcome> RunBuiltInAsync(string line)
    {
        var space = line.IndexOfAny([' ', '\t']);
        var command = (space < 0 ? line : line[..space]).ToLowerInvariant();
        switch (command)
        {
            case "!help":
                output.WriteLine(Help);
                return LineOutcome.Done;
            case "!exit" or "!quit":
                return LineOutcome.Exit;
            case "!clear":
                output.Write("\x1b[2J\x1b[H");
                output.Flush();
                return LineOutcome.Done;
            case "!history":
                var entries = History?.Entries ?? [];
                for (var i = 0; i < entries.Count; i++)
                {
                    output.WriteLine($"{i + 1,5}  {entries[i]}");
                }

                return LineOutcome.Done;
            case "!use":
                return await RunLineAsync("USE" + line[command.Length..]);
            default:
                WriteError($"Unknown command {command}: type !help for the list");
                return LineOutcome.Failed;
        }
    }

    private async Task<LineOutcome> QueryAsync(List<byte[]> args)
    {
        var memory = new ReadOnlyMemory<byte>[args.Count];
        for (var i = 0; i < memory.Length; i++)
        {
            memory[i] = args[i];
        }

        using var running = new CancellationTokenSource();
        _running = running;
        SkyElement reply;
        try
        {
            reply = await _connection.QueryAsync(memory, running.Token);
        }
        catch (OperationCanceledException)
        {
            // The client closed the connection (its reply could still come); open a new one where we were.
            WriteError("(Cancelled)");
            await ReconnectAsync();
            return LineOutcome.Failed;
        }
        finally
        {
            _running = null;
        }

        foreach (var text in ReplyFormatter.Format(reply))
        {
            if (reply.IsError)
            {
                WriteError(text);
            }
            else
            {
                WriteLine(text, Color && reply is SkyCode { Code: SkyResponseCode.Okay } ? "\x1b[36m" : null);
            }
        }

        // USE moves the connection and AUTH may change who may ask where it is: ask again for the prompt.
        if (args.Count > 0 && (System.Text.Ascii.EqualsIgnoreCase(args[0], "USE"u8) || System.Text.Ascii.EqualsIgnoreCase(args[0], "AUTH"u8)))
        {
            await RefreshLocationAsync();
        }

        return reply.IsError ? LineOutcome.Failed : LineOutcome.Done;
    }

    private async Task ReconnectAsync()
    {
        await _connection.DisposeAsync();
        var connectionOptions = options.ToConnectionOptions();
        connectionOptions.Entity = Location?.ToString();
        _connection = await SkyConnection.ConnectAsync(connectionOptions);
    }

    private void OnCancelKey(object? sender, ConsoleCancelEventArgs e)
    {
        if (_running is { } running)
        {
            e.Cancel = true;
            running.Cancel();
        }
    }

    private void WriteError(string text) => WriteLine(text, Color ? "\x1b[31m" : null);

    private void WriteLine(string text, string? color)
    {
        if (color is null)
        {
            output.WriteLine(text);
        }
        else
        {
            output.WriteLine($"{color}{text}\x1b[0m");
        }
    }
}
