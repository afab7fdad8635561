using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace NearMiss.LocalHost;

/// <summary>Resolves <c>%Name%</c> in trigger attribute values from configuration, as the Functions host does.</summary>
public static partial class SettingExpressions
{
    public static string Resolve(string value, IConfiguration configuration) =>
        Setting().Replace(value, match =>
        {
            var name = match.Groups["name"].Value;
            return configuration[name] ?? configuration[name.Replace("__", ":", StringComparison.Ordinal)]
                ?? throw new InvalidOperationException($"The app setting '{name}' used in '{value}' is not configured.");
        });

    [GeneratedRegex("%(?<name>[^%]+)%")]
    private static partial Regex Setting();
}
