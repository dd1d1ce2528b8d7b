namespace SkydFast.Load.Measurement;

/// <summary>One worker's counts for one phase (warm-up or measured). One writer; <see cref="Requests"/> and
/// <see cref="Errors"/> are read live by the progress line.</summary>
public sealed class PhaseStats
{
    private long _requests;
    private long _errors;

    /// <summary>Latency of each batch whose replies were all right, from its send to its last reply byte.</summary>
    public LatencyHistogram Batches { get; } = new();

    /// <summary>Requests answered with the right reply.</summary>
    public long Requests => Volatile.Read(ref _requests);

    /// <summary>Requests answered with a wrong reply (including a reply that could not be framed).</summary>
    public long Errors => Volatile.Read(ref _errors);

    /// <summary>When the last batch completed, in <see cref="System.Diagnostics.Stopwatch"/> ticks (0: none).</summary>
    public long LastCompletion { get; private set; }

    /// <summary>Counts a completed batch.</summary>
    public void Complete(int right, int wrong, long latencyTicks, long now)
    {
        Volatile.Write(ref _requests, _requests + right);
        if (wrong == 0)
        {
            Batches.Record(latencyTicks);
        }
        else
        {
            Volatile.Write(ref _errors, _errors + wrong);
        }

        LastCompletion = now;
    }

    /// <summary>Counts wrong replies outside a completed batch (a reply that could not be framed).</summary>
    public void Fail(int wrong) => Volatile.Write(ref _errors, _errors + wrong);

    /// <summary>Adds <paramref name="other"/>'s counts (after its worker stopped).</summary>
    public void Add(PhaseStats other)
    {
        _requests += other._requests;
        _errors += other._errors;
        Batches.Add(other.Batches);
        LastCompletion = Math.Max(LastCompletion, other.LastCompletion);
    }
}
