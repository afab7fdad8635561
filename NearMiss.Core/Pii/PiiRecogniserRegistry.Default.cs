namespace NearMiss.Core.Pii;

/// <summary>The default order of the rules (decision 030).</summary>
internal sealed partial class PiiRecogniserRegistry
{
    private const PiiFamily Contact = PiiFamily.Contact;
    private const PiiFamily Ids = PiiFamily.NumbersAndIds;
    private const PiiFamily Addresses = PiiFamily.AddressesAndIntersections;
    private const PiiFamily People = PiiFamily.People;
    private const PiiFamily Agencies = PiiFamily.Agencies;
    private const PiiFamily Places = PiiFamily.PlacesAndHighways;
    private const PiiFamily Dates = PiiFamily.DatesAndTimes;

    private const PiiTokenClass Punct = PiiTokenClass.Punct;
    private const PiiTokenClass Number = PiiTokenClass.Number;
    private const PiiTokenClass Ordinal = PiiTokenClass.DigitAlnum;
    private const PiiTokenClass Mixed = PiiTokenClass.DigitAlnum | PiiTokenClass.Alnum;
    private const PiiTokenClass Word = PiiTokenClass.Word;

    private const TokenFlags Capitalized = TokenFlags.Capitalized;
    private const TokenFlags AllCaps = TokenFlags.AllCaps;
    private const TokenFlags Lower = TokenFlags.Lower;

    private const PiiTextNeeds LowerText = PiiTextNeeds.LowerText;
    private const PiiTextNeeds NotCaps = PiiTextNeeds.NotCaps;
    private const PiiTextNeeds AtSign = PiiTextNeeds.AtSign;

    /// <summary>The word lists no surname is read from (<see cref="PersonRecogniser.Surname"/>): function and ordinary words, and the rest.</summary>
    private const Lex NotSurnames = Lex.Stop | Lex.Common | Lex.Month | Lex.Rank | Lex.SubUnit | Lex.PremiseSuffix | Lex.StreetSuffix | Lex.OrgSuffix | Lex.Brand
        | Lex.Weapon | Lex.Measure;

