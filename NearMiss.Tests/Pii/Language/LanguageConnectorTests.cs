using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text.Json.Nodes;

using Azure.Core;
using Azure.Core.Pipeline;

using Microsoft.Extensions.Logging;

using NearMiss.Core.Pii;
using NearMiss.Core.Pii.Language;
using NearMiss.Tests.Infrastructure;

using WireMock.ResponseBuilders;
using WireMock.Server;
using WireMock.Settings;

using Request = WireMock.RequestBuilders.Request;

namespace NearMiss.Tests.Pii.Language;

/// <summary>
/// The Azure AI Language connector against WireMock over TLS, with request and response shapes from the REST
/// reference of <c>:analyze-text</c> (kind <c>PiiEntityRecognition</c>, api-version 2023-04-01).
/// </summary>
public sealed class LanguageConnectorTests : IDisposable
{
    private const string Token = "entra-token-for-tests";
    private const string Name = "Zyx Quorra";
    // One key for the class: making an RSA key per test cost most of the class's time.
    private static readonly X509Certificate2 Certificate = SelfSigned();
    private static readonly string Text = $"Officer {Name} stopped a car at 1200 Elm Street. Call 555-0100 if seen.";

    private readonly WireMockServer _service = WireMockServer.Start(new WireMockServerSettings
    {
        UseSSL = true,
        CertificateSettings = new WireMockCertificateSettings { X509Certificate = Certificate },
    });
    private readonly CapturedLogs _logs = new();

    public void Dispose()
    {
        _service.Stop();
        _logs.Dispose();
    }

    private LanguagePiiOptions Options(TimeSpan? timeout = null) =>
        new() { Endpoint = _service.Url, Timeout = timeout ?? TimeSpan.FromSeconds(5), RetryDelay = TimeSpan.FromMilliseconds(10) };

    private LanguagePiiClient Client(LanguagePiiOptions? options = null) =>
        new(options ?? Options(), new FixedToken(), new HttpClientTransport(new HttpClientHandler
        {
            ServerCertificateCustomValidationCallback = HttpClientHandler.DangerousAcceptAnyServerCertificateValidator,
        }));

    private PiiSecondOpinion SecondOpinion(LanguagePiiClient? client) =>
        new(new LocalPiiDetector(), client, LoggerFactory.Create(b => b.AddProvider(_logs)).CreateLogger<PiiSecondOpinion>());

    private void Answer(params JsonObject[] documents) =>
        _service.Given(Request.Create().WithPath("/language/:analyze-text").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithHeader("Content-Type", "application/json").WithBody(new JsonObject
            {
                ["kind"] = "PiiEntityRecognitionResults",
                ["results"] = new JsonObject
                {
                    ["documents"] = new JsonArray(documents),
                    ["errors"] = new JsonArray(),
                    ["modelVersion"] = "2023-09-01",
                },
            }.ToJsonString()));

    private static JsonObject Document(string id, params JsonObject[] entities) =>
        new() { ["id"] = id, ["redactedText"] = "", ["entities"] = new JsonArray(entities), ["warnings"] = new JsonArray() };

    private static JsonObject Entity(string text, string category, int offset, double confidence, string? subcategory = null)
    {
        var entity = new JsonObject { ["text"] = text, ["category"] = category, ["offset"] = offset, ["length"] = text.Length, ["confidenceScore"] = confidence };
        if (subcategory is not null)
        {
            entity["subcategory"] = subcategory;
        }

        return entity;
    }

