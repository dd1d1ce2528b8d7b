using System.Text;
using SkydFast.Engine.Auth;
using SkydFast.Engine.Dispatch;
using SkydFast.Protocol.Responses;

namespace SkydFast.Engine.Actions.Auth;

/// <summary>
/// <c>AUTH</c> and its sub-actions (actions.md §9.2), each with its checks in the spec's order: arity first, then
/// auth disabled, then the caller's rights, then the arguments. Blocking: LOGIN verifies and CLAIM, ADDUSER and
/// RESTORE compute a bcrypt hash (cost 12, a quarter of a second), so AUTH runs on the blocking workers, never on an
/// I/O loop (DECISIONS.md 17). An anonymous connection only gets here with LOGIN, CLAIM, RESTORE or WHOAMI: the
/// dispatcher's gate answers everything else.
/// </summary>
public static class AuthAction
{
    public static void Run(in ActionContext context)
    {
        var sub = context.Args[0];
        var args = context.Args.From(1);
        var writer = context.Writer;
        if (Ascii.EqualsIgnoreCase(sub, "login"u8))
        {
            writer.WriteRaw(args.Count != 2 ? Responses.ActionError : Login(context.Session, args[0], args[1]));
        }
        else if (Ascii.EqualsIgnoreCase(sub, "claim"u8))
        {
            Claim(context, args);
        }
        else if (Ascii.EqualsIgnoreCase(sub, "adduser"u8))
        {
            AddUser(context, args);
        }
        else if (Ascii.EqualsIgnoreCase(sub, "deluser"u8))
        {
            writer.WriteRaw(args.Count != 1 ? Responses.ActionError : DelUser(context.Session, args[0]));
        }
        else if (Ascii.EqualsIgnoreCase(sub, "logout"u8))
        {
            writer.WriteRaw(args.Count != 0 ? Responses.ActionError : Logout(context.Session));
        }
        else if (Ascii.EqualsIgnoreCase(sub, "restore"u8))
        {
            Restore(context, args);
        }
        else if (Ascii.EqualsIgnoreCase(sub, "listuser"u8))
        {
            ListUsers(context, args);
        }
        else if (Ascii.EqualsIgnoreCase(sub, "whoami"u8))
        {
            WhoAmI(context, args);
        }
        else
        {
            writer.WriteRaw(Responses.UnknownAction);
        }
    }

    private static ReadOnlySpan<byte> Login(Session session, ReadOnlySpan<byte> user, ReadOnlySpan<byte> token)
    {
        var auth = session.Server.Auth;
        if (!auth.Enabled)
        {
            return Responses.AuthDisabled;
        }

        // Unknown users are checked against a fixed hash too, so the time taken does not tell whether a user exists.
        var stored = auth.Users!.Get(user);
        var verified = Rcrypt.Verify(token, stored ?? auth.DummyHash);
        if (stored is null || !verified)
        {
            return Responses.BadCredentials;
        }

        session.LogIn(user.ToArray());
        return Responses.Okay;
    }

    private static void Claim(in ActionContext context, Protocol.Skyhash.QueryArgs args)
    {
        var writer = context.Writer;
        var auth = context.Session.Server.Auth;
        if (args.Count != 1)
        {
            writer.WriteRaw(Responses.ActionError);
        }
        else if (!auth.Enabled)
        {
            writer.WriteRaw(Responses.AuthDisabled);
        }
        else if (!auth.IsOriginKey(args[0]))
        {
            writer.WriteRaw(Responses.BadCredentials);
        }
        else
        {
            var token = Tokens.NewToken();
            if (auth.Users!.TryAdd(AuthProvider.Root.ToArray(), Rcrypt.Hash(Encoding.ASCII.GetBytes(token), auth.HashCost)))
            {
                context.Session.LogIn(AuthProvider.Root.ToArray());
                writer.WriteString(Encoding.ASCII.GetBytes(token));
            }
            else
            {
                writer.WriteRaw(Responses.AuthAlreadyClaimed);
            }
        }
    }

