namespace SkydFast.Shell;

/// <summary>
/// The lines typed at the prompt, newest last, kept in a file in the user's home (<c>~/.skysh_history</c>) so they are
/// there next time. Bounded to <see cref="MaxEntries"/>; a line equal to the one before it is not added twice.
/// </summary>
internal sealed class History
{
    /// <summary>The most lines kept, in memory and in the file.</summary>
    public const int MaxEntries = 1000;

    private readonly List<string> _entries = [];
    private readonly string? _path;

    private History(string? path) => _path = path;

    /// <summary>The lines, oldest first.</summary>
    public IReadOnlyList<string> Entries => _entries;

    /// <summary>The default file: <c>.skysh_history</c> in the user's home, or null when there is no home.</summary>
    public static string? DefaultPath
    {
        get
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            return string.IsNullOrEmpty(home) ? null : Path.Combine(home, ".skysh_history");
        }
    }

    /// <summary>The history in <paramref name="path"/> (none when null or unreadable).</summary>
    public static History Load(string? path)
    {
        var history = new History(path);
        try
        {
            if (path is not null && File.Exists(path))
            {
                foreach (var line in File.ReadLines(path))
                {
                    history.Append(line);
                }
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A history that cannot be read is only a convenience lost; the shell works without it.
        }

        return history;
    }

    /// <summary>Adds a line and writes the file (a failure to write is ignored: the history is a convenience).</summary>
    public void Add(string line)
    {
        if (!Append(line) || _path is null)
        {
            return;
        }

        try
        {
            File.WriteAllLines(_path, _entries);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // As above: keep working without the file.
        }
    }

    private bool Append(string line)
    {
        if (string.IsNullOrWhiteSpace(line) || (_entries.Count > 0 && _entries[^1] == line))
        {
            return false;
        }

        _entries.Add(line);
        if (_entries.Count > MaxEntries)
        {
            _entries.RemoveRange(0, _entries.Count - MaxEntries);
        }

        return true;
    }
}
