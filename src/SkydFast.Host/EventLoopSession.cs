using SkydFast.Engine.Connections;
using SkydFast.Network;

namespace SkydFast.Host;

/// <summary>Plugs the engine's <see cref="SkyhashSession"/> into the network's event loops (neither knows the other).</summary>
internal sealed class EventLoopSession : ConnectionSession
{
    private readonly SkyhashSession _session;

    internal EventLoopSession(SkyhashConnectionHandler handler, EventConnection connection) =>
        _session = handler.CreateSession(connection.Output, connection.Resume);

    public override SessionOutcome Receive(ReadOnlySpan<byte> input, out int consumed, out long needed) =>
        _session.Receive(input, out consumed, out needed) switch
        {
            ProcessOutcome.Continue => SessionOutcome.Continue,
            ProcessOutcome.Close => SessionOutcome.Close,
            _ => SessionOutcome.Suspend,
        };

    public override void StartBlocking() => _session.StartBlocking();

    public override void Dispose() => _session.Dispose();
}