    private static void AddUser(in ActionContext context, Protocol.Skyhash.QueryArgs args)
    {
        var writer = context.Writer;
        var session = context.Session;
        var auth = session.Server.Auth;
        if (args.Count != 1)
        {
            writer.WriteRaw(Responses.ActionError);
        }
        else if (!auth.Enabled)
        {
            writer.WriteRaw(Responses.AuthDisabled);
        }
        else if (!session.IsRoot)
        {
            writer.WriteRaw(Responses.AuthnRealmError);
        }
        else if (!AuthProvider.IsLegalUsername(args[0]))
        {
            writer.WriteRaw(Responses.AuthIllegalUsername);
        }
        else if (auth.Users!.Get(args[0]) is not null)
        {
            writer.WriteRaw(Responses.AuthAlreadyClaimed);
        }
        else
        {
            // A concurrent ADDUSER of the same name may win while the hash is computed: TryAdd decides.
            var token = Encoding.ASCII.GetBytes(Tokens.NewToken());
            if (auth.Users.TryAdd(args[0].ToArray(), Rcrypt.Hash(token, auth.HashCost)))
            {
                writer.WriteString(token);
            }
            else
            {
                writer.WriteRaw(Responses.AuthAlreadyClaimed);
            }
        }
    }

    private static ReadOnlySpan<byte> DelUser(Session session, ReadOnlySpan<byte> user)
    {
        var auth = session.Server.Auth;
        if (!auth.Enabled)
        {
            return Responses.AuthDisabled;
        }

        if (!session.IsRoot)
        {
            return Responses.AuthnRealmError;
        }

        if (user.SequenceEqual(AuthProvider.Root))
        {
            return Responses.AuthDeluserFail;
        }

        // Sessions logged in as the deleted user stay logged in, as upstream.
        return auth.Users!.Remove(user) ? Responses.Okay : Responses.BadCredentials;
    }

    private static ReadOnlySpan<byte> Logout(Session session)
    {
        if (!session.Server.Auth.Enabled)
        {
            return Responses.AuthDisabled;
        }

        if (session.User is null)
        {
            return Responses.AuthnRealmError;
        }

        session.LogOut();
        return Responses.Okay;
    }

    private static void Restore(in ActionContext context, Protocol.Skyhash.QueryArgs args)
    {
        var writer = context.Writer;
        var session = context.Session;
        var auth = session.Server.Auth;
        if (args.Count is 0 or > 2)
        {
            writer.WriteRaw(Responses.ActionError);
            return;
        }

        if (!auth.Enabled)
        {
            writer.WriteRaw(Responses.AuthDisabled);
            return;
        }

        // RESTORE <user> needs root; RESTORE <origin key> <user> needs the origin key, and works anonymously.
        var permitted = args.Count == 1 ? session.IsRoot : auth.IsOriginKey(args[0]);
        if (!permitted)
        {
            writer.WriteRaw(args.Count == 1 ? Responses.AuthnRealmError : Responses.BadCredentials);
            return;
        }

        var user = args[args.Count - 1];
        if (!AuthProvider.IsLegalUsername(user))
        {
            writer.WriteRaw(Responses.AuthIllegalUsername);
            return;
        }

        if (auth.Users!.Get(user) is null)
        {
            writer.WriteRaw(Responses.BadCredentials);
            return;
        }

        var token = Tokens.NewToken();
        auth.Users.Set(user.ToArray(), Rcrypt.Hash(Encoding.ASCII.GetBytes(token), auth.HashCost));
        writer.WriteString(Encoding.ASCII.GetBytes(token));
    }

    private static void ListUsers(in ActionContext context, Protocol.Skyhash.QueryArgs args)
    {
        var writer = context.Writer;
        var session = context.Session;
        var auth = session.Server.Auth;
        if (args.Count != 0)
        {
            writer.WriteRaw(Responses.ActionError);
        }
        else if (!auth.Enabled)
        {
            writer.WriteRaw(Responses.AuthDisabled);
        }
        else if (!session.IsRoot)
        {
            writer.WriteRaw(Responses.AuthnRealmError);
        }
        else
        {
            var users = auth.Users!.Copy();
            writer.WriteNonNullArrayHeader(ResponseWriter.StringSymbol, users.Length);
            foreach (var (name, _) in users)
            {
                writer.WriteArrayEntry(name);
            }
        }
    }

    private static void WhoAmI(in ActionContext context, Protocol.Skyhash.QueryArgs args)
    {
        var writer = context.Writer;
        var session = context.Session;
        if (args.Count != 0)
        {
            writer.WriteRaw(Responses.ActionError);
        }
        else if (!session.Server.Auth.Enabled)
        {
            writer.WriteRaw(Responses.AuthDisabled);
        }
        else if (session.User is not { } user)
        {
            writer.WriteRaw(Responses.AuthnRealmError);
        }
        else
        {
            writer.WriteString(user);
        }
    }
}
