using System.Net;
using SkydFast.Host.Configuration;

namespace SkydFast.Host.Tests.Configuration;

/// <summary>The TOML file of persistence-and-config.md §8.2 and DECISIONS.md 8-9: what binds, what is skipped, and
/// every error with its line and column.</summary>
public sealed class FileTests
{
    private const string Minimal = "[server]\nhost = \"127.0.0.1\"\nport = 2003\n";

    [Fact]
    public void UpstreamsExampleFileBinds()
    {
        var result = Config.File("""
            [server]
            host = "0.0.0.0"
            port = 2003
            noart = true
            maxclient = 4000
            mode = "dev"

            [bgsave]
            enabled = true
            every = 60

            [snapshot]
            every = 3600
            atmost = 4
            failsafe = false

            [ssl]
            key = "/path/to/key.pem"
            chain = "/path/to/chain.pem"
            port = 2004
            only = true
            passin = "/path/to/pass"

            [auth]
            origin_key = "4527387f92a381cbe804593f33991d327d456a97"
            """);
        var options = Config.Ok(result);

        Assert.Equal(ConfigSource.File, result.Source);
        Assert.Equal(IPAddress.Any, options.Host);
        Assert.True(options.NoArt);
        Assert.Equal(4000, options.Transport.MaxConnections);
        Assert.Equal(TimeSpan.FromMinutes(1), options.BgsaveEvery);
        Assert.Equal(new Persistence.Services.SnapshotSettings(TimeSpan.FromHours(1), 4, false), options.Snapshots);
        Assert.Equal(("/path/to/key.pem", "/path/to/chain.pem", 2004, true, "/path/to/pass"), (options.Tls!.KeyPath, options.Tls.ChainPath, options.Tls.Port, options.Tls.Only, options.Tls.PassphrasePath));
        Assert.Equal("4527387f92a381cbe804593f33991d327d456a97", options.AuthOriginKey);
        Assert.Equal(["Configuration file warnings:\n    - Running in `user` mode. Set mode to `prod` in production"], result.Warnings);
    }

    [Fact]
    public void OurAdditionsAndTheDocumentedMaxconBind()
    {
        var options = Config.Ok(Config.File(Minimal + """
            maxcon = 77
            data_dir = "/srv/data"
            max_query_size = 2048
            max_elements = 10
            idle_timeout = 60
            threads = 2
            [metrics]
            port = 9200
            """));

        Assert.Equal(77, options.Transport.MaxConnections);
        Assert.Equal("/srv/data", options.DataDirectory);
        Assert.Equal(2048, options.Limits.MaxQuerySize);
        Assert.Equal(10, options.Limits.MaxElements);
        Assert.Equal(TimeSpan.FromMinutes(1), options.Transport.IdleTimeout);
        Assert.Equal(2, options.Transport.EventLoops);
        Assert.Equal(9200, options.MetricsPort);
    }

    [Fact]
    public void UnknownSectionsAndKeysOfAnyTypeAreSkipped()
    {
        var options = Config.Ok(Config.File(Minimal + """
            colour = [1, "two", { three = 3.0 }]
            when = 1979-05-27T07:32:00Z
            [server.nested]
            deep = true
            [[plugins]]
            name = "x"
            [bgsave]
            every = 10
            enabled_extra = "ignored"
            """));
        Assert.Equal(TimeSpan.FromSeconds(10), options.BgsaveEvery);
    }

