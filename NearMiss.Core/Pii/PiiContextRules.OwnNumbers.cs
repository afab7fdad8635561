namespace NearMiss.Core.Pii;

/// <summary>An officer's own numbers said of themselves: "my number's 2208", "we're riding as five twenty-one".</summary>
internal sealed partial class PiiContextRules
{
    /// <summary>What kind of number "my … number" names before it: "my payroll number", "my badge number".</summary>
    private static readonly WordSet OwnNumberKinds = new(["badge", "payroll", "employee", "serial", "unit", "radio", "id", "personnel"]);

    /// <summary>
    /// "my number's 2208", "My payroll number's 241877", "it's under my number, 5512": the number an officer gives as
    /// their own, three to seven digits after "my number" (a kind between) and "'s", "is", a comma or a colon.
    /// </summary>
    private void OwnNumbers(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHasWord("my") || !TextHasWord("number") || !Shapes.HasNumber(3, 7))
        {
            return;
        }

        for (var k = 1; k + 1 < count; k++)
        {
            if (!Eq(k, "number") || !(Eq(k - 1, "my") || In(OwnNumberKinds, k - 1) && Eq(k - 2, "my")))
            {
                continue;
            }

            var n = Eq(k + 1, "is") || P(k + 1, ',') || P(k + 1, ':') ? k + 2 : P(k + 1, '\'') && Eq(k + 2, "s") ? k + 3 : k + 1;
            if (n < count && tokens[n].Kind == TokenKind.Number && tokens[n].Length is >= 3 and <= 7 && !(P(n + 1, '-') || P(n + 1, '.') && n + 2 < count && tokens[n + 2].Kind == TokenKind.Number))
            {
                AddCallSign(spans, added, n, n);
            }
        }
    }

    /// <summary>
    /// "we're riding as five twenty-one", "I was working Adam 3", "running as twelve", "working 1134 bravo": the call sign
    /// a unit rode under, said after "riding as", "running as" or "working": a spelling word and a number, a number of
    /// two or more digits, or, after "working", "riding" or "running" alone, a number in figures and its spelling word.
    /// </summary>
    private void RiddenCallSigns(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHasWord("riding") && !TextHasWord("running") && !TextHasWord("working"))
        {
            return;
        }

        Span<char> digits = stackalloc char[16];
        for (var k = 1; k < count; k++)
        {
            var beat = EqAny(k - 1, "working", "riding", "running") && tokens[k].Kind == TokenKind.Number && tokens[k].Length is >= 2 and <= 4 && In(Phonetic, k + 1) && Spaced(k, k + 1);
            var cued = Eq(k - 1, "as") && EqAny(k - 2, "riding", "running", "working") || Eq(k - 1, "working") && In(Phonetic, k) || beat;
            if (!cued || !Spaced(k - 1, k))
            {
                continue;
            }

            int last;
            if (beat)
            {
                last = k + 1; // "working 1134 bravo": a beat's number and its letter
            }
            else if (In(Phonetic, k) && tokens[k].Has(TokenFlags.Capitalized | TokenFlags.Lower))
            {
                var n = k + 1;
                if (n < count && tokens[n].Kind == TokenKind.Number && tokens[n].Length <= 3 && Spaced(k, n))
                {
                    last = n; // "Adam 3"
                }
                else if (SpokenCallSignEnd(k, out var numbers) - 1 is var end && numbers > 0)
                {
                    last = end; // "adam twelve"
                }
                else
                {
                    continue;
                }
            }
            else if (IsNumberWord(k) && !Eq(k, "oh") && SaidDigits(k, digits, out last) is >= 2 and <= 4)
            {
                // (a number said, "five twenty-one"; its letter after it too: "sixty-two Adam")
                last = In(Phonetic, last + 1) && Spaced(last, last + 1) ? last + 1 : last;
            }
            else
            {
                continue;
            }

            if (!In(Counted, last + 1) && !(IsWord(last + 1) && tokens[last + 1].Is(Lex.Measure)))
            {
                AddCallSign(spans, added, k, last, overName: true);
            }
        }
    }
}
