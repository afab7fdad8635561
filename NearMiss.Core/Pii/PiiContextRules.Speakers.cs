namespace NearMiss.Core.Pii;

/// <summary>
/// People named by the shape of a message (decision 049): the speakers of a chat, transcript or timed log, the person
/// a note is written to, and the name signed under it.
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>Words that open a line with a colon and are no speaker ("Note:", "Where:", "Lesson:").</summary>
    internal static readonly WordSet NotSpeakers = new(["note", "male", "female", "cover", "primary", "secondary", "backup", "rook", "rookie", "boss", "county", "notes", "update", "lesson", "lessons", "summary", "time", "date", "location", "where", "when", "who", "what", "why", "how", "subject", "subj", "re", "to", "from", "cc", "narrative", "callback", "result", "results", "action", "actions", "outcome", "takeaway", "takeaways", "bottom", "line", "question", "answer", "dispatch", "radio", "edit", "ps", "tldr", "after", "before", "then", "now", "later", "unit", "units", "suspect", "victim", "driver", "caller", "officer", "deputy", "trooper", "sgt", "sarge", "lt", "me", "us", "them", "all", "everyone", "event", "incident", "injuries", "weather", "lighting", "factors", "debrief", "details", "background", "description", "recommendation", "recommendations", "comments", "comment", "reply", "response", "status", "issue", "problem", "fix", "plan", "side", "front", "rear", "back", "left", "right", "peer", "chat", "disp", "dispatcher", "comm", "comms", "base", "central", "control", "command", "sector", "ops", "tac", "medic", "fire", "ems", "sent", "received", "also", "and", "but", "so", "ok", "okay", "yes", "no", "hey", "hi", "thanks", "interviewer", "respondent", "reviewer", "moderator", "host", "guest", "speaker", "reporter", "student", "instructor", "trainer", "trainee", "recruit", "staff", "nurse", "doctor", "supervisor", "partner", "author", "writer", "submitter", "narrator", "source", "witness", "complainant", "agency", "department", "training", "equipment", "conditions", "environment", "personnel", "vehicle", "scene", "call", "synopsis", "discussion", "analysis", "findings", "observations", "keywords", "tags", "category", "type", "role", "shift", "assignment", "rank", "experience", "tenure"]);

    /// <summary>What follows a name a message is addressed to ("Chip, long story short", "Will, you asked me").</summary>
    private static readonly WordSet AfterAddressee = new(["i", "you", "this", "here", "so", "long", "just", "quick", "thanks", "hope", "we", "sorry", "wanted", "as", "per", "hey", "use", "if", "sending", "writing", "following"]);

    /// <summary>
    /// People named by the shape of a message: speakers of a chat or transcript ("Brooks: yall hear", "Sully: lol" at
    /// least twice) and the person a message opens to ("Chip, long story short", "Hey Bear,", "Will - you asked").
    /// </summary>
    private void SpeakersAndAddressees(List<PiiSpan> spans, List<PiiSpan> added)
    {
        // A speaker's turns are counted by the colons after them: a text with no colon has none.
        Dictionary<string, int>? turns = null;
        var colons = Shapes.HasPunct(':');
        for (var k = 0; k + 1 < count && colons; k++)
        {
            if (P(k + 1, ':') && !(k + 2 < count && tokens[k + 2].Kind == TokenKind.Number && tokens[k + 2].Start == tokens[k + 1].End) && CouldBeSpeaker(k))
            {
                turns ??= new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
                var w = W(k).ToString();
                turns[w] = turns.GetValueOrDefault(w) + 1;
            }
        }

        for (var k = 0; k + 1 < count; k++)
        {
            if (tokens[k + 1].Kind != TokenKind.Punct || !(P(k + 1, ':') || P(k + 1, ',') || P(k + 1, '-')))
            {
                continue;
            }

            // (one turn is enough in a chat of two speakers or more who name this one elsewhere: "Tank: Moose coming?" … "Moose: only if")
            var speaker = turns is not null && P(k + 1, ':') && turns.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(W(k), out var said) && CouldBeSpeaker(k)
                && (said >= 2 || said == 1 && (k == 0 || tokens[k].Has(TokenFlags.NewlineBefore)) && ChatSpeakers(turns) >= 2 && NamedElsewhere(k));
            var opening = k == 0 || tokens[k].Has(TokenFlags.NewlineBefore) || In(Greetings, k - 1) && (k == 1 || tokens[k - 1].Has(TokenFlags.NewlineBefore));
            var addressee = opening && CouldBeName(k) && (P(k + 1, ',') || P(k + 1, '-')) && (In(AfterAddressee, k + 2) || tokens[k + 2].Has(TokenFlags.NewlineBefore))
                && (!tokens[k].Has(TokenFlags.Lower) || caseless);
            if ((speaker || addressee) && !Overlaps(spans, tokens[k].Start, tokens[k].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Person));
            }
        }
    }

    /// <summary>How many speakers took two turns or more.</summary>
    private static int ChatSpeakers(Dictionary<string, int> turns)
    {
        var speakers = 0;
        foreach (var said in turns.Values)
        {
            speakers += said >= 2 ? 1 : 0;
        }

        return speakers;
    }

    /// <summary>Whether the word at <paramref name="k"/> stands again in the text, not before a colon (a mention, not a turn).</summary>
    private bool NamedElsewhere(int k)
    {
        for (var j = 0; j < count; j++)
        {
            if (j != k && tokens[j].Length == tokens[k].Length && !P(j + 1, ':') && W(j).Equals(W(k), StringComparison.OrdinalIgnoreCase))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The words of a closing line ("Thanks,", "Respectfully submitted,", "V/R", "Stay safe,").</summary>
    private static readonly WordSet Closings = new(["thanks", "thank", "you", "thx", "ty", "best", "kind", "warm", "regards", "respectfully", "submitted", "sincerely", "v", "r", "vr", "stay", "be", "safe", "take", "care", "cheers", "yours"]);

    /// <summary>
    /// The name signed under a closing line: "Thanks,\nHunter Bishop", "Respectfully,\nSgt. Dale Hemming", "Stay safe,\nJ.
    /// Stone". The line after the closing is up to eight words or initials, a rank before them allowed, up to a comma or
    /// the line's end; a word in lower case (as the true-caser leaves a signature it read as a heading) must be a listed
    /// name or a word no list knows, and one word must be ("The Training Unit" is no name). It replaces a person found on
    /// part of it.
    /// </summary>
    private void SignOffs(List<PiiSpan> spans)
    {
        if (!TextHas(Closings))
        {
            return;
        }

        for (var k = 0; k < count; k++)
        {
            if (!(k == 0 || tokens[k].Has(TokenFlags.NewlineBefore)) || !In(Closings, k) || ClosingEnd(k) is not (var next and > 0))
            {
                continue;
            }

            var first = next;
            if (IsWord(first) && tokens[first].Is(Lex.Rank | Lex.NounRank) && !tokens[first].Has(TokenFlags.Lower))
            {
                first += P(first + 1, '.') ? 2 : 1;
            }

            var last = SignedNameEnd(first);
            if (last < first)
            {
                continue;
            }

            var name = new PiiSpan(tokens[first].Start, tokens[last].End, PiiLabel.Person);
            if (OverlapsBeyondPerson(spans, name))
            {
                continue;
            }

            RemoveOverlapping(spans, name.Start, name.End);
            spans.Add(name);
            spans.Sort(static (a, b) => a.Start.CompareTo(b.Start));
        }
    }

    /// <summary>The first token of the line after a closing line of one to three closing words starting at <paramref name="k"/>, or -1.</summary>
    private int ClosingEnd(int k)
    {
        var words = 0;
        var j = k;
        for (; j < count && (j == k || !tokens[j].Has(TokenFlags.NewlineBefore)); j++)
        {
            if (IsWord(j) ? !In(Closings, j) || ++words > 3 : !(P(j, ',') || P(j, '!') || P(j, '.') || P(j, '/')))
            {
                return -1;
            }
        }

        return j < count ? j : -1;
    }

    /// <summary>The last token of a signed name starting at <paramref name="first"/> and ending its line or at a comma, or -1.</summary>
    private int SignedNameEnd(int first)
    {
        var last = -1;
        var named = false;
        for (var j = first; j < count && j < first + 8 && (j == first || !tokens[j].Has(TokenFlags.NewlineBefore)); j++)
        {
            if (P(j, ','))
            {
                break;
            }

            if (P(j, '.') && last == j - 1 && tokens[j - 1].Length == 1 || (P(j, '-') || P(j, '\'')) && tokens[j].Start == tokens[j - 1].End)
            {
                continue;
            }

            var name = tokens[j].Is(Lex.GivenName | Lex.Surname) || tokens[j].Lex.Flags == Lex.None && !English(j) && tokens[j].Length > 1;
            if (!IsWord(j) || !IsNameShaped(j) && tokens[j].Length > 1 || tokens[j].Has(TokenFlags.Lower) && !name)
            {
                return -1;
            }

            named |= name;
            last = j;
        }

        return named && last - first < 8 && (last + 1 >= count || tokens[last + 1].Has(TokenFlags.NewlineBefore) || P(last + 1, ',')) ? last : -1;
    }

    /// <summary>
    /// Speakers of a chat copied with its times ("T-Bob 21:47: yall up?", "Bear K. [8:10 PM]: what happened", "Sgt Garza
    /// 1003: anybody hurt??"): the words opening a line before a clock time and a colon, a rank before them allowed, when
    /// the same words open at least two lines, are a person; in a chat of two such lines or more, each time in four
    /// digits is a time.
    /// </summary>
    private void TimedSpeakers(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasPunct(':') || !Shapes.HasNumber(2, 2) && !Shapes.HasNumber(4, 4))
        {
            return; // (every turn has a clock time, "21:47" or "2147", and a colon)
        }

        List<(int First, int Last, int Clock)>? lines = null;
        for (var k = 0; k < count; k++)
        {
            if (k == 0 || tokens[k].Has(TokenFlags.NewlineBefore))
            {
                var name = IsWord(k) && tokens[k].Is(Lex.Rank) && !P(k + 1, ':') ? k + 1 : k; // "Sgt Garza 1003:"
                if (TimedSpeakerEnd(name, out var clock) is var last and >= 0)
                {
                    (lines ??= []).Add((name, last, clock));
                }
                else if (WordAfterLineClock(k) is var after and > 0)
                {
                    name = IsWord(after) && tokens[after].Is(Lex.Rank) && !P(after + 1, ':') ? after + 1 : after; // "[22:40] Sgt Kanoho:"
                    if (SpeakerEnd(name) is var end and >= 0)
                    {
                        (lines ??= []).Add((name, end, -2)); // (-2: the clock stood before the name)
                    }
                }
            }
        }

        if (lines is null || lines.Count < 2)
        {
            return;
        }

        // "Benny 1001:": a turn's time written in four digits is a time, which no other rule reads in that place.
        foreach (var (_, _, clock) in lines)
        {
            if (clock >= 0 && !Overlaps(spans, tokens[clock].Start, tokens[clock].End) && !Overlaps(added, tokens[clock].Start, tokens[clock].End))
            {
                added.Add(new PiiSpan(tokens[clock].Start, tokens[clock].End, PiiLabel.Time));
            }
        }

        foreach (var (first, last, _) in lines)
        {
            var name = text.AsSpan(tokens[first].Start, tokens[last].End - tokens[first].Start);
            var turns = 0;
            foreach (var (f, l, _) in lines)
            {
                turns += name.Equals(text.AsSpan(tokens[f].Start, tokens[l].End - tokens[f].Start), StringComparison.OrdinalIgnoreCase) ? 1 : 0;
            }

            // (a name after its line's clock in a chat of three lines or more need not speak twice: "[22:19] Moody: 10-4")
            if ((turns >= 2 || lines[0].Clock == -2 && lines.Count >= 3 && (CouldBeName(first) || CouldBeNickname(first))) && !Overlaps(spans, tokens[first].Start, tokens[last].End))
            {
                RemoveWithin(added, tokens[first].Start, tokens[last].End);
                added.Add(new PiiSpan(tokens[first].Start, tokens[last].End, PiiLabel.Person));
            }
        }
    }

    /// <summary>
    /// The last token of a speaker's name of one to three words ("T-Bob", "Hope L.") before "21:47:", "[8:10 PM]:" or
    /// "1001:"; -1 if none. <paramref name="clock"/> is the token of a time in four digits, or -1.
    /// </summary>
    private int TimedSpeakerEnd(int k, out int clock)
    {
        clock = -1;
        var last = -1;
        var n = k;
        while (n < count && n - k < 5 && (IsWord(n) || last >= 0 && (P(n, '-') || P(n, '.')) && tokens[n].Start == tokens[n - 1].End))
        {
            last = IsWord(n) ? n : last;
            n++;
        }

        if (last < 0 || !IsNameShaped(k) || In(Dispatchers, k) || Eq(k, "i"))
        {
            return -1;
        }

        var m = last + 1;
        if (IsClockNumber(m) && P(m + 1, ':') && tokens[m + 1].Start == tokens[m].End && !tokens[m + 1].Has(TokenFlags.NewlineBefore))
        {
            clock = m;
            return last;
        }

        m = AfterClock(m);
        return m >= 0 && P(m, ':') && !tokens[m].Has(TokenFlags.NewlineBefore) ? last : -1;
    }

    /// <summary>The token after a clock at <paramref name="m"/>, in brackets or not ("21:47", "[8:10 PM]", "(22:17)"), or -1.</summary>
    private int AfterClock(int m)
    {
        var bracket = P(m, '[') || P(m, '(');
        m += bracket ? 1 : 0;
        if (!(m + 2 < count && tokens[m].Kind == TokenKind.Number && tokens[m].Length <= 2 && P(m + 1, ':') && tokens[m + 2].Kind == TokenKind.Number && tokens[m + 2].Length == 2))
        {
            return -1;
        }

        m += 3;
        m += EqAny(m, "am", "pm", "a.m", "p.m") ? 1 : 0;
        return m + (bracket && (P(m, ']') || P(m, ')')) ? 1 : 0);
    }

    /// <summary>The word after a clock that opens a line at <paramref name="k"/> ("[22:17] ", "22:17 ", "[10:41 PM] "), or -1.</summary>
    private int WordAfterLineClock(int k) => AfterClock(k) is var m and >= 0 && m < count && !tokens[m].Has(TokenFlags.NewlineBefore) && IsWord(m) ? m : -1;

    /// <summary>The last word of a speaker's name of one to three words before a colon, on its line, or -1.</summary>
    private int SpeakerEnd(int k)
    {
        if (!IsNameShaped(k) || In(Dispatchers, k) || Eq(k, "i"))
        {
            return -1;
        }

        for (var n = k; n < count && n - k < 3 && IsWord(n) && (n == k || Spaced(n - 1, n)); n++)
        {
            if (P(n + 1, ':') && tokens[n + 1].Start == tokens[n].End)
            {
                return n;
            }
        }

        return -1;
    }

    /// <summary>A chat's speaker: a word that may be a name, or one that may be a nickname ("Biscuit:") opening a line.</summary>
    private bool CouldBeSpeaker(int k) => CouldBeName(k) || (k == 0 || tokens[k].Has(TokenFlags.NewlineBefore)) && CouldBeNickname(k);

    /// <summary>A single word that may be a name: a listed name or no ordinary word, and not a rank, role, heading or word of the trade.</summary>
    private bool CouldBeName(int k) =>
        IsNameShaped(k) && tokens[k].Length >= 2 && (!English(k) || tokens[k].Is(Lex.GivenName | Lex.Surname));

    /// <summary>A word that can stand for a person at all: not a heading, a word of the trade, a rank, a role, a date word, a measure or a place's code.</summary>
    private bool IsNameShaped(int k) =>
        IsWord(k) && !In(NotSpeakers, k) && !tokens[k].Lex.Has(LexExtra.NotPii)
        && !tokens[k].Is(Lex.Stop | Lex.Rank | Lex.Role | Lex.Keyword | Lex.Month | Lex.Weekday | Lex.Measure | Lex.AgencyAcronym | Lex.State | Lex.StateCode | Lex.SubUnit);

    private bool LineStart(int k) => k == 0 || (uint)k < (uint)count && tokens[k].Has(TokenFlags.NewlineBefore) || P(k - 1, '.') || P(k - 1, '\'') || P(k - 1, '"') || P(k - 1, ']');

    /// <summary>Who answers a unit on the radio: "DISPATCH: 72-S3", "Disp: 714, go ahead", "COMM: 2-2-5".</summary>
    private static readonly WordSet Dispatchers = new(["dispatch", "disp", "dispatcher", "comm", "comms", "base", "central", "control", "radio", "sector", "ops", "county"]);

    private bool In(WordSet words, int k) => IsWord(k) && words.Contains(text, tokens[k]);
}
