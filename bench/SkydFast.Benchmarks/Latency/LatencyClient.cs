using System.Buffers.Text;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using SkydFast.Load.Measurement;

namespace SkydFast.Benchmarks.Latency;

/// <summary>The phases of a <see cref="SnapshotLatency"/> run, in order; clients record into the current one.</summary>
public enum LatencyPhase
{
    /// <summary>Measured, then dropped: JIT tiers, connection buffers and caches settle.</summary>
    Warmup,

    /// <summary>No flush running.</summary>
    WithoutSnapshot,

    /// <summary>Flushes running back to back.</summary>
    DuringSnapshots,

    /// <summary>Clients stop after the round trip in hand.</summary>
    Done,
}

/// <summary>The phase every thread of a run reads; only the coordinating thread moves it.</summary>
public sealed class PhaseClock
{
    private int _phase;

    public LatencyPhase Current => (LatencyPhase)Volatile.Read(ref _phase);

    public void MoveTo(LatencyPhase phase) => Volatile.Write(ref _phase, (int)phase);
}

/// <summary>
/// One connection with pipeline depth 1, on its own thread: <c>GET</c> (a reader) or <c>UPDATE</c> (a writer) of a
/// random key of <see cref="KeyValueSet"/>, until the clock says <see cref="LatencyPhase.Done"/>. Each round trip
/// goes into the histogram of the phase it started in, if its reply is exactly the expected one; a wrong reply is
/// counted as an error of that phase instead. Allocates nothing per round trip, so its own GCs do not add latency.
/// </summary>
public sealed class LatencyClient : IDisposable
{
    /// <summary>The fill byte of the values writers store (the initial values carry <see cref="KeyValueSet.InitialFill"/>).</summary>
    public const byte WrittenFill = (byte)'w';

    // A socket that stops answering ends the client instead of hanging the run.
    private const int SocketTimeoutMs = 10_000;

    private readonly Socket _socket;
    private readonly PhaseClock _clock;
    private readonly Random _random;
    private readonly int _keys;
    private readonly int _valueLength;
    private readonly bool _isWriter;
    private readonly byte[] _query;
    private readonly int _keyOffset;
    private readonly int _valueOffset;
    private readonly byte[] _replyHeader;
    private readonly byte[] _reply = new byte[4096];
    private readonly LatencyHistogram[] _histograms = [new(), new(), new()];
    private readonly long[] _errors = new long[3];

    private LatencyClient(Socket socket, PhaseClock clock, int seed, int keys, int valueLength, bool isWriter)
    {
        _socket = socket;
        _clock = clock;
        _random = new Random(seed);
        _keys = keys;
        _valueLength = valueLength;
        _isWriter = isWriter;
        var keyPlaceholder = new string('k', KeyValueSet.KeyLength);
        var head = isWriter
            ? $"*1\n~3\n6\nUPDATE\n{KeyValueSet.KeyLength}\n"
            : $"*1\n~2\n3\nGET\n{KeyValueSet.KeyLength}\n";
        var tail = isWriter ? $"\n{valueLength}\n{new string('x', valueLength)}\n" : "\n";
        _query = Encoding.ASCII.GetBytes(head + keyPlaceholder + tail);
        _keyOffset = head.Length;
        _valueOffset = _query.Length - 1 - valueLength;
        _replyHeader = Encoding.ASCII.GetBytes(isWriter ? "*1\n!1\n0\n" : $"*1\n?{valueLength}\n");
    }

    /// <summary>Why the client stopped before <see cref="LatencyPhase.Done"/>, or null.</summary>
    public string? Failure { get; private set; }

