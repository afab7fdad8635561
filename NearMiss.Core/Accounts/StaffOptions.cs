namespace NearMiss.Core.Accounts;

/// <summary>The programme's staff (section <c>NearMiss:Staff</c>): who hears of an urgent hazard at once.</summary>
public sealed class StaffOptions
{
    public const string Section = "NearMiss:Staff";

    /// <summary>Staff addresses, comma separated.</summary>
    public string Emails { get; set; } = "";

    public IReadOnlyList<string> Addresses =>
        Emails.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    /// <summary>Whether <paramref name="emailAddress"/> is on the staff list, without regard to case.</summary>
    public bool Has(string emailAddress) => Addresses.Contains(emailAddress.Trim(), StringComparer.OrdinalIgnoreCase);
}
