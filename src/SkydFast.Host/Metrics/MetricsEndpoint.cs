using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace SkydFast.Host.Metrics;

/// <summary>
/// <c>GET /metrics</c> in Prometheus's text format, served by Kestrel from the shared framework on the server's host
/// and <c>--metrics-port</c> (DECISIONS.md 9). Off unless a port is configured; SYS stays exactly upstream's.
/// </summary>
public sealed class MetricsEndpoint : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MetricsEndpoint(WebApplication app, Uri address)
    {
        _app = app;
        Address = address;
    }

    /// <summary>The endpoint's URL (the real port when 0 was asked for).</summary>
    public Uri Address { get; }

    /// <summary>Binds <paramref name="host"/>:<paramref name="port"/> and serves <paramref name="exporter"/>.</summary>
    /// <exception cref="IOException">The port could not be bound.</exception>
    public static async Task<MetricsEndpoint> StartAsync(IPAddress host, int port, PrometheusExporter exporter, ILoggerFactory loggers)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton(loggers);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(host, port));
        var app = builder.Build();
        app.MapGet("/metrics", () => Results.Text(exporter.Scrape(), PrometheusExporter.ContentType));
        await app.StartAsync();
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new MetricsEndpoint(app, new Uri(new Uri(bound), "/metrics"));
    }

    /// <inheritdoc/>
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
