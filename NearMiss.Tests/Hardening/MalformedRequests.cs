using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

using NearMiss.Core.Intake;
using NearMiss.Tests.Intake;

namespace NearMiss.Tests.Hardening;

/// <summary>Who a request claims to be: nobody, or the holder of a token of one audience.</summary>
public enum Credential
{
    None,
    Reviewer,
    Staff,
    Reader,
}

/// <summary>The seeded data and tokens the generated requests point at, so they reach the code behind sign-in and lookups.</summary>
public sealed record FuzzContext(
    string Stage1CaseId,
    string Stage2CaseId,
    string AwaitingReceipt,
    string PublishedId,
    string ReviewerEmail,
    string ReaderEmail,
    string ReviewerToken,
    string StaffToken,
    string ReaderToken,
    string LastMonth);

/// <summary>One generated request, with what was done to it (for the failure message).</summary>
public sealed record FuzzRequest(
    int Index,
    string Function,
    string Method,
    string Path,
    string? Authorization,
    string AuthorizationKind,
    IReadOnlyList<KeyValuePair<string, string>> Headers,
    string? ContentType,
    byte[]? Body,
    bool Chunked,
    bool MustReject,
    IReadOnlyList<string> Defects)
{
    public override string ToString()
    {
        var body = Body is null ? "no body" : $"{Body.Length} bytes: {Preview(Body)}";
        return $"#{Index} {Method} {Shorten(Path, 200)} [{Function}; auth {AuthorizationKind}; content type {ContentType ?? "none"}"
            + $"{(Chunked ? ", chunked" : "")}; {string.Join("; ", Defects)}] {body}";
    }

    private static string Preview(byte[] body)
    {
        var text = Encoding.UTF8.GetString(body, 0, Math.Min(body.Length, 300));
        return JsonSerializer.Serialize(text);
    }

    private static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + $"…({text.Length} chars)";
}

/// <summary>
/// Generates malformed requests for every HTTP function: mutations of each endpoint's valid body (wrong types, missing
/// and extra fields, huge strings and bodies, deep nesting, truncated JSON, invalid UTF-8, lone surrogates, control
/// characters, markup in every text field, wrong content types) and odd query strings, route ids and tokens. Every
/// request with a body carries at least one defect the endpoint must refuse. Request <c>i</c> depends only on the seed
/// and <c>i</c>, so a failure is reproduced by the seed alone.
/// </summary>
public sealed class MalformedRequests
{
    // Markers the serializer writes as they are, replaced in the text by what no JSON tree can hold.
    private const string LoneMarker = "QZXLONEQZX";
    private const string RawControlMarker = "QZXRAWQZX";
    private const string DeepMarker = "QZXDEEPQZX";

    private static readonly string[] LoneSurrogates = [@"\ud800", @"\udc00", @"\udbff\u0041", @"\ud83d"];

    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>Markup that would run or inject an element if a page rendered it as HTML.</summary>
    public static readonly string[] Markup =
    [
        "<script>alert(1)</script>",
        "<img src=x onerror=\"window.__xss=1\">",
        "\"><svg onload=alert(1)>",
        "'><iframe src=javascript:alert(1)></iframe>",
        "</textarea><script>window.__xss=1</script>",
        "<IMG SRC=x OnError=alert(1)>",
        "<svg/onload=alert(1)>",
        "<a href=\"javascript:alert(1)\">link</a>",
        "<img/src=x onerror=alert(1)//",
        "{{constructor.constructor('alert(1)')()}}",
    ];

    private static readonly string[] Junk =
    [
        "", " ", "\t", "null", "undefined", "NaN", "-1", "0", "1e309", "true", "[]", "{}", "\0", "\u0001\u0002", "\u007f", "\u0085",
        "\u2028", "\ufeff", "\u202eevil", "💥🚓", "Ω≈ç√", "' OR 1=1 --", "PartitionKey eq 'x'", "../../etc/passwd", "..\\..\\boot.ini",
        "%00", "%FF%FE", "${jndi:ldap://x/a}", "\\", "\"", "'", "a@b", "@", "x@@y", "name@example.org\u0000", "<>", "&amp;&lt;",
        "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF", "l-abc.def.ghi", "eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.",
    ];

    private static readonly string[] OddIds =
    [
        "..", "..%2F..%2Fform", "%2e%2e", "%2E%2E%2Fhealth", "%00", "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E",
        "%FF%FE", "%ED%A0%80", "%C0%AF", "%E2%80%AE", "caf%C3%A9", "%F0%9F%92%A5", "a%20b", "%27%20OR%201%3D1", "*", "%2A", "0", "-1",
        "99999999999999999999", "PartitionKey%20eq%20%27x%27", "%252e%252e", "%5C..%5C", "null", "%7B%7D", "x;y", "x%3By", "~",
    ];

    private static readonly string[] WrongContentTypes =
    [
        "text/plain", "text/html", "text/json", "application/x-www-form-urlencoded", "multipart/form-data; boundary=x", "application/xml",
        "application/json; charset=utf-16", "application/json; charset=iso-8859-1", "application/jsonx", "json", "*/*", "application/octet-stream",
        "image/svg+xml",
    ];

