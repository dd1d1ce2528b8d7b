namespace SkydFast.Network;

/// <summary>What a listener's connections did since it started.</summary>
/// <param name="Open">Connections open now.</param>
/// <param name="Accepted">Connections accepted.</param>
/// <param name="Received">Bytes received from clients.</param>
/// <param name="Sent">Bytes sent to clients.</param>
public readonly record struct TransportCounters(int Open, long Accepted, long Received, long Sent);
