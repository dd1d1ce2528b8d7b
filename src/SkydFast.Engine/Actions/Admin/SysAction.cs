using System.Text;
using SkydFast.Engine.Dispatch;
using SkydFast.Protocol.Responses;

namespace SkydFast.Engine.Actions.Admin;

/// <summary>
/// <c>SYS INFO version|protocol|protover</c> and <c>SYS METRIC health|storage</c> (actions.md §6). Clients check the
/// version and protocol answers, so they are upstream's exactly: skyd-fast reports the Skytable version it emulates.
/// Blocking, because <c>storage</c> walks the data directory.
/// </summary>
public static class SysAction
{
    public static void Run(in ActionContext context)
    {
        var kind = context.Args[0];
        var name = context.Args[1];
        if (Ascii.EqualsIgnoreCase(kind, "info"u8))
        {
            Info(context, name);
        }
        else if (Ascii.EqualsIgnoreCase(kind, "metric"u8))
        {
            Metric(context, name);
        }
        else
        {
            context.Writer.WriteRaw(Responses.UnknownAction);
        }
    }

    private static void Info(in ActionContext context, ReadOnlySpan<byte> property)
    {
        if (Ascii.EqualsIgnoreCase(property, "version"u8))
        {
            context.Writer.WriteString("0.7.7"u8);
        }
        else if (Ascii.EqualsIgnoreCase(property, "protocol"u8))
        {
            context.Writer.WriteString("Skyhash-1.1"u8);
        }
        else if (Ascii.EqualsIgnoreCase(property, "protover"u8))
        {
            context.Writer.WriteFloat("1.2"u8);
        }
        else
        {
            context.Writer.WriteRaw(Responses.UnknownProperty);
        }
    }

    private static void Metric(in ActionContext context, ReadOnlySpan<byte> metric)
    {
        if (Ascii.EqualsIgnoreCase(metric, "health"u8))
        {
            context.Writer.WriteString(context.IsPoisoned ? "critical"u8 : "good"u8);
        }
        else if (Ascii.EqualsIgnoreCase(metric, "storage"u8))
        {
            var size = StorageSize(context.Session.Server.DataDirectory);
            if (size is { } bytes)
            {
                context.Writer.WriteUnsigned(bytes);
            }
            else
            {
                context.Writer.WriteRaw(Responses.ServerError);
            }
        }
        else
        {
            context.Writer.WriteRaw(Responses.UnknownMetric);
        }
    }

    // Every regular file under the data root, hidden ones (staging folders) included, as upstream sums ./data; a
    // server without persistence keeps nothing on disk. Null when the walk fails.
    private static ulong? StorageSize(string? dataDirectory)
    {
        if (dataDirectory is null)
        {
            return 0;
        }

        try
        {
            var options = new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false };
            ulong total = 0;
            foreach (var file in new DirectoryInfo(dataDirectory).EnumerateFiles("*", options))
            {
                if (file.LinkTarget is null)
                {
                    total += (ulong)file.Length;
                }
            }

            return total;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