    /// <summary>
    /// Rules for each token class in the order tried. Within a class, the more specific shape comes first: patterns
    /// (dates, SSNs, IP addresses) before house numbers, house numbers before ages, ages before phone and long numbers,
    /// and years and 24-hour times last; keyword values, ranks, highways and agencies before dates, addresses and the
    /// capitalised runs; multi-word agencies and premises before a single word is read as a person or a place, and a
    /// place of several words before a person.
    /// </summary>
    private static List<PiiRule> DefaultRules() =>
    [
        new("email", Contact, PiiTokenClass.NotPunct, static (s, i) => s.Contact.Email(i), Text: AtSign),
        
        // A web address starts at its scheme or "www", a word of letters only.
        new("url", Contact, Word, static (s, i) => s.Contact.Url(i), Words: ["http", "https", "www"]),

        // Punctuation: "(41)" after a name, "(555) 123-4567", "(B-21)" after a name, "#4471".
        new("age in parentheses", Ids, Punct, static (s, i) => s.Ids.AgeInParens(i)),
        new("phone from a bracket", Contact, Punct, static (s, i) => s.Contact.PhoneFromPunct(i)),
        new("call sign in parentheses", Ids, Punct, static (s, i) => s.Ids.CallSignInParens(i)),
        new("number after #", Ids, Punct, static (s, i) => s.Ids.HashNumber(i)),

        // Numbers.
        new("ISO date", Dates, Number, static (s, i) => s.Dates.IsoDate(i)),
        new("SSN", Ids, Number, static (s, i) => s.Ids.Ssn(i)),
        new("IPv4", Ids, Number, static (s, i) => s.Ids.Ipv4(i)),
        new("numeric date", Dates, Number, static (s, i) => s.Dates.NumericDate(i)),
        new("clock time", Dates, Number, static (s, i) => s.Dates.Time(i)),
        new("IPv6", Ids, Number | Ordinal, static (s, i) => s.Ids.Ipv6(i)),
        new("call sign", Ids, Number, static (s, i) => s.Ids.CallSign(i)),
        new("street address", Addresses, Number, static (s, i) => s.Addresses.Street(i)),
        new("age with a unit", Ids, Number, static (s, i) => s.Ids.AgeWithUnit(i)),
        new("age after a name", Ids, Number, static (s, i) => s.Ids.AgeAfterName(i)),
        new("card", Ids, Number, static (s, i) => s.Ids.Card(i)),
        new("phone", Contact, Number, static (s, i) => s.Contact.Phone(i)),
        new("case number or plate shape", Ids, Number, static (s, i) => s.Ids.NumberShape(i)),
        new("ten-digit phone", Contact, Number, static (s, i) => s.Contact.BarePhone(i)),
        new("long number", Ids, Number, static (s, i) => s.Ids.LongNumber(i)),
        new("postcode", Addresses, Number, static (s, i) => s.Addresses.Zip(i)),
        new("24-hour time or year", Dates, Number, static (s, i) => s.Dates.ClockOrYear(i)),

        // Letters and digits.
        new("compact date", Dates, Ordinal, static (s, i) => s.Dates.CompactDate(i)),
        new("time with its unit", Dates, Ordinal, static (s, i) => s.Dates.TimeWithUnit(i)),
        new("K9 call sign", Ids, Mixed, static (s, i) => s.Ids.K9CallSign(i)),
        new("K9 name", People, Mixed, static (s, i) => s.People.K9Name(i)),
        new("VIN", Ids, Mixed, static (s, i) => s.Ids.Vin(i)),
        new("IBAN", Ids, Mixed, static (s, i) => s.Ids.Iban(i)),
        new("ordinal sub-unit", Agencies, Ordinal, static (s, i) => s.Agencies.OrdinalSubUnit(i)),
        new("ordinal intersection", Addresses, Ordinal, static (s, i) => s.Addresses.OrdinalIntersection(i)),
        new("ordinal of a month", Dates, Ordinal, static (s, i) => s.Dates.OrdinalOfMonth(i)),
        new("numbered street", Addresses, Ordinal, static (s, i) => s.Addresses.OrdinalStreet(i)),
        new("street address", Addresses, Ordinal, static (s, i) => s.Addresses.Street(i)),
        new("weapon model", Ids, Mixed, static (s, i) => s.Ids.WeaponModel(i)),
        new("letters and digits", Ids, Mixed, static (s, i) => s.Ids.LettersAndDigits(i)),

        // Words.
        new("identifier keyword", Ids, Word, static (s, i) => s.Ids.Keywords(i), Needs: Lex.Keyword),
        new("number after its owner", Ids, Word, static (s, i) => s.Ids.OwnedNumber(i), Words: ["number", "num", "nbr"]),
        new("address keyword", Addresses, Word, static (s, i) => s.Addresses.Keywords(i), Needs: Lex.Keyword),
        new("name keyword", People, Word, static (s, i) => s.People.Keywords(i), Needs: Lex.Keyword),
        new("call sign, word first", Ids, Word, static (s, i) => s.Ids.CallSignWordFirst(i), Needs: Lex.CallSign),
        new("code and number", Ids, Word, static (s, i) => s.Ids.CodeAndNumber(i), AllCaps),
        new("dotted rank and name", People, Word, static (s, i) => s.People.DottedRank(i), Words: ["p"]),
        new("directional and numbered street", Addresses, Word, static (s, i) => s.Addresses.DirectionalStreet(i), Words: ["n", "s", "e", "w"]),
        new("rank and name", People, Word, static (s, i) => s.People.Rank(i), Needs: Lex.Rank),
        new("highway", Places, Word, static (s, i) => s.Places.Highway(i), Words:
        [
            "i", "interstate", "hwy", "highway", "sr", "route", "rte", "rt", "us", "fm", "loop", "spur", "sh", "cr", "ih", "bia", "u", "state", "county", "farm",
            "mile", "mm", "milepost", "mp", "exit",
        ]),
        new("letters and a hyphenated number", Ids, Word, static (s, i) => s.Ids.LetterPrefixedId(i), AllCaps | Capitalized),
        new("lettered sub-unit", Agencies, Word, static (s, i) => s.Agencies.LetteredSubUnit(i), Capitalized),
        new("call-sign sub-unit", Agencies, Word, static (s, i) => s.Agencies.CallSignSubUnit(i), Capitalized, Lex.CallSign),
        new("lower-case state code", Places, Word, static (s, i) => s.Places.LowerCaseStateCode(i), Lower, Lex.StateCode),
        new("agency acronym", Agencies, Word, static (s, i) => s.Agencies.Acronym(i), AllCaps),
        new("state code", Places, Word, static (s, i) => s.Places.StateCode(i), AllCaps),
        new("acronym and premise", Agencies, Word, static (s, i) => s.Agencies.AcronymPremise(i), AllCaps),
        new("ALL-CAPS word", Places, Word, static (s, i) => s.Places.AllCapsWord(i), AllCaps),
        new("courtroom", Places, Word, static (s, i) => s.Places.Courtroom(i), Capitalized, Words: ["courtroom", "pier", "terminal", "berth", "hangar", "wharf"]),
        new("foreign street", Addresses, Word, static (s, i) => s.Addresses.ForeignStreet(i), Capitalized | Lower),
        new("date words", Dates, Word, static (s, i) => s.Dates.Words(i)),
        new("named hour", Dates, Word, static (s, i) => s.Dates.NamedHour(i), Words: ["midnight", "noon"]),
        new("short weekday", Dates, Word, static (s, i) => s.Dates.ShortWeekday(i), Words: ["wed", "sat", "sun"]),
        new("troop or district", Agencies, Word, static (s, i) => s.Agencies.TroopOrDistrict(i), Capitalized, Words: ["troop", "district", "precinct", "sector"]),
        new("unit", Addresses, Word, static (s, i) => s.Addresses.Unit(i), Words: ["apt", "apartment", "suite", "ste", "lot"]),
        new("post box", Addresses, Word, static (s, i) => s.Addresses.PostBox(i), Words: ["p", "po", "pob", "box", "psc", "cmr", "apo", "fpo", "dpo", "usns", "usnv", "uss", "uscgc"]),
        new("lower-case initial and surname", People, Word, static (s, i) => s.People.LowerCaseInitialAndSurname(i), Lower),
        new("named intersection", Addresses, Word, static (s, i) => s.Addresses.NamedIntersection(i), Capitalized | AllCaps | Lower, Text: LowerText | NotCaps),
        new("capitalised run", Agencies, Word, static (s, i) => s.Agencies.CapitalRun(i), Capitalized),
        new("chain", Places, Word, static (s, i) => s.Places.Chain(i), Capitalized | Lower, Text: LowerText),
        new("place of several words", Places, Word, static (s, i) => s.Places.PlaceOfSeveralWords(i), Capitalized, Lex.PlaceHead),
        new("name with evidence", People, Word, static (s, i) => s.People.NameWithEvidence(i), Capitalized, Lex.GivenName),
        new("initial and surname", People, Word, static (s, i) => s.People.InitialAndSurname(i), Capitalized, Unless: Lex.Stop),
        new("full name", People, Word, static (s, i) => s.People.FullName(i), Capitalized, Unless: Lex.Stop),
        new("state or country", Places, Word, static (s, i) => s.Places.StateOrCountry(i), Capitalized, Lex.State | Lex.Country),
        new("place", Places, Word, static (s, i) => s.Places.Place(i), Capitalized, Unless: Lex.Stop),
        new("given name", People, Word, static (s, i) => s.People.GivenName(i), Capitalized, Lex.GivenName, Unless: Lex.Stop | Lex.Common),
        new("firm", Agencies, Word, static (s, i) => s.Agencies.Firm(i), Capitalized, Lex.Surname),
        new("surname", People, Word, static (s, i) => s.People.Surname(i), Capitalized, Unless: NotSurnames),
        new("name opening a sentence", People, Word, static (s, i) => s.People.SentenceStartName(i), Capitalized, Unless: Lex.Stop | Lex.Common),
        new("unknown proper noun", People, Word, static (s, i) => s.People.UnknownProperNoun(i), Capitalized, Unless: Lex.Stop),
        new("lower-case name", People, Word, static (s, i) => s.People.LowerCaseName(i), Lower, Lex.GivenName),
        new("lower-case street", Addresses, Word, static (s, i) => s.Addresses.LowerCaseStreet(i), Lower, Unless: Lex.Stop | Lex.Common),
        new("lower-case premise", Places, Word, static (s, i) => s.Places.LowerCasePremise(i), Lower, Text: LowerText),
        new("lower-case place", Places, Word, static (s, i) => s.Places.LowerCasePlace(i), Lower, Lex.Place),
    ];
}
