using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;

namespace SkydFast.Host.Logs;

/// <summary>
/// Console logging to standard error the way upstream's <c>env_logger</c> does it (persistence-and-config.md §12):
/// <c>[&lt;UTC RFC 3339&gt; &lt;LEVEL&gt; &lt;target&gt;] &lt;message&gt;</c>, filtered by <c>SKY_LOG</c> directives
/// (<see cref="LogDirectives"/>), default <c>info</c>.
/// </summary>
public static class Logging
{
    /// <summary>A logger factory for <paramref name="skyLog"/> (the value of <c>SKY_LOG</c>, or null).</summary>
    public static ILoggerFactory Create(string? skyLog) => LoggerFactory.Create(builder =>
    {
        var directives = LogDirectives.Parse(skyLog);
        builder.SetMinimumLevel(directives.Default);
        foreach (var (target, level) in directives.Targets)
        {
            builder.AddFilter(target, level);
        }

        builder.AddConsole(o =>
        {
            o.FormatterName = EnvLoggerFormatter.Name;
            o.LogToStandardErrorThreshold = LogLevel.Trace;
        });
        builder.AddConsoleFormatter<EnvLoggerFormatter, ConsoleFormatterOptions>();
    });
}
