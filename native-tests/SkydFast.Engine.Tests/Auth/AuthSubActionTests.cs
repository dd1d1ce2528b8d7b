using System.Text;
using SkydFast.Engine.Auth;

namespace SkydFast.Engine.Tests.Auth;

/// <summary>Every AUTH sub-action with its checks in order (actions.md §9.2).</summary>
public sealed class AuthSubActionTests
{
    private const string BadCredentials = "*1\n!2\n10\n";
    private const string Permission = "*1\n!2\n11\n";
    private const string AlreadyClaimed = "*1\n!24\nerr-auth-already-claimed\n";
    private const string IllegalUsername = "*1\n!25\nerr-auth-illegal-username\n";

    [Fact]
    public void ClaimNeedsTheOriginKeyCreatesRootOnceAndLogsIn()
    {
        var kit = new AuthKit();
        using var h = kit.Connect();
        Assert.Equal(BadCredentials, h.Q("AUTH", "CLAIM", AuthKit.OriginKey.ToUpperInvariant()));
        Assert.Equal(BadCredentials, h.Q("AUTH", "CLAIM", AuthKit.OriginKey[..39]));
        Assert.Equal(Replies.ActionError, h.Q("AUTH", "CLAIM"));

        var token = AuthKit.TokenOf(h.Q("AUTH", "claim", AuthKit.OriginKey));

        Assert.Matches("^[./A-Za-z0-9]{54}==$", token);
        Assert.True(Rcrypt.Verify(Encoding.ASCII.GetBytes(token), kit.Context.Auth.Users!.Get("root"u8)!));
        Assert.Equal("*1\n+4\nroot\n", h.Q("AUTH", "WHOAMI"));
        using var other = kit.Connect();
        Assert.Equal(AlreadyClaimed, other.Q("AUTH", "CLAIM", AuthKit.OriginKey));
    }

    [Fact]
    public void LoginChecksTheTokenAgainstTheStoredHash()
    {
        var kit = new AuthKit();
        var (root, rootToken) = kit.Claim();
        using (root)
        {
            var bobToken = AuthKit.TokenOf(root.Q("AUTH", "ADDUSER", "bob"));
            using var h = kit.Connect();
            Assert.Equal(BadCredentials, h.Q("AUTH", "LOGIN", "bob", rootToken));
            Assert.Equal(BadCredentials, h.Q("AUTH", "LOGIN", "nobody", bobToken));
            Assert.Equal(BadCredentials, h.Q("AUTH", "LOGIN", "bob", ""));
            Assert.Equal(BadCredentials, h.Q([Encoding.ASCII.GetBytes("AUTH"), Encoding.ASCII.GetBytes("LOGIN"), Encoding.ASCII.GetBytes("bob"), [.. Encoding.ASCII.GetBytes(bobToken), 0]]));
            Assert.Equal(BadCredentials, h.Q("AUTH", "LOGIN", "bob", bobToken[..^1] + (bobToken[^3] == 'A' ? 'B' : 'A')));
            Assert.Equal(BadCredentials, h.Q("AUTH", "LOGIN", "bob", new string('x', 1_000_000)));
            Assert.Equal(BadCredentials, h.Q("AUTH", "LOGIN", new string('b', 1_000_000), bobToken));
            Assert.Equal(Replies.ActionError, h.Q("AUTH", "LOGIN", "bob"));
            Assert.Equal(Permission, h.Q("AUTH", "WHOAMI"));

            Assert.Equal(Replies.Okay, h.Q("AUTH", "LOGIN", "bob", bobToken));
            Assert.Equal("*1\n+3\nbob\n", h.Q("AUTH", "WHOAMI"));

            // A failed login leaves the current one; a good one replaces it.
            Assert.Equal(BadCredentials, h.Q("AUTH", "LOGIN", "root", bobToken));
            Assert.Equal("*1\n+3\nbob\n", h.Q("AUTH", "WHOAMI"));
            Assert.Equal(Replies.Okay, h.Q("AUTH", "LOGIN", "root", rootToken));
            Assert.Equal("*1\n+4\nroot\n", h.Q("AUTH", "WHOAMI"));
        }
    }

