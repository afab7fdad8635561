namespace NearMiss.Core.Pii;

/// <summary>
/// Named call signs said over the radio: a capitalised word and a number of one to three digits ("Harbor 12", "Tribal
/// 9", "Mike 7", "ELLIS 12", "TP-24") that the text says at least twice, at least once as a radio call ("Harbor 12,
/// he's walking", "Copy Mike 4", "TP-24: en route", "Tribal 9 en route"). Words that number things other than units
/// (codes, channels, roads, rooms, vehicles, steps, people by role: "Code 3", "Channel 2", "Exit 27", "Officer 1")
/// never start one.
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>Words a number follows that are not a unit's name: codes and channels, roads and places, rooms, vehicles, parts of a text, roles.</summary>
    private static readonly WordSet NumberedThings = new([
        "code", "signal", "channel", "milepost", "mp", "marker", "tac", "ch", "car", "engine", "medic", "truck", "ladder", "rescue", "squad", "ambulance", "exit", "hwy",
        "highway", "route", "interstate", "mile", "mm", "level", "phase", "step", "rule", "section", "chapter", "page", "item", "lesson",
        "day", "week", "gen", "type", "class", "grade", "sector", "zone", "district", "troop", "station", "gate", "pier", "terminal", "bay",
        "dock", "room", "cell", "pod", "tower", "platform", "track", "main", "lane", "glock", "sig", "colt", "model", "version", "number",
        "no", "rm", "bldg", "building", "floor", "suite", "apt", "unit", "box", "lot", "post", "beat", "area", "region", "precinct", "pct",
        "division", "camera", "cam", "figure", "fig", "table", "appendix", "part", "volume", "vol", "air", "battalion", "company", "platoon",
        "squadron", "team", "group", "shift", "tier", "wing", "block", "dorm", "hangar", "berth", "slip", "runway", "taxiway", "concourse",
        "sr", "us", "i", "ca", "fm", "cr", "county", "state", "road", "street", "avenue", "ave", "st", "rd", "year", "years", "stage",
        "round", "set", "rep", "reps", "drill", "drills", "test", "exercise", "scenario", "relay", "line", "bus", "train", "van", "boat",
        "officer", "officers", "trooper", "deputy", "sergeant", "sgt", "subject", "suspect", "witness", "driver", "passenger", "victim",
        "vehicle", "person", "male", "female", "inmate", "patient", "reporter", "agent", "ranger", "warden", "detective", "corporal", "cpl",
        "lieutenant", "lt", "captain", "capt", "chief", "major", "ofc", "dep", "tpr", "det", "co", "sheriff", "marshal", "constable",
        "supervisor", "instructor", "student", "recruit", "cadet", "trainee", "dispatcher", "caller", "resident", "juvenile", "adult",
        "child", "occupant", "citizen", "bystander", "operator", "pilot", "nurse", "doctor", "firefighter",
    ]);

    private void NamedCallSigns(List<PiiSpan> spans, List<PiiSpan> added)
    {
        List<(int Word, string Key)>? candidates = null;
        for (var k = 0; k + 1 < count; k++)
        {
            if (CallSignNumber(k) is var number and > 0)
            {
                (candidates ??= []).Add((k, $"{W(k)} {W(number)}".ToLowerInvariant()));
                k = number;
            }
        }

        if (candidates is null || candidates.Count < 2)
        {
            return;
        }

        foreach (var group in candidates.GroupBy(c => c.Key))
        {
            if (group.Count() < 2 || !group.Any(c => SaidAsCall(c.Word, CallSignNumber(c.Word))))
            {
                continue;
            }

            foreach (var (word, _) in group)
            {
                // A call sign inside a longer span ("Oregon AXJ 664", a plate) is left to it.
                var sign = new PiiSpan(tokens[word].Start, tokens[CallSignNumber(word)].End, PiiLabel.BadgeId);
                if (!Straddles(spans, sign) && !Straddles(added, sign))
                {
                    RemoveWithin(spans, sign.Start, sign.End);
                    added.Add(sign);
                }
            }
        }
    }

    /// <summary>Does a span overlap <paramref name="sign"/> and reach outside it?</summary>
    private static bool Straddles(List<PiiSpan> spans, PiiSpan sign) =>
        spans.Exists(s => s.Start < sign.End && sign.Start < s.End && (s.Start < sign.Start || s.End > sign.End));

    /// <summary>
    /// The number of a call sign whose name is the word at <paramref name="k"/>: "Harbor 12", "TP-24", not a time or a
    /// decimal ("May 12:30", "Level 3.5"); the number's token, or 0.
    /// </summary>
    private int CallSignNumber(int k)
    {
        if (!IsWord(k) || tokens[k].Length < 2 || !(tokens[k].Has(TokenFlags.Capitalized) || tokens[k].Has(TokenFlags.AllCaps))
            || tokens[k].Is(Lex.Month | Lex.Weekday | Lex.Rank | Lex.Role | Lex.Measure | Lex.Stop) || In(NumberedThings, k)
            || IsWord(k - 1) && (tokens[k - 1].Is(Lex.State) || EqAny(k - 1, "plate", "plates", "tag", "tags")))
        {
            return 0; // (after a state or "plate" it is a plate: "Oregon AXJ 664")
        }

        var n = k + 1;
        if (P(n, '-') && tokens[n].Start == tokens[k].End)
        {
            n++;
        }
        else if (n < count && tokens[n].Start != tokens[k].End + 1)
        {
            return 0;
        }

        if (n >= count || tokens[n].Kind != TokenKind.Number || tokens[n].Length > 3 || tokens[n].Has(TokenFlags.NewlineBefore))
        {
            return 0;
        }

        // A time or a decimal goes on with a colon or point and digits.
        var joined = n + 2 < count && (P(n + 1, ':') || P(n + 1, '.')) && tokens[n + 1].Start == tokens[n].End && tokens[n + 2].Kind == TokenKind.Number && tokens[n + 2].Start == tokens[n + 1].End;
        return joined ? 0 : n;
    }

    /// <summary>
    /// The call sign from <paramref name="word"/> to <paramref name="number"/> is said as a radio call: called or
    /// answered ("Harbor 12, he's walking", "TP-24: en route", "Mike 4 copy", "Tribal 9 en route", "Sierra 1 on
    /// scene"), or named as one's own or acknowledged ("this is Harbor 20", "I was Tribal 9", "we're Adam 12", "Copy
    /// Mike 4").
    /// </summary>
    private bool SaidAsCall(int word, int number)
    {
        var n = number + 1;
        var answered = P(n, ',') || P(n, ':') || EqAny(n, "copy", "copies", "clear", "out") || Eq(n, "en") && Eq(n + 1, "route")
            || Eq(n, "on") && Eq(n + 1, "scene") || Eq(n, "go") && Eq(n + 1, "ahead") || Eq(n, "is") && Eq(n + 1, "clear");
        var named = EqAny(word - 1, "copy", "as", "was", "im") || Eq(word - 1, "is") && Eq(word - 2, "this")
            || (Eq(word - 1, "m") || Eq(word - 1, "re")) && P(word - 2, '\'');
        return answered || named;
    }
}
