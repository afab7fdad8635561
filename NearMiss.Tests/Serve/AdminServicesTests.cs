using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NearMiss.Cli.Admin;
using NearMiss.Core.Security;
using NearMiss.LocalHost;

namespace NearMiss.Tests.Serve;

/// <summary>The services admin verbs run on: validated like a host's, with local keys only in Development.</summary>
public sealed class AdminServicesTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nearmiss-admin-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static IConfiguration Settings(Dictionary<string, string?>? more = null) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>(more ?? []) { ["NearMissStorage"] = "UseDevelopmentStorage=true" })
        .Build();

    [Fact]
    public void Create_OutsideDevelopmentWithoutKeys_RefusesAndInventsNone()
    {
        var refused = Assert.Throws<OptionsValidationException>(() => AdminServices.Create(Settings(), "Production", _directory));

        Assert.Contains("NearMiss:Keys", refused.Message, StringComparison.Ordinal);
        Assert.False(File.Exists(DevelopmentKeys.PathUnder(_directory)));
    }

    [Fact]
    public void Create_OutsideDevelopmentWithABadSetting_RefusesNamingIt()
    {
        var keys = DevelopmentKeys.Names.ToDictionary(n => $"NearMiss:Keys:{n}", _ => (string?)Convert.ToBase64String(new byte[32]));
        keys["NearMiss:PublicBaseUrl"] = "not a url";

        var refused = Assert.Throws<OptionsValidationException>(() => AdminServices.Create(Settings(keys), "Production", _directory));

        Assert.Contains("PublicBaseUrl", refused.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Create_InDevelopmentWithoutKeys_UsesTheLocalKeysOfServe()
    {
        using var services = AdminServices.Create(Settings(), "Development", _directory);

        Assert.True(File.Exists(DevelopmentKeys.PathUnder(_directory)));
        Assert.Equal(32, KeyOptions.Decode(services.GetRequiredService<IOptions<KeyOptions>>().Value.Signing).Length);
    }
}
