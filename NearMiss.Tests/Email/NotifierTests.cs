using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using NearMiss.Core;
using NearMiss.Core.Accounts;
using NearMiss.Core.Email;
using NearMiss.Core.Notifications;
using NearMiss.Core.Reports;
using NearMiss.Core.Review;
using NearMiss.Core.Storage;
using NearMiss.Functions;
using NearMiss.Tests.Accounts;
using NearMiss.Tests.Infrastructure;
using NearMiss.Tests.Intake;
using NearMiss.Tests.Review;
using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace NearMiss.Tests.Email;

/// <summary>Records what would be sent; can be told to fail.</summary>
public sealed class RecordingEmailSender : IEmailSender
{
    public ConcurrentQueue<EmailMessage> Sent { get; } = new();

    public bool Fail { get; set; }

    public Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        if (Fail)
        {
            throw new EmailDeliveryException("refused");
        }

        Sent.Enqueue(message);
        return Task.CompletedTask;
    }
}

[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class NotifierTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private const string Marker = "Zanzibar-quartz-7731";

    private readonly FakeTimeProvider _time = new(TestClock.Start);
    private readonly RecordingEmailSender _email = new();
    private readonly CapturedLogs _logs = new();
    private readonly List<ServiceProvider> _providers = [];

    public Task InitializeAsync() => azurite.ClearQueuesAsync();

    public async Task DisposeAsync()
    {
        foreach (var provider in _providers)
        {
            await provider.DisposeAsync();
        }
    }

    private ServiceProvider Services(Action<IServiceCollection>? configure = null)
    {
        var provider = azurite.CreateServices(
            services =>
            {
                services.AddSingleton<TimeProvider>(_time);
                services.Configure<PublicSiteOptions>(o => o.PublicBaseUrl = "https://nearmiss.example");
                services.Configure<StaffOptions>(o => o.Emails = "staff1@example.org, staff2@example.org");
                services.AddSingleton<IEmailSender>(_email);
                configure?.Invoke(services);
            },
            _logs);
        _providers.Add(provider);
        return provider;
    }

    private static string NewReportId() => Guid.NewGuid().ToString("N");

    private static string Message(string kind, string reportId, int stage, string eventId) =>
        new NotificationMessage(kind, reportId, Stage.Parse(stage), eventId).ToJson();

    [Fact]
    public async Task Notify_SendGridRequest_CarriesTheCaseLinkAndNoReportText()
    {
        using var sendGrid = WireMockServer.Start();
        sendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).RespondWith(Response.Create().WithStatusCode(202));
        var services = Services(s =>
        {
            s.AddSingleton<IEmailSender>(p => p.GetRequiredService<SendGridEmailSender>());
            s.Configure<EmailOptions>(o => (o.SendGridApiKey, o.SendGridHost) = ("SG.key", sendGrid.Url));
        });
        var store = services.GetRequiredService<NearMissStore>();
        var reviewer = await services.GetRequiredService<ReviewerDirectory>().AddAsync(ReviewerDirectoryTests.NewAddress(), new HashSet<Stage> { Stage.One }, CancellationToken.None);
        var narrative = $"Dispatcher {Marker} sent us to a domestic call. " + Reports.Narrative;
        var (receipt, reportId) = await Reports.StoreAsync(services, Reports.Valid(narrative));
        await services.GetRequiredService<CaseOpening>().OpenAsync(reportId, CancellationToken.None);
        var notification = Assert.Single(await QueueWaits.ReceiveAsync(store.Notifications)).MessageText;

        await ActivatorUtilities.CreateInstance<Queues>(services).SendNotification(notification, CancellationToken.None);

        var body = Assert.Single(sendGrid.LogEntries).RequestMessage.Body!;
        Assert.Contains($"https://nearmiss.example/review/case.html#id={reportId}", body);
        Assert.Contains(reviewer.Email, body);
        Assert.Contains("stage 1", body);
        foreach (var secret in new[] { Marker, "dark two-lane road", "Run the plate", "traffic-stop", receipt })
        {
            Assert.DoesNotContain(secret, body, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain(_logs.Lines, l => l.Contains(Marker, StringComparison.Ordinal) || l.Contains(reviewer.Email, StringComparison.Ordinal));
    }

    [Fact]
    public async Task CaseOpening_QueuesCaseReadyWithTheScanEventId()
    {
        var services = Services();
        var store = services.GetRequiredService<NearMissStore>();
        var (_, reportId) = await Reports.StoreAsync(services, Reports.Valid());

        await services.GetRequiredService<CaseOpening>().OpenAsync(reportId, CancellationToken.None);

        var json = JsonNode.Parse(Assert.Single(await QueueWaits.ReceiveAsync(store.Notifications)).MessageText)!;
        Assert.Equal(("case-ready", reportId, 1, $"{reportId}:scan"), ((string)json["kind"]!, (string)json["reportId"]!, (int)json["stage"]!, (string)json["eventId"]!));
    }

    [Fact]
    public async Task Notify_SameMessageTwice_SendsOneEmail()
    {
        var services = Services();
        await services.GetRequiredService<ReviewerDirectory>().AddAsync(ReviewerDirectoryTests.NewAddress(), new HashSet<Stage> { Stage.Two }, CancellationToken.None);
        var reportId = NewReportId();
        var message = Message("case-ready", reportId, 2, $"{reportId}:stage2");
        var notifier = services.GetRequiredService<Notifier>();

        await notifier.HandleAsync(message, CancellationToken.None);
        await notifier.HandleAsync(message, CancellationToken.None);

        var sent = Assert.Single(_email.Sent);
        Assert.Equal("A near-miss report is waiting for stage 2 review", sent.Subject);
        Assert.Contains($"https://nearmiss.example/review/case.html#id={reportId}", sent.Text);
    }

    [Fact]
    public async Task Notify_CaseReady_GoesToEveryHolderOfTheStageOnly()
    {
        var services = Services();
        var directory = services.GetRequiredService<ReviewerDirectory>();
        var stageOne = await directory.AddAsync(ReviewerDirectoryTests.NewAddress(), new HashSet<Stage> { Stage.One }, CancellationToken.None);
        var both = await directory.AddAsync(ReviewerDirectoryTests.NewAddress(), new HashSet<Stage> { Stage.One, Stage.Two }, CancellationToken.None);
        var stageTwo = await directory.AddAsync(ReviewerDirectoryTests.NewAddress(), new HashSet<Stage> { Stage.Two }, CancellationToken.None);
        var reportId = NewReportId();

        await services.GetRequiredService<Notifier>().HandleAsync(Message("case-ready", reportId, 1, $"{reportId}:scan"), CancellationToken.None);

        var to = Assert.Single(_email.Sent).To;
        Assert.Contains(stageOne.Email, to);
        Assert.Contains(both.Email, to);
        Assert.DoesNotContain(stageTwo.Email, to);
    }

    [Fact]
    public async Task Stage1Pass_TellsStage2WhatHappened_AndNotTheReviewerWhoDidStage1()
    {
        var services = Services();
        var directory = services.GetRequiredService<ReviewerDirectory>();
        var both = await directory.AddAsync(ReviewerDirectoryTests.NewAddress(), new HashSet<Stage> { Stage.One, Stage.Two }, CancellationToken.None);
        var stageTwo = await directory.AddAsync(ReviewerDirectoryTests.NewAddress(), new HashSet<Stage> { Stage.Two }, CancellationToken.None);
        var (_, reportId) = await Reports.StoreAsync(services, Reports.Valid());
        await services.GetRequiredService<CaseOpening>().OpenAsync(reportId, CancellationToken.None);
        var store = services.GetRequiredService<NearMissStore>();
        await QueueWaits.ReceiveAsync(store.Notifications, settle: TimeSpan.Zero);
        var decision = System.Text.Json.JsonSerializer.SerializeToElement(new
        {
            decision = "pass",
            narrative = "Redacted.",
            lessonsLearned = "Wait for cover.",
            answers = new Dictionary<string, string[]> { ["callType"] = ["traffic-stop"], ["region"] = ["Midwest"] },
        });
        Assert.Equal(Outcome.Ok, (await services.GetRequiredService<ReviewDecisions>().Stage1Async(both, reportId, decision, CancellationToken.None)).Outcome);

        var message = Assert.Single(await QueueWaits.ReceiveAsync(store.Notifications, timeout: TimeSpan.FromSeconds(10))).MessageText;
        await services.GetRequiredService<Notifier>().HandleAsync(message, CancellationToken.None);

        var sent = Assert.Single(_email.Sent);
        Assert.Contains(stageTwo.Email, sent.To);
        Assert.DoesNotContain(both.Email, sent.To);
        Assert.Equal("A near-miss report passed stage 1 and is waiting for stage 2 review", sent.Subject);
        Assert.Contains("a different reviewer must do stage 2", sent.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("new-report", 1, "A new near-miss report is waiting for stage 1 review")]
    [InlineData("reporter-answered", 1, "The reporter answered: a near-miss report is back in stage 1 review")]
    [InlineData("sent-back", 1, "A near-miss report was sent back to stage 1")]
    [InlineData(null, 2, "A near-miss report is waiting for stage 2 review")]
    public void CaseReady_SaysWhatHappened(string? cause, int stage, string subject)
    {
        var message = new NotificationMessage(NotificationMessage.CaseReady, NewReportId(), Stage.Parse(stage), "e", cause);

        var email = Services().GetRequiredService<Notifier>().Compose(message, ["a@example.org"]);

        Assert.Equal(subject, email.Subject);
        Assert.Equal(message, NotificationMessage.Parse(message.ToJson()));
        Assert.Null(NotificationMessage.Parse((message with { Cause = "because" }).ToJson()));
    }

    [Fact]
    public async Task Notify_CaseReady_IsNotSentToDemoAccounts()
    {
        var services = Services();
        var directory = services.GetRequiredService<ReviewerDirectory>();
        var real = await directory.AddAsync(ReviewerDirectoryTests.NewAddress(), new HashSet<Stage> { Stage.One }, CancellationToken.None);
        var demo = await directory.AddAsync(ReviewerDirectoryTests.NewAddress(), new HashSet<Stage> { Stage.One }, CancellationToken.None, demo: true);
        var reportId = NewReportId();

        await services.GetRequiredService<Notifier>().HandleAsync(Message("case-ready", reportId, 1, $"{reportId}:scan"), CancellationToken.None);

        var to = Assert.Single(_email.Sent).To;
        Assert.Contains(real.Email, to);
        Assert.DoesNotContain(demo.Email, to);
    }

    [Fact]
    public async Task Notify_UrgentHazard_GoesToStaffWithTheLinkOnly()
    {
        var services = Services();
        var reportId = NewReportId();

        await services.GetRequiredService<Notifier>().HandleAsync(Message("urgent-hazard", reportId, 2, $"{reportId}:urgent"), CancellationToken.None);

        var sent = Assert.Single(_email.Sent);
        Assert.Equal(["staff1@example.org", "staff2@example.org"], sent.To);
        Assert.Contains($"#id={reportId}", sent.Text);
        Assert.Null(sent.Html);
        Assert.Null(sent.Attachments);
    }

    [Fact]
    public async Task Notify_Reminder_SaysItHasWaited()
    {
        var services = Services();
        await services.GetRequiredService<ReviewerDirectory>().AddAsync(ReviewerDirectoryTests.NewAddress(), new HashSet<Stage> { Stage.One }, CancellationToken.None);
        var reportId = NewReportId();

        await services.GetRequiredService<Notifier>().HandleAsync(Message("reminder", reportId, 1, $"{reportId}:reminder:1:2026-W47"), CancellationToken.None);

        Assert.Contains("more than 5 business days", Assert.Single(_email.Sent).Subject);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("{}")]
    [InlineData("""{"kind":"gossip","reportId":"0123456789abcdef0123456789abcdef","stage":1,"eventId":"x"}""")]
    [InlineData("""{"kind":"case-ready","reportId":"../etc","stage":1,"eventId":"x"}""")]
    [InlineData("""{"kind":"case-ready","reportId":"0123456789abcdef0123456789abcdef","stage":3,"eventId":"x"}""")]
    [InlineData("""{"kind":"case-ready","reportId":"0123456789abcdef0123456789abcdef","stage":1,"eventId":"a/b"}""")]
    public async Task Notify_MalformedMessage_IsDroppedAndLoggedWithoutContent(string message)
    {
        var services = Services();

        await services.GetRequiredService<Notifier>().HandleAsync(message, CancellationToken.None);

        Assert.Empty(_email.Sent);
        var line = Assert.Single(_logs.Lines, l => l.Contains("not a notification", StringComparison.Ordinal));
        Assert.DoesNotContain(message, line);
    }

    [Fact]
    public async Task Notify_MessageWithoutEventId_IsTheScanNotification()
    {
        var services = Services();
        var reportId = NewReportId();
        var legacy = $$"""{"kind":"case-ready","reportId":"{{reportId}}","stage":1}""";
        var notifier = services.GetRequiredService<Notifier>();

        await notifier.HandleAsync(legacy, CancellationToken.None);
        await notifier.HandleAsync(Message("case-ready", reportId, 1, $"{reportId}:scan"), CancellationToken.None);

        Assert.True(_email.Sent.Count <= 1);
        var entity = await services.GetRequiredService<NearMissStore>().NotificationLog.GetEntityAsync<NotificationLogEntity>(NotificationQueue.LogKey($"{reportId}:scan"), NotificationLogEntity.Row);
        Assert.Equal(NotificationLogEntity.Sent, entity.Value.Status);
    }

    [Fact]
    public async Task Notify_SendFailure_ThrowsAndTheRetrySends()
    {
        var services = Services();
        await services.GetRequiredService<ReviewerDirectory>().AddAsync(ReviewerDirectoryTests.NewAddress(), new HashSet<Stage> { Stage.One }, CancellationToken.None);
        var reportId = NewReportId();
        var message = Message("case-ready", reportId, 1, $"{reportId}:scan");
        var notifier = services.GetRequiredService<Notifier>();
        _email.Fail = true;
        await Assert.ThrowsAsync<EmailDeliveryException>(() => notifier.HandleAsync(message, CancellationToken.None));

        _email.Fail = false;
        _time.Advance(Notifier.ClaimTimeout + TimeSpan.FromSeconds(1));
        await notifier.HandleAsync(message, CancellationToken.None);
        await notifier.HandleAsync(message, CancellationToken.None);

        Assert.Single(_email.Sent);
    }

    [Fact]
    public async Task Notify_WhileAnotherDeliveryIsSending_ThrowsSoItIsRetriedLater()
    {
        var services = Services();
        var reportId = NewReportId();
        var message = Message("case-ready", reportId, 1, $"{reportId}:scan");
        await services.GetRequiredService<NearMissStore>().NotificationLog.AddEntityAsync(
            new NotificationLogEntity { PartitionKey = NotificationQueue.LogKey($"{reportId}:scan"), ClaimedOn = _time.GetUtcNow() });

        await Assert.ThrowsAsync<NotificationInProgressException>(() => services.GetRequiredService<Notifier>().HandleAsync(message, CancellationToken.None));

        Assert.Empty(_email.Sent);
    }
}
