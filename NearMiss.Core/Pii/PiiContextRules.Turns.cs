namespace NearMiss.Core.Pii;

/// <summary>
/// Words of a turn that are no one's name (decision 071), for <see cref="IsCodeOrLetters"/>: radio letters in a list
/// ("Sierra, Hotel, Romeo") and interjections that open a turn ("Oh and", "Yeah, this is").
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>A radio letter that is no one's name ("Hotel", "Tango", "Whiskey") on the same line, beside which "Sierra" and "Romeo" are letters too.</summary>
    private static bool RadioLetterOnly(string text, ReadOnlySpan<Token> tokens, int k) =>
        k >= 0 && k < tokens.Length && tokens[k].Kind == TokenKind.Word && RadioLettersOnly.Contains(text, tokens[k]);

    /// <summary>Words said to open a turn, no one's name ("Oh and tell Sergeant Lamb", "Yeah, this is Deputy"); not in capitals, where "OH" is Ohio.</summary>
    private static readonly WordSet Interjections = new(["oh", "yeah", "yep", "yup", "nope", "wow", "hey", "huh", "whoa", "ugh", "alright", "okay"]);

    /// <summary>Words after an interjection that opens a turn: "Oh and", "Yeah this is", "Oh my".</summary>
    private static readonly WordSet InterjectionFollowers = new(["and", "my", "no", "yeah", "well", "wait", "man", "this", "so", "i", "we", "it", "that"]);

    /// <summary>Token <paramref name="k"/> opens the text, a line or a sentence (not "Columbus, oh", not "Mrs. Oh").</summary>
    private static bool OpensSentence(string text, ReadOnlySpan<Token> tokens, int k) =>
        k == 0 || tokens[k].Has(TokenFlags.NewlineBefore)
        || tokens[k - 1].Kind == TokenKind.Punct && text[tokens[k - 1].Start] is '.' or '?' or '!' or '"' or ':' && !(k >= 2 && tokens[k - 2].Is(Lex.Rank | Lex.Abbreviation));

    /// <summary>Radio letters that are no given name, place or common word of a report.</summary>
    private static readonly WordSet RadioLettersOnly = new(["alpha", "alfa", "bravo", "foxtrot", "hotel", "november", "quebec", "tango", "uniform", "whiskey", "yankee", "zulu", "zebra"]);

    /// <summary>The sides of a building as a team calls them, and the words that name one by its letter.</summary>
    private static readonly WordSet SideLetters = new(["alpha", "bravo", "charlie", "delta"]);

    private static readonly WordSet SideWords = new(["side", "sides", "corner", "door", "wall"]);

    private static readonly WordSet LetteredThings = new(["scenario", "team", "plan", "option", "phase", "element", "squad", "group", "sector", "stage"]);

    /// <summary>
    /// "the Charlie side", "I'm on Charlie" (where a side is named so in the text), "said Bravo, meant Delta", "scenario
    /// charlie", "Team Delta": a radio letter that names a side of a building, a plan or a team, not a person or place.
    /// </summary>
    private static bool IsSideOrTeamLetter(string text, ReadOnlySpan<Token> tokens, int k)
    {
        if (!SideLetters.Contains(text, tokens[k]))
        {
            return false;
        }

        if (k >= 1 && tokens[k - 1].Kind == TokenKind.Word && LetteredThings.Contains(text, tokens[k - 1])
            || k + 1 < tokens.Length && tokens[k + 1].Kind == TokenKind.Word && (SideWords.Contains(text, tokens[k + 1]) || LetteredThings.Contains(text, tokens[k + 1])))
        {
            return true;
        }

        for (var m = 0; m + 1 < tokens.Length; m++)
        {
            // ("the Charlie side", "Alpha through Delta")
            if (tokens[m].Kind == TokenKind.Word && tokens[m + 1].Kind == TokenKind.Word && SideLetters.Contains(text, tokens[m])
                && (SideWords.Contains(text, tokens[m + 1]) || m + 2 < tokens.Length && IsThrough(text, tokens[m + 1]) && tokens[m + 2].Kind == TokenKind.Word && SideLetters.Contains(text, tokens[m + 2])))
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsThrough(string text, in Token token) => WordIs(text, token, "through") || WordIs(text, token, "thru") || WordIs(text, token, "to");

    private static readonly WordSet Modals = new(["will", "may", "can", "must", "should", "would", "could", "shall", "might"]);

    /// <summary>
    /// "the suspect will run", "the LT will want it": in caseless text a modal verb alone is no name, unless a surname no
    /// English word follows ("will okafor").
    /// </summary>
    private bool IsModalAlone(PiiSpan span)
    {
        var k = FirstToken(span.Start);
        return caseless && span.End - span.Start <= 6 && In(Modals, k) && TokenEnding(span.End) == k
            && !(IsWord(k + 1) && tokens[k + 1].Is(Lex.Surname) && !English(k + 1));
    }

    /// <summary>"R/O.", "S/V": the second letter of a report's shorthand (reporting officer, suspect vehicle), not an initial.</summary>
    private bool IsShorthandLetter(PiiSpan span) =>
        span.End - span.Start <= 2 && span.Start > 1 && text[span.Start - 1] == '/' && char.IsAsciiLetter(text[span.Start - 2]) || IsSpeakersLetter(span);

    /// <summary>
    /// "OFFICER B:", "DEPUTY A:": the letter a transcript gives a speaker it does not name, after a rank or role at a turn's
    /// start; and a memo's "RE:" after a rank ("WILL ADVISE DAY SHIFT SGT RE: MOP HANDLES").
    /// </summary>
    private bool IsSpeakersLetter(PiiSpan span)
    {
        var k = FirstToken(span.Start);
        if (span.End - span.Start == 2 && Eq(k, "re") && tokens[k].End == span.End && P(k + 1, ':'))
        {
            return true;
        }

        if (span.End - span.Start != 1 || !char.IsAsciiLetterUpper(text[span.Start]))
        {
            return false;
        }

        return P(k + 1, ':') && IsWord(k - 1) && tokens[k - 1].Is(Lex.Rank | Lex.Role) && (k - 1 == 0 || tokens[k - 1].Has(TokenFlags.NewlineBefore));
    }
}
