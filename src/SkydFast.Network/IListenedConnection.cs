namespace SkydFast.Network;

/// <summary>What the listener needs of every connection it tracks, however it is served.</summary>
internal interface IListenedConnection
{
    /// <summary>Bytes received so far (decrypted, on TLS).</summary>
    long BytesReceived { get; }

    /// <summary>Bytes sent so far (before encryption, on TLS).</summary>
    long BytesSent { get; }

    /// <summary>Ends the connection now, whatever it is doing.</summary>
    void Abort();
}
