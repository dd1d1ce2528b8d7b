using System.Globalization;
using System.Net.Sockets;
using System.Text;
using Xunit.Abstractions;

namespace SkydFast.Server.Tests.Faults;

/// <summary>
/// Round after round on one data directory: start the server with a BGSAVE every second, let one sequential writer
/// run, and end the process at a random moment (kill -9, sometimes inside a save; now and then SIGTERM). Every
/// restart must load, and the table must hold exactly the first n writes of the writer's sequence (DECISIONS.md 12,
/// 12a: a save is one point in time, published whole), with n no smaller than what was provably saved or stopped
/// cleanly and no larger than what was sent. The seed is printed; set SKYD_CRASH_SEED to replay a run's choices
/// and SKYD_CRASH_ROUNDS for a longer soak.
/// </summary>
[Collection(FaultCollection.Name)]
public sealed class CrashRoundsTests(ITestOutputHelper output)
{
    // Write i upserts slot i % Slots with Value(i), so the first n writes fix every slot: the table itself tells n,
    // and a hole, a mix of two moments or a foreign value shows. 512 slots of 2 KiB make a 1 MiB table: a save takes
    // long enough that some kills land inside one, a restart stays quick.
    private const int Slots = 512;
    private const int ValueLength = 2048;
    private const int DefaultRounds = 50;

    private static readonly byte[][] SlotKeys = [.. Enumerable.Range(0, Slots).Select(s => Encoding.ASCII.GetBytes($"k{s}"))];

    private enum RoundEnd
    {
        /// <summary>kill -9 a random time after the writer starts.</summary>
        KillAnyMoment,

        /// <summary>kill -9 about one interval after a BGSAVE completed: around the start of the next one.</summary>
        KillNearASave,

        /// <summary>kill -9 within milliseconds of a save's <c>ks.next</c> appearing: while it writes or swaps.</summary>
        KillInsideASave,

        /// <summary>The writer stops, two more BGSAVEs complete, then kill -9: nothing acknowledged may be lost.</summary>
        KillAfterQuiet,

        /// <summary>SIGTERM while the writer runs: every acknowledged write must be in the final save.</summary>
        TermWhileWriting,

        /// <summary>The writer stops, then SIGTERM.</summary>
        TermAfterWriting,
    }

    [Fact]
    public async Task KillNineAtAnyMomentLeavesAPrefixOfTheWrites()
    {
        var seed = Environment.GetEnvironmentVariable("SKYD_CRASH_SEED") is { Length: > 0 } text
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        var rounds = Environment.GetEnvironmentVariable("SKYD_CRASH_ROUNDS") is { Length: > 0 } count
            ? Math.Max(DefaultRounds, int.Parse(count, CultureInfo.InvariantCulture))
            : DefaultRounds;
        output.WriteLine($"SKYD_CRASH_SEED={seed} SKYD_CRASH_ROUNDS={rounds}");
        var random = new Random(seed);
        using var dir = new TempDirectory();
        var ends = new Dictionary<RoundEnd, int>();
        var (lower, upper, insideASave, lost) = (0L, 0L, 0, 0L);
        var context = $"SKYD_CRASH_SEED={seed}, first start";
        for (var round = 0; ; round++)
        {
            // A kill between the start of a save's tree and the removal of the tree it replaced leaves ks.next behind.
            if (Directory.Exists(Path.Combine(dir.Path, "data", "ks.next")))
            {
                insideASave++;
            }

            await using var server = await StartOrFailAsync(dir, context);
            var n = await LoadedPrefixAsync(server, lower, upper, context);
            lost += upper - n;
            if (round == rounds)
            {
                await server.StopCleanlyAsync();
                break;
            }

            var end = Choose(round, random);
            ends[end] = ends.GetValueOrDefault(end) + 1;
            context = $"SKYD_CRASH_SEED={seed}, round {round} ({end})";
            (lower, upper) = await RunRoundAsync(server, dir, n, end, random, context);
        }

        output.WriteLine($"{rounds} rounds: {string.Join(", ", ends.OrderBy(e => e.Key).Select(e => $"{e.Key} {e.Value}"))}");
        output.WriteLine($"{insideASave} kills left ks.next behind; {lost} sent writes were not in the table after their round");
    }

    private static RoundEnd Choose(int round, Random random)
    {
        // Drawn every round, so a seed replays the same choices whatever the round kinds.
        var draw = random.Next(8);
        if (round % 5 == 4)
        {
            return RoundEnd.KillAfterQuiet;
        }

        return draw switch
        {
            0 => RoundEnd.TermWhileWriting,
            1 => RoundEnd.TermAfterWriting,
            < 4 => RoundEnd.KillInsideASave,
            < 6 => RoundEnd.KillNearASave,
            _ => RoundEnd.KillAnyMoment,
        };
    }