    [Theory]
    [InlineData("[server]\nhost = \"127.0.0.1\"\nport = 2003\n[bgsave]\nevery = 0.5\n", "invalid type: floating point `0.5`, expected u64 for key `bgsave.every` at line 5 column 9")]
    [InlineData("[server]\nhost = \"127.0.0.1\"\nport = 20033002\n", "invalid value: integer `20033002`, expected u16 for key `server.port` at line 3 column 8")]
    [InlineData("[server]\nhost = \"127.0.0.1\"\nport = \"2003\"\n", "invalid type: string \"2003\", expected u16 for key `server.port` at line 3 column 8")]
    [InlineData("[server]\nport = 2003\n", "missing field `host` for key `server` at line 1 column 1")]
    [InlineData("[bgsave]\nevery = 1\n", "missing field `server` at line 1 column 1")]
    [InlineData("[server]\nhost = \"localhost\"\nport = 1\n", "invalid IP address syntax for key `server.host` at line 2 column 8")]
    [InlineData("[server]\nhost = \"::1\"\nport = 1\nmode = \"user\"\n", "Bad value `user` for modeset for key `server.mode` at line 4 column 8")]
    [InlineData("[server]\nhost = \"::1\"\nport = 1\nnoart = 1\n", "invalid type: integer `1`, expected a boolean for key `server.noart` at line 4 column 9")]
    [InlineData("[server]\nhost = \"::1\"\nport = 1\n[snapshot]\nevery = 5\n", "missing field `atmost` for key `snapshot` at line 4 column 1")]
    [InlineData("[server]\nhost = \"::1\"\nport = 1\n[ssl]\nkey = \"k\"\nport = 2004\n", "missing field `chain` for key `ssl` at line 4 column 1")]
    [InlineData("[server]\nhost = \"::1\"\nport = 1\n[auth]\norigin_key = \"abc\"\n", "Invalid value for authkey. must be 40 ASCII characters with nonzero first char for key `auth.origin_key` at line 5 column 14")]
    [InlineData("[server]\nhost = \"::1\"\nport = 1\nmaxclient = -3\n", "invalid value: integer `-3`, expected usize for key `server.maxclient` at line 4 column 13")]
    public void WrongTypesAndMissingKeysFailTheFileWithTheirPosition(string toml, string error)
    {
        var result = Config.File(toml);
        Assert.Equal(ConfigOutcome.Error, result.Outcome);
        Assert.Equal("Configuration file parse failed: " + error, result.Error);
    }

    [Fact]
    public void ATomlSyntaxErrorFailsTheFileWithItsPosition()
    {
        var result = Config.File("[server]\nhost = \"127.0.0.1\nport = 2003\n");
        Assert.StartsWith("Configuration file parse failed: TOML parse error at line 2, column ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void ZeroCountsAreConfigurationFileErrors()
    {
        var result = Config.File(Minimal + "maxclient = 0\n[bgsave]\nevery = 0\n[snapshot]\nevery = 0\natmost = 1\n");
        Assert.Equal(
            """
            Configuration file errors:
                - Bad value for `server.maxcon`. Expected a positive integer greater than zero
                - Bad value for `bgsave.every`. Expected a positive integer greater than zero
                - Bad value for `snapshot.every`. Expected an integer greater than 0
            """,
            result.Error);
    }

    [Fact]
    public void DisablingBgsaveInTheFileDisablesItWithWarnings()
    {
        var result = Config.File(Minimal + "[bgsave]\nenabled = false\nevery = 5\n");
        Assert.False(Config.Ok(result).BgsaveEnabled);
        Assert.Equal(
            [
                "Configuration file warnings:\n    - BGSAVE is disabled. You may lose data if the host crashes"
                + "\n    - Specifying `bgsave.every` is useless when BGSAVE is disabled\n    - Running in `user` mode. Set mode to `prod` in production",
            ],
            result.Warnings);
    }

    [Fact]
    public void ABadUtf8ByteFailsTheFileWithItsPosition()
    {
        var result = ConfigurationLoader.Load(["-c", "x.toml"], _ => null, TextWriter.Null, _ => [.. "[server]\nhost = \""u8, 0xFF, .. "\"\n"u8]);
        Assert.StartsWith("Configuration file parse failed: TOML parse error at line 2, column 9: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void AMissingFileIsAnOsError()
    {
        var result = Config.Load(["-c", "/no/such.toml"], []);
        Assert.Equal("OS Error: Could not find file '/no/such.toml'.", result.Error);
    }
}