    [Fact]
    public void OnlyRootAddsDeletesAndListsUsers()
    {
        var kit = new AuthKit();
        var (root, _) = kit.Claim();
        using (root)
        {
            var bobToken = AuthKit.TokenOf(root.Q("AUTH", "ADDUSER", "bob"));
            Assert.Equal(AlreadyClaimed, root.Q("AUTH", "ADDUSER", "bob"));
            Assert.Equal(IllegalUsername, root.Q("AUTH", "ADDUSER", new string('a', 41)));
            Assert.Equal(IllegalUsername, root.Q("AUTH", "ADDUSER", "bøb"));
            _ = AuthKit.TokenOf(root.Q("AUTH", "ADDUSER", new string('a', 40)));
            Assert.Equal($"*1\n^+3\n40\n{new string('a', 40)}\n3\nbob\n4\nroot\n", root.Q("AUTH", "LISTUSER"));

            using var bob = kit.Connect();
            Assert.Equal(Replies.Okay, bob.Q("AUTH", "LOGIN", "bob", bobToken));
            Assert.Equal(Permission, bob.Q("AUTH", "ADDUSER", "eve"));
            Assert.Equal(Permission, bob.Q("AUTH", "DELUSER", "root"));
            Assert.Equal(Permission, bob.Q("AUTH", "LISTUSER"));
            Assert.Equal(Permission, bob.Q("AUTH", "RESTORE", "root"));
            Assert.Equal(Replies.UnknownAction, bob.Q("AUTH", "NOSUCH"));

            Assert.Equal("*1\n!21\nerr-auth-deluser-fail\n", root.Q("AUTH", "DELUSER", "root"));
            Assert.Equal(BadCredentials, root.Q("AUTH", "DELUSER", "nobody"));
            Assert.Equal(Replies.Okay, root.Q("AUTH", "DELUSER", "bob"));

            // Upstream keeps a deleted user's open sessions; a new login fails.
            Assert.Equal("*1\n+3\nbob\n", bob.Q("AUTH", "WHOAMI"));
            using var again = kit.Connect();
            Assert.Equal(BadCredentials, again.Q("AUTH", "LOGIN", "bob", bobToken));
        }
    }

    [Fact]
    public void RestoreGivesANewTokenToRootOrWithTheOriginKey()
    {
        var kit = new AuthKit();
        var (root, rootToken) = kit.Claim();
        using (root)
        {
            var bobToken = AuthKit.TokenOf(root.Q("AUTH", "ADDUSER", "bob"));
            var newBob = AuthKit.TokenOf(root.Q("AUTH", "RESTORE", "bob"));
            Assert.Equal(IllegalUsername, root.Q("AUTH", "RESTORE", new string('b', 41)));
            Assert.Equal(BadCredentials, root.Q("AUTH", "RESTORE", "nobody"));

            using var anonymous = kit.Connect();
            Assert.Equal(Permission, anonymous.Q("AUTH", "RESTORE", "bob"));
            Assert.Equal(BadCredentials, anonymous.Q("AUTH", "RESTORE", AuthKit.OriginKey[1..] + "x", "root"));
            Assert.Equal(BadCredentials, anonymous.Q("AUTH", "RESTORE", AuthKit.OriginKey, "nobody"));
            Assert.Equal(Replies.ActionError, anonymous.Q("AUTH", "RESTORE"));
            Assert.Equal(Replies.ActionError, anonymous.Q("AUTH", "RESTORE", "a", "b", "c"));
            var newRoot = AuthKit.TokenOf(anonymous.Q("AUTH", "RESTORE", AuthKit.OriginKey, "root"));
            Assert.Equal(Permission, anonymous.Q("AUTH", "WHOAMI"));

            Assert.Equal(BadCredentials, anonymous.Q("AUTH", "LOGIN", "bob", bobToken));
            Assert.Equal(BadCredentials, anonymous.Q("AUTH", "LOGIN", "root", rootToken));
            Assert.Equal(Replies.Okay, anonymous.Q("AUTH", "LOGIN", "bob", newBob));
            Assert.Equal(Replies.Okay, anonymous.Q("AUTH", "LOGIN", "root", newRoot));
        }
    }

    [Fact]
    public void LogoutMakesTheConnectionAnonymous()
    {
        var kit = new AuthKit();
        var (root, _) = kit.Claim();
        using (root)
        {
            Assert.Equal(Replies.ActionError, root.Q("AUTH", "LOGOUT", "now"));
            Assert.Equal(Replies.Okay, root.Q("auth", "logout"));
            Assert.Equal("*1\n!2\n10\n", root.Q("GET", "x"));
            Assert.Equal(Permission, root.Q("AUTH", "LOGOUT"));
        }
    }

    [Fact]
    public void AuthWorksWhilePoisoned()
    {
        var kit = new AuthKit();
        kit.Context.Store.IsPoisoned = true;
        var (root, _) = kit.Claim();
        using (root)
        {
            _ = AuthKit.TokenOf(root.Q("AUTH", "ADDUSER", "bob"));
            Assert.Equal(Replies.Okay, root.Q("AUTH", "DELUSER", "bob"));
            Assert.Equal(Replies.ServerError, root.Q("SET", "x", "1"));
        }
    }
}
