using System.Net;

namespace SkydFast.Host.Configuration;

/// <summary>
/// The value checks the command line and the environment share: each reads one text into <see cref="RawSettings"/>
/// or reports <c>Bad value for `&lt;name&gt;`. Expected ...</c> with upstream's wording (§8.3, §8.4).
/// </summary>
internal static class SettingParsers
{
    public const string PositiveInteger = "a positive integer greater than zero";

    public static IPAddress? Host(string name, string text, Feedback feedback)
    {
        if (IPAddress.TryParse(text, out var address) && !text.Contains('%', StringComparison.Ordinal))
        {
            return address;
        }

        feedback.Error($"Bad value for `{name}`. Expected an IPv4/IPv6 address");
        return null;
    }

    public static int? Port(string name, string text, Feedback feedback) =>
        RustNumbers.TryUnsigned(text, ushort.MaxValue, out var port) ? (int)port : Fail<int>(name, "a 16-bit positive integer", feedback);

    public static ulong? Unsigned(string name, string text, string expected, Feedback feedback) =>
        RustNumbers.TryUnsigned(text, ulong.MaxValue, out var value) ? value : Fail<ulong>(name, expected, feedback);

    public static bool? Bool(string name, string text, Feedback feedback) =>
        RustNumbers.TryBool(text, out var value) ? value : Fail<bool>(name, "true/false", feedback);

    public static DeploymentMode? Mode(string name, string text, Feedback feedback) => text switch
    {
        "dev" => DeploymentMode.Dev,
        "prod" => DeploymentMode.Prod,
        // Upstream's message names `user`, the word 0.7 once used for dev (§14).
        _ => Fail<DeploymentMode>(name, "a string with 'user' or 'prod'", feedback),
    };

    /// <summary>Exactly 40 ASCII letters or digits (§11), e.g. <c>openssl rand -hex 20</c>.</summary>
    public static string? OriginKey(string name, string text, Feedback feedback)
    {
        if (IsOriginKey(text))
        {
            return text;
        }

        feedback.Error($"Bad value for `{name}`. Expected A 40-byte long ASCII string");
        return null;
    }

    public static bool IsOriginKey(string text) => text.Length == 40 && text.All(char.IsAsciiLetterOrDigit);

    private static T? Fail<T>(string name, string expected, Feedback feedback)
        where T : struct
    {
        feedback.Error($"Bad value for `{name}`. Expected {expected}");
        return null;
    }
}
