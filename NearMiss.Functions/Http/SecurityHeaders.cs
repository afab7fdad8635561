using Microsoft.Azure.Functions.Worker.Middleware;

namespace NearMiss.Functions.Http;

/// <summary>
/// Headers on everything served, pages and API alike: the pages are for anonymous reporters, so nothing is
/// referred, sniffed, framed, cached (pages, scripts, icons, the manifest and the service worker included: see
/// docs/decisions/020) or loaded from anywhere but this origin. The same values are in
/// <c>web/staticwebapp.config.json</c> for the pages in Azure (a test keeps the two equal).
/// </summary>
public static class SecurityHeaders
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
        "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

    public const string ReferrerPolicy = "no-referrer";
    public const string ContentTypeOptions = "nosniff";
    public const string NoStore = "no-store";

    /// <summary>For <c>nearmiss serve</c>: every response, static pages included.</summary>
    public static Task Middleware(HttpContext context, Func<Task> next)
    {
        context.Response.OnStarting(() =>
        {
            Apply(context);
            return Task.CompletedTask;
        });
        return next();
    }

    /// <summary>Sets the headers on <paramref name="context"/>'s response (the middleware does it for every response; <see cref="HttpEndpoint"/> as soon as a function starts).</summary>
    public static void Apply(HttpContext context)
    {
        var headers = context.Response.Headers;
        headers["Referrer-Policy"] = ReferrerPolicy;
        headers.XContentTypeOptions = ContentTypeOptions;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.CacheControl = NoStore;
    }

    /// <summary>For the Functions worker: the same headers on every HTTP-triggered function's response.</summary>
    public sealed class WorkerMiddleware : IFunctionsWorkerMiddleware
    {
        public Task Invoke(FunctionContext context, FunctionExecutionDelegate next) =>
            context.GetHttpContext() is { } http ? Middleware(http, () => next(context)) : next(context);
    }
}
