using Microsoft.Extensions.Logging;

namespace SkydFast.Host;

/// <summary>Console logging to standard error, filtered by <c>SKY_LOG</c> (persistence-and-config.md §12).</summary>
public static class Logging
{
    /// <summary>A logger factory honouring <c>SKY_LOG</c> as a single level (<c>trace</c> … <c>error</c>, <c>off</c>); default info.</summary>
    public static ILoggerFactory Create() => LoggerFactory.Create(builder =>
    {
        builder.SetMinimumLevel(ParseLevel(Environment.GetEnvironmentVariable("SKY_LOG")));
        builder.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.UseUtcTimestamp = true;
            o.TimestampFormat = "yyyy-MM-ddTHH:mm:ssZ ";
        });
        builder.AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
    });

    private static LogLevel ParseLevel(string? text) => text?.Trim().ToLowerInvariant() switch
    {
        "trace" => LogLevel.Trace,
        "debug" => LogLevel.Debug,
        "warn" or "warning" => LogLevel.Warning,
        "error" => LogLevel.Error,
        "off" => LogLevel.None,
        _ => LogLevel.Information,
    };
}
