namespace NearMiss.Core.Pii;

/// <summary>Call signs written in digits that open a radio turn: "TROOPER: 844, we're about two out", "[speaker 3] 7-41, I'm on 59".</summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// A call sign in digits opening a turn, before a comma and a word, a radio word or "on scene": three digits
    /// ("844"), four that are no clock ("9341"), or digits or a letter joined to digits by a hyphen ("7-41", "S-12"), a
    /// letter joined so to a number said ("P-Eleven");
    /// not a ten-code ("10-80", "11-99") nor the emergency line. The same sign said again is found by the echoes' step.
    /// </summary>
    private void DigitTurnSigns(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasPunct(':') && !Shapes.HasPunct(']'))
        {
            return;
        }

        for (var k = 0; k + 1 < count; k++)
        {
            if (!(TurnStart(k) || P(k - 1, ']')) || SignEnd(k) is not (> 0 and var last))
            {
                continue;
            }

            var after = last + 1;
            var called = P(after, ',') && IsWord(after + 1) && !tokens[after + 1].Has(TokenFlags.NewlineBefore) || RadioWordAt(after) && !tokens[after].Has(TokenFlags.NewlineBefore);
            if (called)
            {
                AddInPlace(spans, added, new PiiSpan(tokens[k].Start, tokens[last].End, PiiLabel.BadgeId));
            }

            k = last;
        }
    }

    /// <summary>The last token of a call sign in digits at <paramref name="k"/> ("844", "7-41", "S-12", "P-Eleven"), or -1.</summary>
    private int SignEnd(int k)
    {
        if (tokens[k].Kind == TokenKind.Number && !(k + 1 < count && P(k + 1, '-') && tokens[k + 1].Start == tokens[k].End))
        {
            var digits = W(k);
            return digits.Length == 3 && digits is not "911" || digits.Length == 4 && !IsClockDigits(digits) ? k : -1;
        }

        // "7-41", "S-12": one or two digits or one letter, a hyphen, one to three digits.
        var head = tokens[k].Kind == TokenKind.Number && tokens[k].Length <= 2 || IsWord(k) && tokens[k].Length == 1 && char.IsAsciiLetterUpper(text[tokens[k].Start]);
        if (!head || k + 2 >= count || !P(k + 1, '-') || tokens[k + 1].Start != tokens[k].End || tokens[k + 2].Start != tokens[k + 1].End || W(k) is "10" or "11")
        {
            return -1;
        }

        if (tokens[k].Kind == TokenKind.Word && IsNumberWord(k + 2) && !Eq(k + 2, "oh"))
        {
            return k + 2; // "P-Eleven, I'm out on foot"
        }

        if (tokens[k + 2].Kind != TokenKind.Number || tokens[k + 2].Length > 3)
        {
            return -1;
        }

        return k + 3 < count && (P(k + 3, '-') || P(k + 3, ':')) && tokens[k + 3].Start == tokens[k + 2].End ? -1 : k + 2;
    }

    /// <summary>Four digits that read as a clock: "0215", "2359".</summary>
    private static bool IsClockDigits(ReadOnlySpan<char> digits) =>
        (digits[0] - '0') * 10 + (digits[1] - '0') is < 24 && (digits[2] - '0') * 10 + (digits[3] - '0') is < 60;
}
