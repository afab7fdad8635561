namespace NearMiss.Core.Pii;

/// <summary>
/// Rooms and units of a building, which place a report inside one facility ("Courtroom 4B", "cell 2W-18", "C pod",
/// "E Block"), vehicles by their fleet number ("Boat 3"), and names written surname first ("NGUYEN, LINH").
/// </summary>
internal sealed partial class PiiContextRules
{
    /// <summary>Words a room or unit's number follows: "cell 14", "Tower 3", "dept 9", "room B-110", "gate G7", "platform 2".</summary>
    private static readonly WordSet RoomsBeforeNumber = new(["courtroom", "pier", "terminal", "berth", "hangar", "wharf", "pod", "cell", "cellblock", "tower", "mod", "module", "dorm", "dormitory", "wing", "room", "rm", "dept", "ward", "bldg", "building", "holding", "gate", "platform", "tank", "tier", "dock", "slip", "bay", "checkpoint", "concourse"]);

    /// <summary>Words a unit's letter comes before: "C pod", "E Block", "4B wing".</summary>
    private static readonly WordSet RoomsAfterLetter = new(["pod", "block", "wing", "tier", "dorm", "module", "mod", "yard"]);

    /// <summary>"cell 14", "Tower 3", "room B-110", "C pod", "F Block": a room or unit with its number or letter is a place.</summary>
    private void Rooms(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(RoomsBeforeNumber, RoomsAfterLetter) && !TextHasWord("housing"))
        {
            return;
        }

