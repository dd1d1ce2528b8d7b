namespace SkydFast.Network;

/// <summary>
/// Serves one connection until it should end: read <see cref="SocketConnection.Input"/>, write
/// <see cref="SocketConnection.Output"/>. When the returned task completes, the connection is closed.
/// </summary>
public delegate Task ConnectionHandler(SocketConnection connection);
