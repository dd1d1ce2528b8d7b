using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;

namespace SkydFast.Host;

/// <summary>The process around the server: command line, logging, signals, exit code.</summary>
public static partial class ServerHost
{
    /// <summary>Runs the server until SIGINT or SIGTERM; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        switch (CommandLine.Parse(args, Console.Error, out var options))
        {
            case CommandLine.Outcome.Exit:
                return 0;
            case CommandLine.Outcome.Error:
                return 1;
        }

        using var loggers = Logging.Create();
        var logger = loggers.CreateLogger("skyd");
        LogBanner(logger, ServerInfo.VersionLine);

        var stop = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnSignal(PosixSignalContext context)
        {
            // The host decides when the process ends: after the connections are closed.
            context.Cancel = true;
            stop.TrySetResult();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        SkydServer server;
        try
        {
            server = SkydServer.Start(options, loggers);
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            LogStartupFailed(logger, ex.Message);
            return 1;
        }

        await using (server)
        {
            await stop.Task;
            await server.StopAsync();
        }

        LogGoodbye(logger);
        return 0;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Banner}")]
    private static partial void LogBanner(ILogger logger, string banner);

    [LoggerMessage(Level = LogLevel.Error, Message = "Startup failure: {Reason}")]
    private static partial void LogStartupFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Information, Message = "Goodbye :)")]
    private static partial void LogGoodbye(ILogger logger);
}
