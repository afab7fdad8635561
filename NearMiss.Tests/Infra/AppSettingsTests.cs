using System.Reflection;
using System.Text.RegularExpressions;

using NearMiss.Core.Storage;

namespace NearMiss.Tests.Infra;

/// <summary>
/// Every setting the code reads is set on the Function App by main.bicep. The code's settings are derived, not
/// listed: each options class's <c>Section</c> and settable properties, each <c>%Setting%</c> in a trigger
/// attribute, each trigger's identity-based connection, plus the few keys read raw (<see cref="RawKeys"/>).
/// </summary>
[Trait("Kind", "Infra")]
public sealed partial class AppSettingsTests
{
    private static readonly Assembly Core = typeof(StorageNames).Assembly;

    private static readonly Assembly Functions = typeof(NearMiss.Functions.Health.Health).Assembly;

    /// <summary>Keys read with <c>configuration[...]</c> rather than bound, and what the Functions host itself needs.</summary>
    private static readonly string[] RawKeys =
    [
        // StorageClients: identity-based NearMissStorage, as the queue trigger and the SDK clients read it.
        $"{StorageNames.Connection}:tableServiceUri",
        $"{StorageNames.Connection}:queueServiceUri",
        $"{StorageNames.Connection}:clientId",
        // The Functions host: its own storage, by identity, and where telemetry goes.
        "AzureWebJobsStorage:blobServiceUri",
        "AzureWebJobsStorage:queueServiceUri",
        "AzureWebJobsStorage:credential",
        "AzureWebJobsStorage:clientId",
        "APPLICATIONINSIGHTS_CONNECTION_STRING",
    ];

    /// <summary>Settings the code reads that Azure deliberately leaves at the code's default, each with the reason.</summary>
    private static readonly Dictionary<string, string> IntentionallyAbsent = new(StringComparer.OrdinalIgnoreCase)
    {
        ["NearMiss:Email:PickupDirectory"] = "only used without a SendGrid key; in Azure the key comes from Key Vault",
        ["NearMiss:Email:SendGridHost"] = "the SendGrid API address; only tests point it elsewhere",
        ["NearMiss:Review:RetentionDays"] = "the code's default (30 days) is the programme's policy; override in the portal if it changes",
        ["NearMiss:Review:RareThreshold"] = "the code's default (5) matches the suppression threshold of the anonymity rules",
        ["NearMiss:Review:TypicalReviewDays"] = "the code's default (10 business days) is what the status page promises",
    };

    [Fact]
    public void AppSettings_ProvideEverySettingTheCodeReads()
    {
        var provided = BicepAppSettings();

        var missing = SettingsTheCodeReads()
            .Where(setting => !IntentionallyAbsent.ContainsKey(setting))
            .Select(AppSettingName)
            .Where(name => !provided.Contains(name))
            .ToList();

        Assert.True(missing.Count == 0, $"main.bicep does not set: {string.Join(", ", missing)}");
    }

    [Fact]
    public void SettingsTheCodeReads_IncludeTheOptionsAndTriggerSettings()
    {
        var settings = SettingsTheCodeReads();

        Assert.Contains("NearMiss:Keys:Sealing", settings);
        Assert.Contains("NearMiss:Keys:Receipt", settings);
        Assert.Contains($"{StorageNames.Connection}:queueServiceUri", settings);
    }

    [Fact]
    public void OptionsClasses_AllDeclareTheirSection()
    {
        var withoutSection = Core.GetTypes()
            .Where(type => type.IsClass && type.Name.EndsWith("Options", StringComparison.Ordinal) && Section(type) is null)
            .Select(type => type.FullName)
            .ToList();

        Assert.True(withoutSection.Count == 0, $"options classes without 'public const string Section': {string.Join(", ", withoutSection)}");
    }

