using System.Globalization;
using System.Text;
using SkydFast.Protocol.Skyhash;
using static SkydFast.Protocol.Tests.ParserKit;

namespace SkydFast.Protocol.Tests;

/// <summary>
/// Seeded random packets: valid ones built from the grammar, then mutated (byte flips, insertions, deletions,
/// digit changes) and truncated. Whatever arrives, the parser returns a defined status and slices inside the
/// buffer, never throws, and agrees with <see cref="ReferenceParser"/>. Set SKYD_FUZZ_SEED to replay a failure.
/// </summary>
public sealed class ParserFuzzTests
{
    private const int Packets = 250_000;
    private const int DefaultSeed = 20_261_122;

    // Bytes the grammar gives meaning to come up far more often than chance would pick them.
    private static readonly byte[] Interesting = B("*~+:&_$\n0123456789\0\r");

    private static readonly ParserLimits Tight = new(MaxQuerySize: 128, MaxElements: 6);

    [Fact]
    public void MutatedAndTruncatedPacketsNeverBreakTheParser()
    {
        var seed = Environment.GetEnvironmentVariable("SKYD_FUZZ_SEED") is { Length: > 0 } text
            ? int.Parse(text, CultureInfo.InvariantCulture)
            : DefaultSeed;
        var random = new Random(seed);
        var query = new ParsedQuery();
        var counts = new int[Enum.GetValues<ParseStatus>().Length];
        for (var i = 0; i < Packets; i++)
        {
            var packet = Mutate(random, ValidPacket(random));
            try
            {
                counts[(int)Check(packet, query, ParserLimits.Default)]++;
                Check(packet, query, Tight);
                CompareWithReference(packet, query, i % 2 == 0 ? ParserLimits.Default : Tight);
                if (packet.Length > 0)
                {
                    // One random cut per packet: a bounded amount of work whatever the packet.
                    Check(packet.AsSpan(0, random.Next(packet.Length)), query, ParserLimits.Default);
                }
            }
            catch (Exception e)
            {
                Assert.Fail($"SKYD_FUZZ_SEED={seed}, packet {i}: {Show(packet)}: {e}");
            }
        }

        // The mutations must actually reach every outcome, or the run proves little.
        foreach (var status in Enum.GetValues<ParseStatus>())
        {
            Assert.True(counts[(int)status] > 0, $"SKYD_FUZZ_SEED={seed}: no packet ended {status}");
        }
    }

    /// <summary>Parses <paramref name="buffer"/> and checks every promise of the parser's contract.</summary>
    private static ParseStatus Check(ReadOnlySpan<byte> buffer, ParsedQuery query, in ParserLimits limits)
    {
        var status = SkyhashParser.Parse(buffer, query, limits, out var consumed, out var needed);
        if (!Enum.IsDefined(status))
        {
            throw new InvalidOperationException($"undefined status {status}");
        }

        if (status == ParseStatus.NotEnough && needed <= buffer.Length)
        {
            throw new InvalidOperationException($"NotEnough asks for {needed} bytes of a buffer of {buffer.Length}");
        }

        if (status != ParseStatus.Complete)
        {
            if (consumed != 0)
            {
                throw new InvalidOperationException($"{status} consumed {consumed}");
            }

            return status;
        }

        if (consumed <= 0 || consumed > buffer.Length || consumed > limits.MaxQuerySize)
        {
            throw new InvalidOperationException($"consumed {consumed} of {buffer.Length}");
        }

        if (consumed < buffer.Length && buffer[consumed] != (byte)'*')
        {
            throw new InvalidOperationException($"a packet ended before byte {buffer[consumed]}");
        }

        if (query.StageCount != query.DeclaredCount || query.StageCount <= 0)
        {
            throw new InvalidOperationException($"{query.StageCount} stages of {query.DeclaredCount}");
        }

        for (var s = 0; s < query.StageCount; s++)
        {
            foreach (var item in query.ItemsOf(query[s]))
            {
                if (item.Offset < 0 || item.Length < 0 || item.Offset + item.Length > consumed)
                {
                    throw new InvalidOperationException($"item {item} outside the {consumed} bytes consumed");
                }
            }
        }

        // A packet's parse may not depend on what follows it.
        var alone = SkyhashParser.Parse(buffer[..consumed], query, limits, out var again, out _);
        if (alone != ParseStatus.Complete || again != consumed)
        {
            throw new InvalidOperationException($"the packet alone parsed as {alone}, {again}");
        }

        return status;
    }

