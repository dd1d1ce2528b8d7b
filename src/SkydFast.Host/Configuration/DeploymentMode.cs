namespace SkydFast.Host.Configuration;

/// <summary>The deployment mode (<c>mode</c>, <c>--mode</c>, <c>SKY_DEPLOY_MODE</c>): production adds the checks of
/// persistence-and-config.md §8.6.</summary>
public enum DeploymentMode
{
    /// <summary><c>dev</c>, the default.</summary>
    Dev,

    /// <summary><c>prod</c>.</summary>
    Prod,
}

/// <summary>Where the configuration came from: exactly one source may be used (§8.1).</summary>
public enum ConfigSource
{
    /// <summary>Nothing was configured; every default applies.</summary>
    Default,

    /// <summary>A TOML file (<c>-c</c>, <c>--withconfig</c>).</summary>
    File,

    /// <summary>Command-line flags.</summary>
    CommandLine,

    /// <summary>Environment variables.</summary>
    Environment,
}
