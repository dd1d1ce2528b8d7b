using System.Text;

namespace SkydFast.Client.Tests.Shell;

/// <summary>The real skysh process through its standard input and output: one-shot queries, scripts, quoting, output
/// formatting, log-in, TLS and the messages and exit codes of failures.</summary>
public sealed class ShellProcessTests
{
    private const string OriginKey = "4527387f92a381cbe804593f33991d327d456a97";

    private static string Port(TestServer server) => server.EndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);

    [Fact]
    public async Task EvalPrintsEveryReplyTypeAsSkyshDoes()
    {
        await using var server = await TestServer.StartAsync();
        await using (var c = await Connect.ToAsync(server))
        {
            await c.SetAsync("bin", new byte[] { 0, (byte)'\n', 0xff, (byte)'"', (byte)'a' });
            await c.CreateTableAsync("texts", "keymap(str,str)");
        }

        var (exit, output, errors) = await Skysh.RunAsync(
            string.Empty,
            "--port", Port(server),
            "-e", "SET x \"hello world\"",
            "-e", "GET x",
            "-e", "MGET x nope",
            "-e", "GET bin",
            "-e", "DBSIZE",
            "-e", "SYS INFO protover",
            "-e", "WHEREAMI",
            "-e", "LSKEYS default:texts",
            "-e", "HEYA \"tab\\there \\\"quoted\\\"\"",
            "-e", "USE default:texts",
            "-e", "SET s 'ünï'",
            "-e", "GET s");
        Assert.Equal(string.Empty, errors);
        Assert.Equal(
            Skysh.Lines(
                "(Okay)",
                "b\"hello world\"",
                "(1) b\"hello world\"",
                "(2) (null)",
                "b\"\\0\\n\\xff\\\"a\"",
                "2",
                "1.2",
                "(1) \"default\"",
                "(2) \"default\"",
                "(empty array)",
                "\"tab\\there \\\"quoted\\\"\"",
                "(Okay)",
                "(Okay)",
                "\"ünï\""),
            output);
        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task EvalExitsWithOneWhenTheServerAnswersAnError()
    {
        await using var server = await TestServer.StartAsync();
        var (exit, output, _) = await Skysh.RunAsync(string.Empty, "--port", Port(server), "-e", "HEYA", "-e", "GET", "-e", "USE nowhere", "-e", "SET a 1", "-e", "SET a 2", "-e", "GET nope", "-e", "NOPE");
        Assert.Equal(Skysh.Lines("\"HEY!\"", "(Action Error)", "(Container not found)", "(Okay)", "(Overwrite)", "(Nil)", "(Unknown action)"), output);
        Assert.Equal(1, exit);

        (exit, output, _) = await Skysh.RunAsync(string.Empty, "--port", Port(server), "--eval=GET nope");
        Assert.Equal(Skysh.Lines("(Nil)"), output);
        Assert.Equal(0, exit);
    }

    [Fact]
    public async Task QuotesAndEscapesReachTheServerAsTheirBytes()
    {
        await using var server = await TestServer.StartAsync();
        var (exit, output, _) = await Skysh.RunAsync(
            string.Empty,
            "--port", Port(server),
            "-e", "SET \"a b\" 'c d'",
            "-e", "SET k\\ 2 \"x\\x00\\ny\\xfe\"",
            "-e", "SET 'it\\'s' \"say \\\"hi\\\"\"",
            "-e", "SET 'raw\\n' a\"b c\"d",
            "-e", "SET \"\" empty");
        Assert.Equal(Skysh.Lines("(Okay)", "(Okay)", "(Okay)", "(Okay)", "(Okay)"), output);
        Assert.Equal(0, exit);

        await using var c = await Connect.ToAsync(server);
        Assert.Equal("c d", (await c.GetAsync("a b"))?.Text);
        Assert.Equal(new byte[] { (byte)'x', 0, (byte)'\n', (byte)'y', 0xfe }, (await c.GetAsync("k 2"))?.ToArray());
        Assert.Equal("say \"hi\"", (await c.GetAsync("it's"))?.Text);
        Assert.Equal("ab cd", (await c.GetAsync("raw\\n"))?.Text);
        Assert.Equal("empty", (await c.GetAsync(string.Empty))?.Text);

        (exit, output, _) = await Skysh.RunAsync(string.Empty, "--port", Port(server), "-e", "GET \"open", "-e", "GET bad\\q");
        Assert.Equal(Skysh.Lines("[Syntax Error: unterminated double quote]", "[Syntax Error: unknown escape \\q]"), output);
        Assert.Equal(1, exit);
    }

    [Fact]
    public async Task AScriptOnStandardInputRunsLineByLine()
    {
        await using var server = await TestServer.StartAsync();
        const string script = "HEYA\n# a comment\n\n   \nUSE default\nWHEREAMI\n!use default:default\nwhereami\n!exit\nHEYA never\n";
        var (exit, output, errors) = await Skysh.RunAsync(script, "--port", Port(server));
        Assert.Equal(string.Empty, errors);
        Assert.Equal(Skysh.Lines("\"HEY!\"", "(Okay)", "(1) \"default\"", "(Okay)", "(1) \"default\"", "(2) \"default\""), output);
        Assert.Equal(0, exit);

        (exit, output, _) = await Skysh.RunAsync("HEYA\nGET\n!nonsense\n", "--port", Port(server));
        Assert.Equal(Skysh.Lines("\"HEY!\"", "(Action Error)", "Unknown command !nonsense: type !help for the list"), output);
        Assert.Equal(1, exit);
    }

    [Fact]
    public async Task AnUnreachableServerIsOneLineNotAStackTrace()
    {
        var port = Connect.FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (exit, output, errors) = await Skysh.RunAsync(string.Empty, "--port", port, "-e", "HEYA");
        Assert.Equal(1, exit);
        Assert.Equal(string.Empty, output);
        Assert.Equal($"Error: could not connect to 127.0.0.1:{port}: Connection refused\n", errors);

        (exit, _, errors) = await Skysh.RunAsync("HEYA\n", "-h", "127.0.0.1", "-p", port);
        Assert.Equal(1, exit);
        Assert.Equal($"Error: could not connect to 127.0.0.1:{port}: Connection refused\n", errors);
    }

    [Fact]
    public async Task BadFlagsExitWithTwoAndHelpWithZero()
    {
        var (exit, _, errors) = await Skysh.RunAsync(string.Empty, "--port", "http");
        Assert.Equal(2, exit);
        Assert.Equal("Error: invalid port 'http': expected 1 to 65535\nTry 'skysh --help'.\n", errors);
        (exit, _, errors) = await Skysh.RunAsync(string.Empty, "--user", "root");
        Assert.Equal(2, exit);
        Assert.StartsWith("Error: --user and --token go together", errors, StringComparison.Ordinal);
        (exit, _, errors) = await Skysh.RunAsync(string.Empty, "--frobnicate");
        Assert.Equal(2, exit);
        Assert.StartsWith("Error: unknown argument '--frobnicate'", errors, StringComparison.Ordinal);

        var (helpExit, help, _) = await Skysh.RunAsync(string.Empty, "--help");
        Assert.Equal(0, helpExit);
        Assert.StartsWith("Usage: skysh [options]", help, StringComparison.Ordinal);
        Assert.Contains("--sslcert", help, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UserAndTokenLogInAtStart()
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { OriginKey = OriginKey });
        string token;
        await using (var c = await Connect.ToAsync(server))
        {
            token = await c.AuthClaimAsync(OriginKey);
        }

        var (exit, output, _) = await Skysh.RunAsync(string.Empty, "--port", Port(server), "--user", "root", "--token", token, "-e", "AUTH WHOAMI", "-e", "SET x 1");
        Assert.Equal(Skysh.Lines("\"root\"", "(Okay)"), output);
        Assert.Equal(0, exit);

        (exit, output, _) = await Skysh.RunAsync(string.Empty, "--port", Port(server), "-e", "GET x", "-e", "AUTH WHOAMI");
        Assert.Equal(Skysh.Lines("(Bad credentials)", "(Insufficient permissions)"), output);
        Assert.Equal(1, exit);

        var (badExit, _, errors) = await Skysh.RunAsync(string.Empty, "--port", Port(server), "-u", "root", "-t", "wrong", "-e", "HEYA");
        Assert.Equal(1, badExit);
        Assert.Equal("Error: could not log in as root: bad credentials\n", errors);
    }

    [Fact]
    public async Task SslCertConnectsOverTls()
    {
        using var certificates = TestCertificates.Create();
        await using var server = await TestServer.StartAsync(new TestServerOptions { Tls = certificates.Settings(only: true) });
        var port = server.SecureEndPoint.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var (exit, output, errors) = await Skysh.RunAsync(string.Empty, "--port", port, "--sslcert", certificates.ChainPath, "-e", "HEYA secure");
        Assert.Equal(string.Empty, errors);
        Assert.Equal(Skysh.Lines("\"secure\""), output);
        Assert.Equal(0, exit);

        (exit, _, errors) = await Skysh.RunAsync(string.Empty, "--port", port, "-C", Path.Combine(certificates.Folder, "missing.pem"), "-e", "HEYA");
        Assert.Equal(1, exit);
        Assert.StartsWith($"Error: could not connect to skyhash-secure://127.0.0.1:{port}: ", errors, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PipedOutputHasNoColorCodes()
    {
        await using var server = await TestServer.StartAsync();
        var (_, output, _) = await Skysh.RunAsync("SET a 1\nGET\n", "--port", Port(server));
        Assert.DoesNotContain("\x1b", output, StringComparison.Ordinal);
        Assert.Equal(Encoding.UTF8.GetByteCount(output), output.Length);
    }
}
