namespace SkydFast.Host.Configuration;

/// <summary>
/// The errors and warnings one configuration source produced, printed the way upstream prints them
/// (persistence-and-config.md §8): <c>CLI errors:</c>, then one <c>    - message</c> line each.
/// </summary>
public sealed class Feedback
{
    private readonly List<string> _errors = [];
    private readonly List<string> _warnings = [];

    /// <summary>Creates the feedback of <paramref name="source"/> (<c>CLI</c>, <c>Environment</c>,
    /// <c>Configuration file</c>).</summary>
    public Feedback(string source) => Source = source;

    /// <summary>The source's name as the headers print it.</summary>
    public string Source { get; }

    /// <summary>Every error, in the order found.</summary>
    public IReadOnlyList<string> Errors => _errors;

    /// <summary>Every warning, in the order found.</summary>
    public IReadOnlyList<string> Warnings => _warnings;

    /// <summary>Adds an error.</summary>
    public void Error(string message) => _errors.Add(message);

    /// <summary>Adds a warning.</summary>
    public void Warn(string message) => _warnings.Add(message);

    /// <summary><c>&lt;source&gt; errors:</c> and the lines; empty when there are none.</summary>
    public string FormatErrors() => Format(Source + " errors:", _errors);

    /// <summary><c>&lt;source&gt; warnings:</c> and the lines; empty when there are none.</summary>
    public string FormatWarnings() => Format(Source + " warnings:", _warnings);

    /// <summary>A header and one indented line per message, as upstream's feedback stacks print.</summary>
    public static string Format(string header, IReadOnlyList<string> messages) =>
        messages.Count == 0 ? string.Empty : header + string.Concat(messages.Select(static m => "\n    - " + m));
}
