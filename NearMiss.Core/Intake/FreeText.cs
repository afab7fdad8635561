namespace NearMiss.Core.Intake;

/// <summary>The one rule every free-text field shares, from the reporter's narrative to a reviewer's lesson.</summary>
public static class FreeText
{
    public const string ControlCharacters = "contains control characters";

    /// <summary>
    /// Whether <paramref name="text"/> holds a control character (NUL, escape, C1 controls, ...) other than a line break or a tab:
    /// such characters have no place in a report, and pages, e-mails and exports would show them as garbage or not at all.
    /// </summary>
    public static bool HasControlCharacters(string text) => text.Any(c => char.IsControl(c) && c is not ('\n' or '\r' or '\t'));
}
