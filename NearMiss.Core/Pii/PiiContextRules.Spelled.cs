namespace NearMiss.Core.Pii;

/// <summary>
/// What a speaker spells out: an e-mail address said aloud ("c dot ironshell at tcso s d dot org") and a name spelled
/// letter by letter after it is said ("sandoval s a n d o v a l", "W-A-R-S-A-M-E").
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>The ends of an e-mail address said aloud ("dot org").</summary>
    private static readonly WordSet MailDomains = new(["com", "org", "net", "gov", "edu", "mil", "us", "info"]);

    /// <summary>
    /// An e-mail address said aloud: "c dot ironshell at tcso s d dot org", "r sandoval at abq apd mail dot org". From
    /// "dot" and a domain back over plain words to one "at", and over up to four words before it to a word of grammar
    /// ("is", "to") or a sentence's edge.
    /// </summary>
    private void SpokenEmails(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(MailDomains) || !TextHasWord("dot"))
        {
            return;
        }

        for (var k = 3; k < count; k++)
        {
            if (!In(MailDomains, k) || !Eq(k - 1, "dot") || !Spaced(k - 1, k))
            {
                continue;
            }

            var at = k - 2;
            while (at > 0 && k - at <= 8 && (IsMailWord(at) && !Eq(at, "at") && !tokens[at].Is(Lex.Stop) || IsMailJoint(at)))
            {
                at--;
            }

            var first = at;
            while (Eq(at, "at") && first > 0 && at - first < 4 && IsMailWord(first - 1) && !Eq(first - 1, "at") && !(IsWord(first - 1) && tokens[first - 1].Is(Lex.Stop)) && !Eq(first - 1, "email") && !IsContractedIs(first - 1))
            {
                first--;
            }

            // (an initial written with its full stop: "k. nguyen at pdx police dot gov")
            first -= first >= 2 && P(first - 1, '.') && IsWord(first - 2) && tokens[first - 2].Length == 1 && tokens[first - 1].Start == tokens[first - 2].End ? 2 : 0;

            // The address opens after a word of grammar ("is", "to", "it's"), "email", a colon or a comma, or at a line's start.
            if (!Eq(at, "at") || first == at || at == k - 2
                || first > 0 && !tokens[first - 1].Is(Lex.Stop) && !Eq(first - 1, "email") && !P(first - 1, ':') && !P(first - 1, ',') && !IsContractedIs(first - 1) && !tokens[first].Has(TokenFlags.NewlineBefore))
            {
                continue;
            }

            // (in place of what was found inside it, among the spans found, so that no later stage reads an agency or a
            // place out of it: "d rooney at columbus police dot org")
            var mail = new PiiSpan(tokens[first].Start, tokens[k].End, PiiLabel.Email);
            if (!OverlapsBeyond(spans, mail) && !Overlaps(added, mail.Start, mail.End))
            {
                RemoveWithin(spans, mail.Start, mail.End);
                spans.Add(mail);
                spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
            }
        }
    }

    /// <summary>A hyphen or an underscore inside a word of an address said aloud: "cbuspd-mail".</summary>
    private bool IsMailJoint(int k) =>
        (P(k, '-') || P(k, '_')) && k > 0 && k + 1 < count && tokens[k].Start == tokens[k - 1].End && tokens[k + 1].Start == tokens[k].End;

    /// <summary>The "s" of "it's" or "that's".</summary>
    private bool IsContractedIs(int k) => Eq(k, "s") && P(k - 1, '\'') && tokens[k].Start == tokens[k - 1].End;

    /// <summary>A word or a number of an address said aloud, on the line of the address's end, spaced from the next or joined to it by a hyphen.</summary>
    private bool IsMailWord(int k) =>
        (IsWord(k) || tokens[k].Kind == TokenKind.Number) && !tokens[k + 1].Has(TokenFlags.NewlineBefore) && (Spaced(k, k + 1) || IsMailJoint(k + 1));

    /// <summary>
    /// A name spelled out letter by letter after it is said: "pa nhia xiong thats p a n h i a x i o n g", "sandoval s a n
    /// d o v a l", "stone s as in sam t o n e", "ji-hoon baek. b a e k.", "pierre-louis. spelled p i e r r e dash l o u i s". Three letters or more, each a word alone or said with its word, that
    /// spell the words of a name found in the ten tokens before, or the word just before them, which is then a name too;
    /// an age after the spelling and a comma is the person's.
    /// </summary>
    private void SpelledNames(List<PiiSpan> spans, List<PiiSpan> added)
    {
        // Three letters or more, or a radio alphabet's words; no name is spelled in a's and i's alone, which most texts
        // have as words.
        if (!Shapes.HasLetterBesidesAOrI && Shapes.LetterRun < 3 && !TextHas(PhoneticLetters))
        {
            return;
        }

        Span<char> buffer = stackalloc char[64];
        for (var k = 1; k + 2 < count; k++)
        {
            if (!IsSpelledLetter(k) || IsSpelledLetter(k - 1))
            {
                if (tokens[k].Length >= 3 && In(PhoneticLetters, k) && !In(PhoneticLetters, k - 1))
                {
                    k = NameSpelledByRadioLetters(spans, added, k, buffer);
                }

                continue;
            }

            // The letters, each alone or said with its word ("s as in sam t o n e").
            var last = k;
            var length = 1;
            var hyphened = false;
            buffer[0] = char.ToLowerInvariant(text[tokens[k].Start]);
            while (length < buffer.Length)
            {
                if (Eq(last + 1, "as") && Eq(last + 2, "in") && IsWord(last + 3) && char.ToLowerInvariant(text[tokens[last + 3].Start]) == buffer[length - 1])
                {
                    last += 3;
                }
                else if (IsSpelledLetter(last + 1) && (Spaced(last, last + 1) || PauseSpaced(last, last + 1)))
                {
                    buffer[length++] = char.ToLowerInvariant(text[tokens[++last].Start]);
                }
                else if (P(last + 1, '-') && IsSpelledLetter(last + 2) && tokens[last + 1].Start == tokens[last].End && tokens[last + 2].Start == tokens[last + 1].End)
                {
                    hyphened = true; // "W-A-R-S-A-M-E"
                    last += 2;
                    buffer[length++] = char.ToLowerInvariant(text[tokens[last].Start]);
                }
                else if (EqAny(last + 1, "dash", "hyphen") && IsSpelledLetter(last + 2) && Spaced(last, last + 1) && Spaced(last + 1, last + 2) && length >= 2)
                {
                    last += 2; // "p i e r r e dash l o u i s": the hyphen of a double name said, no letter
                    buffer[length++] = char.ToLowerInvariant(text[tokens[last].Start]);
                }
                else
                {
                    break;
                }
            }

            if (length < 3)
            {
                k = last;
                continue;
            }

            var letters = buffer[..length];

            var said = k - 1;
            while (said > 0 && (EqAny(said, "thats", "spelled", "spell", "its") || IsFiller(said) || P(said, ',') || P(said, '.') || P(said, '\'') && Eq(said + 1, "s")
                || Eq(said, "s") && P(said - 1, '\'') || Eq(said, "that") && P(said + 1, '\'')))
            {
                said--;
            }

            // Letters read on into the next thing said spell the name in their first part: "gallardo spelled g a l l a r d o
            // d o b oh two".
            var from = hyphened ? 0 : tokens[Math.Max(0, k - 10)].Start;
            if (!hyphened && last - k + 1 == length && !SpellsANameBefore(spans, letters, from, tokens[k].Start))
            {
                for (var cut = length - 1; cut >= 4; cut--)
                {
                    if (SpellsANameBefore(spans, letters[..cut], from, tokens[k].Start))
                    {
                        (length, last) = (cut, k + cut - 1);
                        letters = letters[..cut];
                        break;
                    }
                }
            }

            var spelled = new PiiSpan(tokens[k].Start, tokens[last].End, PiiLabel.Person);
            // Letters joined by hyphens are a spelling wherever the name was said before, or after "spell" ("Spell the last name?");
            // so are four or more after "that's" with a person named just before ("kasia voy chick sorry that's w o j c i k").
            var found = SpellsANameBefore(spans, letters, from, tokens[k].Start)
                || length >= 4 && AsksToSpell(k) && (hyphened || !IsNumberWord(last + 1) && !(last + 1 < count && tokens[last + 1].Digits > 0))
                || length >= 4 && (Eq(k - 1, "thats") || Eq(k - 1, "s") && P(k - 2, '\'') && Eq(k - 3, "that")) && PersonEndsWithin(spans, k, 8);
            if (found)
            {
                RemoveSpelled(spans, spelled); // (the word of "s as in sam" is no name)
                added.Add(spelled);
            }
            else if ((SaysLetters(said, letters) ? said : SaysLetters(said - 1, letters) && (tokens[said].Is(Lex.Stop) || EqAny(said, "right", "yeah", "ok", "okay", "sorry")) ? said - 1 : Spaced(last, last + 1) && SaysLetters(last + 1, letters) ? last + 1 : -1) is >= 0 and var spoken)
            {
                // (the word just before the letters, or just after them: "efrain g o m e z gomez")
                found = true;
                RemoveSpelled(spans, spelled);
                added.Add(spelled);
                // (with a given name said just before it: "run a jessica sweet s w e e t")
                var given = spoken < k && IsWord(spoken - 1) && tokens[spoken - 1].Is(Lex.GivenName) && !English(spoken - 1) && Spaced(spoken - 1, spoken) ? spoken - 1 : spoken;
                if (!Overlaps(spans, tokens[given].Start, tokens[spoken].End))
                {
                    added.Add(new PiiSpan(tokens[given].Start, tokens[spoken].End, PiiLabel.Person));
                }
            }
            else if (!hyphened && SpellingCueBefore(k) && !IsNumberWord(last + 1) && !(last + 1 < count && tokens[last + 1].Digits > 0))
            {
                // "spelling last i r o n second word c l o u d": letters asked for by name, none said before them.
                found = true;
                RemoveSpelled(spans, spelled);
                added.Add(spelled);
            }

            if (found && !hyphened)
            {
                SpelledWordSaid(spans, added, letters); // "k e k u m u" ... "ok kimo kekumu born ninety three"
            }

            // "darnell prewitt, p r e w i t t, twenty four,": the age after the spelling, as after the name.
            if (found && P(last + 1, ',') && AgeNumber(last + 2, out var aged) is >= 1 and <= 99 && AgeCloses(aged + 1) && !Overlaps(spans, tokens[last + 2].Start, tokens[aged].End))
            {
                added.Add(new PiiSpan(tokens[last + 2].Start, tokens[aged].End, PiiLabel.Age));
            }

            k = last;
        }
    }

    /// <summary>
    /// Removes the spans inside a spelling, and a name that overlaps it: the last letters read as an initial ("U-X." of
    /// "A-R-C-E-N-E-A-U-X.").
    /// </summary>
    private static void RemoveSpelled(List<PiiSpan> spans, PiiSpan spelled) =>
        spans.RemoveAll(s => s.Start >= spelled.Start && s.End <= spelled.End || s.Label == PiiLabel.Person && s.Start < spelled.End && spelled.Start < s.End);

    /// <summary>Does a person found end in the <paramref name="tokensBefore"/> tokens before <paramref name="k"/>?</summary>
    private bool PersonEndsWithin(List<PiiSpan> spans, int k, int tokensBefore)
    {
        var from = tokens[Math.Max(0, k - tokensBefore)].Start;
        foreach (var span in spans)
        {
            if (span.Label == PiiLabel.Person && span.End > from && span.End <= tokens[k].Start)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Letters with a pause between them, its dots made spaces ("w... o... j"): up to four spaces on one line.</summary>
    private bool PauseSpaced(int a, int b) => b < count && tokens[b].Start - tokens[a].End is >= 2 and <= 4 && !tokens[b].Has(TokenFlags.NewlineBefore);

    /// <summary>Is token <paramref name="k"/> the word the letters spell (ignoring case)?</summary>
    private bool SaysLetters(int k, ReadOnlySpan<char> letters) =>
        IsWord(k) && tokens[k].Length == letters.Length && text.AsSpan(tokens[k].Start, tokens[k].Length).Equals(letters, StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// "spelling last", "spelled", "second word", "last name is": a word that asks for a name's letters among the three tokens
    /// before <paramref name="k"/>.
    /// </summary>
    private bool SpellingCueBefore(int k)
    {
        if (TurnStart(k) && k > 0 && !tokens[k].Has(TokenFlags.NewlineBefore) && AsksNameOnLineBefore(k))
        {
            return true; // (the answer to "whats your last name again", spelled on the next turn)
        }

        for (var j = k - 1; j >= 0 && k - j <= 3; j--)
        {
            if (EqAny(j, "spell", "spelling", "spelled", "spelt") || Eq(j, "word") && EqAny(j - 1, "first", "second", "third", "last", "next")
                || Eq(j, "name") && EqAny(j - 1, "last", "first", "middle", "sur", "family"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Every time the word a spelling spells is said, not yet found: the name.</summary>
    private void SpelledWordSaid(List<PiiSpan> spans, List<PiiSpan> added, ReadOnlySpan<char> letters)
    {
        for (var j = 0; j < count; j++)
        {
            if (SaysLetters(j, letters) && !Overlaps(spans, tokens[j].Start, tokens[j].End) && !Overlaps(added, tokens[j].Start, tokens[j].End))
            {
                added.Add(new PiiSpan(tokens[j].Start, tokens[j].End, PiiLabel.Person));
            }
        }
    }

    /// <summary>Does the line before the turn that holds <paramref name="k"/> ask for a name within its last six tokens ("whats your last name again kimo")?</summary>
    private bool AsksNameOnLineBefore(int k)
    {
        var line = k;
        while (line > 0 && !tokens[line].Has(TokenFlags.NewlineBefore))
        {
            line--;
        }

        for (var j = line - 1; j >= 0 && line - j <= 6; j--)
        {
            if (Eq(j, "name") && EqAny(j - 1, "last", "first", "your", "his", "her"))
            {
                return true;
            }

            if (tokens[j].Has(TokenFlags.NewlineBefore))
            {
                break;
            }
        }

        return false;
    }

    /// <summary>
    /// A name spelled in the radio's letters: "abdirahman hassan that's alpha bravo delta india romeo alpha hotel mike alpha
    /// november". Four words or more, spaced or set off by commas, whose first letters spell a name found in the ten tokens
    /// before, or follow a word that asks for the spelling; no digit or number word after them (a plate's letters are
    /// followed by its numbers). Returns the token to go on from.
    /// </summary>
    private int NameSpelledByRadioLetters(List<PiiSpan> spans, List<PiiSpan> added, int k, Span<char> buffer)
    {
        var last = k;
        var length = 0;
        buffer[length++] = char.ToLowerInvariant(text[tokens[k].Start]);
        while (length < buffer.Length)
        {
            var next = P(last + 1, ',') ? last + 2 : last + 1;
            if (!In(PhoneticLetters, next) || tokens[next].Has(TokenFlags.NewlineBefore))
            {
                break;
            }

            last = next;
            buffer[length++] = char.ToLowerInvariant(text[tokens[last].Start]);
        }

        if (length < 4 || IsNumberWord(last + 1) || last + 1 < count && tokens[last + 1].Digits > 0)
        {
            return last;
        }

        var letters = buffer[..length];
        if (SpellsANameBefore(spans, letters, tokens[Math.Max(0, k - 10)].Start, tokens[k].Start) || SpellingCueBefore(k))
        {
            var spelled = new PiiSpan(tokens[k].Start, tokens[last].End, PiiLabel.Person);
            RemoveSpelled(spans, spelled);
            RemoveWithin(added, spelled.Start, spelled.End);
            added.Add(spelled);
        }

        return last;
    }

    /// <summary>Is "spell" or "spelling" among the twelve tokens before <paramref name="k"/>?</summary>
    private bool AsksToSpell(int k)
    {
        for (var j = k - 1; j >= 0 && k - j <= 12; j--)
        {
            if (EqAny(j, "spell", "spelling", "spelled"))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>A letter said alone as a name is spelled: one letter, a word to itself (not the "s" of "that's").</summary>
    private bool IsSpelledLetter(int k) => k < count && IsWord(k) && tokens[k].Length == 1 && char.IsAsciiLetter(text[tokens[k].Start]) && !(k > 0 && P(k - 1, '\'') && tokens[k].Start == tokens[k - 1].End);

    private const string Accented = "àáâãäåāăąçćčďèéêëēėęěìíîïīįłñńňòóôõöøōőřśšşţťùúûüūůűųýÿźżžđ";
    private const string Unaccent = "aaaaaaaaacccdeeeeeeeeiiiiiilnnnoooooooorsssttuuuuuuuuyyzzzd";

    /// <summary>A small letter without its accent ("ó" → "o"): a name written "Wójcik" is spelled "w o j c i k".</summary>
    private static char Unaccented(char c)
    {
        var at = c < 'à' ? -1 : Accented.IndexOf(c);
        return at < 0 ? c : Unaccent[at];
    }

    /// <summary>Do the letters spell, without its spaces, a run of words of a name that ends between <paramref name="from"/> and <paramref name="to"/>?</summary>
    private bool SpellsANameBefore(List<PiiSpan> spans, ReadOnlySpan<char> letters, int from, int to)
    {
        Span<char> name = stackalloc char[64];
        foreach (var span in spans)
        {
            if (span.Label != PiiLabel.Person || span.End <= from || span.End > to || span.Length > 64)
            {
                continue;
            }

            var n = 0;
            foreach (var c in text.AsSpan(span.Start, span.Length))
            {
                if (char.IsLetter(c))
                {
                    name[n++] = Unaccented(char.ToLowerInvariant(c));
                }
            }

            if (name[..n].IndexOf(letters) >= 0)
            {
                return true;
            }
        }

        return false;
    }
}
