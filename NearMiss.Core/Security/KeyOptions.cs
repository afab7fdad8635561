using System.ComponentModel.DataAnnotations;

namespace NearMiss.Core.Security;

/// <summary>
/// Secrets, each 32 random bytes in base64 (section <c>NearMiss:Keys</c>; Key Vault references in Azure).
/// </summary>
public sealed class KeyOptions
{
    public const string Section = "NearMiss:Keys";

    /// <summary>Key-encryption key that wraps each report's own data key (AES-GCM).</summary>
    [Required(ErrorMessage = "NearMiss:Keys:Sealing is missing: set it to 32 random bytes in base64.")]
    [Base64Key]
    public string Sealing { get; set; } = "";

    /// <summary>HMAC key that turns a receipt into the report id; the receipt itself is never stored.</summary>
    [Required(ErrorMessage = "NearMiss:Keys:Receipt is missing: set it to 32 random bytes in base64.")]
    [Base64Key]
    public string Receipt { get; set; } = "";

    /// <summary>HMAC key that signs access tokens; each audience signs with its own key derived from it.</summary>
    [Required(ErrorMessage = "NearMiss:Keys:Signing is missing: set it to 32 random bytes in base64.")]
    [Base64Key]
    public string Signing { get; set; } = "";

    public static byte[] Decode(string value) => Convert.FromBase64String(value);
}

[AttributeUsage(AttributeTargets.Property)]
public sealed class Base64KeyAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        if (value is not string text || text.Length == 0)
        {
            return ValidationResult.Success; // [Required] reports the missing value.
        }

        var buffer = new byte[64];
        return Convert.TryFromBase64String(text, buffer, out var written) && written == 32
            ? ValidationResult.Success
            : new ValidationResult($"NearMiss:Keys:{validationContext.MemberName} must be 32 bytes in base64.");
    }
}
