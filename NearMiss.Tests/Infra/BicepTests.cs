namespace NearMiss.Tests.Infra;

/// <summary>
/// The infrastructure compiles and passes the linter with nothing to report: every rule about correctness at error,
/// the rules whose verdict moves with the calendar (API and module age) off, so the result never depends on today.
/// </summary>
[Trait("Kind", "Infra")]
public sealed class BicepTests
{
    [Fact]
    public void Build_MainTemplate_CompilesWithoutDiagnostics()
    {
        var (exitCode, _, errors) = BicepCli.Run("build", BicepCli.MainTemplate, "--stdout");

        Assert.True(exitCode == 0 && errors.Trim().Length == 0, $"bicep build exited {exitCode}:\n{errors}");
    }

    [Fact]
    public void Lint_MainTemplate_ReportsNothing()
    {
        var (exitCode, output, errors) = BicepCli.Run("lint", BicepCli.MainTemplate);

        Assert.True(exitCode == 0 && (output + errors).Trim().Length == 0, $"bicep lint exited {exitCode}:\n{output}{errors}");
    }

    private static readonly string[] CalendarRules = ["use-recent-api-versions", "use-recent-module-versions"];

    [Fact]
    public void Config_RaisesEveryCorrectnessRuleToError()
    {
        var rules = ReadRules();

        Assert.NotEmpty(rules);
        Assert.All(rules.Where(rule => !CalendarRules.Contains(rule.Key)), rule => Assert.Equal("error", (string?)rule.Value!["level"]));
    }

    [Fact]
    public void Config_TurnsOffRulesWhoseVerdictMovesWithTheCalendar()
    {
        var rules = ReadRules();

        Assert.All(CalendarRules, name => Assert.Equal("off", (string?)rules[name]?["level"]));
    }

    private static System.Text.Json.Nodes.JsonObject ReadRules()
    {
        var config = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(BicepCli.MainTemplate)!, "bicepconfig.json")))!;
        return config["analyzers"]!["core"]!["rules"]!.AsObject();
    }
}
