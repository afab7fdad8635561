namespace NearMiss.Core.Pii;

/// <summary>The labels of the <c>pii scan</c> contract (decision 002, README).</summary>
public enum PiiLabel
{
    Person,
    BadgeId,
    Agency,
    Address,
    Location,
    Phone,
    Email,
    Plate,
    Date,
    Time,
    CaseNumber,
    Ssn,
    DriverLicense,
    VehicleId,
    Age,
    OtherId,
}

public static class PiiLabels
{
    private static readonly string[] Names =
    [
        "PERSON", "BADGE_ID", "AGENCY", "ADDRESS", "LOCATION", "PHONE", "EMAIL", "PLATE", "DATE", "TIME",
        "CASE_NUMBER", "SSN", "DRIVER_LICENSE", "VEHICLE_ID", "AGE", "OTHER_ID",
    ];

    /// <summary>The contract name, e.g. <c>BADGE_ID</c>.</summary>
    public static string ToContractName(this PiiLabel label) => Names[(int)label];

    public static bool TryParse(string name, out PiiLabel label)
    {
        var index = Array.IndexOf(Names, name);
        label = (PiiLabel)Math.Max(index, 0);
        return index >= 0;
    }
}
