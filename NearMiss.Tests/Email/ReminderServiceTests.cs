using Azure.Data.Tables;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NearMiss.Core;
using NearMiss.Core.Email;
using NearMiss.Core.Notifications;
using NearMiss.Core.Reports;
using NearMiss.Core.Review;
using NearMiss.Core.Storage;
using NearMiss.Functions;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Email;

[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class ReminderServiceTests(AzuriteFixture azurite) : IAsyncLifetime
{
    // Wednesday 2031-01-15, 08:00 UTC (ISO week 2031-W03).
    private static readonly DateTimeOffset Now = new(2031, 1, 15, 8, 0, 0, TimeSpan.Zero);

    private readonly FakeTimeProvider _time = new(Now);
    private ServiceProvider _services = null!;

    private NearMissStore Store => _services.GetRequiredService<NearMissStore>();

    public async Task InitializeAsync()
    {
        await azurite.ClearQueuesAsync();
        _services = azurite.CreateServices(s => s.AddSingleton<TimeProvider>(_time));
    }

    public async Task DisposeAsync() => await _services.DisposeAsync();

    private async Task<string> AddCaseAsync(string openedOn, int stage = 1, string status = ReportStatus.InReview, string? stageEnteredOn = null)
    {
        var reportId = Guid.NewGuid().ToString("N");
        var entity = new TableEntity(reportId, CaseEntity.Row) { ["Stage"] = stage, ["Status"] = status, ["OpenedOn"] = openedOn };
        if (stageEnteredOn is not null)
        {
            entity["StageEnteredOn"] = stageEnteredOn;
        }

        await Store.Submissions.AddEntityAsync(entity);
        return reportId;
    }

    private async Task<List<NotificationMessage>> QueuedAsync()
    {
        var messages = new List<NotificationMessage>();
        foreach (var message in (await Store.Notifications.ReceiveMessagesAsync(32)).Value)
        {
            messages.Add(NotificationMessage.Parse(message.MessageText)!);
        }

        return messages;
    }

    [Fact]
    public async Task Remind_CaseWaitingSixBusinessDays_QueuesOneReminderForItsStage()
    {
        var due = await AddCaseAsync("2031-01-07", stage: 2); // Tuesday: Wed..Wed is 6 business days

        await ActivatorUtilities.CreateInstance<Timers>(_services).RemindWaitingCases(null!, CancellationToken.None);

        var reminder = Assert.Single(await QueuedAsync(), m => m.ReportId == due);
        Assert.Equal(("reminder", 2, $"{due}:reminder:2:2031-W03"), (reminder.Kind, reminder.Stage.Number, reminder.EventId));
    }

    [Fact]
    public async Task Remind_CaseWaitingFiveBusinessDays_QueuesNothing()
    {
        var notYet = await AddCaseAsync("2031-01-08"); // Wednesday a week ago: 5 business days

        await _services.GetRequiredService<ReminderService>().QueueRemindersAsync(CancellationToken.None);

        Assert.DoesNotContain(await QueuedAsync(), m => m.ReportId == notYet);
    }

    [Fact]
    public async Task Remind_WeekendDoesNotCount()
    {
        var friday = await AddCaseAsync("2031-01-10"); // Friday: Mon..Wed is 3 business days, 5 calendar days

        await _services.GetRequiredService<ReminderService>().QueueRemindersAsync(CancellationToken.None);

        Assert.DoesNotContain(await QueuedAsync(), m => m.ReportId == friday);
    }

    [Fact]
    public async Task Remind_UsesStageEnteredOnWhenPresent()
    {
        var movedRecently = await AddCaseAsync("2030-12-01", stage: 2, stageEnteredOn: "2031-01-14");

        await _services.GetRequiredService<ReminderService>().QueueRemindersAsync(CancellationToken.None);

        Assert.DoesNotContain(await QueuedAsync(), m => m.ReportId == movedRecently);
    }

    [Fact]
    public async Task Remind_CaseNotInReview_QueuesNothing()
    {
        var waiting = await AddCaseAsync("2030-12-01", status: ReportStatus.AwaitingReporter);

        await _services.GetRequiredService<ReminderService>().QueueRemindersAsync(CancellationToken.None);

        Assert.DoesNotContain(await QueuedAsync(), m => m.ReportId == waiting);
    }

    [Fact]
    public async Task Remind_TwiceInOneWeek_SendsOneEmail()
    {
        var email = new RecordingEmailSender();
        await using var services = azurite.CreateServices(s =>
        {
            s.AddSingleton<TimeProvider>(_time);
            s.AddSingleton<IEmailSender>(email);
        });
        var due = await AddCaseAsync("2031-01-02");
        await services.GetRequiredService<Core.Accounts.ReviewerDirectory>().AddAsync(Accounts.ReviewerDirectoryTests.NewAddress(), new HashSet<Stage> { Stage.One }, CancellationToken.None);
        var reminders = services.GetRequiredService<ReminderService>();
        await reminders.QueueRemindersAsync(CancellationToken.None);
        _time.Advance(TimeSpan.FromDays(1));
        await reminders.QueueRemindersAsync(CancellationToken.None);

        var queued = (await QueuedAsync()).Where(m => m.ReportId == due).ToList();
        Assert.Equal(2, queued.Count);
        foreach (var message in queued)
        {
            await services.GetRequiredService<Notifier>().NotifyAsync(message, CancellationToken.None);
        }

        Assert.Single(email.Sent);
    }

    [Theory]
    [InlineData("2031-01-08", "2031-01-15", 5)]
    [InlineData("2031-01-07", "2031-01-15", 6)]
    [InlineData("2031-01-10", "2031-01-13", 1)]
    [InlineData("2031-01-11", "2031-01-12", 0)]
    [InlineData("2031-01-15", "2031-01-15", 0)]
    public void BusinessDaysBetween_CountsMondayToFridayAfterTheStart(string from, string to, int expected) =>
        Assert.Equal(expected, ReminderService.BusinessDaysBetween(DateOnly.Parse(from), DateOnly.Parse(to)));

    [Fact]
    public void ReminderSchedule_HasADefaultTheLocalHostResolves()
    {
        var configuration = new ConfigurationManager();

        new ServiceCollection().AddNearMissCore(configuration);

        Assert.Equal("0 0 8 * * 1-5", configuration["NearMiss:Review:ReminderSchedule"]);
        Assert.Equal("0 0 8 * * 1-5", NearMiss.LocalHost.SettingExpressions.Resolve("%NearMiss:Review:ReminderSchedule%", configuration));
    }

    [Fact]
    public void ReminderSchedule_ConfiguredValueWins()
    {
        var configuration = new ConfigurationManager();
        configuration["NearMiss:Review:ReminderSchedule"] = "0 30 6 * * *";

        new ServiceCollection().AddNearMissCore(configuration);

        Assert.Equal("0 30 6 * * *", configuration["NearMiss:Review:ReminderSchedule"]);
    }
}