    /// <summary>Connects a reader (<c>GET</c>) or a writer (<c>UPDATE</c>) to <paramref name="server"/>.</summary>
    public static LatencyClient Connect(
        IPEndPoint server, PhaseClock clock, int seed, int keys, int valueLength, bool isWriter)
    {
        var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp)
        {
            NoDelay = true,
            ReceiveTimeout = SocketTimeoutMs,
            SendTimeout = SocketTimeoutMs,
        };
        try
        {
            socket.Connect(server);
            return new LatencyClient(socket, clock, seed, keys, valueLength, isWriter);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>The round trips of <paramref name="phase"/> with the expected reply.</summary>
    public LatencyHistogram Histogram(LatencyPhase phase) => _histograms[(int)phase];

    /// <summary>The wrong replies of <paramref name="phase"/>.</summary>
    public long Errors(LatencyPhase phase) => _errors[(int)phase];

    /// <summary>The thread body: round trips until <see cref="LatencyPhase.Done"/> or the first I/O failure.</summary>
    public void Run()
    {
        var phase = LatencyPhase.Warmup;
        try
        {
            while ((phase = _clock.Current) != LatencyPhase.Done)
            {
                var key = _query.AsSpan(_keyOffset, KeyValueSet.KeyLength);
                KeyValueSet.WriteKey(_random.Next(_keys), key);
                if (_isWriter)
                {
                    KeyValueSet.WriteValue(key, WrittenFill, _query.AsSpan(_valueOffset, _valueLength));
                }

                var start = Stopwatch.GetTimestamp();
                _socket.Send(_query);
                var length = ReceiveReply();
                var ticks = Stopwatch.GetTimestamp() - start;
                if (IsExpected(_reply.AsSpan(0, length), key))
                {
                    _histograms[(int)phase].Record(ticks);
                }
                else
                {
                    _errors[(int)phase]++;
                }
            }
        }
        catch (Exception e) when (e is SocketException or IOException or InvalidDataException)
        {
            Failure = $"{(_isWriter ? "writer" : "reader")} stopped in phase {phase}: {e.Message}";
        }
    }

    public void Dispose() => _socket.Dispose();

    // Every reply this client can get is "*1\n" and one element "<symbol><len>\n<len bytes>\n": '?' a binstr
    // value, '+' a str value, '!' a response code ("!1\n0\n" is Okay). Returns -1 until the length is known.
    private static int FrameLength(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length < 5)
        {
            return -1;
        }

        if (!bytes.StartsWith("*1\n"u8) || bytes[3] is not ((byte)'?' or (byte)'+' or (byte)'!'))
        {
            throw new InvalidDataException($"not a single-element reply: {Encoding.ASCII.GetString(bytes[..5])}");
        }

        var newline = bytes[4..].IndexOf((byte)'\n');
        if (newline < 0)
        {
            return bytes.Length > 16 ? throw new InvalidDataException("an element length longer than 12 digits") : -1;
        }

        if (!Utf8Parser.TryParse(bytes.Slice(4, newline), out int length, out var consumed) || consumed != newline)
        {
            throw new InvalidDataException("an element length that is not a number");
        }

        return 4 + newline + 1 + length + 1;
    }

    private int ReceiveReply()
    {
        var received = 0;
        while (true)
        {
            var n = _socket.Receive(_reply, received, _reply.Length - received, SocketFlags.None);
            if (n == 0)
            {
                throw new IOException("the server closed the connection");
            }

            received += n;
            var length = FrameLength(_reply.AsSpan(0, received));
            if (length > _reply.Length)
            {
                throw new InvalidDataException($"a reply of {length} bytes, longer than any expected");
            }

            if (length > 0 && received >= length)
            {
                // Pipeline depth 1: nothing may follow the one reply.
                return received == length ? length : throw new InvalidDataException("bytes after the reply");
            }
        }
    }

    // A writer expects Okay; a reader expects the key's value with either the initial or a writer's fill.
    private bool IsExpected(ReadOnlySpan<byte> reply, ReadOnlySpan<byte> key)
    {
        if (_isWriter)
        {
            return reply.SequenceEqual(_replyHeader);
        }

        if (reply.Length != _replyHeader.Length + _valueLength + 1 || !reply.StartsWith(_replyHeader) || reply[^1] != '\n')
        {
            return false;
        }

        var value = reply.Slice(_replyHeader.Length, _valueLength);
        var prefix = Math.Min(key.Length, value.Length);
        if (!value[..prefix].SequenceEqual(key[..prefix]))
        {
            return false;
        }

        var fill = value[prefix..];
        return fill.IsEmpty
            || ((fill[0] is KeyValueSet.InitialFill or WrittenFill) && !fill.ContainsAnyExcept(fill[0]));
    }
}
