namespace SkydFast.Host.Configuration;

/// <summary>What startup does after reading its configuration.</summary>
public enum ConfigOutcome
{
    /// <summary>Start the server.</summary>
    Run,

    /// <summary>Help or the version was printed: exit 0.</summary>
    Exit,

    /// <summary>The configuration is unusable (<see cref="ConfigurationResult.Error"/> says why): exit 1.</summary>
    Error,
}

/// <summary>The configuration startup runs with.</summary>
/// <param name="Outcome">Run, exit, or fail.</param>
/// <param name="Options">The settings (defaults where nothing was said).</param>
/// <param name="Source">Where they came from.</param>
/// <param name="Error">For <see cref="ConfigOutcome.Error"/>: the complete message, possibly several lines.</param>
/// <param name="Warnings">Warning blocks to log after the banner (<c>CLI warnings:</c> and its lines).</param>
public sealed record ConfigurationResult(ConfigOutcome Outcome, ServerOptions Options, ConfigSource Source, string? Error, IReadOnlyList<string> Warnings);

/// <summary>
/// Reads the configuration from exactly one source: a TOML file (<c>-c</c>), command-line flags, or <c>SKY_*</c>
/// environment variables, or none at all for the defaults (persistence-and-config.md §8.1), then applies the
/// production checks when <c>mode = prod</c> (§8.6). Every error of a source is reported at once, in upstream's
/// words.
/// </summary>
public static class ConfigurationLoader
{
    /// <summary>The error when more than one source is used (§8.1).</summary>
    public const string ConflictError = "Conflict error: Either provide CLI args, environment variables or a config file for configuration";

    /// <summary>Reads the configuration.</summary>
    /// <param name="args">The command line.</param>
    /// <param name="environment">Looks a variable up (null when unset).</param>
    /// <param name="output">Where help and the version go.</param>
    /// <param name="readFile">Reads the configuration file's bytes (tests pass their own).</param>
    public static ConfigurationResult Load(string[] args, Func<string, string?> environment, TextWriter output, Func<string, byte[]>? readFile = null)
    {
        ArgumentNullException.ThrowIfNull(output);
        var options = new ServerOptions();
        var cli = CommandLineSource.Parse(args);
        var syntax = cli.SyntaxErrors.ToList();
        if (syntax.Count > 0)
        {
            return Fail(options, Feedback.Format("CLI errors:", syntax));
        }

        if (cli.WantsHelp)
        {
            cli.PrintHelp(output);
            return new ConfigurationResult(ConfigOutcome.Exit, options, ConfigSource.Default, null, []);
        }

        if (cli.WantsVersion)
        {
            output.WriteLine(ServerInfo.VersionLine);
            return new ConfigurationResult(ConfigOutcome.Exit, options, ConfigSource.Default, null, []);
        }

        var sources = new List<ConfigSource>();
        if (cli.ConfigFile is not null)
        {
            sources.Add(ConfigSource.File);
        }

        if (cli.HasSettings)
        {
            sources.Add(ConfigSource.CommandLine);
        }

        if (EnvironmentSource.IsPresent(environment))
        {
            sources.Add(ConfigSource.Environment);
        }

        if (sources.Count > 1)
        {
            return Fail(options, ConflictError);
        }

        var source = sources.Count == 0 ? ConfigSource.Default : sources[0];
        options.RestoreFrom = cli.RestoreFrom;
        Feedback feedback;
        switch (source)
        {
            case ConfigSource.File:
                feedback = new Feedback(SettingLabels.File.Source);
                RawSettings fromFile;
                TlsSettings? tls;
                try
                {
                    fromFile = FileSource.Read((readFile ?? File.ReadAllBytes)(cli.ConfigFile!), out tls);
                }
                catch (ConfigFileException error)
                {
                    return Fail(options, $"Configuration file parse failed: {error.Message}");
                }
                catch (Exception error) when (error is IOException or UnauthorizedAccessException)
                {
                    return Fail(options, $"OS Error: {error.Message}");
                }

                SettingsResolver.Apply(fromFile, SettingLabels.File, feedback, options);
                options.Tls = tls;
                break;
            case ConfigSource.CommandLine:
                feedback = new Feedback(SettingLabels.CommandLine.Source);
                SettingsResolver.Apply(cli.Read(feedback, out var cliTls), SettingLabels.CommandLine, feedback, options);
                cliTls.Apply(TlsFlags.CommandLine, feedback, options);
                break;
            case ConfigSource.Environment:
                feedback = new Feedback(SettingLabels.Environment.Source);
                SettingsResolver.Apply(EnvironmentSource.Read(environment, feedback, out var envTls), SettingLabels.Environment, feedback, options);
                envTls.Apply(TlsFlags.Environment, feedback, options);
                break;
            default:
                return new ConfigurationResult(ConfigOutcome.Run, options, source, null, []);
        }

        if (feedback.Errors.Count > 0)
        {
            return Fail(options, feedback.FormatErrors());
        }

        if (options.Mode == DeploymentMode.Prod)
        {
            var production = ProductionChecks.Check(options, ProductionChecks.ReadOpenFilesLimit());
            if (production.Errors.Count > 0)
            {
                return Fail(options, "You have invalid configuration for production mode. " + production.FormatErrors());
            }
        }
        else
        {
            feedback.Warn("Running in `user` mode. Set mode to `prod` in production");
        }

        return new ConfigurationResult(ConfigOutcome.Run, options, source, null, feedback.Warnings.Count > 0 ? [feedback.FormatWarnings()] : []);
    }

    private static ConfigurationResult Fail(ServerOptions options, string error) =>
        new(ConfigOutcome.Error, options, ConfigSource.Default, error, []);
}
