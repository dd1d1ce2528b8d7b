using System.Globalization;
using SkydFast.Client;

namespace SkydFast.Shell;

/// <summary>The command line: upstream skysh's flags (<c>-h/--host</c>, <c>-p/--port</c>, <c>-e/--eval</c>,
/// <c>-C/--sslcert</c>) plus <c>-u/--user</c> and <c>-t/--token</c> to log in. <c>--flag value</c> and
/// <c>--flag=value</c> both work.</summary>
internal sealed class ShellOptions
{
    public const string Usage = """
        Usage: skysh [options]

          -h, --host <host>       server to connect to (default 127.0.0.1)
          -p, --port <port>       port (default 2003; a TLS listener's default is 2004)
          -C, --sslcert <pem>     connect over TLS, trusting the certificate(s) in this PEM file
          -u, --user <name>       log in as this user at start (with --token)
          -t, --token <token>     the user's token
          -e, --eval <query>      run the query and exit (repeatable; the exit code is 1 if any answer is an error)
              --help              show this help
          -V, --version           show the version

        Without --eval, queries are read from the terminal (with line editing and history) or, when standard input is
        not a terminal, line by line from it. Type !help at the prompt for the built-in commands.
        """;

    public string Host { get; private set; } = "127.0.0.1";

    public int Port { get; private set; } = 2003;

    public string? CertificatePath { get; private set; }

    public string? User { get; private set; }

    public string? Token { get; private set; }

    public List<string> Eval { get; } = [];

    public bool Help { get; private set; }

    public bool Version { get; private set; }

    /// <summary>Parses <paramref name="args"/>; throws <see cref="ArgumentException"/> with a message for the user.</summary>
    public static ShellOptions Parse(string[] args)
    {
        var options = new ShellOptions();
        for (var i = 0; i < args.Length; i++)
        {
            var arg = args[i];
            string? inline = null;
            if (arg.StartsWith("--", StringComparison.Ordinal) && arg.IndexOf('=', StringComparison.Ordinal) is var equals and > 0)
            {
                inline = arg[(equals + 1)..];
                arg = arg[..equals];
            }

            string Value() => inline ?? (i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{arg} needs a value"));

            switch (arg)
            {
                case "-h" or "--host":
                    options.Host = Value();
                    break;
                case "-p" or "--port":
                    var port = Value();
                    options.Port = int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is > 0 and <= 65535
                        ? number
                        : throw new ArgumentException($"invalid port '{port}': expected 1 to 65535");
                    break;
                case "-C" or "--sslcert":
                    options.CertificatePath = Value();
                    break;
                case "-u" or "--user":
                    options.User = Value();
                    break;
                case "-t" or "--token":
                    options.Token = Value();
                    break;
                case "-e" or "--eval":
                    options.Eval.Add(Value());
                    break;
                case "--help":
                    options.Help = true;
                    break;
                case "-V" or "--version":
                    options.Version = true;
                    break;
                default:
                    throw new ArgumentException($"unknown argument '{args[i]}'");
            }
        }

        if ((options.User is null) != (options.Token is null))
        {
            throw new ArgumentException("--user and --token go together");
        }

        return options;
    }

    /// <summary>The client's options; reads the certificate file, so it throws what reading it throws.</summary>
    public SkyConnectionOptions ToConnectionOptions()
    {
        var connection = new SkyConnectionOptions { Host = Host, Port = Port, Username = User, Token = Token };
        if (CertificatePath is not null)
        {
            connection.TrustCertificateFile(CertificatePath);
        }

        return connection;
    }

    /// <summary><c>skyhash://host:port</c> or <c>skyhash-secure://host:port</c>.</summary>
    public string Url
    {
        get
        {
            var host = Host.Contains(':', StringComparison.Ordinal) ? $"[{Host}]" : Host;
            return $"{(CertificatePath is null ? "skyhash" : "skyhash-secure")}://{host}:{Port}";
        }
    }
}
