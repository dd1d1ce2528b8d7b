using SkydFast.Persistence.Services;

namespace SkydFast.Host.Configuration;

/// <summary>
/// Turns one source's <see cref="RawSettings"/> into <see cref="ServerOptions"/>, with the checks every source shares
/// (persistence-and-config.md §8.2-8.4): positive durations and counts, both-or-neither pairs, and the warnings for
/// settings that a disabled feature makes useless.
/// </summary>
internal static class SettingsResolver
{
    /// <summary>The most event loops <c>threads</c> may ask for: each is a thread with its own epoll set, and more
    /// loops than cores only add switching.</summary>
    public const int MaxThreads = 1024;

    public static void Apply(RawSettings raw, SettingLabels labels, Feedback feedback, ServerOptions options)
    {
        options.Host = raw.Host ?? options.Host;
        options.Port = raw.Port ?? options.Port;
        options.NoArt = raw.NoArt ?? options.NoArt;
        options.Mode = raw.Mode ?? options.Mode;
        options.AuthOriginKey = raw.OriginKey;
        options.DataDirectory = raw.DataDirectory ?? options.DataDirectory;
        options.MetricsPort = raw.MetricsPort;
        if (raw.MaxConnections is { } maxcon)
        {
            if (maxcon is 0 or > int.MaxValue)
            {
                feedback.Error($"Bad value for `{labels.MaxConnections}`. Expected a positive integer greater than zero");
            }
            else
            {
                options.Transport.MaxConnections = (int)maxcon;
            }
        }

        ApplyBgsave(raw, labels, feedback, options);
        ApplySnapshots(raw, labels, feedback, options);
        ApplyLimits(raw, labels, feedback, options);
        if (raw.IdleTimeout is { } idle)
        {
            options.Transport.IdleTimeout = TimeSpan.FromSeconds(Math.Min(idle, (ulong)TimeSpan.MaxValue.TotalSeconds - 1));
        }

        if (raw.Threads is { } threads)
        {
            if (threads is 0 or > MaxThreads)
            {
                feedback.Error($"Bad value for `{labels.Threads}`. Expected an integer from 1 to {MaxThreads}");
            }
            else
            {
                options.Transport.EventLoops = (int)threads;
            }
        }
    }

    // Upstream keeps BGSAVE on whatever is said (§6.1); skyd-fast honours `enabled = false` (DECISIONS.md 6) and keeps
    // the warnings.
    private static void ApplyBgsave(RawSettings raw, SettingLabels labels, Feedback feedback, ServerOptions options)
    {
        if (raw.BgsaveEnabled == false)
        {
            options.BgsaveEnabled = false;
            feedback.Warn("BGSAVE is disabled. You may lose data if the host crashes");
            if (raw.BgsaveEvery is not null)
            {
                feedback.Warn($"Specifying `{labels.BgsaveEvery}` is useless when BGSAVE is disabled");
            }

            return;
        }

        if (raw.BgsaveEvery is { } every)
        {
            if (every == 0 || every > int.MaxValue)
            {
                feedback.Error($"Bad value for `{labels.BgsaveEvery}`. Expected a positive integer greater than zero");
            }
            else
            {
                options.BgsaveEvery = TimeSpan.FromSeconds(every);
            }
        }
    }

    private static void ApplySnapshots(RawSettings raw, SettingLabels labels, Feedback feedback, ServerOptions options)
    {
        if (raw.HasBadPairValue)
        {
            return;
        }

        if (raw.SnapshotEvery is null != raw.SnapshotKeep is null)
        {
            feedback.Error($"To use snapshots, pass values for both `{labels.SnapshotEvery}` and `{labels.SnapshotKeep}`");
            return;
        }

        if (raw.SnapshotEvery is not { } every || raw.SnapshotKeep is not { } keep)
        {
            if (raw.SnapshotFailsafe is not null)
            {
                // Upstream's spelling.
                feedback.Warn($"Specifying `{labels.Failsafe}` is usless when snapshots are disabled");
            }

            return;
        }

        if (every == 0 || every > int.MaxValue)
        {
            feedback.Error($"Bad value for `{labels.SnapshotEvery}`. Expected an integer greater than 0");
            return;
        }

        options.Snapshots = new SnapshotSettings(TimeSpan.FromSeconds(every), (int)Math.Min(keep, int.MaxValue), raw.SnapshotFailsafe ?? true);
    }

    private static void ApplyLimits(RawSettings raw, SettingLabels labels, Feedback feedback, ServerOptions options)
    {
        var limits = options.Limits;
        if (raw.MaxQuerySize is { } size)
        {
            if (size is < 16 or > int.MaxValue)
            {
                feedback.Error($"Bad value for `{labels.MaxQuerySize}`. Expected an integer from 16 to {int.MaxValue}");
            }
            else
            {
                limits = limits with { MaxQuerySize = (int)size };
            }
        }

        if (raw.MaxElements is { } count)
        {
            if (count is 0 or > long.MaxValue)
            {
                feedback.Error($"Bad value for `{labels.MaxElements}`. Expected a positive integer greater than zero");
            }
            else
            {
                limits = limits with { MaxElements = (long)count };
            }
        }

        options.Limits = limits;
    }
}
