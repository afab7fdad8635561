namespace NearMiss.Core.Storage;

/// <summary>The tables and queues the app uses. Infrastructure declares the same names.</summary>
public static class StorageNames
{
    /// <summary>The setting that holds the storage connection, as the trigger attributes name it.</summary>
    public const string Connection = "NearMissStorage";

    public static class Tables
    {
        /// <summary>One partition per report: the sealed original and its review case.</summary>
        public const string Submissions = "submissions";

        /// <summary>Published reports: reviewed text and coarsened answers only, nothing that leads back to a submission.</summary>
        public const string Published = "published";

        /// <summary>Who did what to which case and when: reviewer ids and actions, never content.</summary>
        public const string Audit = "audit";

        /// <summary>Reviewer accounts: address, stages and an opaque id. Nothing in it points at a submission.</summary>
        public const string Reviewers = "reviewers";

        /// <summary>Pending one-time sign-in links, by the SHA-256 of the token.</summary>
        public const string SignIns = "signins";

        /// <summary>The notification events already e-mailed, so a repeated message sends nothing.</summary>
        public const string NotificationLog = "notificationlog";

        /// <summary>Library reader accounts: address, approval and an opaque id. Nothing in it points at a reviewer or a submission.</summary>
        public const string Readers = "readers";

        /// <summary>Pending one-time library sign-in links, by the SHA-256 of the token.</summary>
        public const string ReaderSignIns = "readersignins";

        /// <summary>The e-mail domains whose addresses may read the library.</summary>
        public const string ReaderDomains = "readerdomains";

        /// <summary>Trend counters kept current as reports move (partition per month and event kind), never report content.</summary>
        public const string Aggregates = "aggregates";

        /// <summary>The trend events already counted (partition: the counter partition, row: the event), apart from the counters so reading them never passes these rows.</summary>
        public const string AggregateEvents = "aggregateevents";

        /// <summary>Participating agencies: agency code and the contact that receives the monthly analysis.</summary>
        public const string Agencies = "agencies";

        /// <summary>Each reader's digest subscription (call types and factors), by reader id.</summary>
        public const string ReaderSubscriptions = "readersubscriptions";

        /// <summary>The weekly digests already e-mailed: partition the ISO week, row the reader id.</summary>
        public const string ReaderDigests = "readerdigests";

        /// <summary>The library's report of the week, chosen by staff: one row.</summary>
        public const string LibraryFeatured = "libraryfeatured";

        public static readonly string[] All =
        [
            Submissions, Published, Audit, Reviewers, SignIns, NotificationLog, Readers, ReaderSignIns, ReaderDomains,
            ReaderSubscriptions, ReaderDigests, LibraryFeatured, Aggregates, AggregateEvents, Agencies,
        ];
    }

    public static class Queues
    {
        public const string PiiScan = "pii-scan";
        public const string Notifications = "notifications";
        public const string ReporterReplies = "reporter-replies";

        /// <summary>Sign-in requests: the request only queues one, so its work is the same for every address.</summary>
        public const string SignInLinks = "signin-links";

        public static readonly string[] All = [PiiScan, Notifications, ReporterReplies, SignInLinks];

        public static string Poison(string queue) => queue + "-poison";
    }
}
