using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.Abstractions;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using NearMiss.Core;
using NearMiss.Core.Storage;
using NearMiss.Functions.Http;

namespace NearMiss.LocalHost;

/// <summary>
/// The local host behind <c>nearmiss serve</c>: the function classes of NearMiss.Functions (HTTP routes, queue
/// triggers, timers, all discovered from their trigger attributes), Core registered exactly as the Functions
/// app registers it, and the static site, on Kestrel.
/// </summary>
public static partial class ServeApp
{
    public const string DefaultUrl = "http://127.0.0.1:7071";
    public const string WebRootSetting = "NearMiss:Web:Root";

    /// <param name="args">Command-line configuration (<c>--urls</c>, <c>--NearMissStorage=...</c>, ...).</param>
    /// <param name="configure">Runs after the defaults and before Core is registered (tests add settings here).</param>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure = null) =>
        Build(args, configure, FunctionCatalog.FunctionsAssembly.GetTypes());

    /// <summary>As <see cref="Build(string[], Action{WebApplicationBuilder}?)"/>, hosting the functions of <paramref name="functionTypes"/>.</summary>
    public static WebApplication Build(string[] args, Action<WebApplicationBuilder>? configure, IEnumerable<Type> functionTypes)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, EnvironmentName = DefaultEnvironment(args) });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
        {
            builder.WebHost.UseUrls(DefaultUrl);
        }

        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(console => console.SingleLine = true);
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("System.Net.Http.HttpClient", LogLevel.Warning);

        configure?.Invoke(builder);

        if (builder.Environment.IsDevelopment())
        {
            builder.Configuration.AddInMemoryCollection(DevelopmentKeys.Ensure(builder.Configuration, builder.Environment.ContentRootPath));
        }

        builder.Services.AddNearMissCore(builder.Configuration);
        // The Functions ASP.NET Core integration executes IActionResult with MVC's System.Text.Json formatter, set up alike.
        builder.Services.AddMvcCore();
        builder.Services.AddNearMissHttpJson();

        var functions = FunctionCatalog.Discover(functionTypes);
        var hostSettings = HostSettings.Load(HostSettings.DefaultPath, builder.Configuration);
        foreach (var entry in functions)
        {
            switch (entry.Trigger)
            {
                case TriggerKind.Queue:
                    builder.Services.AddSingleton<IHostedService>(services => new QueueTriggerService(entry, services, hostSettings.Queues));
                    break;
                case TriggerKind.Timer:
                    builder.Services.AddSingleton<IHostedService>(services => new TimerTriggerService(entry, services));
                    break;
            }
        }

        var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("NearMiss.Serve");
        app.Use(SecurityHeaders.Middleware);
        app.Use((context, next) => ProblemOnExceptionAsync(context, next, logger));

        var webRoot = WebRoot(app.Configuration);
        if (webRoot is null)
        {
            LogNoWebRoot(logger);
        }
        else
        {
            var files = new PhysicalFileProvider(webRoot);
            app.UseDefaultFiles(new DefaultFilesOptions { FileProvider = files });
            app.UseStaticFiles(new StaticFileOptions { FileProvider = files });
        }

        foreach (var entry in functions.Where(f => f.Trigger == TriggerKind.Http))
        {
            var pattern = "/" + string.Join('/', new[] { hostSettings.RoutePrefix, entry.Route!.Trim('/') }.Where(p => p.Length > 0));
            RequestDelegate handler = context => InvokeHttpAsync(entry, context);
            var endpoint = entry.Methods is null
                ? app.Map(pattern, handler)
                : app.MapMethods(pattern, entry.Methods.Select(m => m.ToUpperInvariant()), handler);
            endpoint.WithDisplayName(entry.Name);
        }

        return app;
    }

    /// <summary><c>NearMiss:Web:Root</c>, or the nearest <c>web/</c> folder at or above the working directory.</summary>
    public static string? WebRoot(IConfiguration configuration)
    {
        if (configuration[WebRootSetting] is { Length: > 0 } configured)
        {
            return Directory.Exists(configured)
                ? Path.GetFullPath(configured)
                : throw new InvalidOperationException($"{WebRootSetting} '{configured}' is not a directory.");
        }

        for (var directory = new DirectoryInfo(Directory.GetCurrentDirectory()); directory is not null; directory = directory.Parent)
        {
            var web = Path.Combine(directory.FullName, "web");
            if (Directory.Exists(web))
            {
                return web;
            }
        }

        return null;
    }

    /// <summary>
    /// A local host runs in Development (where it may create its own keys) unless DOTNET_ENVIRONMENT,
    /// ASPNETCORE_ENVIRONMENT or <c>--environment</c> says otherwise.
    /// </summary>
    private static string? DefaultEnvironment(string[] args) =>
        Environment.GetEnvironmentVariable("DOTNET_ENVIRONMENT") is { Length: > 0 }
        || Environment.GetEnvironmentVariable("ASPNETCORE_ENVIRONMENT") is { Length: > 0 }
        || args.Any(a => a.StartsWith("--environment", StringComparison.OrdinalIgnoreCase))
            ? null
            : Environments.Development;

    private static async Task InvokeHttpAsync(FunctionEntry entry, HttpContext context)
    {
        var result = await FunctionInvoker.InvokeAsync(entry, context.RequestServices, parameter => parameter.ParameterType switch
        {
            var t when t == typeof(HttpRequest) => context.Request,
            var t when t == typeof(HttpContext) => context,
            var t when t == typeof(CancellationToken) => context.RequestAborted,
            _ => context.GetRouteValue(parameter.Name!)?.ToString(),
        });
        if (result is IActionResult actionResult)
        {
            await actionResult.ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
        }
    }

    /// <summary>
    /// An unhandled exception becomes a bare 500 problem, or a 503 with <c>Retry-After</c> when storage does not
    /// answer (as <see cref="StorageUnavailableMiddleware"/> answers in the Functions app); only its type is logged,
    /// never its message or the request.
    /// </summary>
    private static async Task ProblemOnExceptionAsync(HttpContext context, Func<Task> next, ILogger logger)
    {
        try
        {
            await next();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !context.RequestAborted.IsCancellationRequested)
        {
            var function = context.GetEndpoint()?.DisplayName ?? "static files";
            if (context.Response.HasStarted)
            {
                LogUnhandled(logger, function, exception.GetType().FullName ?? exception.GetType().Name);
                context.Abort();
                return;
            }

            context.Response.Clear();
            if (StorageFailures.IsUnavailable(exception))
            {
                LogStorageUnavailable(logger, function, exception.GetType().Name);
                await Problems.Unavailable().ExecuteResultAsync(new ActionContext(context, context.GetRouteData(), new ActionDescriptor()));
                return;
            }

            LogUnhandled(logger, function, exception.GetType().FullName ?? exception.GetType().Name);
            context.Response.StatusCode = StatusCodes.Status500InternalServerError;
            await context.Response.WriteAsJsonAsync(
                new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "The request could not be completed." },
                JsonSerializerOptions.Web,
                contentType: "application/problem+json");
        }
        catch (OperationCanceledException)
        {
            // The client went away; nothing to answer.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Function} failed with an unhandled {ExceptionType}")]
    private static partial void LogUnhandled(ILogger logger, string function, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function}: storage did not answer ({ExceptionType}); answered 503")]
    private static partial void LogStorageUnavailable(ILogger logger, string function, string exceptionType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No web/ folder found above the working directory and NearMiss:Web:Root is not set: serving the API only")]
    private static partial void LogNoWebRoot(ILogger logger);
}
