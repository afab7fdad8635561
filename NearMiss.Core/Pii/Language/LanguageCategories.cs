namespace NearMiss.Core.Pii.Language;

/// <summary>
/// The Language service's PII categories mapped onto ours. Categories that describe a kind of person rather than a
/// person (<c>PersonType</c>: "officer", "driver") and quantities other than ages are not PII in a near-miss report
/// and are left out; every government, account or document number is an <see cref="PiiLabel.OtherId"/>.
/// </summary>
public static class LanguageCategories
{
    public static PiiLabel? ToLabel(string? category, string? subcategory) => category switch
    {
        "Person" => PiiLabel.Person,
        "PhoneNumber" => PiiLabel.Phone,
        "Email" => PiiLabel.Email,
        "Address" => PiiLabel.Address,
        "Location" or "GPE" => PiiLabel.Location,
        "Organization" => PiiLabel.Agency,
        "Age" => PiiLabel.Age,
        "Quantity" => subcategory == "Age" ? PiiLabel.Age : null,
        "DateTime" => subcategory switch
        {
            "Time" or "TimeRange" => PiiLabel.Time,
            "Duration" or "Set" => null,
            _ => PiiLabel.Date,
        },
        "USSocialSecurityNumber" => PiiLabel.Ssn,
        "USDriversLicenseNumber" => PiiLabel.DriverLicense,
        "IPAddress" or "URL" => PiiLabel.OtherId,
        { } other when other.EndsWith("Number", StringComparison.Ordinal)
            || other.Contains("Identification", StringComparison.Ordinal)
            || other.Contains("Passport", StringComparison.Ordinal) => PiiLabel.OtherId,
        _ => null,
    };
}
