namespace SkydFast.Client.Tests.Actions;

/// <summary>CREATE, DROP, INSPECT, MKSNAP and SYS (actions.md §5-7).</summary>
public sealed class AdminActionTests
{
    [Fact]
    public async Task KeyspacesAndTablesAreCreatedInspectedAndDropped()
    {
        await using var server = await TestServer.StartAsync();
        await using var c = await Connect.ToAsync(server);
        await c.CreateKeyspaceAsync("ks");
        Assert.Equal("err-already-exists", (await Assert.ThrowsAsync<SkyhashException>(() => c.CreateKeyspaceAsync("ks"))).ErrorString);
        await c.CreateTableAsync("ks:t", "keymap(str,binstr)", isVolatile: true);
        await c.CreateTableAsync("ks:u", "keymap(binstr,list<str>)");
        Assert.Equal(SkyResponseCode.UnknownDataType, (await Assert.ThrowsAsync<SkyhashException>(() => c.CreateTableAsync("ks:v", "keymap(int,str)"))).Code);

        Assert.Equal(["default", "ks", "system"], (await c.InspectKeyspacesAsync()).Order(StringComparer.Ordinal));
        Assert.Equal(["t", "u"], (await c.InspectKeyspaceAsync("ks")).Order(StringComparer.Ordinal));
        Assert.Equal(["default"], await c.InspectKeyspaceAsync());
        Assert.Equal("Keymap { data:(str,binstr), volatile:true }", await c.InspectTableAsync("ks:t"));
        Assert.Equal("Keymap { data:(binstr,list<str>), volatile:false }", await c.InspectTableAsync("ks:u"));
        Assert.Equal("Keymap { data:(binstr,binstr), volatile:false }", await c.InspectTableAsync());
        Assert.Equal("container-not-found", (await Assert.ThrowsAsync<SkyhashException>(() => c.InspectKeyspaceAsync("nope"))).ErrorString);

        Assert.Equal("keyspace-not-empty", (await Assert.ThrowsAsync<SkyhashException>(() => c.DropKeyspaceAsync("ks"))).ErrorString);
        await c.DropTableAsync("ks:t");
        await c.DropTableAsync("ks:u");
        await c.DropKeyspaceAsync("ks");
        Assert.Equal("err-protected-object", (await Assert.ThrowsAsync<SkyhashException>(() => c.DropKeyspaceAsync("default"))).ErrorString);
        Assert.Equal(["default", "system"], (await c.InspectKeyspacesAsync()).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task SysReportsVersionProtocolHealthAndStorage()
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { Snapshots = true });
        await using var c = await Connect.ToAsync(server);
        Assert.Equal("0.7.7", await c.SysInfoVersionAsync());
        Assert.Equal("Skyhash-1.1", await c.SysInfoProtocolAsync());
        Assert.Equal(1.2f, await c.SysInfoProtoVerAsync());
        Assert.Equal("good", await c.SysMetricHealthAsync());
        var files = Directory.EnumerateFiles(server.DataPath, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        Assert.Equal((ulong)files, await c.SysMetricStorageAsync());
    }

    [Fact]
    public async Task MkSnapWritesRemoteSnapshotsAndReportsDisabledLocalOnes()
    {
        await using var server = await TestServer.StartAsync(new TestServerOptions { Snapshots = true });
        await using var c = await Connect.ToAsync(server);
        Assert.Equal("err-snapshot-disabled", (await Assert.ThrowsAsync<SkyhashException>(() => c.MkSnapAsync())).ErrorString);
        await c.MkSnapAsync("nightly");
        Assert.True(Directory.Exists(Path.Combine(server.DataPath, "rsnap", "nightly")));
        Assert.Equal("duplicate-snapshot", (await Assert.ThrowsAsync<SkyhashException>(() => c.MkSnapAsync("nightly"))).ErrorString);
    }
}
