using Microsoft.Extensions.Configuration;
using NearMiss.LocalHost;

namespace NearMiss.Tests.Serve;

public sealed class DevelopmentKeysTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("nearmiss-keys-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Ensure_WithNoKeysConfigured_CreatesEveryKeyOnceInAPrivateFile()
    {
        var created = DevelopmentKeys.Ensure(Configuration(), _directory);

        var path = DevelopmentKeys.PathUnder(_directory);
        Assert.Equal(DevelopmentKeys.Names.Length, created.Count);
        Assert.All(created.Values, value => Assert.Equal(32, Convert.FromBase64String(value!).Length));
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(path));
        }
    }

    [Fact]
    public void Ensure_OnALaterRun_LoadsTheSameKeys()
    {
        var first = DevelopmentKeys.Ensure(Configuration(), _directory);

        var second = DevelopmentKeys.Ensure(Configuration(), _directory);

        Assert.Equal(first, second);
    }

    [Fact]
    public void Ensure_WithAConfiguredKey_NeitherReplacesNorStoresIt()
    {
        var given = Convert.ToBase64String(new byte[32]);

        var created = DevelopmentKeys.Ensure(Configuration(("NearMiss:Keys:Sealing", given)), _directory);

        Assert.DoesNotContain("NearMiss:Keys:Sealing", created.Keys);
        Assert.DoesNotContain(given, File.ReadAllText(DevelopmentKeys.PathUnder(_directory)));
    }

    [Fact]
    public void Ensure_WhenTheFileLacksANewerKey_AddsItAndKeepsTheOthers()
    {
        var first = DevelopmentKeys.Ensure(Configuration(("NearMiss:Keys:Signing", Convert.ToBase64String(new byte[32]))), _directory);

        var second = DevelopmentKeys.Ensure(Configuration(), _directory);

        Assert.Equal(first["NearMiss:Keys:Sealing"], second["NearMiss:Keys:Sealing"]);
        Assert.Equal(32, Convert.FromBase64String(second["NearMiss:Keys:Signing"]!).Length);
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] settings) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(settings.Select(s => new KeyValuePair<string, string?>(s.Key, s.Value)))
            .Build();
}
