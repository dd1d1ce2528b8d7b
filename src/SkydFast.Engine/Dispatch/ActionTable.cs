using System.Buffers.Binary;
using System.Collections.Frozen;
using SkydFast.Engine.Actions.Admin;
using SkydFast.Engine.Actions.Auth;
using SkydFast.Engine.Actions.Ddl;
using SkydFast.Engine.Actions.Kv;
using SkydFast.Engine.Actions.Lists;
using SkydFast.Engine.Actions.Strong;

namespace SkydFast.Engine.Dispatch;

/// <summary>
/// Every action the server answers, declared once: name, arity, table requirement, poison position, handler
/// (actions.md §1). The dispatcher reads these rows and runs the common checks in the spec's order; handlers
/// never repeat them.
/// </summary>
public static class ActionTable
{
    /// <summary>The rows, in the order of actions.md.</summary>
    public static readonly IReadOnlyList<ActionDescriptor> All =
    [
        new("HEYA", Arity.Between(0, 1), ModelRequirement.None, PoisonCheck.None, HeyaAction.Run),
        new("WHEREAMI", Arity.Exactly(0), ModelRequirement.None, PoisonCheck.None, WhereAmIAction.Run),
        new("USE", Arity.Exactly(1), ModelRequirement.None, PoisonCheck.None, UseAction.Run),

        new("GET", Arity.Exactly(1), ModelRequirement.KeyValue, PoisonCheck.None, GetAction.Run),
        new("SET", Arity.Exactly(2), ModelRequirement.KeyValue, PoisonCheck.BeforeModel, SetAction.Run),
        new("UPDATE", Arity.Exactly(2), ModelRequirement.KeyValue, PoisonCheck.BeforeModel, UpdateAction.Run),
        new("DEL", Arity.AtLeast(1), ModelRequirement.Any, PoisonCheck.InHandler, DelAction.Run),
        new("EXISTS", Arity.AtLeast(1), ModelRequirement.Any, PoisonCheck.None, ExistsAction.Run),
        new("MGET", Arity.AtLeast(1), ModelRequirement.KeyValue, PoisonCheck.None, MGetAction.Run),
        new("MSET", Arity.Pairs, ModelRequirement.KeyValue, PoisonCheck.InHandler, MSetAction.Run),
        new("MUPDATE", Arity.Pairs, ModelRequirement.KeyValue, PoisonCheck.InHandler, MUpdateAction.Run),
        new("USET", Arity.Pairs, ModelRequirement.KeyValue, PoisonCheck.InHandler, USetAction.Run),
        new("POP", Arity.Exactly(1), ModelRequirement.KeyValue, PoisonCheck.BeforeModel, PopAction.Run),
        new("MPOP", Arity.AtLeast(1), ModelRequirement.KeyValue, PoisonCheck.BeforeModel, MPopAction.Run),
        new("KEYLEN", Arity.Exactly(1), ModelRequirement.KeyValue, PoisonCheck.None, KeyLenAction.Run),

        new("SSET", Arity.Pairs, ModelRequirement.KeyValue, PoisonCheck.AfterModel, SSetAction.Run),
        new("SDEL", Arity.AtLeast(1), ModelRequirement.KeyValue, PoisonCheck.AfterModel, SDelAction.Run),
        new("SUPDATE", Arity.Pairs, ModelRequirement.KeyValue, PoisonCheck.AfterModel, SUpdateAction.Run),

        new("DBSIZE", Arity.Between(0, 1), ModelRequirement.None, PoisonCheck.None, DbSizeAction.Run),
        new("FLUSHDB", Arity.Between(0, 1), ModelRequirement.None, PoisonCheck.BeforeModel, FlushDbAction.Run),
        new("LSKEYS", Arity.Between(0, 3), ModelRequirement.None, PoisonCheck.None, LsKeysAction.Run),

        new("LSET", Arity.AtLeast(1), ModelRequirement.List, PoisonCheck.AfterModel, LSetAction.Run),
        new("LGET", Arity.AtLeast(1), ModelRequirement.List, PoisonCheck.None, LGetAction.Run),
        new("LMOD", Arity.AtLeast(2), ModelRequirement.List, PoisonCheck.InHandler, LModAction.Run),

        new("CREATE", Arity.AtLeast(2), ModelRequirement.None, PoisonCheck.InHandler, CreateAction.Run),
        new("DROP", Arity.AtLeast(2), ModelRequirement.None, PoisonCheck.InHandler, DropAction.Run),
        new("INSPECT", Arity.AtLeast(1), ModelRequirement.None, PoisonCheck.None, InspectAction.Run),

        new("MKSNAP", Arity.Between(0, 1), ModelRequirement.None, PoisonCheck.None, MkSnapAction.Run, Blocking: true),
        new("SYS", Arity.Exactly(2), ModelRequirement.None, PoisonCheck.None, SysAction.Run, Blocking: true),
        new("AUTH", Arity.AtLeast(1), ModelRequirement.None, PoisonCheck.None, AuthAction.Run, Blocking: true),
    ];

    // Every name fits in 8 ASCII bytes, so an upper-cased name packed into a ulong is a perfect key:
    // a lookup hashes one integer instead of a string, and never allocates.
    private const int MaxNameLength = 8;

    private static readonly FrozenDictionary<ulong, ActionDescriptor> ByName =
        All.ToFrozenDictionary(a => Pack(System.Text.Encoding.ASCII.GetBytes(a.Name), out var key) ? key : throw new InvalidOperationException(a.Name));

    static ActionTable()
    {
        for (var i = 0; i < All.Count; i++)
        {
            All[i].Index = i;
        }
    }

    /// <summary>Finds the action named <paramref name="name"/>, ASCII case-insensitively.</summary>
    public static bool TryGet(ReadOnlySpan<byte> name, out ActionDescriptor action)
    {
        if (Pack(name, out var key))
        {
            return ByName.TryGetValue(key, out action!);
        }

        action = null!;
        return false;
    }

    private static bool Pack(ReadOnlySpan<byte> name, out ulong key)
    {
        key = 0;
        if (name.IsEmpty || name.Length > MaxNameLength)
        {
            return false;
        }

        Span<byte> upper = stackalloc byte[MaxNameLength];
        upper.Clear();
        for (var i = 0; i < name.Length; i++)
        {
            var b = name[i];
            // A zero byte would alias the padding; no action name contains one.
            if (b == 0)
            {
                return false;
            }

            upper[i] = b is >= (byte)'a' and <= (byte)'z' ? (byte)(b - 32) : b;
        }

        key = BinaryPrimitives.ReadUInt64LittleEndian(upper);
        return true;
    }
}
