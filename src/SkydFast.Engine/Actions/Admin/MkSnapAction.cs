using System.Text;
using System.Text.Unicode;
using SkydFast.Engine.Dispatch;
using SkydFast.Persistence.Services;
using SkydFast.Protocol.Responses;

namespace SkydFast.Engine.Actions.Admin;

/// <summary>
/// <c>MKSNAP</c>: a local snapshot into <c>data/snaps/YYYYMMDD-HHMMSS</c>; <c>MKSNAP name</c>: a remote one into
/// <c>data/rsnap/name</c> (actions.md §5). Blocking: it answers once the snapshot is on disk, so it runs on a worker
/// thread. Not refused while poisoned, and never poisons or unpoisons.
/// </summary>
public static class MkSnapAction
{
    public static void Run(in ActionContext context)
    {
        var snapshots = context.Session.Server.Snapshots;
        if (context.Args.Count == 0)
        {
            context.Writer.WriteRaw(Answer(snapshots?.MakeLocal() ?? SnapshotOutcome.Disabled));
            return;
        }

        var raw = context.Args[0];
        if (!Utf8.IsValid(raw))
        {
            context.Writer.WriteRaw(Responses.EncodingError);
            return;
        }

        var name = Encoding.UTF8.GetString(raw);
        if (snapshots is null)
        {
            // A server without persistence has nowhere to write one.
            context.Writer.WriteRaw(Responses.ServerError);
            return;
        }

        context.Writer.WriteRaw(snapshots.IsValidRemoteName(name) ? Answer(snapshots.MakeRemote(name)) : Responses.InvalidSnapshotName);
    }

    private static ReadOnlySpan<byte> Answer(SnapshotOutcome outcome) => outcome switch
    {
        SnapshotOutcome.Okay => Responses.Okay,
        SnapshotOutcome.Disabled => Responses.SnapshotDisabled,
        SnapshotOutcome.Busy => Responses.SnapshotBusy,
        SnapshotOutcome.Duplicate => Responses.DuplicateSnapshot,
        _ => Responses.ServerError,
    };
}
