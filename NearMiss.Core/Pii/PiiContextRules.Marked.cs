namespace NearMiss.Core.Pii;

/// <summary>
/// Numbers an id's mark or letters name (decision 079): "DOC# 782214", "bk# 7730124", "tomis # is 00482291", "USDOT
/// 3318204", "(OID 254119)", "ADC numbers 318844 and 290175".
/// </summary>
internal sealed partial class PiiContextRules
{
    private void MarkedIdNumbers(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasNumber(5, 12))
        {
            return;
        }

        for (var k = 1; k < count; k++)
        {
            if (tokens[k].Kind != TokenKind.Number || tokens[k].Length is < 5 or > 12 || !char.IsAsciiDigit(text[tokens[k].Start]) || P(k + 1, '-') || P(k - 1, '-')
                || Overlaps(spans, tokens[k].Start, tokens[k].End) || Overlaps(added, tokens[k].Start, tokens[k].End))
            {
                continue;
            }

            var mark = Eq(k - 1, "is") && P(k - 2, '#') ? k - 2 : k - 1;
            var marked = P(mark, '#') && IsWord(mark - 1) && !IsNumberWord(mark - 1);
            var lettered = IsIdLetters(k - 1);
            var listed = Eq(k - 1, "numbers") && IsIdLetters(k - 2);
            var second = Eq(k - 1, "and") && k >= 3 && added.Count > 0 && added[^1].Label == PiiLabel.OtherId && added[^1].End == tokens[k - 2].End && Eq(k - 3, "numbers");
            if (!marked && !lettered && !listed && !second)
            {
                continue;
            }

            // "TADEUSZ DOC# 782214": the id's letters are no part of the name before them.
            if (marked && tokens[mark].Start == tokens[mark - 1].End)
            {
                TrimNameBefore(spans, mark - 1);
            }

            added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.OtherId));
        }
    }

    /// <summary>An id's letters in capitals before its number ("USDOT", "OID", "SID"): two to six letters, no state's code, word of grammar or measure.</summary>
    private bool IsIdLetters(int k) =>
        IsWord(k) && tokens[k].Length is >= 2 and <= 6 && tokens[k].Has(TokenFlags.AllCaps) && !tokens[k].Is(Lex.StateCode | Lex.State | Lex.Stop | Lex.Measure | Lex.Month | Lex.Weekday)
        && !caseless;

    /// <summary>Takes the word at <paramref name="k"/> off the end of the person's name that ends with it.</summary>
    private void TrimNameBefore(List<PiiSpan> spans, int k)
    {
        for (var s = 0; s < spans.Count; s++)
        {
            if (spans[s].Label == PiiLabel.Person && spans[s].End == tokens[k].End && spans[s].Start < tokens[k].Start && k >= 1)
            {
                spans[s] = new PiiSpan(spans[s].Start, tokens[k - 1].End, PiiLabel.Person);
            }
        }
    }

    /// <summary>Does a person's name found end with token <paramref name="k"/>?</summary>
    private bool PersonEndsAt(List<PiiSpan> spans, int k)
    {
        foreach (var span in spans)
        {
            if (span.Label == PiiLabel.Person && k >= 0 && span.End == tokens[k].End)
            {
                return true;
            }
        }

        return false;
    }
}