    private static readonly string[] ValidContentTypes = ["application/json", "application/json; charset=utf-8", "Application/JSON; Charset=UTF-8"];

    private readonly FuzzContext _context;
    private readonly int _seed;
    private readonly IReadOnlyList<Target> _targets;

    public MalformedRequests(FuzzContext context, int seed)
    {
        _context = context;
        _seed = seed;
        _targets = Targets(context);
    }

    /// <summary>Every function and method the generator sends to, as the trigger attributes name them.</summary>
    public IReadOnlyList<(string Function, string Method)> Endpoints => _targets.Select(t => (t.Function, t.Method)).ToList();

    /// <summary><paramref name="perEndpoint"/> requests to each endpoint, interleaved.</summary>
    public IReadOnlyList<FuzzRequest> Generate(int perEndpoint)
    {
        var requests = new List<FuzzRequest>(perEndpoint * _targets.Count);
        for (var round = 0; round < perEndpoint; round++)
        {
            foreach (var target in _targets)
            {
                var index = requests.Count;
                requests.Add(Build(index, target, new Random(unchecked((_seed * 1_000_003) + index))));
            }
        }

        return requests;
    }

    private FuzzRequest Build(int index, Target target, Random random)
    {
        var defects = new List<string>();
        var (authorization, authorizationKind) = Authorization(target.Credential, random);
        var headers = NoiseHeaders(random);
        var path = target.Path(random);
        string? contentType = null;
        byte[]? body = null;
        var chunked = false;

        if (target.Body is not null)
        {
            var json = target.Body(random);
            AddMarkup(json, target, random, defects);
            var count = random.Next(100) switch { < 75 => 1, < 95 => 2, _ => 3 };
            var generic = new List<GenericDefect>();
            for (var i = 0; i < count; i++)
            {
                if (target.Defects.Count > 0 && random.Next(100) < 55)
                {
                    defects.Add(Pick(random, target.Defects)(random, json));
                }
                else
                {
                    // One change of the bytes at most: two could undo each other (a truncation and a trailing brace).
                    var defect = Pick(random, GenericDefects);
                    if (defect.Stage != Stage.Bytes || !generic.Any(d => d.Stage == Stage.Bytes))
                    {
                        defects.Add(defect.Name);
                        generic.Add(defect);
                    }
                }
            }

            var draft = new Draft(json, Pick(random, ValidContentTypes), target.Limit);
            foreach (var defect in generic.OrderBy(d => d.Stage))
            {
                defect.Apply(random, draft);
            }

            body = draft.Bytes ?? Encoding.UTF8.GetBytes(Serialize(draft.Json!));
            contentType = draft.ContentType;
            chunked = random.Next(100) < 10;
        }
        else if (random.Next(100) < 8)
        {
            body = Encoding.UTF8.GetBytes(Pick(random, ["{\"a\":", "<script>alert(1)</script>", "[[[[[[[[[[[[[[[[[[[[[", "\u0000\u0001"]));
            contentType = Pick(random, ["text/plain", "application/json", "text/html"]);
            defects.Add("a body on a GET");
        }

        return new FuzzRequest(index, target.Function, target.Method, path, authorization, authorizationKind, headers, contentType, body, chunked,
            MustReject: target.Body is not null, defects);
    }

    // ------------------------------------------------------------------ the endpoints

    private sealed record Target(
        string Function,
        string Method,
        Credential Credential,
        Func<Random, string> Path,
        Func<Random, JsonObject>? Body,
        int Limit,
        IReadOnlyList<FieldDefect> Defects,
        IReadOnlyList<string> TextFields);

    private delegate string FieldDefect(Random random, JsonObject body);

