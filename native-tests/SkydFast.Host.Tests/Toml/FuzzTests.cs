using System.Globalization;
using System.Text;
using SkydFast.Host.Configuration.Toml;
using Xunit.Abstractions;

namespace SkydFast.Host.Tests.Toml;

/// <summary>
/// Random damage to valid documents: the reader must answer every input with a table or a <see cref="TomlException"/>,
/// never another exception and never a hang. Set TOML_FUZZ_SEED to replay a run.
/// </summary>
public sealed class FuzzTests(ITestOutputHelper output)
{
    private const int Documents = 30_000;

    private static readonly string[] Corpus =
    [
        "[server]\nhost = \"127.0.0.1\"\nport = 2003\nnoart = false\n[bgsave]\nenabled = true\nevery = 120\n"
            + "[snapshot]\nevery = 3600\natmost = 4\nfailsafe = true\n[ssl]\nkey = \"/path/to/key.pem\"\n"
            + "chain = \"/path/to/chain.pem\"\nport = 2004\n",
        "# comment\ntitle = \"TOML \\\"Example\\\" \\u00e9 \\U0001F600\"\n[owner]\nname = 'Tom'\ndob = 1979-05-27T07:32:00-08:00\n"
            + "[database]\nports = [ 8000, 8001, 8002 ]\ndata = [ [\"delta\", \"phi\"], [3.14] ]\ntemp_targets = { cpu = 79.5, case = 72.0 }\n",
        "str1 = \"\"\"\nRoses are red\\\n   Violets\"\"\"\nstr2 = '''\nraw \\n ''text'''' \nstr3 = \"\"\"a\"\"\"\"\nwin = \"\"\"x\r\ny\"\"\"\r\n",
        "int = +99_000\nhex = 0xDEAD_beef\noct = 0o755\nbin = 0b1101\nflt = -6.626e-34\nexp = 5E+22\ninf = -inf\nnan = nan\nzero = -0.0\n",
        "odt = 1979-05-27 07:32:00.999999Z\nldt = 1979-05-27T07:32:00\nld = 2024-02-29\nlt = 23:59:60.123456789\noff = 1979-05-27T00:32:00+05:30\n",
        "[[fruits]]\nname = \"apple\"\n[fruits.physical]\ncolor = \"red\"\n[[fruits.varieties]]\nname = \"red delicious\"\n"
            + "[[fruits]]\nname = \"banana\"\n[[fruits.varieties]]\nname = \"plantain\"\n",
        "a.b.c = 1\na . \"b\" . d = { e = [1, {f = 2}], g.h = 'x' }\n[x.y.z]\n[x]\ny.w = 1\n[a.b.q]\n[\"\".'']\n'' = 0\n",
        "arr = [\n  1, # one\n  \"two\",\n  [3, [4]],\n  { five = 5 },\n]\nempty = []\nt = {}\n",
    ];

    // Characters that matter to the grammar, plus ones it must reject or carry through untouched.
    private static readonly string Alphabet = "[]{}=,.\"'#\\\n\r\t _-+:0123456789abefinostxzTZEe\0\x01\x7F\uFEFFé😀\uD800";

    [Fact]
    public void EveryCorpusDocumentIsValid()
    {
        foreach (string document in Corpus)
        {
            TomlReader.Parse(document);
            TomlReader.Parse(Encoding.UTF8.GetBytes(document));
        }
    }

    [Fact]
    public async Task MutatedAndTruncatedDocumentsParseOrThrowTomlException()
    {
        int seed = Environment.GetEnvironmentVariable("TOML_FUZZ_SEED") is { } replay
            ? int.Parse(replay, CultureInfo.InvariantCulture)
            : Random.Shared.Next();
        output.WriteLine($"seed {seed} (replay with TOML_FUZZ_SEED={seed})");
        int index = 0;
        int parsed = 0;
        string document = "";
        var run = Task.Run(() =>
        {
            var random = new Random(seed);
            for (; index < Documents; index++)
            {
                document = Mutate(random, Corpus[random.Next(Corpus.Length)]);
                try
                {
                    var root = random.Next(4) == 0 ? ParseMutatedBytes(random, document) : TomlReader.Parse(document);
                    Walk(root);
                    parsed++;
                }
                catch (TomlException)
                {
                }
                catch (Exception unexpected)
                {
                    throw new InvalidOperationException($"seed {seed}, document {index}: {Escape(document)}", unexpected);
                }
            }
        });

        var finished = await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(120)));
        Assert.True(finished == run, $"seed {seed}: document {index} did not finish within 120 s: {Escape(document)}");
        await run;
        output.WriteLine($"{parsed} of {Documents} damaged documents were still valid; the rest were rejected");
    }

    private static string Mutate(Random random, string document)
    {
        var text = new StringBuilder(document);
        int edits = random.Next(1, 5);
        for (int i = 0; i < edits; i++)
        {
            int at = random.Next(text.Length + 1);
            switch (random.Next(7))
            {
                case 0:
                    text.Insert(at, Alphabet[random.Next(Alphabet.Length)]);
                    break;
                case 1 when at < text.Length:
                    text.Remove(at, 1);
                    break;
                case 2 when at < text.Length:
                    text[at] = Alphabet[random.Next(Alphabet.Length)];
                    break;
                case 3:
                    text.Length = at;
                    break;
                case 4:
                    int from = random.Next(text.Length + 1);
                    int length = random.Next(Math.Min(40, text.Length - from) + 1);
                    text.Insert(at, text.ToString(from, length));
                    break;
                case 5:
                    text.Insert(at, new string("[{\"'"[random.Next(4)], random.Next(1, 300)));
                    break;
                default:
                    text.Insert(at, random.Next(3) switch { 0 => "\n[a]\n", 1 => "\n[[a.b]]\n", _ => "\na.b = 1\n" });
                    break;
            }
        }

        return text.ToString();
    }

    /// <summary>The document as UTF-8 with a few bytes changed, which may make the UTF-8 itself invalid.</summary>
    private static TomlTable ParseMutatedBytes(Random random, string document)
    {
        byte[] bytes = Encoding.UTF8.GetBytes(document);
        for (int i = random.Next(3); i > 0 && bytes.Length > 0; i--)
        {
            bytes[random.Next(bytes.Length)] = (byte)random.Next(256);
        }

        return TomlReader.Parse(bytes);
    }

    /// <summary>Touches every value the way a consumer would, without recursion.</summary>
    private static void Walk(TomlTable root)
    {
        var pending = new Stack<TomlValue>([root]);
        while (pending.TryPop(out var value))
        {
            _ = value.Position;
            switch (value)
            {
                case TomlTable table:
                    foreach (var (key, child) in table)
                    {
                        Assert.Same(child, table[key]);
                        pending.Push(child);
                    }

                    break;
                case TomlArray array:
                    foreach (var child in array)
                    {
                        pending.Push(child);
                    }

                    break;
            }
        }
    }

    private static string Escape(string document)
    {
        var text = new StringBuilder();
        foreach (char c in document.Length > 2000 ? document[..2000] : document)
        {
            text.Append(c is < ' ' or '\x7F' or (>= '\uD800' and <= '\uDFFF') ? $"\\u{(int)c:X4}" : c.ToString());
        }

        return text.ToString();
    }
}
