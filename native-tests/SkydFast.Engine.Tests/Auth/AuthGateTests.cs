using System.Text;

namespace SkydFast.Engine.Tests.Auth;

/// <summary>The gate an anonymous connection meets when auth is on (actions.md §9.1), and the ways around it that
/// must not work.</summary>
public sealed class AuthGateTests
{
    private const string BadCredentials = "*1\n!2\n10\n";
    private const string Permission = "*1\n!2\n11\n";

    [Theory]
    [InlineData("GET", "x")]
    [InlineData("get", "x")]
    [InlineData("HEYA")]
    [InlineData("SET", "x", "1")]
    [InlineData("MKSNAP")]
    [InlineData("SYS", "INFO", "version")]
    [InlineData("WHEREAMI")]
    [InlineData("NOSUCHACTION")]
    [InlineData("AUTHX", "LOGIN", "a", "b")]
    public void EveryActionButAuthIsBadCredentialsBeforeAnythingElse(params string[] query)
    {
        using var h = new AuthKit().Connect();
        Assert.Equal(BadCredentials, h.Q(query));
        Assert.Equal(0, h.Store.DefaultTable.Count);
    }

    [Fact]
    public void AnAnonymousPipelineIsOneBadCredentialsAndRunsNothing()
    {
        var kit = new AuthKit();
        using var h = kit.Connect();

        Assert.Equal(BadCredentials, Encoding.Latin1.GetString(h.Run("*2\n~3\n4\nAUTH\n5\nCLAIM\n40\n4527387f92a381cbe804593f33991d327d456a97\n~3\n3\nSET\n1\nx\n1\n1\n"u8)));
        Assert.Equal(BadCredentials, Encoding.Latin1.GetString(h.Run("*3\n~1\n4\nHEYA\n~1\n4\nHEYA\n~1\n4\nHEYA\n"u8)));

        Assert.Equal(Permission, h.Q("AUTH", "WHOAMI"));
        Assert.Equal(0, kit.Context.Auth.Users!.Count);
        Assert.Equal(0, h.Store.DefaultTable.Count);
    }

    [Fact]
    public void MalformedSimpleQueriesGetTheirOwnErrors()
    {
        using var h = new AuthKit().Connect();
        Assert.Equal("*1\n!1\n7\n", Encoding.Latin1.GetString(h.Run("*1\n+1\na\n"u8)));
        Assert.Equal("*1\n!1\n4\n", Encoding.Latin1.GetString(h.Run("*1\n~0\n"u8)));
        Assert.Equal(Replies.ActionError, h.Q("AUTH"));
        Assert.Equal(Replies.ActionError, h.Q("auth"));
    }

    [Theory]
    [InlineData("ADDUSER", "bob")]
    [InlineData("ADDUSER")]
    [InlineData("adduser", "a", "b", "c")]
    [InlineData("LOGOUT")]
    [InlineData("LOGOUT", "extra")]
    [InlineData("DELUSER", "bob")]
    [InlineData("LISTUSER")]
    [InlineData("NOSUCH")]
    public void AnonymousConnectionsMayNotUseOtherSubActionsWhateverTheirArity(params string[] sub)
    {
        using var h = new AuthKit().Connect();
        Assert.Equal(Permission, h.Q(["AUTH", .. sub]));
    }

    [Fact]
    public void ALoginTakesEffectFromTheNextPacketAndALogoutInAPipelineLetsItsOtherStagesRun()
    {
        var kit = new AuthKit();
        var (root, _) = kit.Claim();
        using (root)
        {
            var token = AuthKit.TokenOf(root.Q("AUTH", "ADDUSER", "bob"));
            using var bob = kit.Connect();
            Assert.Equal(Replies.Okay, bob.Q("AuTh", "LoGiN", "bob", token));
            Assert.Equal("*1\n+3\nbob\n", bob.Q("AUTH", "WHOAMI"));

            var pipeline = "*3\n~2\n4\nAUTH\n6\nLOGOUT\n~3\n3\nSET\n1\nx\n1\n1\n~2\n4\nAUTH\n6\nWHOAMI\n"u8;
            Assert.Equal("*3\n!1\n0\n!1\n0\n!2\n11\n", Encoding.Latin1.GetString(bob.Run(pipeline)));
            Assert.Equal(1, kit.Context.Store.DefaultTable.Count);
            Assert.Equal(BadCredentials, bob.Q("GET", "x"));
        }
    }

    [Fact]
    public void WithAuthDisabledEveryConnectionIsPrivilegedAndAuthSaysSo()
    {
        using var h = new AuthKit(enabled: false).Connect();
        Assert.Equal(Replies.Okay, h.Q("SET", "x", "1"));
        foreach (var query in new[]
        {
            new[] { "AUTH", "LOGIN", "a", "b" }, ["AUTH", "CLAIM", AuthKit.OriginKey], ["AUTH", "ADDUSER", "a"], ["AUTH", "DELUSER", "a"],
            ["AUTH", "LOGOUT"], ["AUTH", "RESTORE", "a"], ["AUTH", "RESTORE", AuthKit.OriginKey, "a"], ["AUTH", "LISTUSER"], ["AUTH", "WHOAMI"],
        })
        {
            Assert.Equal("*1\n!17\nerr-auth-disabled\n", h.Q(query));
        }

        Assert.Equal(Replies.ActionError, h.Q("AUTH", "LOGIN", "a"));
        Assert.Equal(Replies.ActionError, h.Q("AUTH", "RESTORE"));
        Assert.Equal(Replies.UnknownAction, h.Q("AUTH", "NOSUCH"));
    }
}
