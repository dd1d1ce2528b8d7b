using System.Diagnostics;
using System.Runtime.InteropServices;
using Microsoft.Extensions.Logging;
using SkydFast.Engine;
using SkydFast.Engine.Auth;
using SkydFast.Host.Configuration;
using SkydFast.Host.Logs;
using SkydFast.Host.Metrics;
using SkydFast.Persistence.Cyanstore;
using SkydFast.Persistence.Files;
using SkydFast.Persistence.Load;
using SkydFast.Persistence.Services;

namespace SkydFast.Host;

/// <summary>
/// The process around the server (persistence-and-config.md §4-5): command line, logging, the <c>.sky_pid</c> lock,
/// loading <c>data/</c>, BGSAVE, signals, the termination save and the exit code.
/// </summary>
public static partial class ServerHost
{
    private const int TerminationSignalThreshold = 3;
    private static readonly TimeSpan SaveRetryDelay = TimeSpan.FromSeconds(10);

    /// <summary>Runs the server until SIGINT or SIGTERM; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        // Logging first (§4.1), so that configuration errors are logged like everything else.
        using var loggers = Logging.Create(Environment.GetEnvironmentVariable("SKY_LOG"));
        var logger = loggers.CreateLogger("skyd");
        var config = ConfigurationLoader.Load(args, Environment.GetEnvironmentVariable, Console.Out);
        switch (config.Outcome)
        {
            case ConfigOutcome.Exit:
                return 0;
            case ConfigOutcome.Error:
                LogFatal(logger, config.Error!);
                return 1;
        }

        var options = config.Options;
        LogBanner(logger, options.NoArt ? ServerInfo.VersionLine : ServerInfo.Art + Environment.NewLine + ServerInfo.VersionLine);
        if (config.Source == ConfigSource.Default)
        {
            LogDefaultSettings(logger);
        }
        else
        {
            LogCustomSettings(logger);
        }

        foreach (var warnings in config.Warnings.Where(static w => w.Length > 0))
        {
            LogConfigWarnings(logger, warnings);
        }

        // Every SIGINT/SIGTERM is counted: the first stops the server, later ones cut a failing final save short.
        using var signals = new SemaphoreSlim(0);
        void OnSignal(PosixSignalContext context)
        {
            context.Cancel = true;
            signals.Release();
        }

