namespace NearMiss.Core.Pii;

/// <summary>Vehicles that are no PII (the units a crash report draws, a model's year, a model after an article), and a direction on the clock's face.</summary>
internal sealed partial class PiiContextRules
{
    /// <summary>
    /// "Unit 1: patrol, Dodge Charger", "Unit 2: Chevy Colorado": a crash report numbers the vehicles it draws, and
    /// those units (one digit after "Unit") are no call signs where one of them is described by a vehicle's make.
    /// </summary>
    private void CrashDiagramUnits(List<PiiSpan> spans)
    {
        if (!TextHasWord("unit") || !spans.Exists(static s => s.Label == PiiLabel.BadgeId))
        {
            return;
        }

        var drawn = false;
        for (var k = 0; k + 3 < count && !drawn; k++)
        {
            if (Eq(k, "unit") && DiagramNumber(k + 1) && P(k + 2, ':'))
            {
                for (var m = k + 3; m < Math.Min(count, k + 7) && !tokens[m].Has(TokenFlags.NewlineBefore); m++)
                {
                    drawn |= IsWord(m) && tokens[m].Lex.Has(LexExtra.Model) && !tokens[m].Has(TokenFlags.Lower);
                }
            }
        }

        if (drawn)
        {
            spans.RemoveAll(s => s.Label == PiiLabel.BadgeId && TokenEnding(s.End) is >= 1 and var n && DiagramNumber(n) && (Eq(n - 1, "unit") || s.Start < tokens[n].Start));
        }
    }

    /// <summary>A vehicle's number in a crash diagram: one digit.</summary>
    private bool DiagramNumber(int k) => k < count && tokens[k].Kind == TokenKind.Number && tokens[k].Length == 1;

    /// <summary>"a 2016 Ford F-250", "VEH: 2009 GMC YUKON": a year before a vehicle's make is its model's, not a date.</summary>
    private bool ModelYear(PiiSpan span) =>
        span.Label == PiiLabel.Date && span.Length == 4 && FirstToken(span.Start) is >= 0 and var k && tokens[k].Kind == TokenKind.Number && tokens[k].End == span.End
        && IsWord(k + 1) && Spaced(k, k + 1) && tokens[k + 1].Lex.Has(LexExtra.Model);

    /// <summary>
    /// A make or model, not a place or a person: "GMC Sierra", "Springfield XD", "ruger lcp" (after a make); "Chevy
    /// Malibu" (makes and models alone); "sierra reloads" (in lower case); "behind the Sierra", "there was no Tacoma",
    /// "the Santa Fe's airbag" (after an article); "Sierra 9mm" (before a weapon); "DRIVER OF TACOMA", "TACOMA
    /// OCCUPANTS" (a vehicle's people).
    /// </summary>
    private bool IsVehicleModel(int first, int last, int words, int model)
    {
        if (words <= 2 && IsWord(first - 1) && tokens[first - 1].Lex.Has(LexExtra.Model) && (!tokens[first - 1].Is(Lex.GivenName) || tokens[first - 1].Is(Lex.Brand))
            && (words == 1 || tokens[first - 1].Is(Lex.Brand)) && !EqAny(last + 1, "plate", "plates", "tag", "tags"))
        {
            return true;
        }

        if (model == words && words > 1)
        {
            return true;
        }

        if (words <= 2 && IsModelPhraseAfterArticle(text, tokens.AsSpan(0, count), first, last, lexicon))
        {
            return true;
        }

        if (model != words || words != 1)
        {
            return false;
        }

        return tokens[first].Has(TokenFlags.Lower) || IsDeterminer(first - 1) || Eq(first - 1, "no")
            || IsDeterminer(first - 2) && IsWord(first - 1) && tokens[first - 1].Has(TokenFlags.Lower)
            || IsDeterminer(first - 3) && IsWord(first - 2) && tokens[first - 2].Has(TokenFlags.Lower) && IsWord(first - 1) && tokens[first - 1].Has(TokenFlags.Lower)
            || IsWord(last + 1) && (tokens[last + 1].Is(Lex.Weapon) || tokens[last + 1].Lex.Has(LexExtra.Model) || tokens[last + 1].Has(TokenFlags.AllCaps) && tokens[last + 1].Length <= 4)
            || In(VehiclePeople, last + 1) || Eq(first - 1, "of") && In(VehiclePeople, first - 2);
    }

    /// <summary>
    /// "behind the Santa Fe with my lights on", "a black Santa Fe": a model of two words that is also a place
    /// (Data/models.txt), after an article, a possessive or a colour and before no name or word of a place ("the Santa Fe
    /// area" is the city's).
    /// </summary>
    internal static bool IsModelPhraseAfterArticle(string text, ReadOnlySpan<Token> tokens, int first, int last, PiiLexicon lexicon)
    {
        last = last == first ? first + 1 : last; // (the place's first word alone: "a Santa Fe, had to lock it up")
        if (last != first + 1 || last >= tokens.Length || first < 1 || tokens[first - 1].Kind != TokenKind.Word || !lexicon.IsModelPhrase(text.AsSpan(tokens[first].Start, tokens[last].End - tokens[first].Start)))
        {
            return false;
        }

        var next = last + 1 < tokens.Length && tokens[last + 1].Kind == TokenKind.Word ? text.AsSpan(tokens[last + 1].Start, tokens[last + 1].Length) : default;
        return (Articles.Contains(text, tokens[first - 1]) || VehicleColours.Contains(text, tokens[first - 1]))
            && !(next.Length > 0 && (char.IsUpper(next[0]) || PlaceNouns.Contains(next)));
    }

    private static readonly WordSet Articles = new(["a", "an", "the", "no", "his", "her", "my", "our", "their", "your", "this", "that"]);
    private static readonly WordSet VehiclePeople = new(["driver", "drivers", "occupant", "occupants", "passenger", "passengers", "owner"]);
    private static readonly WordSet PlaceNouns = new(["area", "region", "county", "city", "metro", "airport", "plaza", "trail", "river", "side", "office", "station", "community", "district"]);

    /// <summary>"a jeep grand cherokee laredo": a place of one word right after a make or model is the model's trim, found by any step.</summary>
    private bool TrimAfterModel(PiiSpan span) =>
        span.Label == PiiLabel.Location && FirstToken(span.Start) is var first and >= 1 && tokens[first].End == span.End && IsWord(first)
        && !tokens[first].Is(Lex.State | Lex.StateCode) && IsWord(first - 1) && Spaced(first - 1, first) && tokens[first - 1].Is(Lex.Brand) && tokens[first - 1].Lex.Has(LexExtra.Model)
        && !EqAny(first + 1, "plate", "plates", "tag", "tags"); // (not the state before a plate: "blue impala TX GHT-4471")

    /// <summary>"at the two o'clock on the screen", "at your six o'clock": a direction on the clock's face, not a time.</summary>
    private bool ClockFaceDirection(PiiSpan span) =>
        span.Label == PiiLabel.Time && span.Length >= 7 && text.AsSpan(span.Start, span.Length).EndsWith("o'clock", StringComparison.OrdinalIgnoreCase)
        && FirstToken(span.Start) is var first and >= 1 && (IsDeterminer(first - 1) || Eq(first - 1, "your"));
}
