using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using NearMiss.Core.Abuse;
using NearMiss.Core.Accounts;
using NearMiss.Core.Email;
using NearMiss.Core.Health;
using NearMiss.Core.Intake;
using NearMiss.Core.Library;
using NearMiss.Core.Notifications;
using NearMiss.Core.Operations;
using NearMiss.Core.Pii;
using NearMiss.Core.Pii.Language;
using NearMiss.Core.Publishing;
using NearMiss.Core.Review;
using NearMiss.Core.Security;
using NearMiss.Core.SignIn;
using NearMiss.Core.Storage;
using NearMiss.Core.Trends;

namespace NearMiss.Core;

public static class NearMissCoreServices
{
    /// <summary>Registers Core: the one registration both the Functions app and <c>nearmiss serve</c> use.</summary>
    public static IServiceCollection AddNearMissCore(this IServiceCollection services, IConfiguration configuration)
    {
        NearMissDefaults.AddTo(configuration);
        services.AddOptions<KeyOptions>().Bind(configuration.GetSection(KeyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<EmailOptions>().Bind(configuration.GetSection(EmailOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PublicSiteOptions>().Bind(configuration.GetSection(PublicSiteOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<StaffOptions>().Bind(configuration.GetSection(StaffOptions.Section));

        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => StorageClients.CreateTableService(configuration));
        services.AddSingleton(_ => StorageClients.CreateQueueService(configuration));
        services.AddSingleton<NearMissStore>();
        services.AddSingleton<CaseStore>();
        services.AddHostedService<StorageInitializer>();
        services.AddSingleton<PoisonReplay>();

        services.AddOptions<RateLimitOptions>().Bind(configuration.GetSection(RateLimitOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<ResponseFloorOptions>().Bind(configuration.GetSection(ResponseFloorOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<RequestRateLimits>();
        services.AddSingleton<ResponseFloor>();

        services.AddSingleton<Sealer>();
        services.AddSingleton<Receipts>();
        services.AddSingleton<IPiiDetector, LocalPiiDetector>();
        services.AddSingleton<PiiPreview>();
        services.AddOptions<LanguagePiiOptions>().Bind(configuration.GetSection(LanguagePiiOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton(provider => new PiiSecondOpinion(
            provider.GetRequiredService<IPiiDetector>(),
            LanguagePiiClient.FromOptions(provider.GetRequiredService<IOptions<LanguagePiiOptions>>().Value),
            provider.GetRequiredService<ILogger<PiiSecondOpinion>>()));

        services.AddOptions<IntakeOptions>().Bind(configuration.GetSection(IntakeOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddOptions<PrivacyOptions>().Bind(configuration.GetSection(PrivacyOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<BatchWindow>();
        services.AddSingleton<SealedSubmissions>();
        services.AddSingleton<ReportIntake>();
        services.AddSingleton<OrphanSweep>();
        services.AddSingleton<IntakeCheck>();
        services.AddSingleton<ReceiptLookup>();
        services.AddSingleton<CaseOpening>();
        services.AddOptions<ReviewOptions>().Bind(configuration.GetSection(ReviewOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<ReviewCases>();
        services.AddSingleton<AuditTrail>();
        services.AddSingleton<CaseQueries>();
        services.AddSingleton<Publications>();
        services.AddSingleton<ReviewDecisions>();
        services.AddSingleton<ReporterReplies>();
        services.AddSingleton<RetentionPurge>();
        services.AddSingleton<HealthCheck>();

        services.AddSingleton<ReviewerDirectory>();
        services.AddSingleton<ReviewerSessions>();
        services.AddSingleton<IReviewerAuthenticator, ReviewerAuthenticator>();
        services.AddSingleton<ReviewerSignIn>();
        services.AddSingleton<StaffSignIn>();

        services.AddSingleton<ReaderDirectory>();
        services.AddSingleton<ReaderSessions>();
        services.AddSingleton<IReaderAuthenticator, ReaderAuthenticator>();
        services.AddSingleton<ReaderSignIn>();
        services.AddSingleton<OneTimeLinks>();
        services.AddSingleton<ISignInPolicy>(provider => provider.GetRequiredService<ReviewerSignIn>());
        services.AddSingleton<ISignInPolicy>(provider => provider.GetRequiredService<StaffSignIn>());
        services.AddSingleton<ISignInPolicy>(provider => provider.GetRequiredService<ReaderSignIn>());
        services.AddSingleton<LuceneLibraryIndex>();
        services.AddSingleton<ILibrarySearch>(provider => provider.GetRequiredService<LuceneLibraryIndex>());
        services.AddSingleton<IPublicationListener>(provider => provider.GetRequiredService<LuceneLibraryIndex>());
        services.AddHostedService<LibraryIndexHost>();
        services.AddSingleton<LibraryReports>();
        services.AddSingleton<ReaderSubscriptions>();
        services.AddSingleton<LibraryDigest>();
        services.AddSingleton<FeaturedReports>();

        services.AddSingleton<PublicLinks>();
        services.AddSingleton<PickupDirectoryEmailSender>();
        services.AddSingleton<SendGridEmailSender>();
        services.AddSingleton<IEmailSender>(provider =>
            provider.GetRequiredService<IOptions<EmailOptions>>().Value.UsesSendGrid
                ? provider.GetRequiredService<SendGridEmailSender>()
                : provider.GetRequiredService<PickupDirectoryEmailSender>());
        services.AddSingleton<NotificationQueue>();
        services.AddSingleton<Notifier>();
        services.AddSingleton<ReminderService>();

        services.AddOptions<TrendOptions>().Bind(configuration.GetSection(TrendOptions.Section)).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<TrendCounters>();
        services.AddSingleton<ITrendRecorder, TrendRecorder>();
        services.AddSingleton<TrendService>();
        services.AddSingleton<AgencyDirectory>();
        services.AddSingleton<TrendCharts>();
        services.AddSingleton<TrendMail>();
        return services;
    }
}
