using Microsoft.Extensions.Configuration;

using NearMiss.Core;
using NearMiss.Functions.Hosting;

namespace NearMiss.Tests.Functions;

/// <summary>The Functions worker refuses to start when a timer's schedule setting is missing, which the host would only warn about.</summary>
public sealed class TimerScheduleSettingsTests
{
    private static readonly System.Reflection.Assembly Functions = typeof(TimerScheduleSettings).Assembly;

    [Fact]
    public void Declared_EveryTimerFunction_TakesItsScheduleFromASetting()
    {
        var timers = TimerScheduleSettings.Declared(Functions);

        Assert.Equal(
            ["AgencyAnalysis", "ForgetSentNotifications", "LibraryDigest", "PurgeExpired", "RemindWaitingCases", "RequeueOrphans", "TrendSummary"],
            timers.Select(timer => timer.Function).Order(StringComparer.Ordinal));
        Assert.All(timers, timer => Assert.NotNull(timer.Setting));
    }

    [Fact]
    public void Defaults_CoverEveryScheduleSetting_SoServeRunsWithNothingConfigured()
    {
        var settings = TimerScheduleSettings.Declared(Functions).Select(timer => timer.Setting!);

        Assert.All(settings, setting => Assert.True(NearMissDefaults.Settings.ContainsKey(setting), $"{setting} has no default"));
    }

    [Fact]
    public void RequireAll_WithEveryScheduleSet_Passes()
    {
        var configuration = Configuration(NearMissDefaults.Settings);

        TimerScheduleSettings.RequireAll(Functions, configuration);
    }

    [Fact]
    public void RequireAll_WithOneScheduleMissing_ThrowsNamingTheSettingAndTheTimer()
    {
        var configuration = Configuration(NearMissDefaults.Settings.Where(setting => setting.Key != NearMissDefaults.PurgeScheduleSetting));

        var error = Assert.Throws<InvalidOperationException>(() => TimerScheduleSettings.RequireAll(Functions, configuration));

        Assert.Contains("NearMiss__Review__PurgeSchedule", error.Message);
        Assert.Contains("PurgeExpired", error.Message);
        Assert.DoesNotContain("ReminderSchedule", error.Message);
    }

    [Fact]
    public void RequireAll_WithABlankSchedule_Throws()
    {
        var settings = NearMissDefaults.Settings.ToDictionary();
        settings[NearMissDefaults.DigestScheduleSetting] = " ";

        var error = Assert.Throws<InvalidOperationException>(() => TimerScheduleSettings.RequireAll(Functions, Configuration(settings)));

        Assert.Contains("NearMiss__Library__DigestSchedule", error.Message);
    }

    private static IConfiguration Configuration(IEnumerable<KeyValuePair<string, string>> settings) =>
        new ConfigurationBuilder().AddInMemoryCollection(settings.Select(setting => KeyValuePair.Create(setting.Key, (string?)setting.Value))).Build();
}
