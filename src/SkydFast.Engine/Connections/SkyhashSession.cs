using System.Buffers;
using SkydFast.Protocol.Skyhash;

namespace SkydFast.Engine.Connections;

/// <summary>
/// One Skyhash connection driven synchronously by an event loop: the loop hands in the bytes it received and sends
/// what was written to the output. A packet with a blocking action (MKSNAP, AUTH's hashing) is copied and run on
/// the <see cref="BlockingWorkers"/> after <see cref="StartBlocking"/>; the session reports the end of it through
/// the resume callback, and the loop goes on with the input after that packet.
/// </summary>
public sealed class SkyhashSession : IDisposable
{
    private readonly Session _session;
    private readonly SkyhashProcessor _processor;
    private readonly BlockingWorkers _workers;
    private readonly Action<Exception?> _resume;
    private byte[]? _blocked;
    private int _blockedLength;
    private int _blockedStage;

    internal SkyhashSession(ServerContext server, ParserLimits limits, BlockingWorkers workers, IBufferWriter<byte> output, Action<Exception?> resume)
    {
        _session = new Session(server);
        _processor = new SkyhashProcessor(_session, output, limits);
        _workers = workers;
        _resume = resume;
    }

    /// <summary>
    /// Executes every complete packet at the start of <paramref name="input"/>, up to a blocking one, which it takes
    /// too (<see cref="ProcessOutcome.Offload"/>: call <see cref="StartBlocking"/> once the output written so far is
    /// out of the loop's hands).
    /// </summary>
    /// <param name="input">The connection's unconsumed bytes.</param>
    /// <param name="consumed">How many bytes were taken.</param>
    /// <param name="needed">When the rest is an incomplete packet: how many unconsumed bytes it takes before
    /// parsing again is useful.</param>
    public ProcessOutcome Receive(ReadOnlySpan<byte> input, out int consumed, out long needed)
    {
        var outcome = _processor.Process(input, out consumed, out needed, out _);
        if (outcome == ProcessOutcome.Offload)
        {
            _blockedLength = _processor.BlockingPacketLength;
            _blockedStage = _processor.BlockingStage;
            _blocked = SkyhashConnectionHandler.Copy(input.Slice(consumed, _blockedLength));
            consumed += _blockedLength;
            needed = 0;
        }

        return outcome;
    }

    /// <summary>Runs the packet taken by the last <see cref="ProcessOutcome.Offload"/> on a worker, then resumes.</summary>
    public void StartBlocking() => _ = RunBlockingAsync();

    /// <summary>Ends the session (never while a blocking packet runs).</summary>
    public void Dispose() => _session.Dispose();

    private async Task RunBlockingAsync()
    {
        var packet = _blocked!;
        Exception? failure = null;
        try
        {
            await _workers.RunAsync(() => _processor.ExecuteBlocking(packet.AsSpan(0, _blockedLength), _blockedStage));
        }
        catch (Exception ex)
        {
            failure = ex;
        }
        finally
        {
            _blocked = null;
            ArrayPool<byte>.Shared.Return(packet);
        }

        _resume(failure);
    }
}