    private static async Task<ServerProcess> StartOrFailAsync(TempDirectory dir, string context)
    {
        try
        {
            return await ServerProcess.StartInAsync(dir, "-S", "1");
        }
        catch (InvalidOperationException ex)
        {
            throw new InvalidOperationException($"{context}: the data directory does not load", ex);
        }
    }

    /// <summary>Runs one round from a table holding the first <paramref name="from"/> writes; returns the bounds on n the next start must meet.</summary>
    private static async Task<(long Lower, long Upper)> RunRoundAsync(ServerProcess server, TempDirectory dir, long from, RoundEnd end, Random random, string context)
    {
        // Drawn before anything is timed, so a seed replays the same choices.
        var writeFor = TimeSpan.FromMilliseconds(random.Next(0, 1500));
        var afterASave = TimeSpan.FromMilliseconds(random.Next(850, 1150));
        var intoASave = random.Next(0, 20);

        await using var client = await server.ConnectAsync();
        var savesAtStart = server.CountInLog(FaultKit.SaveCompleted);
        var writer = new Writer(client, from);

        // (acknowledged writes, completed saves), read in that order. The save behind the second completion logged
        // after a sample started one interval after the first completed, so after these writes were acknowledged
        // (as long as a log line reaches us within that one-second interval).
        var samples = new List<(long Acked, int Saves)>();
        async Task SampleUntilAsync(Func<bool> done, int pollMilliseconds = 10)
        {
            var deadline = DateTime.UtcNow + FaultKit.Wait;
            while (true)
            {
                samples.Add((writer.Acked, server.CountInLog(FaultKit.SaveCompleted)));
                if (writer.Task.IsFaulted)
                {
                    await writer.Task;
                }

                if (done())
                {
                    return;
                }

                Assert.True(DateTime.UtcNow < deadline, $"{context}: no progress within {FaultKit.Wait}:\n{server.Log}");
                await Task.Delay(pollMilliseconds);
            }
        }

        Task SampleForAsync(TimeSpan span)
        {
            var until = DateTime.UtcNow + span;
            return SampleUntilAsync(() => DateTime.UtcNow >= until);
        }

        async Task<(long, long)> KillAsync()
        {
            var saves = server.CountInLog(FaultKit.SaveCompleted);
            writer.ExpectCutOff();
            server.Signal("KILL");
            Assert.True(await server.WaitForExitAsync(FaultKit.Wait), context);
            await writer.Task;
            var saved = samples.Where(s => s.Saves + 2 <= saves).Select(s => s.Acked).DefaultIfEmpty(from).Max();
            return (saved, writer.Sent);
        }

        switch (end)
        {
            case RoundEnd.KillAnyMoment:
                await SampleForAsync(writeFor);
                return await KillAsync();

            case RoundEnd.KillNearASave:
                await SampleUntilAsync(() => server.CountInLog(FaultKit.SaveCompleted) > savesAtStart);
                await SampleForAsync(afterASave);
                return await KillAsync();

            case RoundEnd.KillInsideASave:
                {
                    // A save of the 1 MiB table lasts milliseconds: watch for its tree every millisecond.
                    var next = Path.Combine(dir.Path, "data", "ks.next");
                    await SampleUntilAsync(() => Directory.Exists(next), pollMilliseconds: 1);
                    await Task.Delay(intoASave);
                    return await KillAsync();
                }

            case RoundEnd.KillAfterQuiet:
                {
                    await SampleForAsync(writeFor);
                    writer.Stop();
                    await writer.Task;
                    var saves = server.CountInLog(FaultKit.SaveCompleted);
                    Assert.True(await server.WaitForLogAsync(FaultKit.SaveCompleted, saves + 2, FaultKit.Wait), $"{context}:\n{server.Log}");
                    server.Signal("KILL");
                    Assert.True(await server.WaitForExitAsync(FaultKit.Wait), context);
                    return (writer.Acked, writer.Sent);
                }

            case RoundEnd.TermWhileWriting:
                await SampleForAsync(writeFor);
                writer.ExpectCutOff();
                await server.StopCleanlyAsync();
                await writer.Task;
                return (writer.Acked, writer.Sent);

            default:
                await SampleForAsync(writeFor);
                writer.Stop();
                await writer.Task;
                await server.StopCleanlyAsync();
                return (writer.Acked, writer.Sent);
        }
    }

