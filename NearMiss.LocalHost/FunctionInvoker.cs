using System.Reflection;
using Microsoft.Extensions.DependencyInjection;

namespace NearMiss.LocalHost;

/// <summary>
/// Calls one function the way the worker does: a new instance of its class from the invocation's service
/// scope (constructor injection), arguments bound by type, the result awaited.
/// </summary>
public static class FunctionInvoker
{
    /// <param name="bind">The argument for each parameter (the trigger value, the cancellation token, ...).</param>
    /// <returns>The function's result, or null for <c>void</c> and <c>Task</c>.</returns>
    public static async Task<object?> InvokeAsync(FunctionEntry entry, IServiceProvider services, Func<ParameterInfo, object?> bind)
    {
        var method = entry.Method;
        var instance = method.IsStatic ? null : ActivatorUtilities.CreateInstance(services, method.DeclaringType!);
        try
        {
            var arguments = method.GetParameters().Select(bind).ToArray();
            var returned = method.Invoke(instance, BindingFlags.DoNotWrapExceptions, binder: null, arguments, culture: null);
            if (returned is not Task task)
            {
                return returned;
            }

            await task;
            var returns = method.ReturnType;
            return returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(Task<>)
                ? returns.GetProperty(nameof(Task<object>.Result))!.GetValue(task)
                : null;
        }
        finally
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync();
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