    private static List<Target> Targets(FuzzContext c)
    {
        var factorOptions = Options("factors");
        var callTypeOptions = Options("callType");
        return
        [
            new("GetForm", "GET", Credential.None, r => "/api/form" + Query(r, "version", "lang"), null, 0, [], []),
            new("Health", "GET", Credential.None, r => "/api/health" + Query(r, "deep", "probe"), null, 0, [], []),
            new("SubmitReport", "POST", Credential.None, r => "/api/reports" + MaybeQuery(r), _ => Report(c.LastMonth), 64 * 1024,
            [
                Missing("formVersion"), WrongNumber("formVersion"), Set("formVersion", _ => 2), Set("formVersion", _ => 1.5),
                Set("answers", WrongForObject), Missing("answers"), Set("answers.nonsense", r => Pick(r, Markup)), Set("answers.<script>", _ => "x"),
                Missing("answers.callType"), WrongText("answers.callType"), Set("answers.callType", JunkOrMarkup),
                WrongText("answers.outcome"), Set("answers.outcome", _ => "serious-injury"),
                Set("answers.factors", WrongForList), Set("answers.factors", r => new JsonArray(JunkOrMarkup(r))),
                Set("answers.factors", _ => new JsonArray(1, 2)), Set("answers.factors", _ => new JsonArray("fatigue", "fatigue")),
                Set("answers.factors", _ => new JsonArray([.. factorOptions.Take(6).Select(o => (JsonNode)o)])), Set("answers.factors", _ => new JsonArray()),
                Set("answers.month", r => Pick(r, ["2026-13", "1999-12", "9999-12", "03-2026", "2026-3", "", "<script>", "2026-03-01"])), WrongText("answers.month"),
                .. RequiredText("narrative", 50, 8000), .. OptionalText("lessonsLearned", 3000),
                WrongText("agencyCode"), Set("agencyCode", r => Pick(r, ["<script>", "OH 123", new string('A', 21), "OH_1", "ÖH-1"])),
                Set("extra", JunkOrMarkup), Set("<img src=x onerror=alert(1)>", _ => "unknown field"),
            ],
            ["narrative", "lessonsLearned", "agencyCode"]),
            new("PreviewPii", "POST", Credential.None, r => "/api/pii/preview" + MaybeQuery(r), _ => new JsonObject
            {
                ["narrative"] = "Officer Dana Whitcombe stopped a car at 12 Main St. " + Reports.Narrative,
                ["lessonsLearned"] = "Call 555-0100 before the approach.",
            }, 64 * 1024,
            [WrongText("narrative"), WrongText("lessonsLearned"), TooLong("narrative", 8000), TooLong("lessonsLearned", 3000)],
            ["narrative", "lessonsLearned"]),
            new("ReceiptStatus", "POST", Credential.None, r => "/api/receipts/status" + MaybeQuery(r), _ => new JsonObject { ["receipt"] = c.AwaitingReceipt }, 1024,
            [Missing("receipt"), WrongText("receipt"), Set("receipt", JunkOrMarkup), TooLong("receipt", 64), Control("receipt")],
            ["receipt"]),
            new("ReceiptMessages", "POST", Credential.None, r => "/api/receipts/messages" + MaybeQuery(r), _ => new JsonObject
            {
                ["receipt"] = c.AwaitingReceipt,
                ["message"] = "The driver was alone in the car.",
            }, 16 * 1024,
            [Missing("receipt"), WrongText("receipt"), Set("receipt", JunkOrMarkup), TooLong("receipt", 64), .. RequiredText("message", 1, 3000)],
            ["message"]),
            new("ReviewerSignIn", "POST", Credential.None, r => "/api/review/signin" + MaybeQuery(r), _ => SignIn(c.ReviewerEmail, staff: true), 1024,
            [.. Email(), WrongText("console"), Set("console", JunkOrMarkup)],
            ["email", "console"]),
            new("ReviewerSession", "POST", Credential.None, r => "/api/review/session" + MaybeQuery(r), r => new JsonObject { ["token"] = RandomToken(r) }, 1024,
            [Missing("token"), WrongText("token"), Set("token", JunkOrMarkup)],
            ["token"]),
            new("ReviewQueue", "GET", Credential.Reviewer, r => "/api/review/cases" + Query(r, "stage"), null, 0, [], []),
            new("ReviewCase", "GET", Credential.Reviewer, r => "/api/review/cases/" + Id(r, c.Stage1CaseId, c.Stage2CaseId) + MaybeQuery(r), null, 0, [], []),
            new("Stage1Decision", "POST", Credential.Reviewer, r => $"/api/review/cases/{Id(r, c.Stage1CaseId, c.Stage1CaseId, c.Stage2CaseId)}/stage1" + MaybeQuery(r),
                _ => Stage1(), 64 * 1024,
            [
                .. Decision("pass", "ask", "reject"), .. RequiredText("narrative", 1, 12_000), .. OptionalText("lessonsLearned", 12_000), .. Answers(),
                .. AskFirst(RequiredText("question", 1, 2000)),
            ],
            ["narrative", "lessonsLearned", "question"]),
            new("Stage2Decision", "POST", Credential.Reviewer, r => $"/api/review/cases/{Id(r, c.Stage2CaseId, c.Stage2CaseId, c.Stage1CaseId)}/stage2" + MaybeQuery(r),
                _ => Stage2(), 64 * 1024,
            [
                .. Decision("publish", "back", "reject"), .. RequiredText("narrative", 1, 12_000), .. OptionalText("lessonsLearned", 12_000), .. Answers(),
                .. PublishFirst([
                    .. RequiredText("title", 1, 200), .. RequiredText("summary", 1, 1000), .. TextList("lessons", 2, 5, 500, required: true),
                    .. TextList("tags", 0, 10, 40, required: false), WrongBoolean("urgent"),
                ]),
                .. SendBackFirst(OptionalText("note", 2000)),
            ],
            ["narrative", "lessonsLearned", "title", "summary", "note"]),
            new("StaffTrends", "GET", Credential.Staff, r => "/api/staff/trends" + Query(r, "from", "to"), null, 0, [], []),
            new("ReaderSignIn", "POST", Credential.None, r => "/api/readers/signin" + MaybeQuery(r), _ => SignIn(c.ReaderEmail, staff: false), 1024,
            [.. Email()],
            ["email"]),
            new("ReaderSession", "POST", Credential.None, r => "/api/readers/session" + MaybeQuery(r), r => new JsonObject { ["token"] = RandomToken(r) }, 1024,
            [Missing("token"), WrongText("token"), Set("token", JunkOrMarkup)],
            ["token"]),
            new("LibrarySearch", "GET", Credential.Reader, r => "/api/library" + Query(r, "callType", "factor", "assignment", "q", "from", "to", "page"), null, 0, [], []),
            new("LibraryFeatured", "GET", Credential.Reader, r => "/api/library/featured" + MaybeQuery(r), null, 0, [], []),
            new("LibraryReport", "GET", Credential.Reader, r => "/api/library/" + Id(r, c.PublishedId, c.PublishedId) + MaybeQuery(r), null, 0, [], []),
            new("LibrarySubscription", "GET", Credential.Reader, r => "/api/library/subscription" + MaybeQuery(r), null, 0, [], []),
            new("LibrarySubscription", "PUT", Credential.Reader, r => "/api/library/subscription" + MaybeQuery(r), _ => new JsonObject
            {
                ["callTypes"] = new JsonArray("traffic-stop"),
                ["factors"] = new JsonArray("fatigue", "complacency"),
            }, 4096,
            [
                Set("callTypes", WrongForList), Set("factors", WrongForList), Set("callTypes", r => new JsonArray(JunkOrMarkup(r))),
                Set("factors", r => new JsonArray(JunkOrMarkup(r), "fatigue")), Set("factors", r => new JsonArray(WrongForText(r))),
                Set("callTypes", _ => new JsonArray([.. Enumerable.Repeat(callTypeOptions[0], callTypeOptions.Length + 1).Select(o => (JsonNode)o)])),
            ],
            []),
            new("LibraryUnsubscribe", "POST", Credential.None, r => "/api/library/unsubscribe" + MaybeQuery(r), r => new JsonObject
            {
                ["token"] = "l-" + RandomToken(r)[..20] + "." + RandomToken(r)[..22] + "." + RandomToken(r),
            }, 1024,
            [Missing("token"), WrongText("token"), Set("token", JunkOrMarkup), TooLong("token", 200)],
            ["token"]),
        ];
    }

