using System.ComponentModel.DataAnnotations;

namespace NearMiss.Core.Email;

/// <summary>Section <c>NearMiss:Email</c>. Without <see cref="SendGridApiKey"/> mail goes to <see cref="PickupDirectory"/>.</summary>
public sealed class EmailOptions
{
    public const string Section = "NearMiss:Email";

    [Required(ErrorMessage = "NearMiss:Email:From must be an address.")]
    [EmailAddress(ErrorMessage = "NearMiss:Email:From must be an address.")]
    public string From { get; set; } = "nearmiss@localhost";

    /// <summary>A SendGrid API key (Key Vault reference in Azure). Empty: write <c>.eml</c> files instead.</summary>
    public string? SendGridApiKey { get; set; }

    /// <summary>The SendGrid API base address; only tests change it.</summary>
    [Url(ErrorMessage = "NearMiss:Email:SendGridHost must be an absolute URL.")]
    public string? SendGridHost { get; set; }

    /// <summary>Where <c>.eml</c> files go without SendGrid (relative to the working directory).</summary>
    [Required(ErrorMessage = "NearMiss:Email:PickupDirectory must not be empty.")]
    public string PickupDirectory { get; set; } = ".nearmiss/mail";

    public bool UsesSendGrid => !string.IsNullOrWhiteSpace(SendGridApiKey);
}
