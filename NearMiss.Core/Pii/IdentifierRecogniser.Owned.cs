namespace NearMiss.Core.Pii;

/// <summary>A number after "number" and the word it belongs to, where no keyword names it (decision 078).</summary>
internal sealed partial class IdentifierRecogniser
{
    /// <summary>Words whose number is no one's id ("model number", "page number", "the number"), or is read by another rule (a phone's, a room's, a road's).</summary>
    internal static readonly WordSet NotIdOwners = new(["a", "the", "that", "this", "any", "same", "wrong", "right", "whole", "total", "big", "small", "large", "his", "her", "my",
        "your", "their", "our", "its", "model", "part", "page", "chapter", "section", "article", "statute", "rule", "step", "version", "code", "phone", "cell", "callback", "contact",
        "home", "work", "mobile", "fax", "telephone", "tel", "pager", "room", "lane", "exit", "route", "highway", "road", "street", "mile", "house", "door", "apartment", "apt", "suite",
        "lot", "building", "floor", "channel", "tac", "frequency", "round", "rounds", "shot", "shots", "magazine", "item", "account", "social", "security", "zip", "new", "personal",
        "office", "desk", "direct", "private", "business", "main", "landline", "emergency", "dispatch", "full", "s"]);

    /// <summary>Owners whose number is a vehicle's ("fleet number 4112") or a person's ("P number 12284"), for <see cref="OwnedNumberLabel"/>.</summary>
    private static readonly WordSet VehicleOwners = new(["fleet", "vehicle", "squad", "cruiser", "car", "bus", "van", "truck", "boat", "engine", "medic", "ladder", "rmp", "train"]);

    private static readonly WordSet PersonOwners = new(["p", "bureau", "personnel", "payroll", "officer", "radio", "deputy", "trooper", "id", "unit"]);

    /// <summary>The label of a number after the word it belongs to: a vehicle's, a person's, or another id.</summary>
    internal static PiiLabel OwnedNumberLabel(string text, in Token owner) =>
        VehicleOwners.Contains(text, owner) ? PiiLabel.VehicleId : PersonOwners.Contains(text, owner) ? PiiLabel.BadgeId : PiiLabel.OtherId;

    /// <summary>
    /// A number of three characters or more after "number" and the word it belongs to, where no keyword names it: "fleet
    /// number 4112", "bureau number 5528", "our car was number 1406"; not after a word of grammar ("the number 911") nor
    /// one of <see cref="NotIdOwners"/>.
    /// </summary>
    public int OwnedNumber(int i)
    {
        var o = EqAny(i - 1, "was", "is") ? i - 2 : i - 1;
        if (!IsWord(o) || tokens[o].Is(Lex.Keyword) || NotIdOwners.Contains(text, tokens[o]) || tokens[o].Is(Lex.Stop) && tokens[o].Length > 1 || Eq(o, "a") || Eq(o, "i"))
        {
            return 0;
        }

        var j = SkipMarkers(i + 1);
        if (IsNum(j) && PiiPatterns.MatchLength(PiiPatterns.Phone(), text, tokens[j].Start) is > 0 and var length && CountDigits(tokens[j].Start, length) is >= 7 and <= 15)
        {
            return 0; // "my personal number is 504-555-0177": a phone, read as one
        }

        var label = OwnedNumberLabel(text, tokens[o]);
        if (label == PiiLabel.OtherId && j < count && tokens[j].Kind != TokenKind.Punct && IdEnd(j) > j && PiiPatterns.IsMatch(PiiPatterns.CaseShape(), Chars(j, IdEnd(j))))
        {
            label = PiiLabel.CaseNumber; // "IR NUMBER 2023-BR-4410"
        }

        return KeywordValue(i + 1, label, minLength: 3);
    }
}