    private static JsonObject Report(string month)
    {
        var report = Reports.Valid();
        report["answers"]!["month"] = month;
        report["agencyCode"] = "OH-123";
        return report;
    }

    private static JsonObject SignIn(string email, bool staff)
    {
        var body = new JsonObject { ["email"] = email };
        if (staff)
        {
            body["console"] = "staff";
        }

        return body;
    }

    private static JsonObject Stage1() => new()
    {
        ["decision"] = "ask",
        ["narrative"] = Reports.Narrative,
        ["lessonsLearned"] = "Run the plate first.",
        ["answers"] = new JsonObject { ["callType"] = new JsonArray("traffic-stop"), ["region"] = new JsonArray("Midwest") },
        ["question"] = "Was the driver alone?",
    };

    private static JsonObject Stage2() => new()
    {
        ["decision"] = "publish",
        ["narrative"] = Reports.Narrative,
        ["lessonsLearned"] = "Run the plate first.",
        ["answers"] = new JsonObject { ["callType"] = new JsonArray("traffic-stop"), ["region"] = new JsonArray("Midwest") },
        ["title"] = "Hand between the seats",
        ["summary"] = "A stop where the driver's hand was hidden.",
        ["lessons"] = new JsonArray("Run the plate first.", "Wait for cover."),
        ["tags"] = new JsonArray("traffic"),
        ["urgent"] = false,
        ["note"] = "",
    };

    private static string[] Options(string questionId) => FormVersion1.Definition.Find(questionId)!.Options.Select(o => o.Value).ToArray();

    // ------------------------------------------------------------------ field defects

    private static FieldDefect Set(string path, Func<Random, JsonNode?> value) => (random, body) =>
    {
        var node = value(random);
        Place(body, path, node);
        return $"{path} = {Describe(node)}";
    };

    private static FieldDefect Missing(string path) => (_, body) =>
    {
        var (parent, name) = Parent(body, path);
        parent?.Remove(name);
        return $"{path} missing";
    };

    private static FieldDefect WrongText(string path) => Set(path, WrongForText);

    private static FieldDefect WrongNumber(string path) => Set(path, r => Pick<JsonNode?>(r, ["1", true, new JsonArray(1), new JsonObject(), 1e300, 99999999999]));

    private static FieldDefect WrongBoolean(string path) => Set(path, r => Pick<JsonNode?>(r, ["true", 1, 0, "yes", new JsonArray(true), new JsonObject()]));

    private static FieldDefect TooLong(string path, int max) => Set(path, r => Long(r, max + 1 + r.Next(0, 300)));

    private static FieldDefect Control(string path) => (random, body) =>
    {
        // Inside the text: at either end, a control that is also white space (U+000B, U+0085) is trimmed away, not refused.
        var text = Text(body, path) is { Length: >= 2 } given ? given : "text";
        var control = (char)Pick(random, [0, 1, 7, 8, 0x0b, 0x0c, 0x1b, 0x1f, 0x7f, 0x85, 0x9f]);
        var at = random.Next(1, text.Length);
        Place(body, path, text[..at] + control + text[at..]);
        return $"{path} with U+{(int)control:X4}";
    };

    private static FieldDefect Blank(string path) => Set(path, r => Pick(r, ["", " ", "\n\t  "]));

