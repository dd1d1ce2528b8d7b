namespace SkydFast.Network;

/// <summary>How the listener accepts and serves connections. Every default is the value in effect when unset.</summary>
public sealed class TransportOptions
{
    /// <summary>
    /// Most connections open at once, plain and TLS together; past it the listener stops accepting on every endpoint
    /// until one closes (upstream <c>maxclient</c>). Default 50,000.
    /// </summary>
    public int MaxConnections { get; set; } = 50_000;

    /// <summary>
    /// Bytes received but not yet taken by the protocol at which the receive loop pauses. The protocol copies
    /// an incomplete packet out of the pipe, so this bounds what a client can push while its replies are not
    /// being read. Default 1 MiB.
    /// </summary>
    public long InputPauseThreshold { get; set; } = 1024 * 1024;

    /// <summary>
    /// Reply bytes not yet sent at which the protocol pauses (a client that does not read its replies is
    /// slowed down, never buffered without bound). Default 1 MiB.
    /// </summary>
    public long OutputPauseThreshold { get; set; } = 1024 * 1024;

    /// <summary>
    /// Wait for the socket to be readable before taking a receive buffer, so idle connections hold no memory
    /// (Kestrel's default). Default true.
    /// </summary>
    public bool WaitForDataBeforeAllocatingBuffer { get; set; } = true;

    /// <summary>
    /// After the server ends a connection, how long it keeps reading and discarding what the client still sends,
    /// so the kernel closes with FIN rather than a reset that could destroy the last reply in flight. Default 1 s.
    /// </summary>
    public TimeSpan LingerOnClose { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Close a connection that sends nothing for this long (DECISIONS.md 5). Only time spent waiting for the
    /// client counts: a connection paused because it does not read its replies is not idle. Default zero: off,
    /// as upstream.
    /// </summary>
    public TimeSpan IdleTimeout { get; set; } = TimeSpan.Zero;

    /// <summary>
    /// Event-loop threads serving the plain TCP connections on Linux, each its share of them (DECISIONS.md 9,
    /// <c>threads</c>). Zero serves them like TLS connections instead, with .NET's asynchronous sockets and pipes.
    /// Default: one per core.
    /// </summary>
    public int EventLoops { get; set; } = Environment.ProcessorCount;

    /// <summary>How long a stop waits for connections to finish before aborting them. Default 5 s.</summary>
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// How long a TLS client has to complete its handshake; past it the connection is dropped and its slot freed, so
    /// clients that connect and say nothing cannot use up <see cref="MaxConnections"/> (DECISIONS.md 17). Default 10 s.
    /// </summary>
    public TimeSpan TlsHandshakeTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
