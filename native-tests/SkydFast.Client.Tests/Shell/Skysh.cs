using System.Diagnostics;
using System.Text;

namespace SkydFast.Client.Tests.Shell;

/// <summary>The real skysh executable (copied beside the tests), run through pipes.</summary>
internal static class Skysh
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(30);

    public static string Dll => Path.Combine(AppContext.BaseDirectory, "skysh.dll");

    /// <summary>Runs skysh with <paramref name="args"/>, <paramref name="input"/> on standard input (then closed), and a
    /// home folder of its own; returns the exit code, standard output and standard error.</summary>
    public static async Task<(int ExitCode, string Output, string Errors)> RunAsync(string input, params string[] args)
    {
        using var home = new TempDirectory();
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            StandardOutputEncoding = Encoding.UTF8,
        };
        info.ArgumentList.Add(Dll);
        foreach (var arg in args)
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["HOME"] = home.Path;
        using var process = Process.Start(info) ?? throw new InvalidOperationException("could not start skysh");
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.StandardInput.WriteAsync(input);
        process.StandardInput.Close();
        using var timeout = new CancellationTokenSource(Timeout);
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"skysh did not exit: {await output}{await errors}");
        }

        return (process.ExitCode, await output, await errors);
    }

    /// <summary>Lines joined with line feeds and a final one, as skysh prints them.</summary>
    public static string Lines(params string[] lines) => string.Concat(lines.Select(l => l + "\n"));
}

/// <summary>
/// skysh in a pseudo-terminal, as a person at a keyboard would run it: util-linux's <c>script</c> gives it a terminal
/// and relays what the test types (escape sequences for the arrow keys included) and what skysh draws.
/// </summary>
internal sealed class Terminal : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _screen = new();
    private readonly Task _reading;
    private int _mark;

    private Terminal(Process process)
    {
        _process = process;
        _reading = ReadAsync();
    }

    /// <summary>Everything drawn so far.</summary>
    public string Screen
    {
        get
        {
            lock (_screen)
            {
                return _screen.ToString();
            }
        }
    }

    public static Terminal Start(string home, params string[] args)
    {
        // exec: no shell stays between script and skysh to take the terminal's SIGINT for itself; env resets SIGINT
        // to its default, which a test run started as a background job of a non-interactive shell has ignored.
        var command = "exec env --default-signal=INT " + string.Join(' ', new[] { "dotnet", Dll() }.Concat(args).Select(a => $"'{a}'"));
        var info = new ProcessStartInfo("script")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var arg in (string[])["-qfec", command, "/dev/null"])
        {
            info.ArgumentList.Add(arg);
        }

        info.Environment["HOME"] = home;
        info.Environment["TERM"] = "xterm";
        info.Environment["SHELL"] = "/bin/sh";
        return new Terminal(Process.Start(info) ?? throw new InvalidOperationException("could not start script"));

        static string Dll() => Skysh.Dll;
    }

    /// <summary>Types <paramref name="keys"/> (\r is Enter, \x1b[A is Up...).</summary>
    public async Task TypeAsync(string keys)
    {
        await _process.StandardInput.WriteAsync(keys);
        await _process.StandardInput.FlushAsync();
    }

    /// <summary>Waits until <paramref name="text"/> appears after the previous match; returns what was drawn between.</summary>
    public async Task<string> WaitForAsync(string text)
    {
        var deadline = DateTime.UtcNow + Skysh.Timeout;
        while (DateTime.UtcNow < deadline)
        {
            var screen = Screen;
            var at = screen.IndexOf(text, _mark, StringComparison.Ordinal);
            if (at >= 0)
            {
                var between = screen[_mark..(at + text.Length)];
                _mark = at + text.Length;
                return between;
            }

            if (_process.HasExited && _reading.IsCompleted)
            {
                break;
            }

            await Task.Delay(20);
        }

        throw new TimeoutException($"'{text}' never appeared after offset {_mark}; the screen:\n{Screen}");
    }

    public async Task<int> WaitForExitAsync()
    {
        using var timeout = new CancellationTokenSource(Skysh.Timeout);
        await _process.WaitForExitAsync(timeout.Token);
        await _reading;
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task ReadAsync()
    {
        var decoder = Encoding.UTF8.GetDecoder();
        var bytes = new byte[4096];
        var chars = new char[4096];
        int read;
        while ((read = await _process.StandardOutput.BaseStream.ReadAsync(bytes)) > 0)
        {
            var count = decoder.GetChars(bytes, 0, read, chars, 0);
            lock (_screen)
            {
                _screen.Append(chars, 0, count);
            }
        }
    }
}
