namespace NearMiss.Core.Pii;

/// <summary>Plates after their state, with or without "plate" between (decision 067): "IL CJ 74109", "Oregon plates, 173 KFG".</summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// A plate after its state, with or without "plate" or "tag" between: "IL CJ 74109", "Illinois plates, DK 48213",
    /// "Colorado ARN-Q82", "MN DKL-552", "Oregon plates, 173 KFG", "plate was iowa JYK 772". The plate is in capitals with
    /// letters and digits: one token of five to eight, a hyphened one of six to nine ("F-150" is a truck), or a group
    /// of letters and a group of digits.
    /// </summary>
    private void PlatesAfterStates(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasLex(Lex.State | Lex.StateCode))
        {
            return;
        }

        for (var k = 0; k + 1 < count; k++)
        {
            if (!IsWord(k) || !(tokens[k].Is(Lex.State) || tokens[k].Is(Lex.StateCode) && tokens[k].Length == 2 && tokens[k].Has(TokenFlags.AllCaps)))
            {
                continue;
            }

            var n = k + 1;
            n += IsWord(n) && EqAny(n, "plate", "plates", "tag", "tags") ? 1 : 0;
            n += P(n, ',') || P(n, ':') ? 1 : 0;
            n += Eq(n, "was") || Eq(n, "is") ? 1 : 0;
            if (n >= count || tokens[n].Has(TokenFlags.NewlineBefore) || tokens[n].Has(TokenFlags.Lower) || tokens[n].Kind == TokenKind.Punct)
            {
                continue;
            }

            var end = PlateShapeEnd(n);
            if (end > n && !Overlaps(spans, tokens[n].Start, tokens[end - 1].End) && !Overlaps(added, tokens[n].Start, tokens[end - 1].End))
            {
                added.Add(new PiiSpan(tokens[n].Start, tokens[end - 1].End, PiiLabel.Plate));
                k = end - 1;
            }
        }
    }

    /// <summary>The end (exclusive) of a plate's shape at <paramref name="n"/>, or <paramref name="n"/>.</summary>
    private int PlateShapeEnd(int n)
    {
        var joined = n;
        while (joined + 2 < count && (P(joined + 1, '-') || P(joined + 1, '/')) && tokens[joined + 1].Start == tokens[joined].End && tokens[joined + 2].Start == tokens[joined + 1].End
            && tokens[joined + 2].Kind != TokenKind.Punct)
        {
            joined += 2;
        }

        int letters = 0, digits = 0;
        for (var j = n; j <= joined; j++)
        {
            digits += tokens[j].Digits;
            letters += tokens[j].Kind == TokenKind.Punct ? 0 : tokens[j].Length - tokens[j].Digits;
            if (tokens[j].Has(TokenFlags.Lower))
            {
                return n;
            }
        }

        var length = tokens[joined].End - tokens[n].Start;
        var closed = joined + 1 >= count || tokens[joined + 1].Start > tokens[joined].End || P(joined + 1, '.') || P(joined + 1, ',') || P(joined + 1, ')');
        if (letters > 0 && digits > 0 && closed && (joined == n ? length is >= 5 and <= 8 : length is >= 6 and <= 9))
        {
            return joined + 1;
        }

        // Two groups, letters then digits or digits then letters: "CJ 74109", "173 KFG"; not a bill ("California AB 109").
        var second = n + 1;
        if (joined == n && second < count && !EqAny(n, "ab", "sb", "hb", "hf", "sf", "lb", "hr", "sr") && Spaced(n, second) && !tokens[second].Has(TokenFlags.Lower)
            && (tokens[n].Kind == TokenKind.Word && tokens[n].Length is >= 2 and <= 3 && tokens[second].Kind == TokenKind.Number && tokens[second].Length is >= 3 and <= 6
                || tokens[n].Kind == TokenKind.Number && tokens[n].Length is >= 3 and <= 4 && tokens[second].Kind == TokenKind.Word && tokens[second].Length == 3)
            && (second + 1 >= count || !IsWord(second + 1) || tokens[second + 1].Has(TokenFlags.Lower)) && !IsCounted(second + 1))
        {
            return second + 1;
        }

        return n;
    }
}
