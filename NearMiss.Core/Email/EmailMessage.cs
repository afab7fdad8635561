namespace NearMiss.Core.Email;

/// <summary>
/// An e-mail to send. Every address in <paramref name="To"/> gets its own copy and sees no other recipient.
/// <paramref name="Headers"/> are extra header fields every copy carries (the digest's <c>List-Unsubscribe</c>).
/// </summary>
public sealed record EmailMessage(
    IReadOnlyList<string> To,
    string Subject,
    string Text,
    string? Html = null,
    IReadOnlyList<EmailAttachment>? Attachments = null,
    IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>
/// A file sent with an e-mail. With a <paramref name="ContentId"/> it is inline: the HTML body shows it as
/// <c>&lt;img src="cid:ContentId"&gt;</c> (charts in the trend e-mails).
/// </summary>
public sealed record EmailAttachment(string Name, string ContentType, byte[] Content, string? ContentId = null);

/// <summary>Sends e-mail: SendGrid when a key is configured, otherwise <c>.eml</c> files in the pickup directory.</summary>
public interface IEmailSender
{
    /// <summary>Sends <paramref name="message"/>; throws when it could not be handed over (so a queue retry applies).</summary>
    Task SendAsync(EmailMessage message, CancellationToken cancellationToken);
}

/// <summary>The e-mail service refused or failed a message.</summary>
public sealed class EmailDeliveryException(string message) : Exception(message);
