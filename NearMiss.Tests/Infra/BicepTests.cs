namespace NearMiss.Tests.Infra;

/// <summary>The infrastructure compiles and passes the linter, every rule raised to error, with nothing to report.</summary>
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

    [Fact]
    public void Config_RaisesEveryLinterRuleToError()
    {
        var config = System.Text.Json.Nodes.JsonNode.Parse(File.ReadAllText(Path.Combine(Path.GetDirectoryName(BicepCli.MainTemplate)!, "bicepconfig.json")))!;
        var rules = config["analyzers"]!["core"]!["rules"]!.AsObject();

        Assert.NotEmpty(rules);
        Assert.All(rules, rule => Assert.Equal("error", (string?)rule.Value!["level"]));
    }
}
