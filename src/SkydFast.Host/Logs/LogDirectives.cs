using Microsoft.Extensions.Logging;

namespace SkydFast.Host.Logs;

/// <summary>
/// <c>SKY_LOG</c> in <c>env_logger</c>'s syntax: comma-separated directives, each a level (<c>warn</c>: the default for
/// everything), a target (<c>skyd::bgsave</c>: everything it logs), or both (<c>skyd::bgsave=debug</c>). A target
/// covers every target that starts with it, as a Rust module path covers its submodules. Levels are <c>off</c>,
/// <c>error</c>, <c>warn</c>, <c>info</c>, <c>debug</c>, <c>trace</c>, in any case. A directive that does not parse
/// is ignored, as <c>env_logger</c> ignores it; an unset or empty <c>SKY_LOG</c> means <c>info</c>.
/// </summary>
/// <param name="Default">The level for every target no directive names.</param>
/// <param name="Targets">Levels for targets, in the order given.</param>
public sealed record LogDirectives(LogLevel Default, IReadOnlyList<(string Target, LogLevel Level)> Targets)
{
    /// <summary>Parses <paramref name="text"/>; never fails.</summary>
    public static LogDirectives Parse(string? text)
    {
        var level = LogLevel.Information;
        var targets = new List<(string, LogLevel)>();
        if (string.IsNullOrWhiteSpace(text))
        {
            return new LogDirectives(level, targets);
        }

        // env_logger also allows a trailing "/regex" filter on messages; skyd-fast does not filter messages.
        var spec = text.Split('/', 2)[0];
        foreach (var part in spec.Split(','))
        {
            var directive = part.Trim();
            if (directive.Length == 0)
            {
                continue;
            }

            var pieces = directive.Split('=');
            if (pieces.Length == 1)
            {
                if (TryLevel(pieces[0], out var global))
                {
                    level = global;
                }
                else
                {
                    targets.Add((pieces[0], LogLevel.Trace));
                }
            }
            else if (pieces.Length == 2 && pieces[0].Length > 0 && TryLevel(pieces[1], out var targetLevel))
            {
                targets.Add((pieces[0], targetLevel));
            }
        }

        return new LogDirectives(level, targets);
    }

    private static bool TryLevel(string text, out LogLevel level)
    {
        level = text.Trim().ToLowerInvariant() switch
        {
            "off" => LogLevel.None,
            "error" => LogLevel.Error,
            "warn" => LogLevel.Warning,
            "info" => LogLevel.Information,
            "debug" => LogLevel.Debug,
            "trace" => LogLevel.Trace,
            _ => (LogLevel)(-1),
        };
        return level >= 0;
    }
}
