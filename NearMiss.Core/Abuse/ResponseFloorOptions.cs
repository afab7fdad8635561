using System.ComponentModel.DataAnnotations;

namespace NearMiss.Core.Abuse;

/// <summary>
/// Section <c>NearMiss:ResponseFloor</c>: the least time an answer takes, counted from the request's start, on the
/// endpoints whose speed could tell a caller something: whether a receipt leads to a report, whether an address has
/// an account. Each is above what the slowest normal answer takes (docs/benchmarks.md), so every answer takes it.
/// </summary>
public sealed class ResponseFloorOptions
{
    public const string Section = "NearMiss:ResponseFloor";

    /// <summary><c>POST /api/receipts/status</c> and <c>/api/receipts/messages</c>; 0 turns the floor off.</summary>
    [Range(0, 10_000)]
    public int LookupMilliseconds { get; set; } = 300;

    /// <summary><c>POST /api/review/signin</c> and <c>/api/readers/signin</c>, which e-mail a link to known addresses; 0 turns it off.</summary>
    [Range(0, 10_000)]
    public int SignInMilliseconds { get; set; } = 1000;
}
