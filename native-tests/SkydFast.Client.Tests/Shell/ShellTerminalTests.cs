namespace SkydFast.Client.Tests.Shell;

/// <summary>skysh at a real (pseudo-)terminal: the prompt, line editing, history, Ctrl-C and Ctrl-D.</summary>
public sealed class ShellTerminalTests
{
    private const string Up = "\x1b[A";
    private const string Left = "\x1b[D";
    private const string Home = "\x1b[H";
    private const string End = "\x1b[F";
    private const string Delete = "\x1b[3~";
    private const string Backspace = "\x7f";

    [Fact]
    public async Task TypedQueriesAreEditedRecalledAndSavedToTheHistory()
    {
        await using var server = await TestServer.StartAsync();
        using var home = new TempDirectory();
        await using var terminal = Terminal.Start(home.Path, "--port", server.EndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await terminal.WaitForAsync("Connected to skyhash://127.0.0.1:");
        await terminal.WaitForAsync("skysh@default:default> ");

        await terminal.TypeAsync("SET k v\r");
        await terminal.WaitForAsync("(Okay)");
        await terminal.WaitForAsync("skysh@default:default> ");

        // Up recalls the last line; Enter runs it again.
        await terminal.TypeAsync(Up);
        await terminal.WaitForAsync("SET k v");
        await terminal.TypeAsync("\r");
        await terminal.WaitForAsync("(Overwrite)");
        await terminal.WaitForAsync("> ");

        // Home, then a letter typed at the start.
        await terminal.TypeAsync("ET k" + Home + "G\r");
        await terminal.WaitForAsync("b\"v\"");
        await terminal.WaitForAsync("> ");

        // Left twice, Backspace, Delete, End, then more text: "HEYA abc" becomes "HEYA cd".
        await terminal.TypeAsync("HEYA abc" + Left + Left + Backspace + Delete + End + "d\r");
        await terminal.WaitForAsync("\"cd\"");
        await terminal.WaitForAsync("> ");

        // Ctrl-C drops the line, nothing is sent.
        await terminal.TypeAsync("DROP KEYSPACE default\x03");
        await terminal.WaitForAsync("^C");
        await terminal.TypeAsync("HEYA after\r");
        var shown = await terminal.WaitForAsync("\"after\"");
        Assert.DoesNotContain("(Protected object)", shown, StringComparison.Ordinal);
        await terminal.WaitForAsync("> ");

        // USE changes the prompt.
        await terminal.TypeAsync("USE default\r");
        await terminal.WaitForAsync("(Okay)");
        await terminal.WaitForAsync("skysh@default> ");

        await terminal.TypeAsync("!history\r");
        var listed = await terminal.WaitForAsync("6  !history");
        Assert.Contains("1  SET k v", listed, StringComparison.Ordinal);
        Assert.Contains("3  HEYA cd", listed, StringComparison.Ordinal);
        await terminal.WaitForAsync("skysh@default> ");

        // Ctrl-D on an empty line ends the session.
        await terminal.TypeAsync("\x04");
        await terminal.WaitForAsync("Goodbye!");
        Assert.Equal(0, await terminal.WaitForExitAsync());

        var saved = await File.ReadAllLinesAsync(Path.Combine(home.Path, ".skysh_history"));
        Assert.Equal(["SET k v", "GET k", "HEYA cd", "HEYA after", "USE default", "!history"], saved);
    }

    [Fact]
    public async Task AnEarlierSessionsHistoryIsRecalledAndExitEndsTheSession()
    {
        await using var server = await TestServer.StartAsync();
        using var home = new TempDirectory();
        await File.WriteAllLinesAsync(Path.Combine(home.Path, ".skysh_history"), ["HEYA older", "HEYA remembered"]);
        await using var terminal = Terminal.Start(home.Path, "-p", server.EndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await terminal.WaitForAsync("skysh@default:default> ");
        await terminal.TypeAsync(Up + Up + "\x1b[B" + "\r");
        await terminal.WaitForAsync("\"remembered\"");
        await terminal.WaitForAsync("> ");
        await terminal.TypeAsync("!quit\r");
        await terminal.WaitForAsync("Goodbye!");
        Assert.Equal(0, await terminal.WaitForExitAsync());
    }

    [Fact]
    public async Task CtrlCWhileAQueryRunsStopsWaitingAndReconnects()
    {
        await using var server = new SlowServer();
        using var home = new TempDirectory();
        await using var terminal = Terminal.Start(home.Path, "--port", server.EndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        await terminal.WaitForAsync("skysh@default:default> ");
        await terminal.TypeAsync("HEYA slow\r");

        // Only once the query is out does Ctrl-C mean "stop waiting" rather than "drop the line".
        await server.SlowQueryArrived.Task.WaitAsync(Skysh.Timeout);
        await terminal.TypeAsync("\x03");
        await terminal.WaitForAsync("(Cancelled)");
        await terminal.WaitForAsync("skysh@default:default> ");
        await terminal.TypeAsync("HEYA\r");
        await terminal.WaitForAsync("\"HEY!\"");
        Assert.Equal(2, Volatile.Read(ref server.Connections));
        await terminal.TypeAsync("\x04");
        Assert.Equal(0, await terminal.WaitForExitAsync());
    }
}
