using System.Collections.Concurrent;
using SkydFast.Engine.Dispatch;
using SkydFast.Protocol.Responses;

namespace SkydFast.Engine;

/// <summary>
/// Query counts per action and error counts for the metrics endpoint, kept per connection so that a query pays one
/// unshared increment, never an atomic on a counter every core writes. A reader sums the closed connections' totals
/// and the live connections' counters (each read is one aligned 64-bit load: a value may be a query behind, never
/// torn).
/// </summary>
public sealed class ServerStatistics
{
    private readonly ConcurrentDictionary<ConnectionStatistics, byte> _live = new();
    private readonly long[] _closedActions = new long[ConnectionStatistics.Slots];
    private long _closedErrors;
    private long _closedProtocolErrors;

    /// <summary>The action names the counts are kept under, in <see cref="StatisticsSnapshot.Queries"/>'s order; the
    /// last is <c>unknown</c> (a name no action has).</summary>
    public static IReadOnlyList<string> ActionNames { get; } = [.. ActionTable.All.Select(static a => a.Name), "unknown"];

    /// <summary>Sums every connection's counts, closed and live.</summary>
    public StatisticsSnapshot Read()
    {
        var queries = new long[ConnectionStatistics.Slots];
        long errors;
        long protocolErrors;
        lock (_closedActions)
        {
            _closedActions.CopyTo(queries, 0);
            errors = _closedErrors;
            protocolErrors = _closedProtocolErrors;
        }

        foreach (var connection in _live.Keys)
        {
            for (var i = 0; i < queries.Length; i++)
            {
                queries[i] += Volatile.Read(ref connection.Actions[i]);
            }

            errors += connection.Writer?.ErrorResponses ?? 0;
            protocolErrors += Volatile.Read(ref connection.ProtocolErrors);
        }

        return new StatisticsSnapshot(queries, errors, protocolErrors);
    }

    internal ConnectionStatistics Open()
    {
        var connection = new ConnectionStatistics();
        _live[connection] = 0;
        return connection;
    }

    internal void Close(ConnectionStatistics connection)
    {
        // Folded in before leaving the live set: a reader in between may count this connection twice, never zero times.
        lock (_closedActions)
        {
            for (var i = 0; i < _closedActions.Length; i++)
            {
                _closedActions[i] += connection.Actions[i];
            }

            _closedErrors += connection.Writer?.ErrorResponses ?? 0;
            _closedProtocolErrors += connection.ProtocolErrors;
        }

        _live.TryRemove(connection, out _);
    }
}

/// <summary>Counts summed over every connection since start.</summary>
/// <param name="Queries">Queries (pipeline stages) per action, in <see cref="ServerStatistics.ActionNames"/>' order.</param>
/// <param name="ErrorResponses">Responses that were an error code (3 and up) or an error string.</param>
/// <param name="ProtocolErrors">Packets that did not parse (each closed its connection).</param>
public sealed record StatisticsSnapshot(IReadOnlyList<long> Queries, long ErrorResponses, long ProtocolErrors);

/// <summary>One connection's counts; only its own thread writes them.</summary>
internal sealed class ConnectionStatistics
{
    public static readonly int Slots = ActionTable.All.Count + 1;

    public readonly long[] Actions = new long[Slots];

    public long ProtocolErrors;

    public ResponseWriter? Writer { get; set; }
}
