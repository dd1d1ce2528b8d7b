using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Xunit;

namespace SkydFast.Testing;

/// <summary>
/// The real <c>skyd-fast</c> executable in its own process, started in a temporary working directory on a free
/// port; it can be stopped with a signal or killed for real.
/// </summary>
public sealed partial class ServerProcess : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(30);

    private readonly Process _process;
    private readonly StringBuilder _log = new();
    private readonly TaskCompletionSource<(IPEndPoint? Plain, IPEndPoint? Secure)> _started = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private IPEndPoint? _endPoint;

    private ServerProcess(Process process, TempDirectory directory)
    {
        _process = process;
        Directory = directory;
    }

    /// <summary>The working directory the server runs in.</summary>
    public TempDirectory Directory { get; }

    /// <summary>The plain (<c>skyhash://</c>) address the server logged; throws if it logged only a TLS one.</summary>
    public IPEndPoint EndPoint => _endPoint ?? throw new InvalidOperationException("the server logged no skyhash:// endpoint (TLS only?)");

    /// <summary>The TLS (<c>skyhash-secure://</c>) address the server logged, if any.</summary>
    public IPEndPoint? SecureEndPoint { get; private set; }

    /// <summary>Everything the process wrote to stdout and stderr so far.</summary>
    public string Log
    {
        get
        {
            lock (_log)
            {
                return _log.ToString();
            }
        }
    }

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, once exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>
    /// Starts the server with <paramref name="args"/> (add <c>--port 0</c> yourself, or any other flags) and waits for
    /// its <c>Server started on</c> line.
    /// </summary>
    public static Task<ServerProcess> StartAsync(params string[] args) => StartWithAsync(new Dictionary<string, string>(), args);

    /// <summary>
    /// Starts the server with <paramref name="args"/> and the variables <paramref name="environment"/> added to this
    /// process's, and waits for its <c>Server started on</c> line.
    /// </summary>
    public static async Task<ServerProcess> StartWithAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var server = Launch(args, environment);
        server._process.Exited += (_, _) => server._started.TrySetException(new InvalidOperationException($"skyd-fast exited early:\n{server.Log}"));
        if (server._process.HasExited)
        {
            // Exited before the handler was attached: the event would never fire.
            server._started.TrySetException(new InvalidOperationException($"skyd-fast exited early:\n{server.Log}"));
        }

        try
        {
            (server._endPoint, server.SecureEndPoint) = await server._started.Task.WaitAsync(StartTimeout);
            return server;
        }
        catch
        {
            // Never leave a half-started server running behind a failed test.
            await server.DisposeAsync();
            throw;
        }
    }

    /// <summary>Starts the server on a free port with <c>data/</c> and <c>.sky_pid</c> in <paramref name="dir"/>, plus
    /// <paramref name="extra"/> flags.</summary>
    public static Task<ServerProcess> StartInAsync(TempDirectory dir, params string[] extra) =>
        StartAsync(["--port", "0", "--data-dir", dir.Path, .. extra]);

    /// <summary>SIGTERM, then asserts a good final save, <c>Goodbye :)</c> and exit code 0.</summary>
    public async Task StopCleanlyAsync()
    {
        Signal("TERM");
        Assert.True(await WaitForExitAsync(StopTimeout), Log);
        Assert.True(ExitCode == 0, Log);
        Assert.Contains("Save before termination successful", Log);
        Assert.Contains("Goodbye :)", Log);
    }

    /// <summary>Runs the executable to completion (for <c>--version</c>, bad flags) and returns exit code and output.</summary>
    public static Task<(int ExitCode, string Output)> RunToExitAsync(params string[] args) =>
        RunToExitWithAsync(new Dictionary<string, string>(), args);

    /// <summary>Runs the executable to completion with the variables <paramref name="environment"/> added.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitWithAsync(IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        await using var server = Launch(args, environment);
        using var timeout = new CancellationTokenSource(StartTimeout);
        await server._process.WaitForExitAsync(timeout.Token);
        return (server._process.ExitCode, server.Log);
    }

    /// <summary>Starts <c>dotnet skyd-fast.dll args</c> in a new temporary working directory, collecting its output.</summary>
    private static ServerProcess Launch(string[] args, IReadOnlyDictionary<string, string> environment)
    {
        var directory = new TempDirectory();
        // Through env, which then execs dotnet (same process id): a test run started as a background job of a
        // non-interactive shell inherits SIGINT ignored, and the server must take SIGINT as it would from a terminal.
        var info = new ProcessStartInfo("env")
        {
            WorkingDirectory = directory.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add("--default-signal=INT");
        info.ArgumentList.Add("dotnet");
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "skyd-fast.dll"));
        foreach (var (name, value) in environment)
        {
            info.Environment[name] = value;
        }

        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        var server = new ServerProcess(new Process { StartInfo = info, EnableRaisingEvents = true }, directory);
        server._process.OutputDataReceived += (_, e) => server.OnLine(e.Data);
        server._process.ErrorDataReceived += (_, e) => server.OnLine(e.Data);
        server._process.Start();
        server._process.BeginOutputReadLine();
        server._process.BeginErrorReadLine();
        return server;
    }

    /// <summary>
    /// Waits until <paramref name="text"/> appears in the log at least <paramref name="occurrences"/> times; false if it
    /// has not within <paramref name="timeout"/>.
    /// </summary>
    public async Task<bool> WaitForLogAsync(string text, int occurrences, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (CountInLog(text) >= occurrences)
            {
                return true;
            }

            await Task.Delay(50);
        }

        return CountInLog(text) >= occurrences;
    }

    /// <summary>How many times <paramref name="text"/> appears in the log so far.</summary>
    public int CountInLog(string text)
    {
        var log = Log;
        var count = 0;
        for (var at = log.IndexOf(text, StringComparison.Ordinal); at >= 0; at = log.IndexOf(text, at + text.Length, StringComparison.Ordinal))
        {
            count++;
        }

        return count;
    }

    /// <summary>A raw connection to the server.</summary>
    public Task<RawClient> ConnectAsync() => RawClient.ConnectAsync(EndPoint);

    /// <summary>Sends <paramref name="signal"/> (e.g. <c>TERM</c>, <c>INT</c>, <c>KILL</c>) with kill(1).</summary>
    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
        kill.WaitForExit();
    }

    /// <summary>Waits for the process to exit; false if it is still running after <paramref name="timeout"/>.</summary>
    public async Task<bool> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        try
        {
            await _process.WaitForExitAsync(cts.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync();
            }
        }
        catch (InvalidOperationException)
        {
            // Never started.
        }

        _process.Dispose();
        Directory.Dispose();
    }

    private void OnLine(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_log)
        {
            _log.AppendLine(line);
        }

        if (TryParseStartedLine(line, out var plain, out var secure))
        {
            _started.TrySetResult((plain, secure));
        }
    }

    /// <summary>
    /// Reads the endpoints from a <c>Server started on skyhash://host:port</c> line, or <c>skyhash-secure://</c>, or both
    /// joined by <c> and </c> (IPv6 hosts in brackets); false for any other line.
    /// </summary>
    public static bool TryParseStartedLine(string line, out IPEndPoint? plain, out IPEndPoint? secure)
    {
        var match = StartedLine().Match(line);
        plain = match.Success ? EndPointOf(match, "plain") : null;
        secure = match.Success ? EndPointOf(match, "secure") : null;
        return plain is not null || secure is not null;
    }

    private static IPEndPoint? EndPointOf(Match match, string name) => match.Groups[name].Success
        ? new IPEndPoint(
            IPAddress.Parse(match.Groups[name + "host"].Value.Trim('[', ']')),
            int.Parse(match.Groups[name + "port"].Value, System.Globalization.CultureInfo.InvariantCulture))
        : null;

    [GeneratedRegex(@"Server started on (?<plain>skyhash://(?<plainhost>\[[^\]]+\]|[^:\s]+):(?<plainport>\d+))?(?: and )?(?<secure>skyhash-secure://(?<securehost>\[[^\]]+\]|[^:\s]+):(?<secureport>\d+))?")]
    private static partial Regex StartedLine();
}
