using System.Text.Json.Nodes;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

using NearMiss.Core.Email;

using WireMock.RequestBuilders;
using WireMock.ResponseBuilders;
using WireMock.Server;

namespace NearMiss.Tests.Email;

public sealed class SendGridEmailSenderTests : IDisposable
{
    private readonly WireMockServer _sendGrid = WireMockServer.Start();

    public void Dispose() => _sendGrid.Stop();

    private SendGridEmailSender Sender() => new(
        Options.Create(new EmailOptions { SendGridApiKey = "SG.test-key", SendGridHost = _sendGrid.Url, From = "nearmiss@example.org" }),
        NullLogger<SendGridEmailSender>.Instance);

    private void Answer(int status) =>
        _sendGrid.Given(Request.Create().WithPath("/v3/mail/send").UsingPost()).RespondWith(Response.Create().WithStatusCode(status));

    [Fact]
    public async Task Send_Accepted_PostsOnePersonalizationPerRecipient()
    {
        Answer(202);

        await Sender().SendAsync(
            new EmailMessage(["a@example.org", "b@example.org"], "Subject", "Text", "<p>Html</p>", [new EmailAttachment("c.png", "image/png", [1, 2], "c1")]),
            CancellationToken.None);

        var request = Assert.Single(_sendGrid.LogEntries).RequestMessage;
        Assert.Equal("/v3/mail/send", request.Path);
        Assert.Equal("Bearer SG.test-key", request.Headers!["Authorization"].Single());
        var body = JsonNode.Parse(request.Body!)!;
        Assert.Equal("nearmiss@example.org", (string)body["from"]!["email"]!);
        Assert.Equal(["a@example.org", "b@example.org"], body["personalizations"]!.AsArray().Select(p => (string)p!["to"]!.AsArray().Single()!["email"]!));
        Assert.Equal(["text/plain", "text/html"], body["content"]!.AsArray().Select(c => (string)c!["type"]!));
        var attachment = body["attachments"]![0]!;
        Assert.Equal(("inline", "c1", "AQI="), ((string)attachment["disposition"]!, (string)attachment["content_id"]!, (string)attachment["content"]!));
    }

    [Theory]
    [InlineData(500)]
    [InlineData(401)]
    [InlineData(429)]
    public async Task Send_Refused_Throws(int status)
    {
        Answer(status);

        var error = await Assert.ThrowsAsync<EmailDeliveryException>(() =>
            Sender().SendAsync(new EmailMessage(["a@example.org"], "S", "T"), CancellationToken.None));

        Assert.Contains(status.ToString(System.Globalization.CultureInfo.InvariantCulture), error.Message);
        Assert.DoesNotContain("a@example.org", error.Message);
    }
}
