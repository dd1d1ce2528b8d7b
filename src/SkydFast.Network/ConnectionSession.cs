using System.Buffers;

namespace SkydFast.Network;

/// <summary>What a <see cref="ConnectionSession"/> asks of its connection after taking input.</summary>
public enum SessionOutcome : byte
{
    /// <summary>Send what was written and read more.</summary>
    Continue,

    /// <summary>Send what was written, then close the connection.</summary>
    Close,

    /// <summary>
    /// The session has work that may block (a disk write, a password hash): stop reading and sending for this
    /// connection, then call <see cref="ConnectionSession.StartBlocking"/>; the session calls
    /// <see cref="EventConnection.Resume"/> when it is done, and the connection goes on with the input left.
    /// </summary>
    Suspend,
}

/// <summary>
/// The protocol side of one connection served by an event loop: bytes in, replies out, synchronously on the loop's
/// thread (the way Redis serves its clients). Replies go to <see cref="EventConnection.Output"/>; the loop sends them
/// after each call. Everything here runs on the loop thread, except the work between
/// <see cref="StartBlocking"/> and <see cref="EventConnection.Resume"/>, during which the loop leaves the connection
/// alone.
/// </summary>
public abstract class ConnectionSession : IDisposable
{
    /// <summary>
    /// Takes every complete request at the start of <paramref name="input"/> and writes their replies.
    /// </summary>
    /// <param name="input">The connection's unconsumed bytes.</param>
    /// <param name="consumed">How many bytes were taken.</param>
    /// <param name="needed">When the rest is an incomplete request: how many unconsumed bytes it takes before
    /// calling again is useful (0 when unknown).</param>
    public abstract SessionOutcome Receive(ReadOnlySpan<byte> input, out int consumed, out long needed);

    /// <summary>After <see cref="SessionOutcome.Suspend"/>: starts the blocking work off the loop.</summary>
    public abstract void StartBlocking();

    /// <summary>The connection is closed; never called while suspended.</summary>
    public abstract void Dispose();
}

/// <summary>Creates the session of a new connection, served by an event loop.</summary>
public delegate ConnectionSession SessionFactory(EventConnection connection);

/// <summary>What a <see cref="ConnectionSession"/> sees of its connection.</summary>
public abstract class EventConnection
{
    /// <summary>Where replies go; sent by the loop after each <see cref="ConnectionSession.Receive"/>.</summary>
    public abstract IBufferWriter<byte> Output { get; }

    /// <summary>The server is stopping: finish the request in hand.</summary>
    public abstract CancellationToken Stopping { get; }

    /// <summary>Ends a suspension: the loop sends what was written and goes on with the input left. With a
    /// <paramref name="failure"/>, it logs that, sends what was written and closes the connection instead.</summary>
    public abstract void Resume(Exception? failure = null);
}