    /// <summary>Reads every slot, asserts the table is exactly the first n writes with <paramref name="lower"/> ≤ n ≤ <paramref name="upper"/>, returns n.</summary>
    private static async Task<long> LoadedPrefixAsync(ServerProcess server, long lower, long upper, string context)
    {
        await using var c = await server.ConnectAsync();
        var slots = ParseSlots(await c.QueryAsync([RawClient.Latin1("MGET"), .. SlotKeys]), context);
        var n = 0L;
        for (var s = 0; s < Slots; s++)
        {
            if (slots[s] is not { } value)
            {
                continue;
            }

            var i = WriteNumber(value);
            Assert.True(i % Slots == s, $"{context}: slot {s} holds {RawClient.Show(value[..Math.Min(value.Length, 40)])}..., which no write put there");
            n = Math.Max(n, i.GetValueOrDefault() + 1);
        }

        for (var s = 0; s < Slots; s++)
        {
            // The last of the first n writes that went to slot s, if any.
            string? expected = s < n ? Latin1Value(s + ((n - 1 - s) / Slots * Slots)) : null;
            Assert.True(
                slots[s] == expected,
                $"{context}: the table is not the first {n} writes: slot {s} holds {Describe(slots[s])} instead of {Describe(expected)}");
        }

        Assert.Equal(Replies.Int(Math.Min(n, Slots)), await c.QueryAsync("DBSIZE"));
        Assert.True(
            n >= lower && n <= upper,
            $"{context}: the table holds the first {n} writes; at least {lower} were saved or stopped cleanly, {upper} were sent");
        return n;
    }

    /// <summary>Parses the MGET reply over every slot, exactly: one <c>@?</c> array, each entry a value or null.</summary>
    private static List<string?> ParseSlots(string reply, string context)
    {
        var header = $"*1\n@?{Slots}\n";
        Assert.True(reply.StartsWith(header, StringComparison.Ordinal), $"{context}: {RawClient.Show(reply[..Math.Min(reply.Length, 40)])}");
        var slots = new List<string?>(Slots);
        var at = header.Length;
        for (var s = 0; s < Slots; s++)
        {
            if (reply[at] == '\0')
            {
                Assert.Equal('\n', reply[at + 1]);
                slots.Add(null);
                at += 2;
                continue;
            }

            var lineEnd = reply.IndexOf('\n', at);
            var length = int.Parse(reply.AsSpan(at, lineEnd - at), NumberStyles.None, CultureInfo.InvariantCulture);
            slots.Add(reply.Substring(lineEnd + 1, length));
            at = lineEnd + 1 + length;
            Assert.Equal('\n', reply[at++]);
        }

        Assert.Equal(reply.Length, at);
        return slots;
    }

    /// <summary>The number a value starts with, or null when it does not start like any write's value.</summary>
    private static long? WriteNumber(string value)
    {
        var colon = value.IndexOf(':', StringComparison.Ordinal);
        return colon > 0 && long.TryParse(value.AsSpan(0, colon), NumberStyles.None, CultureInfo.InvariantCulture, out var i) ? i : null;
    }

    private static string Describe(string? value) => value is null ? "nothing" : $"write {WriteNumber(value)}";

    /// <summary>Write i's value: its number, a colon, then bytes of every value (line feeds and NULs too) that depend on i.</summary>
    private static byte[] Value(long i)
    {
        var value = new byte[ValueLength];
        var head = Encoding.ASCII.GetBytes(i.ToString(CultureInfo.InvariantCulture) + ":");
        head.CopyTo(value, 0);
        for (var j = head.Length; j < value.Length; j++)
        {
            value[j] = (byte)((i * 7) + j);
        }

        return value;
    }

    private static string Latin1Value(long i) => Encoding.Latin1.GetString(Value(i));

    /// <summary>
    /// One connection writing write after write, each sent only once the previous one was acknowledged, from write
    /// <c>from</c> on: the table it leaves is always the first n writes for some n.
    /// </summary>
    private sealed class Writer
    {
        private static readonly byte[] Uset = Encoding.ASCII.GetBytes("USET");

        private long _sent;
        private long _acked;
        private volatile bool _stop;
        private volatile bool _cutOff;

        public Writer(RawClient client, long from)
        {
            _sent = from;
            _acked = from;
            Task = Task.Run(() => RunAsync(client));
        }

        /// <summary>Ends with the writer's first unexpected reply or error.</summary>
        public Task Task { get; }

        /// <summary>Writes sent, the one in flight included: it may have been applied, and saved.</summary>
        public long Sent => Interlocked.Read(ref _sent);

        /// <summary>Writes acknowledged.</summary>
        public long Acked => Interlocked.Read(ref _acked);

        /// <summary>Finishes the write in flight and stops.</summary>
        public void Stop() => _stop = true;

        /// <summary>The server is about to be stopped or killed: a closed connection ends the writer quietly.</summary>
        public void ExpectCutOff() => _cutOff = true;

        private async Task RunAsync(RawClient client)
        {
            try
            {
                while (!_stop)
                {
                    var i = Interlocked.Increment(ref _sent) - 1;
                    Assert.Equal(Replies.Int(1), await client.QueryAsync(Uset, SlotKeys[i % Slots], Value(i)));
                    Interlocked.Increment(ref _acked);
                }
            }
            catch (Exception ex) when (_cutOff && ex is EndOfStreamException or SocketException or IOException)
            {
                // The process is gone or closed the connection: the write in flight is neither known lost nor kept.
            }
        }
    }
}
