namespace NearMiss.Core.Pii;

/// <summary>Call signs that are numbers alone, said on the radio: "four twelve to central", "copy four twelve is on the way".</summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// Two or three number words that read as three or four digits ("four twelve", "two forty two", "three twenty three")
    /// where the radio marks them as a unit: opening a turn before "to" and a dispatcher ("OFFICER 1: two forty two to
    /// dispatch"), or said twice ("three twenty three three twenty three"); after "copy" before a radio word ("copy four
    /// twelve is on the way"). Not before "hours" or after "at" or "time": a time said the same way. (Two units said one
    /// after the other, "copy four twelve four twenty", read as one number and are left.)
    /// </summary>
    private void NumberedCallSigns(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(NumberWords) || !TextHas(Dispatchers) && !TextHasWord("copy"))
        {
            return;
        }

        Span<char> digits = stackalloc char[16];
        for (var k = 0; k < count; k++)
        {
            if (!In(NumberWords, k) || k > 0 && In(NumberWords, k - 1) && Spaced(k - 1, k))
            {
                continue;
            }

            var length = SaidDigits(k, digits, out var last);
            var words = last - k + 1;
            if (words is < 2 or > 3 || length is < 3 or > 4 || digits[0] == '0' || EqAny(last + 1, "hours", "hrs", "hundred", "thousand") || EqAny(k - 1, "at", "time", "about", "around"))
            {
                // ("three twenty three three twenty three": the run said twice reads as one number of six digits)
                if (length is 6 or 8 && digits[..(length / 2)].SequenceEqual(digits[(length / 2)..length]) && TurnStart(k) && words is 4 or 6 && digits[0] != '0')
                {
                    AddCallSign(spans, added, k, last);
                }

                k = last;
                continue;
            }

            var marked = TurnStart(k) && Eq(last + 1, "to") && In(Dispatchers, last + 2)
                || Eq(k - 1, "copy") && EqAny(last + 1, "is", "on", "en", "copy", "responding", "clear", "go", "you're", "your");
            if (marked)
            {
                AddCallSign(spans, added, k, last);
            }

            k = last;
        }
    }

    /// <summary>Does a speaker's turn open at <paramref name="k"/>: a line's start, or after a speaker's colon?</summary>
    private bool TurnStart(int k) => k == 0 || tokens[k].Has(TokenFlags.NewlineBefore) || P(k - 1, ':') && (k < 2 || IsWord(k - 2) || tokens[k - 2].Kind is TokenKind.Number or TokenKind.Alnum);

    private void AddCallSign(List<PiiSpan> spans, List<PiiSpan> added, int k, int last)
    {
        if (!Overlaps(spans, tokens[k].Start, tokens[last].End) && !Overlaps(added, tokens[k].Start, tokens[last].End))
        {
            added.Add(new PiiSpan(tokens[k].Start, tokens[last].End, PiiLabel.BadgeId));
        }
    }
}
