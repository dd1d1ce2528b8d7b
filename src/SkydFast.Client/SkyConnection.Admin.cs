using SkydFast.Client.Protocol;

namespace SkydFast.Client;

// DDL, INSPECT, MKSNAP and SYS (actions.md §5-7).
public sealed partial class SkyConnection
{
    /// <summary>CREATE KEYSPACE <paramref name="name"/>.</summary>
    public async Task CreateKeyspaceAsync(SkyArg name, CancellationToken cancellationToken = default) =>
        Expect.Okay(await RunAsync(Command.Of("CREATE", "KEYSPACE", name), cancellationToken), "CREATE KEYSPACE");

    /// <summary>CREATE TABLE <paramref name="entity"/> <paramref name="model"/> (e.g. <c>keymap(str,list&lt;binstr&gt;)</c>),
    /// optionally <c>volatile</c> (never saved).</summary>
    public async Task CreateTableAsync(SkyArg entity, SkyArg model, bool isVolatile = false, CancellationToken cancellationToken = default)
    {
        var command = isVolatile
            ? Command.Of("CREATE", "TABLE", entity, model, "volatile")
            : Command.Of("CREATE", "TABLE", entity, model);
        Expect.Okay(await RunAsync(command, cancellationToken), "CREATE TABLE");
    }

    /// <summary>DROP KEYSPACE <paramref name="name"/> (it must be empty and unused).</summary>
    public async Task DropKeyspaceAsync(SkyArg name, CancellationToken cancellationToken = default) =>
        Expect.Okay(await RunAsync(Command.Of("DROP", "KEYSPACE", name), cancellationToken), "DROP KEYSPACE");

    /// <summary>DROP TABLE <paramref name="entity"/> (it must be unused, this connection included).</summary>
    public async Task DropTableAsync(SkyArg entity, CancellationToken cancellationToken = default) =>
        Expect.Okay(await RunAsync(Command.Of("DROP", "TABLE", entity), cancellationToken), "DROP TABLE");

    /// <summary>INSPECT KEYSPACES: every keyspace's name.</summary>
    public async Task<IReadOnlyList<string>> InspectKeyspacesAsync(CancellationToken cancellationToken = default) =>
        Expect.Strings(await RunAsync(Command.Of("INSPECT", "KEYSPACES"), cancellationToken), "INSPECT");

    /// <summary>INSPECT KEYSPACE: the tables of the current keyspace.</summary>
    public async Task<IReadOnlyList<string>> InspectKeyspaceAsync(CancellationToken cancellationToken = default) =>
        Expect.Strings(await RunAsync(Command.Of("INSPECT", "KEYSPACE"), cancellationToken), "INSPECT");

    /// <summary>INSPECT KEYSPACE <paramref name="name"/>: that keyspace's tables.</summary>
    public async Task<IReadOnlyList<string>> InspectKeyspaceAsync(SkyArg name, CancellationToken cancellationToken = default) =>
        Expect.Strings(await RunAsync(Command.Of("INSPECT", "KEYSPACE", name), cancellationToken), "INSPECT");

    /// <summary>INSPECT TABLE: the current table's description, e.g. <c>Keymap { data:(binstr,binstr), volatile:false }</c>.</summary>
    public async Task<string> InspectTableAsync(CancellationToken cancellationToken = default) =>
        Expect.Text(await RunAsync(Command.Of("INSPECT", "TABLE"), cancellationToken), "INSPECT");

    /// <summary>INSPECT TABLE <paramref name="entity"/>: that table's description.</summary>
    public async Task<string> InspectTableAsync(SkyArg entity, CancellationToken cancellationToken = default) =>
        Expect.Text(await RunAsync(Command.Of("INSPECT", "TABLE", entity), cancellationToken), "INSPECT");

    /// <summary>MKSNAP: a local snapshot now (<c>err-snapshot-disabled</c> when the server has none configured).</summary>
    public async Task MkSnapAsync(CancellationToken cancellationToken = default) =>
        Expect.Okay(await RunAsync(Command.Of("MKSNAP"), cancellationToken), "MKSNAP");

    /// <summary>MKSNAP <paramref name="name"/>: a remote snapshot in <c>data/rsnap/name</c>.</summary>
    public async Task MkSnapAsync(SkyArg name, CancellationToken cancellationToken = default) =>
        Expect.Okay(await RunAsync(Command.Of("MKSNAP", name), cancellationToken), "MKSNAP");

    /// <summary>SYS INFO version: the Skytable version the server speaks for (<c>0.7.7</c>).</summary>
    public async Task<string> SysInfoVersionAsync(CancellationToken cancellationToken = default) =>
        Expect.Text(await RunAsync(Command.Of("SYS", "INFO", "version"), cancellationToken), "SYS");

    /// <summary>SYS INFO protocol: <c>Skyhash-1.1</c>.</summary>
    public async Task<string> SysInfoProtocolAsync(CancellationToken cancellationToken = default) =>
        Expect.Text(await RunAsync(Command.Of("SYS", "INFO", "protocol"), cancellationToken), "SYS");

    /// <summary>SYS INFO protover: the protocol version as a float (<c>1.2</c>).</summary>
    public async Task<float> SysInfoProtoVerAsync(CancellationToken cancellationToken = default) =>
        Expect.Float(await RunAsync(Command.Of("SYS", "INFO", "protover"), cancellationToken), "SYS");

    /// <summary>SYS METRIC health: <c>good</c>, or <c>critical</c> while writes are refused.</summary>
    public async Task<string> SysMetricHealthAsync(CancellationToken cancellationToken = default) =>
        Expect.Text(await RunAsync(Command.Of("SYS", "METRIC", "health"), cancellationToken), "SYS");

    /// <summary>SYS METRIC storage: the bytes the server's data directory takes.</summary>
    public async Task<ulong> SysMetricStorageAsync(CancellationToken cancellationToken = default) =>
        Expect.Integer(await RunAsync(Command.Of("SYS", "METRIC", "storage"), cancellationToken), "SYS");
}