        for (var k = 0; k + 1 < count; k++)
        {
            int start, end;
            var housing = false;
            if (In(RoomsBeforeNumber, k) && RoomNumberEnd(k + 1, Eq(k, "cell")) is > 0 and var last
                && (!Eq(k, "holding") || EqAny(k - 1, "in", "into", "to", "from") || tokens[k].Has(TokenFlags.Capitalized) && !tokens[k].Has(TokenFlags.SentenceStart)))
            {
                (start, end) = (k, last);
            }
            else if (Eq(k, "unit") && Eq(k - 1, "housing") && Spaced(k - 1, k) && RoomNumberEnd(k + 1, phoneLikely: false) is > 0 and var numbered)
            {
                (start, end, housing) = (k - 1, numbered, true); // "Housing Unit 3"
            }
            else if (In(JailRooms, k) && SpokenRoomEnd(k + 1) is > 0 and var said)
            {
                (start, end) = (Eq(k, "unit") ? k - 1 : k, said); // "cell fourteen", "pod four charlie", "housing unit four b"
            }
            else if (In(RoomsAfterLetter, k + 1) && (IsUnitLetter(k, Eq(k + 1, "pod")) || In(Phonetic, k) && EqAny(k + 1, "pod", "dorm", "tier") && Spaced(k, k + 1)))
            {
                (start, end) = (k, k + 1);
            }
            else if (k + 2 < count && P(k + 1, '-') && In(RoomsAfterLetter, k + 2) && IsHyphenedUnitLetter(k))
            {
                (start, end) = (k, k + 2); // "C-Pod", "H-Dorm", "C-Block"
            }
            else
            {
                continue;
            }

            // (the number of a housing unit is no unit's call sign: "Unit 3" read as one gives way)
            var room = new PiiSpan(tokens[start].Start, tokens[end].End, PiiLabel.Location);
            if (OnlyNamesWithin(spans, room, badgesFrom: housing ? tokens[start + 2].Start : int.MaxValue))
            {
                RemoveWithin(spans, room.Start, room.End);
                added.Add(room);
                k = end;
            }
        }
    }

    /// <summary>Vehicles a number names, beside the car words the identifier recogniser reads: "Boat 3", "van 12", "train 4031", "RMP 4417" (a patrol car), "motor 3418" (a motor officer's bike), "coach 34117" (a train's car).</summary>
    private static readonly WordSet VehiclesBeforeNumber = new(["boat", "van", "bus", "train", "skiff", "rmp", "motor", "vessel", "ambo", "sled", "coach"]);

    /// <summary>"Boat 12", "patrol boat 7", "van #7", "on train 4031": a vehicle's fleet number (VEHICLE_ID); not "we train 40 recruits" (a word that may be a verb needs a noun's place).</summary>
    private void VehicleNumbers(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(VehiclesBeforeNumber) && !TextHasWord("car") || !Shapes.HasNumber(1, 5))
        {
            return;
        }

        for (var k = 0; k + 1 < count; k++)
        {
            // "van #7": a number sign between.
            var at = P(k + 1, '#') && k + 2 < count ? k + 2 : k + 1;
            if (LetteredNumberEnd(at) is > 0 and var lettered && (In(VehiclesBeforeNumber, k) || Eq(k, "car")) && !EqAny(k, "train", "bus", "motor"))
            {
                // "in van T-7", "car G-19": a letter and a number joined by a hyphen.
                if (!Overlaps(spans, tokens[at].Start, tokens[lettered].End))
                {
                    added.Add(new PiiSpan(tokens[at].Start, tokens[lettered].End, PiiLabel.VehicleId));
                }

                k = lettered;
                continue;
            }

            ref var number = ref tokens[at];
            if (!In(VehiclesBeforeNumber, k) || number.Kind != TokenKind.Number || number.Length > 5 || !(number.Has(TokenFlags.SpaceBefore) || at == k + 2)
                || IsCounted(at + 1) || P(at + 1, ':') || P(at + 1, '-') && at + 2 < count && tokens[at + 2].Kind == TokenKind.Number
                || EqAny(k, "train", "bus", "motor") && !(tokens[k].Has(TokenFlags.Capitalized | TokenFlags.AllCaps) || k == 0 || P(k - 1, '.') || P(k - 1, ':') || tokens[k].Has(TokenFlags.NewlineBefore)
                    || IsDeterminer(k - 1) || EqAny(k - 1, "on", "off", "from", "onto", "into", "of", "by", "aboard", "in", "and", "as", "was")))
            {
                continue;
            }

            var id = new PiiSpan(number.Start, number.End, PiiLabel.VehicleId);
            if (!Overlaps(spans, id.Start, id.End))
            {
                added.Add(id);
                k = at;
            }
        }
    }

    /// <summary>Vehicles a number said in words names in dictation: "parked car twelve behind it", "transport van four took him", "truck nineteen.".</summary>
    private static readonly WordSet VehiclesSaid = new(["car", "truck", "van", "boat", "squad", "bus", "ambo", "medic", "skiff", "engine", "ladder", "rescue", "cruiser", "wagon"]);

    /// <summary>
    /// In dictated text, a vehicle's fleet number said in words, two to ninety-nine (VEHICLE_ID): "parked car twelve behind
    /// it", "transport van four took him". Not a count ("a car two lanes over", "the truck three times"), a range ("car
    /// two or three") or a number that goes on.
    /// </summary>
    private void VehicleNumbersSaid(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!caseless || !TextHas(VehiclesSaid) || !TextHas(NumberWords))
        {
            return;
        }

        for (var k = 0; k + 1 < count; k++)
        {
            if (!In(VehiclesSaid, k) || IsNumberWord(k - 1) || SpelledNumber(k + 1, out var last, spaced: true) is < 2 or > 99
                || IsNumberWord(last + 1) || EqAny(last + 1, "and", "or", "to", "years", "yrs") || !(AgeCloses(last + 1) || SaidAgeCloses(last + 1, anyCase: true))
                || Overlaps(spans, tokens[k + 1].Start, tokens[last].End))
            {
                continue;
            }

            added.Add(new PiiSpan(tokens[k + 1].Start, tokens[last].End, PiiLabel.VehicleId));
            k = last;
        }
    }

    /// <summary>The last token of "T-7", "G-19", "PV-614" (one or two capital letters, a hyphen, up to four digits, no spaces; in a text without case, "k-311") at <paramref name="k"/>; 0 if none.</summary>
    private int LetteredNumberEnd(int k) =>
        k + 2 < count && IsWord(k) && tokens[k].Length <= 2 && (char.IsAsciiLetterUpper(text[tokens[k].Start]) && char.IsAsciiLetterUpper(text[tokens[k].End - 1]) || caseless && tokens[k].Has(TokenFlags.Lower)) && tokens[k].Has(TokenFlags.SpaceBefore)
        && P(k + 1, '-') && tokens[k + 1].Start == tokens[k].End && tokens[k + 2].Kind == TokenKind.Number && tokens[k + 2].Length <= 4
        && tokens[k + 2].Start == tokens[k + 1].End && !(k + 3 < count && tokens[k + 3].Start == tokens[k + 2].End && !P(k + 3, '.') && !P(k + 3, ',') && !P(k + 3, ')'))
            ? k + 2 : 0;

    /// <summary>The last token of a room's number that starts at <paramref name="k"/> ("14", "4B", "B-110", "2W-18"), or 0.</summary>
    private int RoomNumberEnd(int k, bool phoneLikely)
    {
        ref var t = ref tokens[k];
        var number = t.Kind == TokenKind.Number && t.Length <= 4 || t.Kind == TokenKind.Alnum && t.Digits > 0 && t.Length <= 5
            || t.Kind == TokenKind.Word && t.Length == 1 && char.IsUpper(text[t.Start]) && (!tokens[k - 1].Has(TokenFlags.Lower) || P(k + 1, '-') && k + 2 < count && tokens[k + 2].Kind == TokenKind.Number);
        if (!number || !t.Has(TokenFlags.SpaceBefore) || t.Has(TokenFlags.NewlineBefore) || IsCounted(k + 1))
        {
            return 0;
        }

        // "B-110", "2W-18": a second part joined by a hyphen; not the rest of a phone number after "cell".
        if (P(k + 1, '-') && k + 2 < count && !tokens[k + 1].Has(TokenFlags.SpaceBefore) && !tokens[k + 2].Has(TokenFlags.SpaceBefore)
            && tokens[k + 2].Kind is TokenKind.Number or TokenKind.Alnum && tokens[k + 2].Length <= 4 && !(phoneLikely && tokens[k + 2].Length == 4))
        {
            return k + 2;
        }

        return k;
    }

    /// <summary>Rooms of a jail whose number is said in words: "cell", "pod", "dorm", "module", "housing unit".</summary>
    private static readonly WordSet JailRooms = new(["cell", "pod", "dorm", "module", "unit"]);

    /// <summary>
    /// The last token of a room's number said in words from <paramref name="k"/> ("fourteen", "one four", "four charlie",
    /// "four b"), or 0; one to three number words, then perhaps one letter; not a count ("cell two hours", "pod one of").
    /// </summary>
    private int SpokenRoomEnd(int k)
    {
        if (Eq(k - 1, "unit") && !Eq(k - 2, "housing") || !In(NumberWords, k) || Eq(k, "oh") || !Spaced(k - 1, k))
        {
            return 0;
        }

        var last = k;
        while (last < k + 2 && In(NumberWords, last + 1) && Spaced(last, last + 1))
        {
            last++;
        }

        if (In(Phonetic, last + 1) && Spaced(last, last + 1) || IsWord(last + 1) && tokens[last + 1].Length == 1 && !EqAny(last + 1, "a", "i") && Spaced(last, last + 1))
        {
            last++;
        }

        return IsCounted(last + 1) || In(Counted, last + 1) || Eq(last + 1, "more") ? 0 : last;
    }

    /// <summary>A measure or a counted kind after the number makes it a count: "dept 14 officers", "ROOM 2 DAYS EARLIER".</summary>
    private bool IsCounted(int k) =>
        IsWord(k) && (tokens[k].Is(Lex.Measure) && !tokens[k].Is(Lex.Stop) || Eq(k, "inmates") || Eq(k, "guys") || Eq(k, "kids") || Eq(k, "men") || Eq(k, "women"));

    /// <summary>A unit's letter or short code before its kind: "C" (pod), "E" (Block), "4B"; never the article "a" or "I" before a block.</summary>
    private bool IsUnitLetter(int k, bool pod)
    {
        if (k < 0 || !tokens[k + 1].Has(TokenFlags.SpaceBefore) || k > 0 && !tokens[k].Has(TokenFlags.SpaceBefore))
        {
            return false;
        }

        ref var t = ref tokens[k];
        if (t.Kind == TokenKind.Alnum)
        {
            return t.Length <= 3 && t.Digits > 0 && char.IsAsciiDigit(text[t.Start]) && char.IsAsciiLetter(text[t.End - 1]);
        }

        return IsCapitalLetter(k) && (pod || !(Eq(k, "a") || Eq(k, "i")));
    }

    /// <summary>One capital written against a hyphen and a unit's word: the "C" of "C-Pod".</summary>
    private bool IsHyphenedUnitLetter(int k) =>
        IsCapitalLetter(k) && tokens[k + 1].Start == tokens[k].End && tokens[k + 2].Start == tokens[k + 1].End
        && (k == 0 || tokens[k].Has(TokenFlags.SpaceBefore | TokenFlags.NewlineBefore));

    /// <summary>A word of one letter, a capital unless the text is of one case.</summary>
    private bool IsCapitalLetter(int k) =>
        IsWord(k) && tokens[k].Length == 1 && char.IsAsciiLetter(text[tokens[k].Start]) && (char.IsUpper(text[tokens[k].Start]) || caseless);

    /// <summary>
    /// "NGUYEN, LINH", "Toussaint, Ernst": a one-word name, a comma and a name read as one name written surname first;
    /// not a list of names ("Diaz, Lee and Park").
    /// </summary>
    private void SurnameFirst(List<PiiSpan> spans)
    {
        for (var n = spans.Count - 2; n >= 0; n--)
        {
            var (a, b) = (spans[n], spans[n + 1]);
            if (a.Label != PiiLabel.Person || b.Label != PiiLabel.Person || b.Start <= a.End || text.AsSpan(a.End, b.Start - a.End) is not ("," or ", ")
                || text.AsSpan(a.Start, a.End - a.Start).Contains(' '))
            {
                continue;
            }

            // A list goes on after the second name or came before the first.
            var after = FirstToken(b.End);
            var before = TokenEnding(a.Start);
            if (P(after, ',') && n + 2 < spans.Count && spans[n + 2].Label == PiiLabel.Person && FirstToken(spans[n + 2].Start) == after + 1
                || EqAny(after, "and", "&", "or") || P(before, ',') && n > 0 && spans[n - 1].Label == PiiLabel.Person && spans[n - 1].End == tokens[before].Start)
            {
                continue;
            }

            spans[n] = a with { End = b.End };
            spans.RemoveAt(n + 1);
        }
    }

    /// <summary>Verbs that take a patient or a prisoner somewhere: "took him to hcmc", "flown to Regions", "transported to seton".</summary>
    private static readonly WordSet TakenTo = new(["took", "take", "takes", "taking", "taken", "transported", "transport", "flown", "flew", "rushed", "drove", "driven", "brought", "airlifted", "admitted", "sent"]);

    private static readonly WordSet WentOrGot = new(["went", "got"]);

    /// <summary>
    /// The hospital or jail a person was taken to, named by one word no list knows, an acronym or its letters said one at
    /// a time: "ems took him to hcmc", "dude went to seton", "flown to Regions", "we got him to e m m c for an eval"; not
    /// an ordinary word ("took him to jail") or a listed place.
    /// </summary>
    private void TakenToPlaces(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(TakenTo, WentOrGot))
        {
            return;
        }

        for (var k = 2; k < count; k++)
        {
            if (!IsWord(k) || !Eq(k - 1, "to") || tokens[k].Length is 2 || Overlaps(spans, tokens[k].Start, tokens[k].End))
            {
                continue;
            }

            var verb = k - 2;
            verb -= EqAny(verb, "him", "her", "them", "pt", "patient", "subj", "suspect", "me", "us") ? 1 : 0;
            if (!In(TakenTo, verb) && !(Eq(verb, "went") && EqAny(k + 1, "on", "for")) && !(Eq(verb, "got") && verb < k - 2 && tokens[k].Length == 1))
            {
                continue;
            }

            // A hospital's letters said one at a time: "we took him to u n m h", "transported to u a b for an eval".
            if (tokens[k].Length == 1 && caseless && SpelledRunEnd(k) is var spelledEnd && spelledEnd >= k + 2)
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[spelledEnd].End, PiiLabel.Location));
                k = spelledEnd;
                continue;
            }

            if (tokens[k].Length < 3)
            {
                continue;
            }

            var unknown = tokens[k].Lex.Flags == Lex.None && !English(k) && !tokens[k].Lex.Has(LexExtra.NotPii) && !lexicon.LooksEnglish(W(k), compounds: true)
                || tokens[k].Has(TokenFlags.AllCaps) && tokens[k].Length <= 5 && !tokens[k].Is(Lex.Stop | Lex.StateCode | Lex.Keyword) && !tokens[k].Lex.Has(LexExtra.NotPii)
                || tokens[k].Has(TokenFlags.Capitalized) && !caseless && !tokens[k].Is(Lex.Stop | Lex.Rank | Lex.Role | Lex.Month | Lex.Weekday | Lex.Keyword) && !tokens[k].Lex.Has(LexExtra.NotPii);
            if (unknown && !(IsWord(k + 1) && tokens[k + 1].Is(Lex.PremiseSuffix)))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Location));
            }
        }
    }

    /// <summary>The last word of a hospital's name said short: "norman regional", "Grady Memorial", "la general".</summary>
    private static readonly WordSet HospitalTails = new(["regional", "general", "memorial", "methodist", "baptist", "presbyterian", "mercy"]);

    /// <summary>
    /// A hospital said short after "to", "at" or "from": "she went to norman regional by ambulance", "transport to lake
    /// cumberland regional", "TRANSPORTED TO IVINSON MEMORIAL IN LARAMIE". Up to three words before the tail, none a word
    /// of grammar, at least one a place, a name or a word no list knows; the name ends with the tail (not "Memorial Day",
    /// "regional academy").
    /// </summary>
    private void HospitalsSaidShort(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(HospitalTails))
        {
            return;
        }

        for (var k = 2; k < count; k++)
        {
            // (every tail opens with b, g, m, p or r: most words are passed over before the list is asked)
            if (!IsWord(k) || (text[tokens[k].Start] | 0x20) is not ('b' or 'g' or 'm' or 'p' or 'r') || !HospitalTails.Contains(text, tokens[k])
                || IsWord(k + 1) && !tokens[k + 1].Is(Lex.Stop) && !tokens[k + 1].Has(TokenFlags.NewlineBefore))
            {
                continue;
            }

            var first = k;
            var named = false;
            while (first > k - 3 && IsWord(first - 1) && !tokens[first - 1].Is(Lex.Stop | Lex.Rank | Lex.Role | Lex.Month | Lex.Weekday) && !tokens[first - 1].Lex.Has(LexExtra.NotPii) && Spaced(first - 1, first))
            {
                first--;
                named |= tokens[first].Is(Lex.Place | Lex.County | Lex.State | Lex.GivenName | Lex.Surname) || !English(first);
            }

            var lead = Eq(first - 1, "the") ? first - 2 : first - 1;
            if (first == k || !named || !EqAny(lead, "to", "at", "from"))
            {
                continue;
            }

            AddInPlace(spans, added, new PiiSpan(tokens[first].Start, tokens[k].End, PiiLabel.Location));
        }
    }

    private static readonly WordSet Saints = new(["saint", "st"]);

    /// <summary>
    /// A hospital named for a saint, said after "to", "at" or "from": "transported to St. Luke's", "went to st v's", "at
    /// saint joe's", "50 minutes out at St. Mary". Not a street ("to St. Charles Avenue") or a town ("St. Paul", which the
    /// place lists hold).
    /// </summary>
    private void SaintsPlaces(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!TextHas(Saints))
        {
            return;
        }

        for (var k = 1; k + 1 < count; k++)
        {
            if (!EqAny(k, "saint", "st") || !IsWord(k) || !EqAny(Eq(k - 1, "the") ? k - 2 : k - 1, "to", "at", "from"))
            {
                continue;
            }

            var name = P(k + 1, '.') ? k + 2 : k + 1;
            if (!IsWord(name) || tokens[name].Has(TokenFlags.NewlineBefore) || tokens[name].Is(Lex.Stop | Lex.Place | Lex.County | Lex.Month | Lex.Weekday) || name > k + 1 && !Spaced(k + 1, name))
            {
                continue;
            }

            var end = (P(name + 1, '\'') || P(name + 1, '’')) && Eq(name + 2, "s") && tokens[name + 1].Start == tokens[name].End ? name + 2 : name;
            if (IsWord(end + 1) && tokens[end + 1].Is(Lex.StreetSuffix) && !tokens[end + 1].Is(Lex.Stop))
            {
                continue;
            }

            AddInPlace(spans, added, new PiiSpan(tokens[k].Start, tokens[end].End, PiiLabel.Location));
            k = end;
        }
    }

    /// <summary>
    /// The last of three to five letters said one at a time from <paramref name="k"/> ("a" and "i" only before another
    /// letter), not before a number; or -1.
    /// </summary>
    private int SpelledRunEnd(int k)
    {
        var n = k;
        while (n + 1 < count && IsLetterWord(n + 1) && Spaced(n, n + 1) && (!EqAny(n + 1, "a", "i") || IsLetterWord(n + 2) && Spaced(n + 1, n + 2)) && n - k < 4)
        {
            n++;
        }

        return n - k >= 2 && !(n + 1 < count && (tokens[n + 1].Kind == TokenKind.Number || IsNumberWord(n + 1) || Eq(n + 1, "dash"))) ? n : -1;
    }

    /// <summary>The words of a shop, bar or garage named after its owner: "zielinski's bakery", "Cornett's Market".</summary>
    private static readonly WordSet ShopWords = new(["bakery", "market", "grocery", "groceries", "liquor", "liquors", "bar", "tavern", "pub", "grill", "diner", "cafe", "restaurant", "pizza", "pizzeria",
        "tacos", "taqueria", "bbq", "barbecue", "deli", "store", "shop", "motel", "garage", "tire", "tires", "towing", "auto", "pawn", "jewelry", "jewelers", "salon", "nails", "laundromat",
        "bait", "hardware", "feed", "lounge", "saloon", "bistro", "donuts", "cantina", "mart", "marina", "landing", "tackle", "furniture", "carniceria", "panaderia"]);

    /// <summary>
    /// A shop named after its owner, in any case: "a man with a knife inside zielinski's bakery", "Boudreaux's Bait &amp;
    /// Ice", "Cornett's Market". The owner is a name the lists hold or a word no list knows (not "mom's kitchen"); the
    /// shop's words run on over "&amp;" and one more word.
    /// </summary>
    private void ShopsOfOwners(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasPunct('\'') && !Shapes.HasPunct('’'))
        {
            return;
        }

        for (var k = 1; k + 2 < count; k++)
        {
            // "name" "'" "s" "shop"
            if (!(P(k, '\'') || P(k, '’')) || !Eq(k + 1, "s") || !IsWord(k - 1) || tokens[k].Start != tokens[k - 1].End || !In(ShopWords, k + 2) || !Spaced(k + 1, k + 2))
            {
                continue;
            }

            var owner = k - 1;
            var named = tokens[owner].Is(Lex.Surname | Lex.GivenName) && !tokens[owner].Is(Lex.Stop | Lex.Rank | Lex.Role) || !English(owner) && tokens[owner].Length > 2;
            if (!named || tokens[owner].Lex.Has(LexExtra.NotPii) || tokens[owner].Is(Lex.Brand) && lexicon.IsChain(W(owner)))
            {
                continue;
            }

            var end = k + 2;
            if ((P(end + 1, '&') || Eq(end + 1, "and")) && IsWord(end + 2) && !tokens[end + 2].Has(TokenFlags.NewlineBefore))
            {
                end += 2; // "bait & ice"
            }
            else if (In(ShopWords, end + 1) && Spaced(end, end + 1))
            {
                end++; // "tire shop"
            }

            var shop = new PiiSpan(tokens[owner].Start, tokens[end].End, PiiLabel.Location);
            AddInPlace(spans, added, shop);
            k = end;
        }
    }

    /// <summary>
    /// A store chain's own name, no ordinary word, after "the" or "at" in any case: "shoplifter at the kroger on lebanon
    /// pk", "in front of the kroger", "came out the walmart w a hatchet". It stands before a word of grammar or place, a
    /// premise's word or the line's end ("the starbucks cup" names no store).
    /// </summary>
    private void ChainStores(List<PiiSpan> spans, List<PiiSpan> added)
    {
        for (var k = 1; k < count; k++)
        {
            if (!IsWord(k) || tokens[k].Length <= 2 || !(Eq(k - 1, "the") || Eq(k - 1, "at")) || !lexicon.IsChain(W(k)) || English(k))
            {
                continue;
            }

            var next = k + 1;
            var closes = next >= count || !IsWord(next) || tokens[next].Has(TokenFlags.NewlineBefore) || tokens[next].Is(Lex.Stop | Lex.Locative)
                || EqAny(next, "lot", "parking", "store", "gas", "station", "w", "n", "s", "e");
            if (closes && !Overlaps(spans, tokens[k].Start, tokens[k].End) && !Overlaps(added, tokens[k].Start, tokens[k].End))
            {
                added.Add(new PiiSpan(tokens[k].Start, tokens[k].End, PiiLabel.Location));
            }
        }
    }

    /// <summary>
    /// A store or a diner by its owner's name and "'s", after "the" or "at" and before where it stands or its lot: "the
    /// Smith's on Tramway", "the O'Reilly's in Wilburton", "the Fry's parking lot", "breakfast at Ron's on Admiral". The
    /// name is capitalised and no rank, role or word of grammar ("the Sheriff's Office" is an agency's).
    /// </summary>
    private void StoresByOwner(List<PiiSpan> spans, List<PiiSpan> added)
    {
        if (!Shapes.HasPunct('\''))
        {
            return;
        }

        for (var m = 2; m + 2 < count; m++)
        {
            if (!P(m, '\'') || !Eq(m + 1, "s") || tokens[m + 1].Start != tokens[m].End || tokens[m].Start != tokens[m - 1].End || !IsWord(m - 1))
            {
                continue;
            }

            var first = m - 1; // (back over a name joined by an apostrophe or a hyphen: "O'Reilly", "Buc-ee")
            while (first >= 2 && (P(first - 1, '\'') || P(first - 1, '-')) && tokens[first - 1].Start == tokens[first - 2].End && tokens[first].Start == tokens[first - 1].End && IsWord(first - 2))
            {
                first -= 2;
            }

            var lead = first - 1;
            var where = m + 2 >= count || P(m + 2, ',') || P(m + 2, '.') || EqAny(m + 2, "on", "in", "at", "off", "by", "near", "parking", "lot");
            if (lead < 0 || !(Eq(lead, "the") || Eq(lead, "at")) || !where || tokens[first].Has(TokenFlags.Lower) || caseless
                || tokens[first].Is(Lex.Stop | Lex.Rank | Lex.Role) || tokens[m - 1].Is(Lex.Rank | Lex.Role))
            {
                continue;
            }

            AddInPlace(spans, added, new PiiSpan(tokens[first].Start, tokens[m + 1].End, PiiLabel.Location));
        }
    }
}
