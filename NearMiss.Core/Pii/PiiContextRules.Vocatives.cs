namespace NearMiss.Core.Pii;

/// <summary>Names called out as a turn opens: "OFC KEALOHA: kimo! put the speargun down", "4A22: seun you good brother".</summary>
internal sealed partial class PiiContextRules
{
    /// <summary>What a speaker says right after calling someone by name: "you", an order, a pause.</summary>
    private static readonly WordSet AfterVocative = new(["you", "look", "confirm", "drop", "come", "get", "put", "hands", "show", "step", "talk", "listen", "wait", "stay", "let", "go", "you're", "youre", "ur", "u"]);

    /// <summary>Words that open a turn and are no one's name, though the word lists may not know them: "yeah go ahead", "wtf you ok".</summary>
    private static readonly WordSet NotCalled = new(["yes", "no", "ok", "right", "sure", "wtf", "lol", "omg", "bruh", "hello", "hi", "sir", "ma'am", "maam", "please", "sorry", "thanks",
        "northbound", "southbound", "eastbound", "westbound"]);

    /// <summary>
    /// In a transcript (a speaker's colon opening two lines or more), a word that opens a turn and is no English word
    /// (a name the lists know or none at all), followed by what a speaker says to someone called by name: "you", an
    /// order, "!", or a comma and "you" ("kimo look at me", "adeyemi confirm no injuries", "kainoa, you was right there").
    /// Not a rank, a role, a word of grammar or a filler; every other mention is found by the names' spread.
    /// </summary>
    private void Vocatives(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasPunct(':') || !TextHas(AfterVocative) && !Shapes.HasPunct('!') && !Shapes.HasPunct(','))
        {
            return;
        }

        var turns = 0;
        for (var k = 1; k < count && turns < 2; k++)
        {
            turns += LabelColon(k) ? 1 : 0;
        }

        if (turns < 2)
        {
            return;
        }

        for (var k = 1; k + 1 < count; k++)
        {
            if (!P(k - 1, ':') || !IsWord(k) || tokens[k].Length < 3 || English(k) || tokens[k].Is(Lex.Stop | Lex.Rank | Lex.Role | Lex.Month | Lex.Weekday | Lex.Place | Lex.State)
                || tokens[k].Lex.Has(LexExtra.NotPii | LexExtra.Model) || tokens[k].Is(Lex.Brand) || IsFiller(k) || IsNumberWord(k) || !LabelColon(k - 1))
            {
                continue;
            }

            var called = (In(AfterVocative, k + 1) && !tokens[k + 1].Has(TokenFlags.NewlineBefore) || P(k + 1, '!') || P(k + 1, ',') && Eq(k + 2, "you"))
                && !In(Interjections, k) && !In(NotCalled, k);
            if (called && !Overlaps(spans, tokens[k].Start, tokens[k].End) && !Overlaps(added, tokens[k].Start, tokens[k].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Person));
            }
        }
    }

    /// <summary>Does the colon at <paramref name="c"/> close a speaker's label (a word among the first nine tokens of its line, a turn after it)?</summary>
    private bool LabelColon(int c)
    {
        if (!P(c, ':') || c + 1 >= count || tokens[c + 1].Has(TokenFlags.NewlineBefore) || tokens[c + 1].Start == tokens[c].End)
        {
            return false; // (not a clock's colon: "00:05")
        }

        var word = false;
        for (var j = c - 1; j >= 0 && c - j <= 9; j--)
        {
            word |= IsWord(j) || tokens[j].Kind == TokenKind.Alnum; // (a call sign for a label: "4A22:")
            if (j == 0 || tokens[j].Has(TokenFlags.NewlineBefore))
            {
                return word;
            }
        }

        return false;
    }
}
