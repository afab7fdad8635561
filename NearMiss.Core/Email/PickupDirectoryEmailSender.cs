using System.Security.Cryptography;

using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using MimeKit;

namespace NearMiss.Core.Email;

/// <summary>
/// Local mode: one RFC 5322 <c>.eml</c> file per recipient in <c>NearMiss:Email:PickupDirectory</c>, as a mail
/// server would deliver it (MIME multipart when there is HTML or an attachment). Each file is written under a
/// temporary name and then renamed, so a reader never sees half a message.
/// </summary>
public sealed partial class PickupDirectoryEmailSender(IOptions<EmailOptions> options, TimeProvider time, ILogger<PickupDirectoryEmailSender> logger) : IEmailSender
{
    /// <summary>RFC 5322 lines end in CRLF on every platform.</summary>
    private static readonly FormatOptions Format = CreateFormat();

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(message.To.Count, nameof(message));
        var directory = Path.GetFullPath(options.Value.PickupDirectory);
        Directory.CreateDirectory(directory);
        foreach (var recipient in message.To)
        {
            var mime = ToMime(message, recipient);
            // A random name: a time in the name would date the e-mail to the millisecond, long after its Date is gone.
            var name = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
            var temporary = Path.Combine(directory, name + ".tmp");
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                await mime.WriteToAsync(Format, file, cancellationToken);
            }

            File.Move(temporary, Path.Combine(directory, name + ".eml"));
        }

        LogWritten(logger, message.To.Count);
    }

    internal MimeMessage ToMime(EmailMessage message, string recipient)
    {
        var mime = new MimeMessage
        {
            Subject = message.Subject,
            Date = time.GetUtcNow(),
        };
        mime.From.Add(MailboxAddress.Parse(options.Value.From));
        mime.To.Add(MailboxAddress.Parse(recipient));
        foreach (var (name, value) in message.Headers ?? new Dictionary<string, string>())
        {
            mime.Headers.Add(name, value);
        }

        var body = new BodyBuilder { TextBody = message.Text, HtmlBody = message.Html };
        foreach (var attachment in message.Attachments ?? [])
        {
            var type = ContentType.Parse(attachment.ContentType);
            if (attachment.ContentId is { } contentId)
            {
                body.LinkedResources.Add(attachment.Name, attachment.Content, type).ContentId = contentId;
            }
            else
            {
                body.Attachments.Add(attachment.Name, attachment.Content, type);
            }
        }

        mime.Body = body.ToMessageBody();
        return mime;
    }

    private static FormatOptions CreateFormat()
    {
        var format = FormatOptions.Default.Clone();
        format.NewLineFormat = NewLineFormat.Dos;
        return format;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail written to the pickup directory for {RecipientCount} recipient(s)")]
    private static partial void LogWritten(ILogger logger, int recipientCount);
}
