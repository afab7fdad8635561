using System.Text;

using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

using MimeKit;

using NearMiss.Core.Email;

namespace NearMiss.Tests.Email;

public sealed class PickupDirectoryEmailSenderTests : IDisposable
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 1, 2, 3];

    private readonly string _directory = Path.Combine(Path.GetTempPath(), "nearmiss-pickup-" + Guid.NewGuid().ToString("N"));

    private PickupDirectoryEmailSender Sender() => new(
        Options.Create(new EmailOptions { PickupDirectory = _directory, From = "nearmiss@example.org" }),
        new FakeTimeProvider(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero)),
        NullLogger<PickupDirectoryEmailSender>.Instance);

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }
    }

    [Fact]
    public async Task Send_TextOnly_WritesOneWellFormedEmlFile()
    {
        await Sender().SendAsync(new EmailMessage(["alice@example.org"], "Stage 1 review — waiting", "Line one.\nhttps://x.example/review/"), CancellationToken.None);

        var file = Assert.Single(Directory.GetFiles(_directory));
        Assert.EndsWith(".eml", file);
        var raw = await File.ReadAllTextAsync(file);
        Assert.DoesNotMatch("[^\r]\n", raw);
        var header = raw[..raw.IndexOf("\r\n\r\n", StringComparison.Ordinal)];
        Assert.Contains("From: nearmiss@example.org", header);
        Assert.Contains("To: alice@example.org", header);
        Assert.Contains("Date: ", header);
        Assert.Contains("Message-Id: ", header, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("MIME-Version: 1.0", header);
        Assert.True(Encoding.UTF8.GetByteCount(raw) == raw.Length, "headers and body are 7-bit encoded");

        var message = await MimeMessage.LoadAsync(file);
        Assert.Equal("Stage 1 review — waiting", message.Subject);
        Assert.IsType<TextPart>(message.Body);
        Assert.Contains("https://x.example/review/", message.TextBody);
        Assert.Equal(new DateTimeOffset(2026, 11, 20, 8, 0, 0, TimeSpan.Zero), message.Date);
    }

    [Fact]
    public async Task Send_HtmlWithInlineImageAndAttachment_WritesMultipart()
    {
        var email = new EmailMessage(
            ["staff@example.org"],
            "Trends",
            "See the chart.",
            """<p>See the chart.</p><img src="cid:chart1">""",
            [new EmailAttachment("chart.png", "image/png", Png, "chart1"), new EmailAttachment("trends.csv", "text/csv", "a,b\n1,2\n"u8.ToArray())]);

        await Sender().SendAsync(email, CancellationToken.None);

        var message = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(_directory)));
        var mixed = Assert.IsType<Multipart>(message.Body);
        Assert.Equal("multipart/mixed", mixed.ContentType.MimeType);
        Assert.Equal("See the chart.", message.TextBody?.Trim());
        Assert.Contains("cid:chart1", message.HtmlBody ?? "");
        var inline = Assert.Single(message.BodyParts.OfType<MimePart>(), p => p.ContentId == "chart1");
        Assert.Equal("image/png", inline.ContentType.MimeType);
        using var content = new MemoryStream();
        await inline.Content!.DecodeToAsync(content);
        Assert.Equal(Png, content.ToArray());
        Assert.Equal("trends.csv", Assert.Single(message.Attachments).ContentDisposition?.FileName);
    }

    [Fact]
    public async Task Send_WithListUnsubscribeHeaders_WritesThemIntoTheFile()
    {
        var headers = new Dictionary<string, string>
        {
            ["List-Unsubscribe"] = "<https://x.example/api/library/unsubscribe?token=a.b.c>",
            ["List-Unsubscribe-Post"] = "List-Unsubscribe=One-Click",
        };

        await Sender().SendAsync(new EmailMessage(["reader@example.org"], "Digest", "Text", Headers: headers), CancellationToken.None);

        var message = await MimeMessage.LoadAsync(Assert.Single(Directory.GetFiles(_directory)));
        Assert.Equal("<https://x.example/api/library/unsubscribe?token=a.b.c>", message.Headers["List-Unsubscribe"]);
        Assert.Equal("List-Unsubscribe=One-Click", message.Headers["List-Unsubscribe-Post"]);
    }

    [Fact]
    public async Task Send_SeveralRecipients_WritesOneFileEachSeeingOnlyThemselves()
    {
        await Sender().SendAsync(new EmailMessage(["a@example.org", "b@example.org"], "S", "T"), CancellationToken.None);

        var recipients = new List<string>();
        foreach (var file in Directory.GetFiles(_directory))
        {
            recipients.Add((await MimeMessage.LoadAsync(file)).To.Mailboxes.Single().Address);
        }

        Assert.Equal(["a@example.org", "b@example.org"], recipients.Order());
    }

    [Fact]
    public async Task Send_LeavesNoTemporaryFiles()
    {
        await Sender().SendAsync(new EmailMessage(["a@example.org"], "S", "T"), CancellationToken.None);

        Assert.All(Directory.GetFiles(_directory), f => Assert.EndsWith(".eml", f));
    }
}
