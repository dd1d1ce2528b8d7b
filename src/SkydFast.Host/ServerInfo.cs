namespace SkydFast.Host;

/// <summary>Versions the server reports.</summary>
public static class ServerInfo
{
    /// <summary>skyd-fast's own version.</summary>
    public const string Version = "0.1.0";

    /// <summary>The Skytable release whose behaviour is reproduced.</summary>
    public const string CompatibleVersion = "0.7.7";

    /// <summary>The terminal artwork the banner starts with, unless <c>noart</c>.</summary>
    public const string Art = """
             _              _        __           _
         ___| | ___   _  __| |      / _| __ _ ___| |_
        / __| |/ / | | |/ _` |_____| |_ / _` / __| __|
        \__ \   <| |_| | (_| |_____|  _| (_| \__ \ |_
        |___/_|\_\\__, |\__,_|     |_|  \__,_|___/\__|
                  |___/
        """;

    /// <summary>What <c>--version</c> prints (DECISIONS.md 10).</summary>
    public const string VersionLine = $"skyd-fast {Version} (compatible with Skytable {CompatibleVersion})";
}