        using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
        using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);

        var root = Path.GetFullPath(options.DataDirectory ?? Environment.CurrentDirectory);
        PidLock pidLock;
        try
        {
            Directory.CreateDirectory(root);
            pidLock = PidLock.Acquire(root);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            LogStartupFailed(logger, $"Failed to lock pid file: {ex.Message}");
            return 1;
        }

        using (pidLock)
        {
            return await RunLockedAsync(options, Path.Combine(root, "data"), loggers, logger, signals);
        }
    }

    private static async Task<int> RunLockedAsync(ServerOptions options, string dataDirectory, ILoggerFactory loggers, ILogger logger, SemaphoreSlim signals)
    {
        LoadedStore loaded;
        try
        {
            if (options.RestoreFrom is { } source)
            {
                _ = DataRestore.Run(source, dataDirectory);
                LogRestored(logger);
            }

            loaded = StoreLoader.Load(dataDirectory);
        }
        catch (Exception ex) when (ex is CyanstoreFormatException or StoreLoadException or IOException or UnauthorizedAccessException)
        {
            LogFatal(logger, ex.Message);
            return 1;
        }

        var gate = new FlushGate(loaded.Store, dataDirectory);
        using var snapshots = new SnapshotService(gate, options.Snapshots, loggers.CreateLogger("skyd::snapshot"));
        try
        {
            snapshots.ScanExisting();
        }
        catch (SnapshotScanException ex)
        {
            LogStartupFailed(logger, ex.Message);
            return 1;
        }

        using var bgsave = new BgsaveService(gate, loggers.CreateLogger("skyd::bgsave"));
        SkydServer server;
        try
        {
            // §4.8: with an origin key the hidden auth table exists from now on, and is saved with everything else.
            var auth = options.AuthOriginKey is { } originKey ? new AuthProvider(loaded.Store, originKey) : null;
            server = SkydServer.Start(options, loggers, new ServerContext(loaded.Store, dataDirectory, snapshots, auth));
        }
        catch (Exception ex) when (ex is System.Net.Sockets.SocketException or Tls.TlsSetupException)
        {
            LogStartupFailed(logger, ex.Message);
            return 1;
        }

        // Disabled BGSAVE was already warned about with the configuration's warnings.
        if (options.BgsaveEnabled)
        {
            bgsave.Start(options.BgsaveEvery);
        }

        snapshots.Start();
        await using (server)
        {
            using var metrics = new ServerMetrics(server.Context, () => server.Counters);
            metrics.AddBgsave(bgsave.Statistics);
            using var exporter = new PrometheusExporter();
            MetricsEndpoint? endpoint = null;
            if (options.MetricsPort is { } metricsPort)
            {
                try
                {
                    endpoint = await MetricsEndpoint.StartAsync(options.Host, metricsPort, exporter, loggers);
                }
                catch (IOException ex)
                {
                    LogStartupFailed(logger, $"Failed to serve metrics: {ex.Message}");
                    await server.StopAsync();
                    return 1;
                }

                LogMetricsServed(logger, endpoint.Address);
            }

            await signals.WaitAsync();
            await server.StopAsync();
            if (endpoint is not null)
            {
                await endpoint.DisposeAsync();
            }
        }

        bgsave.Stop();
        snapshots.Stop();
        if (!await SaveBeforeTerminationAsync(bgsave, logger, signals))
        {
            LogNotTerminatedSuccessfully(logger);
            return 1;
        }

        LogGoodbye(logger);
        return 0;
    }

    /// <summary>
    /// The final save (§5.3-4): retried every 10 s until it succeeds; each further signal lowers a threshold of 3,
    /// and at 0 the save is abandoned.
    /// </summary>
    private static async Task<bool> SaveBeforeTerminationAsync(BgsaveService bgsave, ILogger logger, SemaphoreSlim signals)
    {
        var threshold = TerminationSignalThreshold;
        while (true)
        {
            var error = bgsave.SaveNow();
            if (error is null)
            {
                LogSaveSuccessful(logger);
                return true;
            }

            LogSaveFailed(logger, error.Message);
            LogWaitingToRetry(logger);

            // A signal lowers the threshold but does not cut the 10 s short: the retry stays 10 s after the failure,
            // as upstream's retry task sleeps through signals.
            var retry = Stopwatch.StartNew();
            for (var left = SaveRetryDelay; left > TimeSpan.Zero; left = SaveRetryDelay - retry.Elapsed)
            {
                if (!await signals.WaitAsync(left))
                {
                    break;
                }

                threshold--;
                if (threshold == 0)
                {
                    LogThresholdExceeded(logger);
                    return false;
                }

                LogThreshold(logger, threshold);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Banner}")]
    private static partial void LogBanner(ILogger logger, string banner);

    [LoggerMessage(Level = LogLevel.Information, Message = "Metrics served on {Address}")]
    private static partial void LogMetricsServed(ILogger logger, Uri address);

    [LoggerMessage(Level = LogLevel.Information, Message = "Using settings from supplied configuration")]
    private static partial void LogCustomSettings(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No configuration file supplied. Using default settings")]
    private static partial void LogDefaultSettings(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Warnings}")]
    private static partial void LogConfigWarnings(ILogger logger, string warnings);

    [LoggerMessage(Level = LogLevel.Error, Message = "Startup failure: {Reason}")]
    private static partial void LogStartupFailed(ILogger logger, string reason);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Error}")]
    private static partial void LogFatal(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Information, Message = "Successfully restored data from snapshot")]
    private static partial void LogRestored(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Save before termination successful")]
    private static partial void LogSaveSuccessful(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Failed to run save on termination: {Error}")]
    private static partial void LogSaveFailed(ILogger logger, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Waiting for 10 seconds before retrying ...")]
    private static partial void LogWaitingToRetry(ILogger logger);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Termination signal received but failed to flush data. Threshold is at {Threshold}")]
    private static partial void LogThreshold(ILogger logger, int threshold);

    [LoggerMessage(Level = LogLevel.Error, Message = "Termination signal received but failed to flush data. Quitting because threshold exceeded")]
    private static partial void LogThresholdExceeded(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Didn't terminate successfully")]
    private static partial void LogNotTerminatedSuccessfully(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Goodbye :)")]
    private static partial void LogGoodbye(ILogger logger);
}
