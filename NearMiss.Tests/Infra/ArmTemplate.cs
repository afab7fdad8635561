using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace NearMiss.Tests.Infra;

/// <summary>Reads what the compiled ARM template declares: resources in every nested module deployment.</summary>
public static partial class ArmTemplate
{
    /// <summary>A resource and the deployment (module) whose template declares it; null at the top level.</summary>
    public sealed record Declared(JsonObject Resource, JsonObject? Deployment);

    public static IEnumerable<Declared> Resources(JsonObject template, JsonObject? deployment = null)
    {
        var resources = template["resources"] switch
        {
            JsonArray array => array.OfType<JsonObject>(),
            JsonObject symbolic => symbolic.Select(pair => pair.Value).OfType<JsonObject>(),
            _ => [],
        };
        foreach (var resource in resources)
        {
            yield return new Declared(resource, deployment);
            if ((string?)resource["type"] == "Microsoft.Resources/deployments" &&
                resource["properties"]?["template"] is JsonObject nested)
            {
                foreach (var inner in Resources(nested, resource))
                {
                    yield return inner;
                }
            }
        }
    }

    public static IEnumerable<Declared> OfType(JsonObject template, string type) =>
        Resources(template, null).Where(declared => (string?)declared.Resource["type"] == type && declared.Resource["existing"] is null);

    /// <summary>
    /// The last segment of each name a declaration creates: a literal (<c>'audit')]</c>), or each value of the
    /// module parameter a copy loop runs over (<c>parameters('tableNames')[copyIndex()]</c>), which must then be
    /// a literal array in main.bicep.
    /// </summary>
    public static IEnumerable<string> LeafNames(Declared declared)
    {
        var name = (string?)declared.Resource["name"] ?? "";
        var loop = LoopedParameter().Match(name);
        if (loop.Success)
        {
            var parameter = loop.Groups[1].Value;
            var value = declared.Deployment?["properties"]?["parameters"]?[parameter]?["value"];
            if (value is not JsonArray names)
            {
                throw new InvalidOperationException(
                    $"'{parameter}' must be passed to its module as a literal array in main.bicep so it can be checked; found {value?.ToJsonString() ?? "nothing"}");
            }

            return names.Select(item => (string?)item ?? "");
        }

        var literal = LiteralLeaf().Match(name);
        return literal.Success ? [literal.Groups[1].Value] : [name.Split('/')[^1]];
    }

    [GeneratedRegex(@"parameters\('(\w+)'\)\[copyIndex\(\)\]\)\]$")]
    private static partial Regex LoopedParameter();

    [GeneratedRegex(@"'([^']+)'\)\]$")]
    private static partial Regex LiteralLeaf();
}
