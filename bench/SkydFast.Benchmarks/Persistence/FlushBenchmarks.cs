using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using SkydFast.Persistence.Cyanstore;
using SkydFast.Persistence.Files;
using SkydFast.Persistence.Flush;
using SkydFast.Store;

namespace SkydFast.Benchmarks.Persistence;

/// <summary>
/// Writing a point-in-time view of <c>default:default</c> (<see cref="KeyValueSet"/>: 16-byte keys, values of
/// <see cref="ValueLength"/> bytes), against what <c>dd</c> writes with fsync on the same disk:
/// <list type="bullet">
/// <item><see cref="Dd"/>, the baseline: <c>dd conv=fsync</c> of exactly the table file's size into the same temp
/// folder, so the Ratio column is flush time over dd time for equal bytes.</item>
/// <item><see cref="Encode"/>: take the view and encode the table into a stream that only counts, which isolates the
/// snapshot walk and the encoder from the kernel and the disk.</item>
/// <item><see cref="FlushToLive"/>: the whole BGSAVE, <see cref="Flusher.FlushToLive"/> (every file fsynced, the
/// tree swapped, the old tree removed).</item>
/// </list>
/// The MB/s column divides the table file's size (<see cref="KeyValueSet.TableFileBytes"/>, checked against the
/// real file in the setup) by the mean.
/// </summary>
[MemoryDiagnoser]
[Config(typeof(Columns))]
public class FlushBenchmarks
{
    /// <summary>The key count of the budget check: enough entries that a per-entry allocation would blow the budget
    /// (10,000 x 24 B), few enough that the setup and every op take milliseconds, not seconds.</summary>
    public const int BudgetKeys = 10_000;

    /// <summary>The key count of a real run.</summary>
    public const int RealKeys = 1_000_000;

    private readonly CountingSink _sink = new();
    private CoreStore _store = null!;
    private string _root = null!;
    private string _dataDir = null!;
    private ProcessStartInfo _dd = null!;
    private long _fileBytes;

    /// <summary>1M keys, except under the budget check (<see cref="BudgetCheck.IsRunning"/>), which judges bytes
    /// allocated per op (independent of the key count) and must stay short.</summary>
    public static IEnumerable<int> KeyCounts => [BudgetCheck.IsRunning ? BudgetKeys : RealKeys];

    [ParamsSource(nameof(KeyCounts))]
    public int Keys { get; set; }

    [Params(16, 64)]
    public int ValueLength { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        // Path.GetTempPath(): the flush's data dir and dd's file share one folder, so one disk.
        _root = Directory.CreateTempSubdirectory("skyd-bench-flush-").FullName;
        _dataDir = Path.Combine(_root, "data");
        _store = new CoreStore();
        KeyValueSet.Fill(_store, Keys, ValueLength);
        _fileBytes = KeyValueSet.TableFileBytes(Keys, ValueLength);

        // iflag=count_bytes makes count a byte count: dd writes exactly the table file's size, in 1 MiB blocks.
        _dd = new ProcessStartInfo("dd")
        {
            ArgumentList =
            {
                "if=/dev/zero", $"of={Path.Combine(_root, "dd.out")}", "bs=1M", $"count={_fileBytes}",
                "iflag=count_bytes", "conv=fsync", "status=none",
            },
            UseShellExecute = false,
        };

        // The MB/s column computes from the formula; prove it is what the flush and the encoder really write.
        FlushToLive();
        var table = Path.Combine(_dataDir, TreeSwap.LiveName, CoreStore.DefaultName, CoreStore.DefaultName);
        var written = new FileInfo(table).Length;
        var encoded = Encode();
        if (written != _fileBytes || encoded != _fileBytes)
        {
            throw new InvalidOperationException(
                $"table file of {written} B, {encoded} B encoded, {_fileBytes} B expected by the MB/s column");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => Directory.Delete(_root, recursive: true);

    [Benchmark(Baseline = true)]
    public void Dd()
    {
        using var dd = Process.Start(_dd) ?? throw new InvalidOperationException("dd did not start");
        dd.WaitForExit();
        if (dd.ExitCode != 0)
        {
            throw new InvalidOperationException($"dd exited with code {dd.ExitCode}");
        }
    }

    /// <summary>The view and the encoder, TreeWriter's table loop without the file: bytes go to a counter.</summary>
    [Benchmark]
    public long Encode()
    {
        _sink.Reset();
        using var snapshot = _store.TakeSnapshot();
        for (var k = 0; k < snapshot.Keyspaces.Count; k++)
        {
            var tables = snapshot.Keyspaces[k].Tables;
            for (var t = 0; t < tables.Count; t++)
            {
                var table = tables[t];
                if (table.IsVolatile || table.Model.IsList())
                {
                    continue;
                }

                using var writer = new KvTableWriter(_sink);
                writer.Begin((ulong)table.Count);
                foreach (var entry in table)
                {
                    writer.Write(entry.Key, entry.Value);
                }

                writer.End();
            }
        }

        return _sink.Length;
    }

    [Benchmark]
    public void FlushToLive()
    {
        if (!Flusher.FlushToLive(_store, _dataDir))
        {
            throw new InvalidOperationException("the flush completed, but the old tree was not removed");
        }
    }

    /// <summary>Adds the MB/s column (BenchmarkDotNet instantiates it from the attribute).</summary>
    public sealed class Columns : ManualConfig
    {
        public Columns() => AddColumn(new ThroughputColumn());
    }

    /// <summary>A write-only stream that keeps nothing and counts the bytes.</summary>
    private sealed class CountingSink : Stream
    {
        private long _length;

        public override bool CanRead => false;

        public override bool CanSeek => false;

        public override bool CanWrite => true;

        public override long Length => _length;

        public override long Position
        {
            get => _length;
            set => throw new NotSupportedException();
        }

        public void Reset() => _length = 0;

        public override void Write(ReadOnlySpan<byte> buffer) => _length += buffer.Length;

        public override void Write(byte[] buffer, int offset, int count) => _length += count;

        public override void Flush()
        {
        }

        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();
    }
}
