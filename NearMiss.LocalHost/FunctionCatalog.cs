using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing.Patterns;
using Microsoft.Azure.Functions.Worker;

namespace NearMiss.LocalHost;

public enum TriggerKind
{
    Http,
    Queue,
    Timer,
}

/// <summary>
/// One function as the trigger attributes declare it: the same facts the worker SDK writes to
/// <c>functions.metadata</c> (name, entry point, trigger, route and methods, queue and connection, schedule).
/// </summary>
public sealed record FunctionEntry(
    string Name,
    string EntryPoint,
    MethodInfo Method,
    TriggerKind Trigger,
    string? Route = null,
    IReadOnlyList<string>? Methods = null,
    string? QueueName = null,
    string? Connection = null,
    string? Schedule = null,
    bool RunOnStartup = false);

/// <summary>
/// Reflects over the function assembly for <c>[Function]</c> methods and their trigger attributes. This is
/// the only list of routes, queues and schedules <c>nearmiss serve</c> has; a test holds it against the
/// worker SDK's generated <c>functions.metadata</c>.
/// </summary>
public static class FunctionCatalog
{
    /// <summary>The NearMiss function classes.</summary>
    public static Assembly FunctionsAssembly => typeof(NearMiss.Functions.Intake.ReporterEndpoints).Assembly;

    public static IReadOnlyList<FunctionEntry> Discover() => Discover(FunctionsAssembly);

    /// <summary>
    /// Every <c>[Function]</c> method of <paramref name="assembly"/>. A function whose parameters or return type
    /// this host cannot bind stops start-up with one message naming every such function.
    /// </summary>
    public static IReadOnlyList<FunctionEntry> Discover(Assembly assembly) => Discover(assembly.GetTypes());

    /// <summary>Every <c>[Function]</c> method of <paramref name="types"/>; see <see cref="Discover(Assembly)"/>.</summary>
    public static IReadOnlyList<FunctionEntry> Discover(IEnumerable<Type> types)
    {
        var entries = new List<FunctionEntry>();
        var problems = new List<string>();
        foreach (var type in types.Where(t => t.IsClass))
        {
            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                if (method.GetCustomAttribute<FunctionAttribute>() is not { } function)
                {
                    continue;
                }

                var entryPoint = $"{type.FullName!.Replace('+', '.')}.{method.Name}";
                var entry = Describe(function.Name, entryPoint, method, problems);
                if (entry is not null)
                {
                    problems.AddRange(FunctionBinding.Check(entry));
                    entries.Add(entry);
                }
            }
        }

        if (problems.Count > 0)
        {
            throw new InvalidOperationException(
                "nearmiss serve cannot host these functions:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)));
        }

        return entries.OrderBy(e => e.Name, StringComparer.Ordinal).ToList();
    }

    private static FunctionEntry? Describe(string name, string entryPoint, MethodInfo method, List<string> problems)
    {
        var triggers = method.GetParameters()
            .Select(p => (Parameter: p, Attribute: p.GetCustomAttributes().FirstOrDefault(a => a is HttpTriggerAttribute or QueueTriggerAttribute or TimerTriggerAttribute)))
            .Where(t => t.Attribute is not null)
            .ToList();
        if (triggers.Count != 1)
        {
            problems.Add($"{name} ({entryPoint}): expected one HttpTrigger, QueueTrigger or TimerTrigger parameter, found {triggers.Count}.");
            return null;
        }

        return triggers[0].Attribute switch
        {
            HttpTriggerAttribute http => new FunctionEntry(
                name, entryPoint, method, TriggerKind.Http,
                Route: http.Route ?? name,
                Methods: http.Methods?.Select(m => m.ToLowerInvariant()).ToArray()),
            QueueTriggerAttribute queue => new FunctionEntry(
                name, entryPoint, method, TriggerKind.Queue,
                QueueName: queue.QueueName,
                Connection: queue.Connection),
            TimerTriggerAttribute timer => new FunctionEntry(
                name, entryPoint, method, TriggerKind.Timer,
                Schedule: timer.Schedule,
                RunOnStartup: timer.RunOnStartup),
            _ => null,
        };
    }
}

/// <summary>What this host can pass to a function and take back from it; checked once, at start-up.</summary>
internal static class FunctionBinding
{
    public static IEnumerable<string> Check(FunctionEntry entry)
    {
        foreach (var parameter in entry.Method.GetParameters())
        {
            var type = parameter.ParameterType;
            var supported = type == typeof(CancellationToken) || entry.Trigger switch
            {
                TriggerKind.Http => type == typeof(HttpRequest) || type == typeof(HttpContext)
                    || type == typeof(string) && RouteHas(entry.Route!, parameter.Name!),
                TriggerKind.Queue => type == typeof(string) && parameter.IsDefined(typeof(QueueTriggerAttribute)),
                TriggerKind.Timer => type == typeof(TimerInfo),
                _ => false,
            };
            if (!supported)
            {
                yield return $"{entry.Name} ({entry.EntryPoint}): parameter '{parameter.Name}' of type {type.Name} is not supported by nearmiss serve "
                    + entry.Trigger switch
                    {
                        TriggerKind.Http => "(supported: HttpRequest, HttpContext, CancellationToken, string route values).",
                        TriggerKind.Queue => "(supported: the string message, CancellationToken).",
                        _ => "(supported: TimerInfo, CancellationToken).",
                    };
            }
        }

        var returns = entry.Method.ReturnType;
        var result = returns.IsGenericType && returns.GetGenericTypeDefinition() == typeof(Task<>) ? returns.GetGenericArguments()[0] : returns;
        var returnSupported = returns == typeof(void) || returns == typeof(Task)
            || entry.Trigger == TriggerKind.Http && typeof(IActionResult).IsAssignableFrom(result);
        if (!returnSupported)
        {
            yield return $"{entry.Name} ({entry.EntryPoint}): return type {returns.Name} is not supported by nearmiss serve "
                + (entry.Trigger == TriggerKind.Http ? "(supported: IActionResult, Task<IActionResult>, Task, void)." : "(supported: Task, void; no output bindings).");
        }
    }

    private static bool RouteHas(string route, string name) =>
        RoutePatternFactory.Parse(route).Parameters.Any(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
}
