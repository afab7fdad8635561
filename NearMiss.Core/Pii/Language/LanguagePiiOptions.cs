using System.ComponentModel.DataAnnotations;

namespace NearMiss.Core.Pii.Language;

/// <summary>
/// Section <c>NearMiss:Pii:Language</c>: the optional second opinion of an Azure AI Language account on each new
/// report (decision 025). Off while <see cref="Endpoint"/> is empty.
/// </summary>
public sealed class LanguagePiiOptions : IValidatableObject
{
    public const string Section = "NearMiss:Pii:Language";

    /// <summary>The account's endpoint, e.g. <c>https://nearmiss-lang.cognitiveservices.azure.com/</c>; empty for none.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The client id of the user-assigned managed identity to call it with; empty for the default credential chain.</summary>
    public string? ClientId { get; set; }

    /// <summary>The REST API version of <c>:analyze-text</c>.</summary>
    [Required]
    public string ApiVersion { get; set; } = "2023-04-01";

    /// <summary>Entities the service is less sure of than this are left out.</summary>
    [Range(0.0, 1.0)]
    public double MinConfidence { get; set; } = 0.6;

    /// <summary>How long one call may take before the report goes on with the local findings only.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The first wait before a retry (two retries, growing): refused or slow answers are tried again.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    public bool Enabled => !string.IsNullOrWhiteSpace(Endpoint);

    /// <summary>The endpoint as an address, with the trailing slash relative paths need.</summary>
    public Uri EndpointAddress() => new(Endpoint!.TrimEnd('/') + "/");

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (Enabled && (!Uri.TryCreate(Endpoint, UriKind.Absolute, out var endpoint) || endpoint.Scheme != Uri.UriSchemeHttps))
        {
            yield return new ValidationResult("must be an absolute https address (the token is sent to it)", [nameof(Endpoint)]);
        }
    }
}
