namespace NearMiss.Core.Pii;

/// <summary>
/// Nicknames that are ordinary words ("bear", "tiny", "rusty") named by how a text uses them: glossed with a rank or
/// a name in brackets, or a partner "me and" speaks of more than once. Once one mention is a name, the spreading of
/// names reaches the others.
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>The words before a partner: "me and rusty", "me n tiny", "me &amp; bear".</summary>
    private static readonly WordSet PartnerJoins = new(["and", "n", "&", "an"]);

    /// <summary>
    /// "rusty (sgt kowalczyk, 72S3)", "bear (det. ochoa)": a word glossed by a rank or a name in brackets is a nickname;
    /// "me and dutch", "me, tiny, bear and rusty" where the word acts again later in the text is a partner's.
    /// </summary>
    private void NicknamesByUse(List<PiiSpan> spans, List<PiiSpan> added)
    {
        for (var k = 1; k + 1 < count; k++)
        {
            if (!CouldBeNickname(k) || Overlaps(spans, tokens[k].Start, tokens[k].End))
            {
                continue;
            }

            var glossed = P(k + 1, '(') && k + 2 < count && (tokens[k + 2].Is(Lex.Rank) || StartsSpan(spans, tokens[k + 2].Start, PiiLabel.Person, PiiLabel.Person));
            var partner = ListedWithMe(k) && ActsAgain(k);
            if (glossed || partner)
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Person));
            }
        }
    }

    /// <summary>"me and rusty", "me, tiny, bear and rusty": the word is one of a list of partners that starts with "me".</summary>
    private bool ListedWithMe(int k)
    {
        var j = k - 1;
        for (var items = 0; items < 4 && (P(j, ',') || In(PartnerJoins, j)); items++)
        {
            j -= P(j, ',') && In(PartnerJoins, j - 1) ? 2 : 1; // ", and"
            if (Eq(j, "me"))
            {
                return true;
            }

            if (!CouldBeNickname(j) || !Spaced(j, j + 1) && !P(j + 1, ','))
            {
                return false;
            }

            j--;
        }

        return false;
    }

    /// <summary>A single word that may be a nickname, ordinary word or not: not a rank, role, pronoun, number word or word of the trade.</summary>
    private bool CouldBeNickname(int k) =>
        IsNameShaped(k) && tokens[k].Length >= 3 && !tokens[k].Lex.Has(LexExtra.Model) && !tokens[k].Is(Lex.Brand) && !(W(k)[^1] is 's' && English(k));

    /// <summary>Does the word at <paramref name="k"/> stand again later in a name's place ("dutch goes right in")?</summary>
    private bool ActsAgain(int k)
    {
        var word = W(k);
        for (var n = k + 2; n < count; n++)
        {
            if (tokens[n].Length == word.Length && W(n).Equals(word, StringComparison.OrdinalIgnoreCase) && ReadsAsName(n))
            {
                return true;
            }
        }

        return false;
    }
}