    private static IEnumerable<FieldDefect> RequiredText(string path, int min, int max) =>
        [Missing(path), WrongText(path), TooLong(path, max), Control(path), .. min > 1 ? [Set(path, r => Pick(r, Markup)[..Math.Min(min - 1, 20)])] : Array.Empty<FieldDefect>(), Blank(path)];

    private static IEnumerable<FieldDefect> OptionalText(string path, int max) => [WrongText(path), TooLong(path, max), Control(path)];

    private static IEnumerable<FieldDefect> TextList(string path, int min, int max, int maxLength, bool required) =>
    [
        Set(path, WrongForList),
        Set(path, r => new JsonArray([.. Enumerable.Range(0, max + 1).Select(i => (JsonNode)$"{Pick(r, Markup)} {i}")])),
        Set(path, r => new JsonArray("first lesson", WrongForText(r))),
        Set(path, r => new JsonArray("first lesson", Pick(r, ["", "   "]))),
        Set(path, r => new JsonArray("first lesson", Long(r, maxLength + 1 + r.Next(50)))),
        .. required ? [Missing(path), Set(path, _ => new JsonArray([.. Enumerable.Range(0, min - 1).Select(i => (JsonNode)$"lesson {i}")]))] : Array.Empty<FieldDefect>(),
    ];

    private static IEnumerable<FieldDefect> Decision(params string[] choices) =>
        [Missing("decision"), WrongText("decision"), Set("decision", r => Pick(r, ["PASS", "Publish", "approve", "", "<script>", choices[0] + "\u0000", "pass,reject"]))];

    private static IEnumerable<FieldDefect> Answers() =>
    [
        Set("answers", WrongForObject),
        Set("answers.callType", r => Pick<JsonNode?>(r, ["traffic-stop", 5, new JsonArray(5), new JsonArray("no-such-call"), new JsonArray("traffic-stop", "domestic")])),
        Set("answers.state", _ => new JsonArray("OH")),
        Set("answers.region", r => new JsonArray(Pick(r, ["Ohio", "midwest", "<script>alert(1)</script>", ""]))),
        Set("answers.month", r => new JsonArray(Pick(r, ["2026-13", "March", "2026-03", "x"]), "2026-04")),
        Set("answers.nonsense", _ => new JsonArray("x")),
        Set("answers.factors", r => new JsonArray(JunkOrMarkup(r))),
    ];

    private static IEnumerable<FieldDefect> Email() =>
    [
        Missing("email"), WrongText("email"), Blank("email"),
        Set("email", r => Pick(r, ["not-an-address", "a@", "@b.org", "a@b@c.org", "a b@c.org", "a\u0000@b.org", "<script>alert(1)</script>", "a@b.org@", new string('a', 250) + "@b.org", "\u0001@\u0002"])),
    ];

    /// <summary>Defects of the question, which only an <c>ask</c> decision reads.</summary>
    private static IEnumerable<FieldDefect> AskFirst(IEnumerable<FieldDefect> defects) => defects.Select(d => Then("decision", "ask", d));

    /// <summary>Defects of the publication fields, which only a <c>publish</c> decision reads.</summary>
    private static IEnumerable<FieldDefect> PublishFirst(IEnumerable<FieldDefect> defects) => defects.Select(d => Then("decision", "publish", d));

    /// <summary>Defects of the note, which only a <c>back</c> or <c>reject</c> decision reads.</summary>
    private static IEnumerable<FieldDefect> SendBackFirst(IEnumerable<FieldDefect> defects) => defects.Select(d => Then("decision", "back", d));

    private static FieldDefect Then(string field, string value, FieldDefect defect) => (random, body) =>
    {
        body[field] = value;
        return $"{field} = {value}, " + defect(random, body);
    };

    // ------------------------------------------------------------------ defects of the whole body

    private sealed class Draft(JsonObject json, string contentType, int limit)
    {
        public JsonObject? Json { get; set; } = json;

        public byte[]? Bytes { get; set; }

        public string? ContentType { get; set; } = contentType;

        public int Limit { get; } = limit;

        /// <summary>The bytes as they stand: the JSON serialized once a defect needs the text.</summary>
        public byte[] Current => Bytes ??= Encoding.UTF8.GetBytes(Serialize(Json!));
    }

    /// <summary>What a defect of the whole body changes; applied in this order.</summary>
    private enum Stage
    {
        Json,
        Bytes,
        Header,
    }

    private sealed record GenericDefect(string Name, Stage Stage, Action<Random, Draft> Apply);

