using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

using SendGrid;
using SendGrid.Helpers.Mail;

namespace NearMiss.Core.Email;

/// <summary>
/// Sends through SendGrid (<c>POST /v3/mail/send</c>): one request per message, one personalization per
/// recipient so no one sees another's address. A response other than 2xx throws, so the queue retries.
/// </summary>
public sealed partial class SendGridEmailSender(IOptions<EmailOptions> options, ILogger<SendGridEmailSender> logger) : IEmailSender
{
    private readonly SendGridClient _client = CreateClient(options.Value);

    public async Task SendAsync(EmailMessage message, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfZero(message.To.Count, nameof(message));
        var response = await _client.SendEmailAsync(ToSendGrid(message, options.Value.From), cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // The body may echo addresses: only the status is reported.
            LogRefused(logger, (int)response.StatusCode);
            throw new EmailDeliveryException($"SendGrid answered {(int)response.StatusCode}.");
        }

        LogSent(logger, message.To.Count);
    }

    internal static SendGridMessage ToSendGrid(EmailMessage message, string from)
    {
        var mail = new SendGridMessage();
        mail.SetFrom(new EmailAddress(from));
        mail.SetSubject(message.Subject);
        mail.AddContent(MimeType.Text, message.Text);
        if (message.Html is not null)
        {
            mail.AddContent(MimeType.Html, message.Html);
        }

        mail.Personalizations = message.To.Select(to => new Personalization { Tos = [new EmailAddress(to)] }).ToList();
        if (message.Headers is { Count: > 0 } headers)
        {
            mail.Headers = new Dictionary<string, string>(headers);
        }

        foreach (var attachment in message.Attachments ?? [])
        {
            mail.AddAttachment(new Attachment
            {
                Filename = attachment.Name,
                Type = attachment.ContentType,
                Content = Convert.ToBase64String(attachment.Content),
                Disposition = attachment.ContentId is null ? "attachment" : "inline",
                ContentId = attachment.ContentId,
            });
        }

        return mail;
    }

    private static SendGridClient CreateClient(EmailOptions options)
    {
        var clientOptions = new SendGridClientOptions { ApiKey = options.SendGridApiKey };
        if (!string.IsNullOrEmpty(options.SendGridHost))
        {
            clientOptions.Host = options.SendGridHost.TrimEnd('/');
        }

        return new SendGridClient(clientOptions);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail handed to SendGrid for {RecipientCount} recipient(s)")]
    private static partial void LogSent(ILogger logger, int recipientCount);

    [LoggerMessage(Level = LogLevel.Error, Message = "SendGrid refused an e-mail with status {Status}")]
    private static partial void LogRefused(ILogger logger, int status);
}