    [Fact]
    public async Task Detect_SendsTheDocumentedRequestWithAToken_AndMapsWhatIsPii()
    {
        Answer(Document(
            "0",
            Entity("Officer", "PersonType", 0, 0.9),
            Entity(Name, "Person", 8, 0.97),
            Entity("1200 Elm Street", "Address", Text.IndexOf("1200", StringComparison.Ordinal), 0.8),
            Entity("555-0100", "PhoneNumber", Text.IndexOf("555", StringComparison.Ordinal), 0.4)));

        var spans = await Client().DetectAsync(Text, CancellationToken.None);

        Assert.Equal(
            [new PiiSpan(8, 8 + Name.Length, PiiLabel.Person), new PiiSpan(Text.IndexOf("1200", StringComparison.Ordinal), Text.IndexOf(". Call", StringComparison.Ordinal), PiiLabel.Address)],
            spans);
        var request = Assert.Single(_service.LogEntries).RequestMessage;
        Assert.Equal("2023-04-01", request.Query!["api-version"].Single());
        Assert.Equal("Bearer " + Token, request.Headers!["Authorization"].Single());
        var body = JsonNode.Parse(request.Body!)!;
        Assert.Equal("PiiEntityRecognition", (string)body["kind"]!);
        Assert.True((bool)body["parameters"]!["loggingOptOut"]!);
        Assert.Equal("Utf16CodeUnit", (string)body["parameters"]!["stringIndexType"]!);
        var document = Assert.Single(body["analysisInput"]!["documents"]!.AsArray())!;
        Assert.Equal(("0", "en", Text), ((string)document["id"]!, (string)document["language"]!, (string)document["text"]!));
    }

    [Fact]
    public async Task Detect_LongText_IsSentInDocumentsTheServiceTakes_AndOffsetsComeBackWhole()
    {
        var sentence = "We waited at the corner for backup before going in. ";
        var text = string.Concat(Enumerable.Repeat(sentence, 120)) + $"Then {Name} came out.";
        var at = text.LastIndexOf(Name, StringComparison.Ordinal);
        var chunks = LanguagePiiClient.Chunk(text);
        var (lastStart, _) = chunks[^1];
        Answer(Document("0"), Document((chunks.Count - 1).ToString(System.Globalization.CultureInfo.InvariantCulture), Entity(Name, "Person", at - lastStart, 0.9)));

        var spans = await Client().DetectAsync(text, CancellationToken.None);

        Assert.Equal(2, chunks.Count);
        Assert.All(chunks, c => Assert.InRange(c.Length, 1, LanguagePiiClient.MaxDocumentChars));
        Assert.Equal(text.Length, chunks.Sum(c => c.Length));
        Assert.EndsWith(". ", text.Substring(chunks[0].Start, chunks[0].Length), StringComparison.Ordinal);
        Assert.Equal([new PiiSpan(at, at + Name.Length, PiiLabel.Person)], spans);
        var documents = JsonNode.Parse(Assert.Single(_service.LogEntries).RequestMessage.Body!)!["analysisInput"]!["documents"]!.AsArray();
        Assert.Equal(2, documents.Count);
    }