    private static readonly GenericDefect[] GenericDefects =
    [
        new("lone surrogate in a value", Stage.Json, JsonLoneSurrogate),
        new("lone surrogate in a name", Stage.Json, (r, d) => d.Json![$"{LoneMarker}{r.Next(LoneSurrogates.Length)}{LoneMarker}name"] = "x"),
        new("raw control character in a string", Stage.Json, JsonRawControl),
        new("deep nesting", Stage.Json, JsonDeepNesting),
        new("over the size limit", Stage.Json, (r, d) => d.Json!["padding"] = Long(r, d.Limit + r.Next(1, 4096))),
        new("empty body", Stage.Bytes, (_, d) => d.Bytes = []),
        new("whitespace body", Stage.Bytes, (_, d) => d.Bytes = " \r\n\t "u8.ToArray()),
        new("truncated", Stage.Bytes, (r, d) => d.Bytes = d.Current[..r.Next(d.Current.Length)]),
        new("invalid UTF-8", Stage.Bytes, (r, d) =>
        {
            byte[][] sequences = [[0xFF], [0xC0, 0x80], [0xED, 0xA0, 0x80], [0xE2, 0x82], [0xF8, 0x88, 0x80, 0x80, 0x80], [0x80], [0xF4, 0x90, 0x80, 0x80]];
            var at = r.Next(d.Current.Length + 1);
            d.Bytes = [.. d.Current[..at], .. Pick(r, sequences), .. d.Current[at..]];
        }),
        new("over the size limit in whitespace", Stage.Bytes, (r, d) => d.Bytes = [.. d.Current, .. Enumerable.Repeat((byte)' ', d.Limit + r.Next(1, 4096))]),
        new("not an object", Stage.Bytes, (r, d) => d.Bytes = Encoding.UTF8.GetBytes(Pick(r, ["[]", "[" + Serialize(d.Json!) + "]", "\"text\"", "42", "null", "true", "\"<script>alert(1)</script>\""]))),
        new("trailing garbage", Stage.Bytes, (r, d) => d.Bytes = [.. d.Current, .. Encoding.UTF8.GetBytes(Pick(r, ["}", "{}", "x", ",", "<script>", "\u0000"]))]),
        new("a comment", Stage.Bytes, (_, d) => d.Bytes = [.. "/* note */"u8, .. d.Current]),
        new("a trailing comma", Stage.Bytes, (_, d) => d.Bytes = [.. d.Current[..Math.Max(0, d.Current.Length - 1)], .. ",}"u8]),
        new("single quotes", Stage.Bytes, (_, d) => d.Bytes = [.. d.Current.Select(b => b == (byte)'"' ? (byte)'\'' : b)]),
        new("UTF-16", Stage.Bytes, (r, d) => d.Bytes = Pick(r, [Encoding.Unicode, Encoding.BigEndianUnicode]).GetBytes(Serialize(d.Json!))),
        new("a wrong content type", Stage.Header, (r, d) => d.ContentType = Pick(r, WrongContentTypes)),
        new("no content type", Stage.Header, (_, d) => d.ContentType = null),
    ];

    private static void JsonLoneSurrogate(Random random, Draft draft)
    {
        var json = draft.Json!;
        var names = json.Select(p => p.Key).Where(k => json[k] is JsonValue v && v.GetValueKind() == JsonValueKind.String).ToList();
        json[names.Count > 0 ? Pick(random, names) : "text"] = $"before {LoneMarker}{random.Next(LoneSurrogates.Length)}{LoneMarker} after";
    }

    private static void JsonRawControl(Random random, Draft draft)
    {
        var json = draft.Json!;
        var names = json.Select(p => p.Key).ToList();
        var control = Pick(random, Enumerable.Range(0, 32).Where(c => c is not (9 or 10 or 13)).ToArray());
        json[names.Count > 0 ? Pick(random, names) : "text"] = $"before {RawControlMarker}{control}{RawControlMarker} after";
    }

    private static void JsonDeepNesting(Random random, Draft draft)
    {
        var json = draft.Json!;
        var depth = random.Next(17, Math.Max(18, Math.Min(5000, draft.Limit / 3)));
        var names = json.Select(p => p.Key).ToList();
        json[names.Count > 0 && random.Next(2) == 0 ? Pick(random, names) : "nested"] = $"{DeepMarker}{depth}{DeepMarker}";
    }

    /// <summary>The body's text with the markers replaced: lone surrogate escapes, raw control characters and deep nesting.</summary>
    private static string Serialize(JsonObject json)
    {
        var text = json.ToJsonString(Relaxed);
        text = MarkerPattern(LoneMarker).Replace(text, m => LoneSurrogates[Number(m)]);
        text = MarkerPattern(RawControlMarker).Replace(text, m => ((char)Number(m)).ToString());

        // The serializer refuses to write more than 64 levels, so deep nesting is written here.
        return MarkerPattern("\"" + DeepMarker, DeepMarker + "\"").Replace(text, m =>
        {
            var depth = Number(m);
            var nested = new StringBuilder();
            for (var i = 0; i < depth; i++)
            {
                nested.Append(i % 3 == 2 ? "{\"a\":" : "[");
            }

            nested.Append("\"bottom\"");
            for (var i = depth - 1; i >= 0; i--)
            {
                nested.Append(i % 3 == 2 ? '}' : ']');
            }

            return nested.ToString();
        });
    }

    private static Regex MarkerPattern(string start, string? end = null) => new(Regex.Escape(start) + "([0-9]+)" + Regex.Escape(end ?? start));