    [Fact]
    public void Secrets_AreKeyVaultReferences()
    {
        var settings = BicepAppSettingValues();

        foreach (var name in new[] { "NearMiss__Keys__Sealing", "NearMiss__Keys__Receipt", "NearMiss__Keys__Signing", "NearMiss__Email__SendGridApiKey" })
        {
            Assert.True(settings.TryGetValue(name, out var value), $"{name} is not set");
            Assert.StartsWith("[format('@Microsoft.KeyVault(", value, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Storage_IsReachedByIdentityOnly()
    {
        var settings = BicepAppSettingValues();

        Assert.DoesNotContain(StorageNames.Connection, settings.Keys);
        Assert.DoesNotContain("AzureWebJobsStorage", settings.Keys);
        Assert.Equal("managedidentity", settings[$"{StorageNames.Connection}__credential"]);
        Assert.Equal("managedidentity", settings["AzureWebJobsStorage__credential"]);
    }

    [Fact]
    public void LocalSettingsSample_ListsEveryNearMissSetting()
    {
        var sample = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Infrastructure.RepoPaths.Root, "NearMiss.Functions", "local.settings.sample.json")))!;
        var listed = sample["Values"]!.AsObject().Select(pair => pair.Key).ToHashSet(StringComparer.OrdinalIgnoreCase);

        var missing = SettingsTheCodeReads()
            .Where(setting => setting.StartsWith("NearMiss:", StringComparison.Ordinal) && setting != "NearMiss:Email:SendGridHost")
            .Select(AppSettingName)
            .Where(name => !listed.Contains(name))
            .ToList();

        Assert.True(missing.Count == 0, $"local.settings.sample.json does not list: {string.Join(", ", missing)}");
    }

    public static SortedSet<string> SettingsTheCodeReads()
    {
        var settings = new SortedSet<string>(RawKeys, StringComparer.OrdinalIgnoreCase);

        foreach (var type in Core.GetTypes().Concat(Functions.GetTypes()))
        {
            if (Section(type) is not { } section)
            {
                continue;
            }

            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.SetMethod is { IsPublic: true } && IsScalar(property.PropertyType))
                {
                    settings.Add($"{section}:{property.Name}");
                }
            }
        }

        foreach (var attribute in TriggerAttributes())
        {
            var values = attribute.ConstructorArguments.Select(argument => argument.Value)
                .Concat(attribute.NamedArguments.Select(argument => argument.TypedValue.Value))
                .OfType<string>();
            foreach (var value in values)
            {
                foreach (Match match in SettingExpression().Matches(value))
                {
                    settings.Add(match.Groups[1].Value);
                }
            }

            if (attribute.AttributeType.Name == "QueueTriggerAttribute" &&
                attribute.NamedArguments.FirstOrDefault(argument => argument.MemberName == "Connection").TypedValue.Value is string connection)
            {
                settings.Add($"{connection}:queueServiceUri");
                settings.Add($"{connection}:credential");
                settings.Add($"{connection}:clientId");
            }
        }

        return settings;
    }

    /// <summary>Environment variables and app settings spell the section separator as a double underscore.</summary>
    private static string AppSettingName(string setting) => setting.Replace(":", "__", StringComparison.Ordinal);

    private static HashSet<string> BicepAppSettings() => new(BicepAppSettingValues().Keys, StringComparer.OrdinalIgnoreCase);

    private static Dictionary<string, string> BicepAppSettingValues()
    {
        var declared = ArmTemplate.OfType(BicepCli.Template, "Microsoft.Web/sites/config")
            .Where(config => ((string?)config.Resource["name"])?.EndsWith("'appsettings')]", StringComparison.Ordinal) == true)
            .ToList();
        var single = Assert.Single(declared);
        return single.Resource["properties"]!.AsObject()
            .ToDictionary(pair => pair.Key, pair => pair.Value?.ToString() ?? "", StringComparer.OrdinalIgnoreCase);
    }

    private static string? Section(Type type) =>
        type.GetField("Section", BindingFlags.Public | BindingFlags.Static) is { IsLiteral: true } field ? field.GetRawConstantValue() as string : null;

    private static bool IsScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying.IsPrimitive || underlying.IsEnum || underlying == typeof(string) || underlying == typeof(decimal) ||
            underlying == typeof(TimeSpan) || underlying == typeof(Uri);
    }

    private static IEnumerable<CustomAttributeData> TriggerAttributes() =>
        Functions.GetTypes()
            .SelectMany(type => type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(method => method.GetParameters())
            .SelectMany(parameter => parameter.GetCustomAttributesData())
            .Where(attribute => attribute.AttributeType.Name.EndsWith("TriggerAttribute", StringComparison.Ordinal));

    [GeneratedRegex("%([^%]+)%")]
    private static partial Regex SettingExpression();
}