    /// <summary>The real parser and the spec transcribed (<see cref="ReferenceParser"/>) agree on everything.</summary>
    private static void CompareWithReference(byte[] packet, ParsedQuery query, in ParserLimits limits)
    {
        var status = SkyhashParser.Parse(packet, query, limits, out var consumed, out var needed);
        var expected = ReferenceParser.Parse(packet, limits);
        if (status != expected.Status || consumed != expected.Consumed)
        {
            throw new InvalidOperationException($"{status}/{consumed}, the reference says {expected.Status}/{expected.Consumed}");
        }

        if (status == ParseStatus.NotEnough && needed != expected.Needed)
        {
            throw new InvalidOperationException($"needed {needed}, the reference says {expected.Needed}");
        }

        if (status != ParseStatus.Complete)
        {
            return;
        }

        for (var s = 0; s < query.StageCount; s++)
        {
            var items = expected.Stages[s];
            var actual = query[s].Kind == StageKind.AnyArray ? query.ItemsOf(query[s]).ToArray().Select(i => (i.Offset, i.Length)).ToList() : null;
            if (!(items is null ? actual is null : actual is not null && items.SequenceEqual(actual)))
            {
                throw new InvalidOperationException($"stage {s} differs from the reference");
            }
        }
    }

    private static byte[] ValidPacket(Random random)
    {
        var sb = new StringBuilder();
        var stages = random.Next(4) == 0 ? random.Next(2, 5) : 1;
        sb.Append('*').Append(stages).Append('\n');
        for (var i = 0; i < stages; i++)
        {
            if (random.Next(3) == 0)
            {
                AppendElement(sb, random, depth: 0);
            }
            else
            {
                AppendAnyArray(sb, random);
            }
        }

        // Sometimes the start of the next packet, which must be left alone.
        if (random.Next(8) == 0)
        {
            sb.Append("*1\n~");
        }

        return B(sb.ToString());
    }

    private static void AppendAnyArray(StringBuilder sb, Random random)
    {
        var items = random.Next(5);
        sb.Append('~').Append(items).Append('\n');
        for (var i = 0; i < items; i++)
        {
            AppendBlob(sb, random);
        }
    }

    private static void AppendElement(StringBuilder sb, Random random, int depth)
    {
        switch (random.Next(depth > 3 ? 3 : 5))
        {
            case 0:
                AppendAnyArray(sb, random);
                break;
            case 1:
                sb.Append('+');
                AppendBlob(sb, random);
                break;
            case 2:
                var digits = random.NextInt64().ToString(CultureInfo.InvariantCulture);
                sb.Append(':').Append(digits.Length).Append('\n').Append(digits).Append('\n');
                break;
            case 3:
                var count = random.Next(4);
                sb.Append('&').Append(count).Append('\n');
                for (var i = 0; i < count; i++)
                {
                    AppendElement(sb, random, depth + 1);
                }

                break;
            default:
                var strings = random.Next(4);
                sb.Append('_').Append(strings).Append('\n');
                for (var i = 0; i < strings; i++)
                {
                    sb.Append('+');
                    AppendBlob(sb, random);
                }

                break;
        }
    }

    private static void AppendBlob(StringBuilder sb, Random random)
    {
        var length = random.Next(4) == 0 ? random.Next(200) : random.Next(8);
        sb.Append(length).Append('\n');
        for (var i = 0; i < length; i++)
        {
            sb.Append((char)(random.Next(3) == 0 ? Interesting[random.Next(Interesting.Length)] : random.Next(256)));
        }

        sb.Append('\n');
    }

    private static byte[] Mutate(Random random, byte[] packet)
    {
        var bytes = new List<byte>(packet);
        var mutations = random.Next(4);
        for (var m = 0; m < mutations && bytes.Count > 0; m++)
        {
            var at = random.Next(bytes.Count);
            switch (random.Next(5))
            {
                case 0:
                    bytes[at] = (byte)random.Next(256);
                    break;
                case 1:
                    bytes.Insert(at, RandomByte(random));
                    break;
                case 2:
                    bytes.RemoveAt(at);
                    break;
                case 3:
                    bytes[at] = Interesting[random.Next(Interesting.Length)];
                    break;
                default:
                    ChangeDigit(random, bytes);
                    break;
            }
        }

        // Truncated: the client stopped (or has not yet finished) sending.
        if (random.Next(3) == 0 && bytes.Count > 0)
        {
            var cut = random.Next(bytes.Count);
            bytes.RemoveRange(cut, bytes.Count - cut);
        }

        return [.. bytes];
    }

    /// <summary>Changes a digit of a length or count: the mutation that most often still looks well formed.</summary>
    private static void ChangeDigit(Random random, List<byte> bytes)
    {
        var start = random.Next(bytes.Count);
        for (var i = 0; i < bytes.Count; i++)
        {
            var at = (start + i) % bytes.Count;
            if (bytes[at] is >= (byte)'0' and <= (byte)'9')
            {
                switch (random.Next(3))
                {
                    case 0:
                        bytes[at] = (byte)('0' + random.Next(10));
                        break;
                    case 1:
                        bytes.Insert(at, (byte)('0' + random.Next(10)));
                        break;
                    default:
                        bytes.InsertRange(at, B(random.Next(2) == 0 ? "1048577" : "99999999999"));
                        break;
                }

                return;
            }
        }
    }

    private static byte RandomByte(Random random) =>
        random.Next(2) == 0 ? Interesting[random.Next(Interesting.Length)] : (byte)random.Next(256);
}
