using Microsoft.Extensions.Configuration;

namespace NearMiss.Core;

/// <summary>
/// Settings with a default that trigger attributes name as <c>%Setting%</c>. Core adds the defaults to the
/// host's configuration when it is still being built (<c>nearmiss serve</c>, the worker), so the local host
/// resolves them with nothing configured. The Functions host in Azure resolves <c>%Setting%</c> from its own
/// app settings and disables a timer whose setting is missing with only a warning, so infrastructure must set
/// these there (and <c>local.settings.sample.json</c> lists them); the Functions worker refuses to start without
/// them (<c>TimerScheduleSettings</c>).
/// </summary>
public static class NearMissDefaults
{
    /// <summary>NCRONTAB (with seconds) of the reminder timer: 08:00 UTC, Monday to Friday.</summary>
    public const string ReminderScheduleSetting = "NearMiss:Review:ReminderSchedule";

    /// <summary>NCRONTAB of the staff trend summary: Mondays 07:00 UTC.</summary>
    public const string TrendSummaryScheduleSetting = "NearMiss:Trends:SummarySchedule";

    /// <summary>NCRONTAB of the agency analyses: the 2nd of each month, 07:00 UTC (the month before is complete).</summary>
    public const string AgencyAnalysisScheduleSetting = "NearMiss:Trends:AgencySchedule";

    /// <summary>NCRONTAB (with seconds) of the library's weekly digest: 07:00 UTC on Mondays.</summary>
    public const string DigestScheduleSetting = "NearMiss:Library:DigestSchedule";

    /// <summary>NCRONTAB of the orphan sweep (reports stored without a case are queued again): hourly at :20.</summary>
    public const string OrphanSweepScheduleSetting = "NearMiss:Intake:OrphanSweepSchedule";

    /// <summary>NCRONTAB of the retention purge: 03:30 UTC daily.</summary>
    public const string PurgeScheduleSetting = "NearMiss:Review:PurgeSchedule";

    /// <summary>NCRONTAB of the timer that deletes the bookkeeping of sent notifications: hourly at :40.</summary>
    public const string ForgetSentScheduleSetting = "NearMiss:Email:ForgetSentSchedule";

    public static readonly IReadOnlyDictionary<string, string> Settings = new Dictionary<string, string>
    {
        [ReminderScheduleSetting] = "0 0 8 * * 1-5",
        [TrendSummaryScheduleSetting] = "0 0 7 * * 1",
        [AgencyAnalysisScheduleSetting] = "0 0 7 2 * *",
        [DigestScheduleSetting] = "0 0 7 * * 1",
        [OrphanSweepScheduleSetting] = "0 20 * * * *",
        [PurgeScheduleSetting] = "0 30 3 * * *",
        [ForgetSentScheduleSetting] = "0 40 * * * *",
    };

    /// <summary>Adds the defaults that <paramref name="configuration"/> lacks, when it can still take sources.</summary>
    public static void AddTo(IConfiguration configuration)
    {
        if (configuration is not IConfigurationBuilder builder)
        {
            return;
        }

        var missing = Settings
            .Where(setting => string.IsNullOrEmpty(configuration[setting.Key]))
            .ToDictionary(setting => setting.Key, setting => (string?)setting.Value);
        if (missing.Count > 0)
        {
            builder.AddInMemoryCollection(missing);
        }
    }
}