    [Fact]
    public async Task SecondOpinion_AddsWhatTheRulesMissed_AndKeepsEveryLocalFinding()
    {
        var text = "Dep. Hale and I met the driver behind the grain elevator.";
        var local = new LocalPiiDetector().Detect(text);
        var elevator = text.IndexOf("the grain elevator", StringComparison.Ordinal);
        Assert.DoesNotContain(local, s => s.End > elevator);
        Assert.Contains(local, s => text[s.Start..s.End].Contains("Hale", StringComparison.Ordinal) && s.Label == PiiLabel.Person);
        Answer(Document("0", Entity("the grain elevator", "Location", elevator, 0.7), Entity("Dep. Hale and", "Organization", 0, 0.7)));

        var spans = await SecondOpinion(Client()).DetectAsync(text, CancellationToken.None);

        Assert.Contains(new PiiSpan(elevator, elevator + "the grain elevator".Length, PiiLabel.Location), spans);
        var hale = Assert.Single(spans, s => text[s.Start..s.End].Contains("Hale", StringComparison.Ordinal));
        Assert.Equal((0, "Dep. Hale and".Length, PiiLabel.Person), (hale.Start, hale.End, hale.Label));
        Assert.All(local, found => Assert.Contains(spans, s => s.Start <= found.Start && s.End >= found.End));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(403)]
    [InlineData(429)]
    public async Task SecondOpinion_ServiceRefuses_GoesOnWithTheLocalFindings(int status)
    {
        _service.Given(Request.Create().WithPath("/language/:analyze-text").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(status).WithBody("{\"error\":{\"code\":\"Refused\",\"message\":\"no\"}}"));

        var spans = await SecondOpinion(Client()).DetectAsync(Text, CancellationToken.None);

        Assert.Equal(new LocalPiiDetector().Detect(Text), spans);
        var warning = Assert.Single(_logs.Lines, l => l.Contains("Language PII check failed", StringComparison.Ordinal));
        Assert.DoesNotContain(Name, warning, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SecondOpinion_ServiceTooSlow_GoesOnWithTheLocalFindings()
    {
        _service.Given(Request.Create().WithPath("/language/:analyze-text").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithDelay(TimeSpan.FromSeconds(2)).WithBody("{}"));

        var spans = await SecondOpinion(Client(Options(TimeSpan.FromSeconds(1)))).DetectAsync(Text, CancellationToken.None);

        Assert.Equal(new LocalPiiDetector().Detect(Text), spans);
        Assert.Contains(_logs.Lines, l => l.Contains("Language PII check failed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task SecondOpinion_DocumentRefused_GoesOnWithTheLocalFindings()
    {
        _service.Given(Request.Create().WithPath("/language/:analyze-text").UsingPost())
            .RespondWith(Response.Create().WithStatusCode(200).WithBody(new JsonObject
            {
                ["kind"] = "PiiEntityRecognitionResults",
                ["results"] = new JsonObject
                {
                    ["documents"] = new JsonArray(),
                    ["errors"] = new JsonArray(new JsonObject { ["id"] = "0", ["error"] = new JsonObject { ["code"] = "InvalidDocument", ["message"] = "too long" } }),
                    ["modelVersion"] = "2023-09-01",
                },
            }.ToJsonString()));

        Assert.Equal(new LocalPiiDetector().Detect(Text), await SecondOpinion(Client()).DetectAsync(Text, CancellationToken.None));
    }

    [Fact]
    public void Connector_IsOffUnlessAnHttpsEndpointIsSet()
    {
        Assert.Null(LanguagePiiClient.FromOptions(new LanguagePiiOptions()));
        Assert.Null(LanguagePiiClient.FromOptions(new LanguagePiiOptions { Endpoint = "" }));
        Assert.False(SecondOpinion(null).Enabled);
        var errors = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        var plain = new LanguagePiiOptions { Endpoint = "http://language.example/" };
        Assert.False(System.ComponentModel.DataAnnotations.Validator.TryValidateObject(plain, new(plain), errors, validateAllProperties: true));
        Assert.Contains(errors, e => e.MemberNames.Contains(nameof(LanguagePiiOptions.Endpoint)));
    }

    [Theory]
    [InlineData("Person", null, PiiLabel.Person)]
    [InlineData("Organization", null, PiiLabel.Agency)]
    [InlineData("DateTime", "Time", PiiLabel.Time)]
    [InlineData("DateTime", "Date", PiiLabel.Date)]
    [InlineData("Quantity", "Age", PiiLabel.Age)]
    [InlineData("USSocialSecurityNumber", null, PiiLabel.Ssn)]
    [InlineData("USDriversLicenseNumber", null, PiiLabel.DriverLicense)]
    [InlineData("USBankAccountNumber", null, PiiLabel.OtherId)]
    public void Categories_MapOntoOurLabels(string category, string? subcategory, PiiLabel label) =>
        Assert.Equal(label, LanguageCategories.ToLabel(category, subcategory));

    [Theory]
    [InlineData("PersonType", null)]
    [InlineData("DateTime", "Duration")]
    [InlineData("Quantity", "Number")]
    [InlineData("Event", null)]
    public void Categories_ThatAreNotPii_AreLeftOut(string category, string? subcategory) =>
        Assert.Null(LanguageCategories.ToLabel(category, subcategory));

    /// <summary>A certificate for the stand-in service's TLS, made for the run (the client is told to accept it).</summary>
    private static X509Certificate2 SelfSigned()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=localhost", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddDnsName("localhost");
        names.AddIpAddress(System.Net.IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pfx), null);
    }

    private sealed class FixedToken : TokenCredential
    {
        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            new(Token, DateTimeOffset.UtcNow.AddHours(1));

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
