using SkydFast.Engine.Auth;
using SkydFast.Store;

namespace SkydFast.Engine.Tests.Auth;

/// <summary>A store with auth on (cost-4 hashes, so tests stay fast) or off, and connections to it.</summary>
internal sealed class AuthKit
{
    public const string OriginKey = "4527387f92a381cbe804593f33991d327d456a97";

    public AuthKit(bool enabled = true)
    {
        var store = new CoreStore();
        Context = new ServerContext(store, auth: enabled ? new AuthProvider(store, OriginKey, hashCost: 4) : null);
    }

    public ServerContext Context { get; }

    public EngineHarness Connect() => new(Context);

    /// <summary>A new connection that claims root; returns it logged in, with root's token.</summary>
    public (EngineHarness Root, string Token) Claim()
    {
        var h = Connect();
        return (h, TokenOf(h.Q("AUTH", "CLAIM", OriginKey)));
    }

    /// <summary>The token in a <c>+56</c> string reply.</summary>
    public static string TokenOf(string reply)
    {
        Assert.StartsWith("*1\n+56\n", reply, StringComparison.Ordinal);
        return reply["*1\n+56\n".Length..^1];
    }
}
