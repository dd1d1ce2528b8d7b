using SkydFast.Host.Configuration;

namespace SkydFast.Host.Tests.Configuration;

/// <summary>Runs the configuration loader with a given command line, environment and file, nothing from this
/// process.</summary>
internal static class Config
{
    public static ConfigurationResult Cli(params string[] args) => Load(args, []);

    public static ConfigurationResult Env(params (string Name, string Value)[] variables) => Load([], variables);

    public static ConfigurationResult File(string toml) => Load(["-c", "/etc/skyd.toml"], [], toml);

    public static ConfigurationResult Load(string[] args, (string Name, string Value)[] variables, string? toml = null)
    {
        var environment = variables.ToDictionary(v => v.Name, v => v.Value);
        return ConfigurationLoader.Load(
            args,
            name => environment.GetValueOrDefault(name),
            TextWriter.Null,
            path => toml is null ? throw new FileNotFoundException($"Could not find file '{path}'.", path) : System.Text.Encoding.UTF8.GetBytes(toml));
    }

    /// <summary>The options of a configuration that must be good.</summary>
    public static ServerOptions Ok(ConfigurationResult result)
    {
        Assert.True(result.Outcome == ConfigOutcome.Run, result.Error);
        return result.Options;
    }
}
