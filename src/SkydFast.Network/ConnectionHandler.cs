namespace SkydFast.Network;

/// <summary>
/// Serves one connection until it should end: read <see cref="TransportConnection.Input"/>, write
/// <see cref="TransportConnection.Output"/>. When the returned task completes, the connection is closed. The handler
/// cannot tell a plain connection from a TLS one.
/// </summary>
public delegate Task ConnectionHandler(TransportConnection connection);
