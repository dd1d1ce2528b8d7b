namespace SkydFast.Load.Workload;

/// <summary>What one request does. Every key it names was stored by the prefill, so each has one right reply.</summary>
public enum Operation : byte
{
    /// <summary>Read the key: Skyhash <c>GET</c>, RESP <c>GET</c>; the reply is the key's value.</summary>
    Get,

    /// <summary>Insert-only write of a present key: Skyhash <c>SET</c> (answers code 2, overwrite error, and stores
    /// nothing), RESP <c>SET ... NX</c> (answers null, stores nothing).</summary>
    Set,

    /// <summary>Overwrite the key: Skyhash <c>UPDATE</c>, RESP <c>SET</c>; answers Okay (<c>+OK</c>).</summary>
    Update,

    /// <summary>Store the key whether present or not, with the prefill's fill: Skyhash <c>USET</c> (answers the
    /// integer 1), RESP <c>SET</c>.</summary>
    Prefill,
}
