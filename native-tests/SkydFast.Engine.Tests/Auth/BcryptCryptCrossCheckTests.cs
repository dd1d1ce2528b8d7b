using System.Diagnostics;
using System.Text;
using SkydFast.Engine.Auth;

namespace SkydFast.Engine.Tests.Auth;

/// <summary>Our bcrypt against the system's crypt(3) (libxcrypt), byte for byte.</summary>
public sealed class BcryptCryptCrossCheckTests
{
    // crypt(3) through ctypes rather than Python's crypt module, which Python 3.13 removed. Arguments come in
    // (password, setting) pairs; one MCF string per line comes out.
    private const string CryptScript = """
        import ctypes, ctypes.util, os, sys
        lib = ctypes.CDLL(ctypes.util.find_library("crypt"))
        lib.crypt.restype = ctypes.c_char_p
        lib.crypt.argtypes = [ctypes.c_char_p, ctypes.c_char_p]
        args = sys.argv[1:]
        for i in range(0, len(args), 2):
            print(lib.crypt(os.fsencode(args[i]), os.fsencode(args[i + 1])).decode())
        """;

    [Fact]
    public void SeededRandomPasswordsHashLikeTheSystemCrypt()
    {
        // Printable ASCII only, so every password survives argv unchanged; lengths around the 72-byte cap.
        int[] lengths = [1, 2, 3, 7, 8, 20, 40, 54, 56, 63, 64, 70, 71, 72, 73, 74, 100, 200, 300];
        var random = new Random(20240507);
        var cases = new List<(string Password, byte[] Salt, int Cost)>();
        foreach (var length in lengths)
        {
            for (var copy = 0; copy < 2; copy++)
            {
                var password = new string([.. Enumerable.Range(0, length).Select(_ => (char)random.Next(0x20, 0x7F))]);
                var salt = new byte[Bcrypt.SaltLength];
                random.NextBytes(salt);
                cases.Add((password, salt, 4 + random.Next(3)));
            }
        }

        var expected = SystemCrypt(cases.Select(c => (c.Password, $"$2b${c.Cost:D2}${BcryptBase64.Encode(c.Salt)}")));
        Assert.Equal(cases.Count, expected.Length);
        for (var i = 0; i < cases.Count; i++)
        {
            var (password, salt, cost) = cases[i];
            Assert.Equal(expected[i], Bcrypt.HashMcf(Encoding.ASCII.GetBytes(password), salt, cost));
            Assert.True(Bcrypt.VerifyMcf(Encoding.ASCII.GetBytes(password), expected[i]));
        }
    }

    private static string[] SystemCrypt(IEnumerable<(string Password, string Setting)> inputs)
    {
        var start = new ProcessStartInfo("python3")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(CryptScript);
        foreach (var (password, setting) in inputs)
        {
            start.ArgumentList.Add(password);
            start.ArgumentList.Add(setting);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("python3 did not start");
        var stderr = process.StandardError.ReadToEndAsync();
        var output = process.StandardOutput.ReadToEnd();
        Assert.True(process.WaitForExit(TimeSpan.FromSeconds(60)), "python3 crypt(3) did not finish");
        Assert.True(process.ExitCode == 0, $"python3 crypt(3) failed: {stderr.Result}");
        return output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }
}