    private static int Number(Match match) => int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);

    // ------------------------------------------------------------------ values

    private static JsonNode? WrongForText(Random random) => Pick<Func<JsonNode?>>(random,
    [
        () => 0, () => -1, () => 1.5, () => 1e308, () => long.MaxValue, () => true, () => false, () => new JsonArray(), () => new JsonArray("x", Pick(random, Markup)),
        () => new JsonObject(), () => new JsonObject { ["a"] = Pick(random, Markup) }, () => Nested(random, random.Next(1, 6)),
    ])();

    private static JsonNode? WrongForList(Random random) => Pick<Func<JsonNode?>>(random,
    [
        () => "fatigue", () => Pick(random, Markup), () => 3, () => true, () => new JsonObject { ["0"] = "fatigue" }, () => Nested(random, random.Next(2, 8)),
    ])();

    private static JsonNode? WrongForObject(Random random) => Pick<Func<JsonNode?>>(random,
        [() => "answers", () => 1, () => true, () => new JsonArray(new JsonObject { ["callType"] = "traffic-stop" }), () => Pick(random, Markup)])();

    private static JsonNode JunkOrMarkup(Random random) => random.Next(2) == 0 ? Pick(random, Junk) : Pick(random, Markup) + Pick(random, Junk);

    private static JsonNode Nested(Random random, int depth)
    {
        JsonNode node = Pick(random, Markup);
        for (var i = 0; i < depth; i++)
        {
            node = random.Next(2) == 0 ? new JsonArray(node) : new JsonObject { ["x"] = node };
        }

        return node;
    }

    /// <summary>A string of exactly <paramref name="length"/> characters: words and markup, no surrounding whitespace.</summary>
    private static string Long(Random random, int length)
    {
        var text = new StringBuilder(length + 64);
        while (text.Length < length)
        {
            text.Append(random.Next(4) == 0 ? Pick(random, Markup) : "near miss ");
        }

        text.Length = length;
        text[0] = 'x';
        text[^1] = 'x';
        return text.ToString();
    }

    private static string RandomToken(Random random)
    {
        Span<byte> bytes = stackalloc byte[32];
        random.NextBytes(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    // ------------------------------------------------------------------ markup in every text field

    private static void AddMarkup(JsonObject body, Target target, Random random, List<string> defects)
    {
        if (random.Next(100) >= 70)
        {
            return;
        }

        foreach (var field in target.TextFields.Where(_ => random.Next(2) == 0))
        {
            if (Text(body, field) is { } text)
            {
                Place(body, field, random.Next(2) == 0 ? text + " " + Pick(random, Markup) : Pick(random, Markup) + " " + text);
            }
        }

        if (random.Next(100) < 15)
        {
            body[Pick(random, Markup)] = Pick(random, Markup);
            defects.Add("an extra field named with markup");
        }
    }

    // ------------------------------------------------------------------ tokens, headers, queries and ids

    private (string? Header, string Kind) Authorization(Credential credential, Random random)
    {
        var valid = credential switch
        {
            Credential.Reviewer => _context.ReviewerToken,
            Credential.Staff => _context.StaffToken,
            Credential.Reader => _context.ReaderToken,
            _ => null,
        };
        var roll = random.Next(100);
        if (valid is not null && roll < 45)
        {
            return ("Bearer " + valid, "valid");
        }

        if (valid is not null && roll < 55)
        {
            return credential switch
            {
                Credential.Reader => ("Bearer " + _context.ReviewerToken, "a reviewer token"),
                Credential.Staff => ("Bearer " + _context.ReviewerToken, "a reviewer who is not staff"),
                _ => ("Bearer " + _context.ReaderToken, "a reader token"),
            };
        }

        if (roll < 65 || (valid is null && roll < 85))
        {
            return (null, "none");
        }

        var token = valid ?? _context.ReviewerToken;
        return (Pick<Func<string>>(random,
        [
            () => "Bearer",
            () => "Bearer ",
            () => "Bearer x",
            () => "Basic dXNlcjpwYXNz",
            () => token,
            () => "bearer " + token[..^2] + (token[^2] == 'A' ? "BB" : "AA"),
            () => "Bearer " + token + "x",
            () => "Bearer " + token[..token.LastIndexOf('.')] + ".",
            () => "Bearer " + Alter(token),
            () => "Bearer eyJhbGciOiJub25lIiwidHlwIjoiSldUIn0.eyJzdWIiOiJyLWFkbWluIiwiZW1haWwiOiJhQGIub3JnIiwic3RhZ2VzIjpbMSwyXSwic3RhZmYiOnRydWV9.",
            () => "Bearer " + new string('A', 5000),
            () => "Bearer a.b.c",
            () => "Bearer ....",
            () => "Bearer <script>alert(1)</script>",
            () => "Bearer " + token + " " + token,
            () => "Bearer\t" + token[..Math.Min(10, token.Length)],
        ])(), "garbage");
    }

    /// <summary>The token with its payload claiming staff and both stages, under the original signature.</summary>
    private static string Alter(string token)
    {
        var parts = token.Split('.');
        var payload = Convert.ToBase64String("{\"sub\":\"r-admin\",\"email\":\"a@b.org\",\"stages\":[1,2],\"staff\":true,\"iss\":\"nearmiss\",\"aud\":\"nearmiss-review\",\"exp\":4102444800}"u8)
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');
        return parts.Length == 3 ? $"{parts[0]}.{payload}.{parts[2]}" : token;
    }

    private static List<KeyValuePair<string, string>> NoiseHeaders(Random random)
    {
        var headers = new List<KeyValuePair<string, string>>();
        if (random.Next(100) < 30)
        {
            headers.Add(new("Accept", Pick(random, ["text/html", "application/xml", "text/html,application/xhtml+xml", "*/*", "image/svg+xml"])));
        }

        if (random.Next(100) < 15)
        {
            headers.Add(Pick<KeyValuePair<string, string>>(random,
            [
                new("User-Agent", "<script>alert(1)</script>"), new("X-Forwarded-For", "<img src=x onerror=alert(1)>"), new("Cookie", "session=<svg onload=alert(1)>"),
                new("Origin", "http://evil.example"), new("X-HTTP-Method-Override", "DELETE"), new("Referer", "javascript:alert(1)"),
                new("Accept-Language", "<script>"), new("X-Requested-With", "XMLHttpRequest"),
            ]));
        }

        return headers;
    }

    private static string MaybeQuery(Random random) => random.Next(100) < 15 ? Query(random) : "";

    /// <summary>A query string of known and unknown names with odd values; sometimes none at all.</summary>
    private static string Query(Random random, params string[] names)
    {
        if (random.Next(100) < 10)
        {
            return "";
        }

        var parts = new List<string>();
        var count = random.Next(1, 5);
        for (var i = 0; i < count; i++)
        {
            var name = names.Length > 0 && random.Next(100) < 80 ? Pick(random, names) : Pick(random, ["x", "%3Cscript%3E", "", "a[b]", "__proto__", "%00", "q%20q"]);
            parts.Add(name + "=" + QueryValue(random, name));
        }

        if (random.Next(100) < 10)
        {
            parts.Add(Pick(random, ["&", "=", "==", "%", "%zz", "a=1=2", "?", "#x"]));
        }

        return "?" + string.Join('&', parts);
    }

    private static string QueryValue(Random random, string name)
    {
        string[] plausible = name switch
        {
            "stage" => ["1", "2", "0", "3", "-1", "1.0", "01", "1e0", "١", " 1", "99999999999", "1,2"],
            "from" or "to" => ["2026-01", "9999-12", "0001-01", "2000-01", "2026-13", "2026-1", "-2026-01", "2026-01\n", "20260101", "2099-12", "1969-12"],
            "page" => ["1", "0", "-1", "501", "2147483648", "1.5", "１", "NaN"],
            "callType" or "factor" or "assignment" => ["traffic-stop", "fatigue", "patrol", "traffic-stop,domestic", "nope", ",,,", "fatigue,<script>"],
            "q" =>
            [
                "kitchen", "/[a-z/", "/(a|b)*c{1,1000}/", "/.*a.{16}/", "x*a????????????????", "a~", "a~3", "a~-1", "\"a b\"~99999", "\"unclosed", "title:x", "title:",
                ":", "*", "?", "a AND", "AND", "NOT", "((((", "\\", "field:[a TO", "x^99", "a^-1", "a*b*c*d*e*f*", "<script>alert(1)</script>", "handg*",
            ],
            _ => [],
        };
        return random.Next(100) < 60 && plausible.Length > 0
            ? Uri.EscapeDataString(Pick(random, plausible))
            : Pick<Func<string>>(random,
            [
                () => Uri.EscapeDataString(Pick(random, Markup)),
                () => Uri.EscapeDataString(Pick(random, Junk)),
                () => Pick(random, ["%", "%zz", "%FF%FE", "%ED%A0%80", "%00", "%C0%80", "%0A%0D", "+", "&&"]),
                () => Uri.EscapeDataString(Long(random, random.Next(100, 3000))),
            ])();
    }

    private static string Id(Random random, params string[] real) => random.Next(100) < 50
        ? Pick(random, real) + Pick(random, ["", "", "", "x", "%00", "%20", "0"])
        : Pick<Func<string>>(random,
        [
            () => Pick(random, OddIds),
            () => Uri.EscapeDataString(Pick(random, Markup)),
            () => Uri.EscapeDataString(Pick(random, Junk.Where(j => j.Length > 0).ToArray())),
            () => new string('a', random.Next(65, 2000)),
            () => real[0].ToUpperInvariant(),
            () => real[0][..^1],
        ])();

    // ------------------------------------------------------------------ JSON paths

    private static (JsonObject? Parent, string Name) Parent(JsonObject body, string path)
    {
        var dot = path.IndexOf('.', StringComparison.Ordinal);
        if (dot < 0 || path.StartsWith('<'))
        {
            return (body, path);
        }

        if (body[path[..dot]] is not JsonObject inner)
        {
            inner = new JsonObject();
            body[path[..dot]] = inner;
        }

        return (inner, path[(dot + 1)..]);
    }

    private static void Place(JsonObject body, string path, JsonNode? value)
    {
        var (parent, name) = Parent(body, path);
        parent![name] = value;
    }

    private static string? Text(JsonObject body, string path)
    {
        var (parent, name) = Parent(body, path);
        return parent?[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
    }

    private static string Describe(JsonNode? node)
    {
        var text = node is null ? "null" : node.ToJsonString(Relaxed);
        return text.Length <= 60 ? text : $"{text[..40]}…({text.Length} chars)";
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
