using System.Net;
using System.Net.Sockets;

using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

using NearMiss.LocalHost;

namespace NearMiss.Tests.Infrastructure;

/// <summary>
/// <c>nearmiss serve</c> in this process, on a free loopback port and a fresh content root, against a test Azurite:
/// the site, an HTTP client for it and (with the test settings) Core services on the same settings and keys.
/// </summary>
public sealed class ServedSite : IAsyncDisposable
{
    private readonly ServiceProvider? _services;

    private ServedSite(string url, string contentRoot, Dictionary<string, string?> settings, WebApplication app, ServiceProvider? services)
    {
        Url = url;
        ContentRoot = contentRoot;
        Settings = settings;
        App = app;
        _services = services;
        Http = new HttpClient { BaseAddress = new Uri(url) };
    }

    public string Url { get; }

    public string ContentRoot { get; }

    /// <summary>Where the site writes e-mail (the pickup directory under its content root, with the test settings).</summary>
    public string MailDirectory => Path.Combine(ContentRoot, "mail");

    /// <summary>The settings the site runs with.</summary>
    public Dictionary<string, string?> Settings { get; }

    public WebApplication App { get; }

    public HttpClient Http { get; }

    /// <summary>Core on the site's settings and keys (not for a site started with <see cref="StartBareAsync"/>).</summary>
    public ServiceProvider Services => _services ?? throw new InvalidOperationException("A bare site has no test keys to share.");

    /// <summary>
    /// The site with <see cref="TestServices.Settings"/> (fresh test keys, a one-second batch window), e-mail to
    /// <see cref="MailDirectory"/>, links to the site itself, and <paramref name="change"/> applied to the settings.
    /// </summary>
    public static async Task<ServedSite> StartAsync(string connectionString, string name, Action<Dictionary<string, string?>>? change = null)
    {
        var contentRoot = Directory.CreateTempSubdirectory($"nearmiss-{name}-").FullName;
        var url = $"http://127.0.0.1:{FreePort()}";
        var settings = TestServices.Settings(connectionString);
        settings["NearMiss:Email:PickupDirectory"] = Path.Combine(contentRoot, "mail");
        settings["NearMiss:PublicBaseUrl"] = url;
        change?.Invoke(settings);
        return await StartAsync(url, contentRoot, settings, services: TestServices.Create(settings));
    }

    /// <summary>The site with only <paramref name="settings"/>: as a developer starts it, creating its keys under the content root.</summary>
    public static Task<ServedSite> StartBareAsync(Dictionary<string, string?> settings, Action<WebApplicationBuilder>? configure = null) =>
        StartAsync($"http://127.0.0.1:{FreePort()}", Directory.CreateTempSubdirectory("nearmiss-serve-").FullName, settings, null, configure);

    public T Get<T>()
        where T : notnull => Services.GetRequiredService<T>();

    public async ValueTask DisposeAsync()
    {
        Http.Dispose();
        if (_services is not null)
        {
            await _services.DisposeAsync();
        }

        await App.StopAsync();
        await App.DisposeAsync();
        Directory.Delete(ContentRoot, recursive: true);
    }

    private static async Task<ServedSite> StartAsync(
        string url, string contentRoot, Dictionary<string, string?> settings, ServiceProvider? services, Action<WebApplicationBuilder>? configure = null)
    {
        var app = ServeApp.Build(["--urls", url, "--contentRoot", contentRoot], builder =>
        {
            builder.Configuration.AddInMemoryCollection(settings);
            configure?.Invoke(builder);
        });
        await app.StartAsync();
        return new ServedSite(url, contentRoot, settings, app, services);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
