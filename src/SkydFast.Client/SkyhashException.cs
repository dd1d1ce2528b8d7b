namespace SkydFast.Client;

/// <summary>
/// The server answered an error (a response code such as <see cref="SkyResponseCode.ActionError"/>, or an error string
/// such as <c>wrong-model</c>) where a typed method expected data. Outcomes a method expects (a missing key, an existing
/// key on SET) are return values, never this exception. The connection stays usable.
/// </summary>
public class SkyhashException : Exception
{
    /// <summary>An exception for the error element <paramref name="element"/>, answered to <paramref name="action"/>.</summary>
    public SkyhashException(string action, SkyElement element)
        : base($"{action}: the server answered {Describe(element)}")
    {
        Action = action;
        Element = element;
    }

    /// <inheritdoc/>
    public SkyhashException()
    {
    }

    /// <inheritdoc/>
    public SkyhashException(string message)
        : base(message)
    {
    }

    /// <inheritdoc/>
    public SkyhashException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>The action the query ran (<c>GET</c>, <c>AUTH LOGIN</c>...).</summary>
    public string? Action { get; }

    /// <summary>The error element the server sent.</summary>
    public SkyElement? Element { get; }

    /// <summary>The response code, when the server answered one.</summary>
    public SkyResponseCode? Code => (Element as SkyCode)?.Code;

    /// <summary>The error string, when the server answered one (<c>wrong-model</c>, <c>Unknown action</c>...).</summary>
    public string? ErrorString => (Element as SkyErrorString)?.Text;

    private static string Describe(SkyElement element) => element switch
    {
        SkyCode code => $"code {(int)code.Code} ({code.Code})",
        SkyErrorString error => $"'{error.Text}'",
        _ => element.Kind.ToString(),
    };
}

/// <summary>
/// The server's reply broke the protocol: malformed bytes, an unknown type, a reply larger than allowed, or a
/// well-formed element of a type the action never answers. The connection is closed, since the client can no longer
/// tell where the next reply starts.
/// </summary>
public class SkyProtocolException : IOException
{
    /// <inheritdoc/>
    public SkyProtocolException()
    {
    }

    /// <inheritdoc/>
    public SkyProtocolException(string message)
        : base(message)
    {
    }

    /// <inheritdoc/>
    public SkyProtocolException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>The connection could not be made: the address did not resolve, the server refused or did not answer in
/// time, or the TLS handshake failed. The message reads <c>could not connect to host:port: reason</c>.</summary>
public class SkyConnectException : IOException
{
    /// <inheritdoc/>
    public SkyConnectException()
    {
    }

    /// <inheritdoc/>
    public SkyConnectException(string message)
        : base(message)
    {
    }

    /// <inheritdoc/>
    public SkyConnectException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
