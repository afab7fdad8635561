using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;

namespace NearMiss.Functions.Http;

/// <summary>
/// HTTP functions: storage that does not answer (see <see cref="StorageFailures.IsUnavailable"/>) becomes 503 with
/// <c>Retry-After</c> instead of the host's 500 for an unhandled exception, so a client knows to try again. Only the
/// exception's type is logged. <c>nearmiss serve</c> maps the same exceptions to the same result.
/// </summary>
public sealed partial class StorageUnavailableMiddleware(ILogger<StorageUnavailableMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        try
        {
            await next(context);
        }
        catch (Exception exception) when (StorageFailures.IsUnavailable(exception) && context.GetHttpContext() is not null)
        {
            LogUnavailable(logger, context.FunctionDefinition.Name, exception.GetType().Name);
            context.GetInvocationResult().Value = Problems.Unavailable();
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Function}: storage did not answer ({ExceptionType}); answered 503")]
    private static partial void LogUnavailable(ILogger logger, string function, string exceptionType);
}
