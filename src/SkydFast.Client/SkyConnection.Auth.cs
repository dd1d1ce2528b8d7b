using SkydFast.Client.Protocol;

namespace SkydFast.Client;

// AUTH (actions.md §9). A server without an origin key answers err-auth-disabled, a SkyhashException, to each of them;
// so does a refused privilege (code 11). A wrong login is a value (false), not an exception.
public sealed partial class SkyConnection
{
    /// <summary>AUTH LOGIN: true when logged in (from the next query on), false for a wrong user or token.</summary>
    public async Task<bool> AuthLoginAsync(SkyArg user, SkyArg token, CancellationToken cancellationToken = default) =>
        Expect.OkayOr(await RunAsync(Command.Of("AUTH", "LOGIN", user, token), cancellationToken), SkyResponseCode.BadCredentials, "AUTH LOGIN");

    /// <summary>AUTH CLAIM: creates <c>root</c> with the origin key, logs in as root and returns root's token.</summary>
    public async Task<string> AuthClaimAsync(SkyArg originKey, CancellationToken cancellationToken = default) =>
        Expect.Text(await RunAsync(Command.Of("AUTH", "CLAIM", originKey), cancellationToken), "AUTH CLAIM");

    /// <summary>AUTH LOGOUT: the connection becomes anonymous.</summary>
    public async Task AuthLogoutAsync(CancellationToken cancellationToken = default) =>
        Expect.Okay(await RunAsync(Command.Of("AUTH", "LOGOUT"), cancellationToken), "AUTH LOGOUT");

    /// <summary>AUTH WHOAMI: the logged-in user's name.</summary>
    public async Task<string> AuthWhoAmIAsync(CancellationToken cancellationToken = default) =>
        Expect.Text(await RunAsync(Command.Of("AUTH", "WHOAMI"), cancellationToken), "AUTH WHOAMI");

    /// <summary>AUTH ADDUSER (root only): creates the user and returns its token.</summary>
    public async Task<string> AuthAddUserAsync(SkyArg user, CancellationToken cancellationToken = default) =>
        Expect.Text(await RunAsync(Command.Of("AUTH", "ADDUSER", user), cancellationToken), "AUTH ADDUSER");

    /// <summary>AUTH DELUSER (root only): true when deleted, false when there is no such user.</summary>
    public async Task<bool> AuthDelUserAsync(SkyArg user, CancellationToken cancellationToken = default) =>
        Expect.OkayOr(await RunAsync(Command.Of("AUTH", "DELUSER", user), cancellationToken), SkyResponseCode.BadCredentials, "AUTH DELUSER");

    /// <summary>AUTH RESTORE (root only): gives the user a new token and returns it.</summary>
    public async Task<string> AuthRestoreAsync(SkyArg user, CancellationToken cancellationToken = default) =>
        Expect.Text(await RunAsync(Command.Of("AUTH", "RESTORE", user), cancellationToken), "AUTH RESTORE");

    /// <summary>AUTH RESTORE with the origin key (works anonymously, also for root): a new token for the user.</summary>
    public async Task<string> AuthRestoreAsync(SkyArg originKey, SkyArg user, CancellationToken cancellationToken = default) =>
        Expect.Text(await RunAsync(Command.Of("AUTH", "RESTORE", originKey, user), cancellationToken), "AUTH RESTORE");

    /// <summary>AUTH LISTUSER (root only): every user's name.</summary>
    public async Task<IReadOnlyList<string>> AuthListUserAsync(CancellationToken cancellationToken = default) =>
        Expect.Strings(await RunAsync(Command.Of("AUTH", "LISTUSER"), cancellationToken), "AUTH LISTUSER");
}
