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
        // A gloss needs a "(" and a list of partners a "me" ("me" is one of the nickname openers): a text with neither has no nickname by use.
        if (!text.Contains('(') && !(TextHas(NicknameOpeners) && TextHasWord("me")))
        {
            return;
        }

        for (var k = 1; k + 1 < count; k++)
        {
            // A gloss opens with "(" after the word (in quotes or not); a list of partners has "," or "and" before it: tested
            // before the word.
            var quoted = IsQuote(k - 1) && IsQuote(k + 1);

            // In quotes and brackets right after a name, a word of any kind is that person's: "SA Trần Minh Đức ("Duke")",
            // "Dep. Wiśniewski ("Whiskey")".
            var afterName = quoted && P(k - 2, '(') && P(k + 2, ')') && k >= 3 && IsWord(k) && tokens[k].Length >= 2 && !tokens[k].Is(Lex.Stop)
                && EndsSpan(spans, tokens[k - 3].End, PiiLabel.Person);
            if (!afterName && (!(P(k + 1, '(') || quoted || P(k - 1, ',') || In(PartnerJoins, k - 1)) || !CouldBeNickname(k)))
            {
                continue;
            }

            var glossed = afterName || P(k + 1, '(') && k + 2 < count && (tokens[k + 2].Is(Lex.Rank) || StartsSpan(spans, tokens[k + 2].Start, PiiLabel.Person, PiiLabel.Person))
                || quoted && P(k + 2, '(') && GlossNamesSomeone(spans, k + 3); // "Partner: "Moose" (Ofc. Brandon Lisowski)", ""Biscuit" (LNU)"
            var partner = ListedWithMe(k) && ActsAgain(k);
            if ((glossed || partner) && !Overlaps(spans, tokens[k].Start, tokens[k].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Person));
            }
        }
    }

    private bool IsQuote(int k) => P(k, '"') || P(k, '“') || P(k, '”');

    /// <summary>
    /// Whether the bracket opened before <paramref name="k"/> names a person up to its close: a rank, a name found, or
    /// a name not known ("LNU", "real name", "refused name").
    /// </summary>
    private bool GlossNamesSomeone(List<PiiSpan> spans, int k)
    {
        for (var j = k; j < count && j < k + 6 && !P(j, ')') && !tokens[j].Has(TokenFlags.NewlineBefore); j++)
        {
            if (IsWord(j) && (tokens[j].Is(Lex.Rank) && !tokens[j].Is(Lex.Stop) || EqAny(j, "lnu", "fnu", "aka") || Eq(j, "name") && EqAny(j - 1, "real", "refused", "no", "gave"))
                || StartsSpan(spans, tokens[j].Start, PiiLabel.Person, PiiLabel.Person))
            {
                return true;
            }
        }

        return false;
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
        IsNameShaped(k) && tokens[k].Length >= 3 && !tokens[k].Lex.Has(LexExtra.Model) && !tokens[k].Is(Lex.Brand) && !(W(k)[^1] is 's' && English(k))
        && !In(AgeSubjects, k) && !In(StepKin, k);

    /// <summary>Kin and household words no word list holds as English, which before a name in brackets say who the person is: "stepdad (darnell pike, 52)".</summary>
    private static readonly WordSet StepKin = new(["stepdad", "stepfather", "stepmom", "stepmother", "stepson", "stepdaughter", "stepbrother", "stepsister", "grandpa", "grandma", "landlord", "landlady", "ex"]);

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

    /// <summary>Words that open a clause before its subject: "and tiny took", "until tiny walked", "then bear said".</summary>
    private static readonly WordSet ClauseJoins = new(["and", "but", "until", "till", "til", "then", "so", "when", "while", "cause", "because", "after", "before", "n", "&"]);

    /// <summary>
    /// "tiny took him in ... tiny's like six-five ... tiny felt it ... until tiny walked him back": a lower-case word that
    /// opens a clause before a verb in the past, or takes "'s", at least twice among three mentions or more, and never
    /// follows an article, a possessive or a number anywhere in the text, is someone's name (a noun of the trade takes
    /// "the" somewhere: "the tank", "my partner"). Every mention is then a name.
    /// </summary>
    private void NicknamesActing(List<PiiSpan> spans, List<PiiSpan> added)
    {
        HashSet<string>? seen = null;
        for (var k = 0; k < count; k++)
        {
            // Only a word that acts here is weighed, once: the counting below reads the whole text.
            if (!tokens[k].Has(TokenFlags.Lower) || !Acts(k) || !CouldBeNickname(k) || !English(k)
                || !(seen ??= new HashSet<string>(StringComparer.OrdinalIgnoreCase)).Add(W(k).ToString()))
            {
                continue;
            }

            // From the word's first mention in lower case (a capitalised mention before it is left out of the count).
            var word = W(k);
            var from = k;
            for (var m = 0; m < k; m++)
            {
                if (tokens[m].Has(TokenFlags.Lower) && tokens[m].Length == word.Length && W(m).Equals(word, StringComparison.OrdinalIgnoreCase))
                {
                    from = m;
                    break;
                }
            }

            int mentions = 0, acts = 0;
            for (var m = from; m < count; m++)
            {
                if (tokens[m].Length != word.Length || !W(m).Equals(word, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                if (!tokens[m].Has(TokenFlags.Lower) || NounLead(m - 1) || P(m + 1, '-') || P(m - 1, '-'))
                {
                    acts = -100;
                    break;
                }

                mentions++;
                acts += Acts(m) ? 1 : 0;
            }

            if (mentions < 3 || acts < 2)
            {
                continue;
            }

            for (var m = from; m < count; m++)
            {
                // (after a rank the whole name is the rank rule's: "ofc rusty brooks")
                if (tokens[m].Length == word.Length && W(m).Equals(word, StringComparison.OrdinalIgnoreCase) && !(IsWord(m - 1) && tokens[m - 1].Is(Lex.Rank)) && !Overlaps(spans, tokens[m].Start, tokens[m].End))
                {
                    added.Add(new PiiSpan(tokens[m].Start, tokens[m].End, PiiLabel.Person));
                }
            }
        }
    }

    /// <summary>Does the word at m open a clause before a verb in the past, or take "'s" ("tiny took", "tiny's")?</summary>
    private bool Acts(int m)
    {
        var opens = m == 0 || tokens[m].Has(TokenFlags.SentenceStart | TokenFlags.NewlineBefore) || P(m - 1, ',') || In(ClauseJoins, m - 1);
        return opens && (PastVerb(m + 1) || Eq(m + 1, "said")) || P(m + 1, '\'') && Eq(m + 2, "s") && tokens[m + 1].Start == tokens[m].End;
    }

    /// <summary>A verb in the past: "walked", "felt", "took" (an "-ed" ending, or one of the common irregular ones).</summary>
    private bool PastVerb(int k) =>
        IsWord(k) && tokens[k].Has(TokenFlags.Lower) && (W(k).Length > 4 && W(k).EndsWith("ed", StringComparison.OrdinalIgnoreCase) || In(IrregularPast, k));

    private static readonly WordSet IrregularPast = new(["took", "felt", "went", "came", "got", "ran", "fell", "told", "kept", "made", "put", "saw", "drew", "hit", "left", "grabbed", "threw", "caught", "held", "shot", "stood", "sat", "heard", "knew", "thought", "found", "brought", "gave", "said", "yelled", "was", "had"]);
}
