using System.Reflection;
using System.Text.RegularExpressions;

using Microsoft.Extensions.Configuration;

namespace NearMiss.Functions.Hosting;

/// <summary>
/// The settings that timer schedules name as <c>%Setting%</c>. The Functions host resolves them from its app
/// settings and, when one is missing, disables that timer with only a start-up warning: reminders, digests or the
/// retention purge would silently stop. The worker reads the same app settings, so it checks them first and
/// refuses to start, naming each missing setting.
/// </summary>
public static partial class TimerScheduleSettings
{
    /// <summary>Each timer function of <paramref name="assembly"/> with the setting its schedule names, or null for a literal schedule.</summary>
    public static IReadOnlyList<(string Function, string? Setting)> Declared(Assembly assembly) =>
        [.. from type in assembly.GetTypes()
            from method in type.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static)
            let function = method.GetCustomAttribute<FunctionAttribute>()
            where function is not null
            from parameter in method.GetParameters()
            let timer = parameter.GetCustomAttribute<TimerTriggerAttribute>()
            where timer is not null
            let match = SettingExpression().Match(timer.Schedule)
            select (function.Name, match.Success ? match.Groups[1].Value : null)];

    /// <summary>Throws, naming every missing setting and its app-setting spelling, when a schedule's setting is not set.</summary>
    public static void RequireAll(Assembly assembly, IConfiguration configuration)
    {
        var missing = Declared(assembly)
            .Where(timer => timer.Setting is not null && string.IsNullOrWhiteSpace(configuration[timer.Setting]))
            .Select(timer => $"{timer.Setting} (app setting {timer.Setting!.Replace(":", "__", StringComparison.Ordinal)}) for timer {timer.Function}")
            .ToList();
        if (missing.Count > 0)
        {
            throw new InvalidOperationException(
                "Timer schedule settings are missing, so the Functions host would disable these timers: " +
                string.Join("; ", missing) + ". Set each to an NCRONTAB expression with seconds (see local.settings.sample.json).");
        }
    }

    [GeneratedRegex(@"^%([^%]+)%$")]
    private static partial Regex SettingExpression();
}
