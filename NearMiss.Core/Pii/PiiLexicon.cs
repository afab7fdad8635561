using System.Reflection;

namespace NearMiss.Core.Pii;

/// <summary>What the detector knows about one word (case-folded).</summary>
[Flags]
internal enum Lex : uint
{
    None = 0,
    GivenName = 1u << 0,
    Surname = 1u << 1,
    Place = 1u << 2,
    PlaceHead = 1u << 3,
    County = 1u << 4,
    State = 1u << 5,
    StateHead = 1u << 6,
    StateCode = 1u << 7,
    Month = 1u << 8,
    Weekday = 1u << 9,
    Holiday = 1u << 10,
    Rank = 1u << 11,
    StreetSuffix = 1u << 12,
    PremiseSuffix = 1u << 13,
    Common = 1u << 14,
    Brand = 1u << 15,
    Stop = 1u << 16,
    Country = 1u << 17,
    OrgSuffix = 1u << 18,
    CallSign = 1u << 19,
    Abbreviation = 1u << 20,
    UnitDesignator = 1u << 21,
    Locative = 1u << 22,
    Role = 1u << 23,
    AgencyAcronym = 1u << 24,
    Measure = 1u << 25,
    Weapon = 1u << 26,
    TimeLead = 1u << 27,
    ForeignStreet = 1u << 28,
    NounRank = 1u << 29,
    SubUnit = 1u << 30,
    Keyword = 1u << 31,
}

/// <summary>Facts about a word kept apart from <see cref="Lex"/>, so that "no list knows it" (<c>Flags == Lex.None</c>) keeps its meaning.</summary>
[Flags]
internal enum LexExtra : byte
{
    None = 0,

    /// <summary>An ordinary lower-case English word (Data/english-words.txt): "target", "traffic", "protocol".</summary>
    English = 1,

    /// <summary>The first word of a multi-word named day ("black" of "Black Friday", "cinco" of "Cinco de Mayo").</summary>
    HolidayHead = 2,

    /// <summary>Never PII on its own (Data/not-pii.txt): headings, radio and aviation roles, police, fire and medical vocabulary.</summary>
    NotPii = 4,

    /// <summary>A make or model of vehicle, weapon or ammunition (Data/models.txt), some of them also places ("Tahoe", "Sierra").</summary>
    Model = 8,

    /// <summary>An AP-style state abbreviation ("Ariz.", "Minn.", "S.D."), Data/ap-states.txt; stored without its dots.</summary>
    ApState = 16,
}

internal readonly record struct LexEntry(Lex Flags, int GivenCount, int SurnameCount, int PlacePopulation, LexExtra Extra = LexExtra.None)
{
    public bool IsEnglish => (Extra & LexExtra.English) != 0;

    public bool Has(LexExtra extra) => (Extra & extra) != 0;
}

/// <summary>
/// The word lists, loaded once from embedded resources: Census/SSA names and places (see Data/SOURCE.md) plus the
/// small hand-written vocabularies of police prose (ranks, street types, agency shapes, domain negatives).
/// </summary>
internal sealed class PiiLexicon
{
    private static readonly Lazy<PiiLexicon> LazyShared = new(() => new PiiLexicon(), LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Dictionary<string, LexEntry> _words = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _phrases = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, LexEntry>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _phraseLookup;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _chainLookup =
        new HashSet<string>(Chains.Split(' '), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

    private readonly List<string[]> _holidayPhrases = [];

    public static PiiLexicon Shared => LazyShared.Value;

    /// <summary>Named days of more than one word, each as its words ("mother's", "day"); longest first.</summary>
    public IReadOnlyList<string[]> HolidayPhraseWords => _holidayPhrases;

    private PiiLexicon()
    {
        foreach (var (name, count) in ReadCounts("given-names.tsv"))
        {
            Update(name, e => e with { Flags = e.Flags | Lex.GivenName, GivenCount = Math.Max(e.GivenCount, count) });
        }

        foreach (var (name, count) in ReadCounts("surnames.tsv"))
        {
            Update(name, e => e with { Flags = e.Flags | Lex.Surname, SurnameCount = Math.Max(e.SurnameCount, count) });
        }

        foreach (var (name, population) in ReadCounts("places.tsv"))
        {
            AddPlace(name, population, Lex.Place);
        }

        foreach (var line in ReadLines("counties.txt"))
        {
            AddPlace(line, 0, Lex.County);
        }

        foreach (var line in ReadLines("states.tsv"))
        {
            var tab = line.IndexOf('\t');
            AddPlace(line[..tab], 1_000_000, Lex.State);
            Add(line[(tab + 1)..], Lex.StateCode);
        }

        foreach (var country in Countries)
        {
            AddPlace(country, 1_000_000, Lex.Country);
        }

        foreach (var word in ReadLines("english-words.txt"))
        {
            Update(word, e => e with { Extra = e.Extra | LexExtra.English });
        }

        foreach (var word in ProseWords.Split(' '))
        {
            Update(word, e => e with { Extra = e.Extra | LexExtra.English });
        }

        foreach (var word in ReadLines("not-pii.txt"))
        {
            Update(word, e => e with { Extra = e.Extra | LexExtra.English | LexExtra.NotPii });
        }

        foreach (var word in ReadLines("models.txt"))
        {
            Update(word, e => e with { Extra = e.Extra | LexExtra.Model });
        }

        foreach (var word in ReadLines("ap-states.txt"))
        {
            Update(word.Replace(".", "", StringComparison.Ordinal), e => e with { Extra = e.Extra | LexExtra.ApState });
        }

        foreach (var phrase in HolidayPhrases)
        {
            var words = phrase.Split(' ');
            _holidayPhrases.Add(words);
            var head = words[0].EndsWith("'s", StringComparison.Ordinal) ? words[0][..^2] : words[0].TrimEnd('.', '\'');
            Update(head, e => e with { Extra = e.Extra | LexExtra.HolidayHead });
            Update(head + "s", e => e with { Extra = e.Extra | LexExtra.HolidayHead });
        }

        _holidayPhrases.Sort(static (a, b) => b.Length.CompareTo(a.Length));

        AddAll(Months, Lex.Month);
        AddAll(Weekdays, Lex.Weekday);
        AddAll(Holidays, Lex.Holiday);
        AddAll(Ranks, Lex.Rank);
        AddAll(NounRanks, Lex.Rank | Lex.NounRank);
        AddAll(StreetSuffixes, Lex.StreetSuffix);
        AddAll(PremiseSuffixes, Lex.PremiseSuffix);
        AddAll(CommonWords, Lex.Common);
        AddAll(Brands, Lex.Brand);
        AddAll(StopWords, Lex.Stop);
        AddAll(OrgSuffixes, Lex.OrgSuffix);
        AddAll(CallSigns, Lex.CallSign);
        AddAll(Abbreviations, Lex.Abbreviation);
        AddAll(UnitDesignators, Lex.UnitDesignator);
        AddAll(Locatives, Lex.Locative);
        AddAll(Roles, Lex.Role);
        AddAll(AgencyAcronyms, Lex.AgencyAcronym);
        AddAll(Measures, Lex.Measure);
        AddAll(Weapons, Lex.Weapon);
        AddAll(TimeLeads, Lex.TimeLead);
        AddAll(ForeignStreets, Lex.ForeignStreet);
        AddAll(SubUnits, Lex.SubUnit);
        AddAll(Keywords, Lex.Keyword);

        _wordLookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        _phraseLookup = _phrases.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Is the word the name of a national store, restaurant or fuel chain ("Kroger", "Walgreens")?</summary>
    public bool IsChain(ReadOnlySpan<char> word) => _chainLookup.Contains(word);

    public LexEntry Get(ReadOnlySpan<char> word) => _wordLookup.TryGetValue(word, out var entry) ? entry : default;

    /// <summary>Is the word, or the word without a plural "s", an ordinary English word ("tactics", "medics")?</summary>
    public bool IsEnglish(ReadOnlySpan<char> word, in LexEntry entry) =>
        entry.IsEnglish || word.Length > 4 && word[^1] is 's' or 'S' && Get(word[..^1]).IsEnglish;

    /// <summary>Population of a multi-word place ("rapid city"), -1 when unknown; the text must use single spaces.</summary>
    public int PhrasePopulation(ReadOnlySpan<char> phrase) => _phraseLookup.TryGetValue(phrase, out var population) ? population : -1;

    private void AddPlace(string name, int population, Lex flag)
    {
        var space = name.IndexOf(' ');
        if (space < 0)
        {
            Update(name, e => e with { Flags = e.Flags | flag | (flag == Lex.County ? 0 : Lex.Place), PlacePopulation = Math.Max(e.PlacePopulation, population) });
            return;
        }

        if (flag == Lex.County)
        {
            // Multi-word counties ("san juan") are matched by the "X County" shape; the phrase helps bare mentions.
            _phrases[name] = Math.Max(_phrases.GetValueOrDefault(name, 0), 0);
        }
        else
        {
            _phrases[name] = Math.Max(_phrases.GetValueOrDefault(name, 0), population);
        }

        Update(name[..space], e => e with { Flags = e.Flags | Lex.PlaceHead });
    }

    private void Add(string word, Lex flag) => Update(word, e => e with { Flags = e.Flags | flag });

    private void AddAll(string words, Lex flag)
    {
        foreach (var word in words.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            Add(word.Replace('_', ' '), flag);
        }
    }

    private void Update(string word, Func<LexEntry, LexEntry> change) =>
        _words[word] = change(_words.GetValueOrDefault(word));

    private static IEnumerable<string> ReadLines(string resource)
    {
        using var stream = typeof(PiiLexicon).Assembly.GetManifestResourceStream("NearMiss.Pii." + resource)
            ?? throw new InvalidOperationException($"The word list {resource} is not embedded.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length > 0 && line[0] != '#')
            {
                yield return line;
            }
        }
    }

    private static IEnumerable<(string Name, int Count)> ReadCounts(string resource)
    {
        foreach (var line in ReadLines(resource))
        {
            var tab = line.IndexOf('\t');
            yield return (line[..tab], int.Parse(line.AsSpan(tab + 1), System.Globalization.CultureInfo.InvariantCulture));
        }
    }

    internal static Assembly Assembly => typeof(PiiLexicon).Assembly;

    /// <summary>National chains whose names are not ordinary words (premises count as LOCATION).</summary>
    private const string Chains =
        "walmart kroger walgreens safeway publix costco meijer wawa sheetz quiktrip racetrac " +
        "albertsons aldi winco hy-vee heb h-e-b wegmans lowes lowe's autozone o'reilly dillard's kohl's macy's " +
        "starbucks mcdonalds mcdonald's wendy's denny's ihop applebee's chili's walgreen cvs rite-aid dollarama " +
        "buc-ee's casey's";

    private const string Months = "january february march april may june july august september october november december jan feb mar apr jun jul aug sep sept oct nov dec";
    private const string Weekdays = "monday tuesday wednesday thursday friday saturday sunday tues weds thur thurs";
    private const string Holidays =
        "thanksgiving christmas halloween easter juneteenth new_year's new_years memorial labor labour independence veterans presidents columbus valentine's " +
        "valentines ramadan hanukkah chanukah kwanzaa diwali passover purim eid pentecost";

    /// <summary>Ordinary words of police prose that the English list lacks ("intel", "medics"): never names on their own.</summary>
    private const string ProseWords =
        "intel fentanyl meth heroin cocaine narcan naloxone medic medics comms ops recon hazmat perp perps bolo dispatch " +
        "overtime paperwork bodycam dashcam taser tased cuffed frisk frisked";

    /// <summary>
    /// Named shopping days, observances and holidays of several words (DATE). A possessive ("mother's") also matches
    /// "mothers" and "mother’s"; a following "weekend" or "eve" joins the date.
    /// </summary>
    private static readonly string[] HolidayPhrases =
    [
        "martin luther king jr. day", "martin luther king jr day", "martin luther king day", "indigenous peoples' day",
        "small business saturday", "super bowl sunday", "national night out", "day of the dead", "dia de los muertos",
        "st. patrick's day", "saint patrick's day", "st patrick's day", "cinco de mayo",
        "black friday", "cyber monday", "giving tuesday", "fat tuesday", "ash wednesday", "holy thursday", "maundy thursday",
        "good friday", "holy saturday", "palm sunday", "easter sunday", "easter monday", "mardi gras", "yom kippur",
        "rosh hashanah", "rosh hashana", "lunar new year", "chinese new year", "mother's day", "father's day", "valentine's day",
        "mlk day", "election day", "inauguration day", "boxing day", "groundhog day", "tax day", "patriots day", "patriot day",
        "flag day", "armistice day", "remembrance day", "emancipation day", "pearl harbor day", "april fools' day",
        "april fool's day", "earth day", "arbor day", "leap day", "all saints' day", "all souls' day", "columbus day",
        "presidents' day", "veterans' day", "grandparents' day",
    ];

    private const string Ranks =
        "ofc off ofcr sgt sergeant dep tpr det cpl lt lieut capt cpt cmdr comdr maj col insp inv sa po ptl pfc spc tfo dr mr mrs ms mx miss " +
        "detective corporal lieutenant captain commander colonel inspector investigator patrolman patrolwoman dispatcher recruit cadet " +
        "undersheriff sheriff marshal constable ranger warden judge instructor agent supervisor dusm";

    /// <summary>Ranks that are also ordinary nouns: a name must follow in the gazetteers, not any capitalised word.</summary>
    private const string NounRanks = "officer deputy trooper chief major";

    private const string StreetSuffixes =
        "st street ave avenue av rd road blvd boulevard ln lane dr drive ct pkwy parkway cir circle trail trl ter terrace " +
        "pl way hwy highway pike loop sq square plz plaza aly alley pass xing crossing run walk row cres crescent bypass byp " +
        "expy expressway fwy freeway tpke turnpike blvd. place court cove cv path point pt ridge rdg landing ldg bend";

    private const string PremiseSuffixes =
        "park field mall galleria center centre plaza hospital school academy university college church jail prison courthouse " +
        "stadium arena bridge lake river creek apartments apts apt motel hotel inn casino market store depot station airport library " +
        "cemetery marina harbor harbour bar tavern grill diner restaurant cafe lounge club farm ranch estates gardens heights woods " +
        "complex towers manor supply body tire tires auto garage shop mart foods pharmacy clinic range fairgrounds terminal " +
        "warehouse elementary middle high campus dam reservoir beach pier wharf yard yards motors church chapel temple mosque " +
        "synagogue lodge saloon pub brewery theater theatre cinema gym hall island islands mountain mountains canyon valley " +
        "forest preserve refuge trailhead wash bayou pond springs pawn outlet superstore";

    private const string OrgSuffixes =
        "inc inc. llc ltd corp corporation company associates solutions technologies technology systems partners holdings industries " +
        "enterprises consulting services bank insurance foundation labs analytics media networks software group plc gmbh co. " +
        "institute agency trust capital ventures logistics communications";

    private const string CallSigns =
        "adam baker boy charlie charles david edward frank george henry ida john king lincoln mary nora ocean paul queen robert " +
        "sam tom union victor william xray x-ray young zebra alpha bravo delta echo foxtrot golf hotel india juliet kilo lima mike " +
        "november oscar papa quebec romeo sierra tango uniform whiskey yankee zulu";

    private const string Abbreviations = "st co mt ft no vs etc dept approx jr sr ii iii apt bldg ste inc corp ltd hwy rd ave blvd ln ct pkwy";

    private const string UnitDesignators = "apt apartment unit suite ste lot bldg building space trlr trailer rm room fl floor";

    private const string Locatives =
        "in near outside from of to at into through around between toward towards via across inside behind past off and downtown";

    private const string Roles =
        "suspect suspects victim victims driver drivers rider passenger passengers complainant caller witness witnesses helper " +
        "named name husband wife boyfriend girlfriend brother sister son daughter mother father neighbor neighbour roommate " +
        "manager owner clerk cashier employee subject subjects male female guy man woman occupant occupants resident tenant " +
        "partner decoy arrestee inmate defendant juvenile aka a.k.a. alias prisoner detainee armorer handler operator " +
        "motorist pedestrian shooter gunman caretaker landlord nephew niece cousin uncle aunt grandson granddaughter grandmother grandfather";

    private const string AgencyAcronyms =
        "chp fhp thp osp wsp msp isp nhp khp gsp asp njsp nysp psp vsp csp mhp shp uhp azdps txdps dps fbi dea atf usms cbp " +
        "hsi dhs usbp ncis rcmp opp lapd nypd sapd cpd hpd mpd apd spd dpd jso ocso hcso pbso lasd lvmpd mdpd bpd lmpd kcpd " +
        "nsp oshp idfg bia mbta usfws tpwd fwc";

    private const string Measures =
        "ft feet foot yards yard yds yd miles mile mi mph kph km meters metres meter metre m inches inch in sec secs seconds second " +
        "min mins minutes minute hours hour hrs hr days day weeks week months month years year yrs rounds round shots shot " +
        "percent lbs lb pounds pound grams gram kg oz times people officers deputies units cars lanes stitches";

    private const string Weapons =
        "rifle pistol gun handgun weapon shotgun firearm revolver glock sig taser carbine launcher smith ruger remington colt " +
        "beretta mossberg";

    private const string TimeLeads = "at around about approx approximately by until til till before after from to between and @ ~ since circa";

    private const string ForeignStreets =
        "utca útja ut út str str. strasse straße straat weg laan gade vej gata gatan vägen väg katu tie tee rue via calle carrer " +
        "rua avenida avenue ul ul. ulica ulice cesta iela gatve sokak sokağı caddesi plac aleja allee gasse platz ring tér " +
        "körút sor puistotie kuja polku kaari vei veien gate stræde stræti straeti vegur vegen rruga bulevar bulevardi odos " +
        "de la du des le los del di da do das dos van der den von";

    /// <summary>Words whose following token the scanner reads by context (badge, case, DL, plate, ...).</summary>
    private const string Keywords =
        "account acct address addresses age aged ambulance armory arrest asset badge booking born cad call called callsign canine car card case cause cdl citation class complaint corner cr cruiser d dl dln dob docket dog dr emp employee engine event evidence fbi file iban id incident inmate intersection inventory item k9 ladder lic licence license medic member name named occurrence of offense ol oln order partner passport payroll permit personnel plate plates policy postal property receipt ref reference reg registration report rescue rms routing s ser serial shield sid sn social squad ssn star summons tag tags ticket truck turn turned turning turns unit units vehicle warrant zip zipcode";

    private const string SubUnits = "division district precinct station substation area bureau troop sector zone post barracks detachment";

    /// <summary>Ordinary English words that are also given names, surnames or places: names only with context.</summary>
    private const string CommonWords =
        "will grant chase hunter rose bill mark june may april august art carol faith hope joy grace dawn summer autumn winter sky " +
        "rich guy jack frank pat sue don ray gene miles bud buck chip cliff dale dean drew earl forest glen jay jean king lane major " +
        "mason max norm page penny price reed rob rocky rod rusty sandy skip stone sterling tanner tucker van wade ward bishop baker " +
        "cash colt dallas destiny eden ginger haven heath holly ivy journey justice kit lily misty paris pearl river robin ruby sage " +
        "storm sunny trinity violet willow wren young brown white black green gray grey little long short hill wood woods park " +
        "parks field fields case street lane rivers bell bush cook cooper fisher fox hall hart hawk hood house key knight lord love " +
        "marsh may mills moon moss noble north south east west page pike pool porter power rice rush sharp shields shepherd " +
        "small snow spring steel strong swan temple trent wall walker waters webb wells west wise wolf wolfe worth son sons " +
        "christian christmas sergeant officer deputy trooper chief sheriff marshal captain judge patrol police unit code signal " +
        "safety victim suspect driver subject dispatch command shift watch cover contact backup nobody everyone someone " +
        "god lord jesus amber angel autumn bay beau blaze bo bond boss brandy brook brooks candy charity cherry clay " +
        "crystal diamond dusty early ebony echo ember felony fortune gay gem golden harmony honor jade jasper jewel lark liberty " +
        "lucky marine melody mercy merry midnight neon oakley ocean onyx patience phoenix pepper poppy precious queen rain raven " +
        "reign rebel royal sable saint scout serenity shadow silver sparrow star sterling tiger topaz unique venus vice walker " +
        "ace bear blue bolt boston brick buddy butch cannon chance cotton cruz denver duke edge flash ford fritz gunner hank " +
        "harley hudson jeep jet judge kane knox lance legend maverick marshall moose nash ranger rebel ridge rocco rowan royal " +
        "sarge shooter sly smokey spike tank trooper tracker tripp tuff tyson wolf zeus " +
        "pursuit ammo ammunition perimeter backup briefing debrief rangemaster armory holster magazine muzzle cuffs handcuffs " +
        "my our the a an his her their this that these those one two three four five six seven eight nine ten first second third " +
        "last next every each both all any some no not never always later earlier today tonight yesterday tomorrow morning evening " +
        "night noon midnight dear hello hi thanks thank please sorry yes okay ok well so then there here where when while after " +
        "before during about again also still just only even ever much many more most less least very quite rather really " +
        "ask call check bring keep wear use stop wait trust inspect verify approach handcuff park put get go come drive walk " +
        "lesson lessons near miss training class course range academy county state city town village district region " +
        "army navy air force marines coast guard";

    /// <summary>Makes and models of weapons and vehicles, and agency vocabulary: never names on their own.</summary>
    private const string Brands =
        "glock sig sauer smith wesson ruger remington colt beretta mossberg benelli winchester kimber heckler koch " +
        "taser axon fn walther marlin taurus canik kahr kel-tec keltec hk bushmaster savage stoeger hi-point " +
        "tahoe ford chevy chevrolet dodge ram charger durango impala malibu " +
        "camry corolla accord civic honda toyota nissan altima jeep cherokee wrangler explorer expedition f-150 silverado " +
        "yukon suburban cadillac buick chrysler kia hyundai subaru mazda volkswagen vw bmw audi lexus " +
        "acura infiniti tesla crown vic interceptor harley davidson kawasaki yamaha suzuki peterbilt kenworth freightliner " +
        "mack volvo mdt mdc alpr cad swat ert ems cit srt k9 k-9 dui dwi fto sro lt lt. ncic";

    private const string StopWords =
        "the a an and or but if of in on at to for from by with without into onto over under about after before during while " +
        "i we you he she it they me us him her them my our your his its their this that these those there here then than " +
        "is was were be been being am are has have had do did does done not no yes so as too very just also only even " +
        "when where what who whom whose which why how all any some each every both either neither one two three " +
        "said says told asked called went came got made took gave saw found put set let like once upon per via out up down off away back " +
        "mr mrs ms dr st saint";

    private static readonly string[] Countries =
    [
        "afghanistan", "albania", "algeria", "andorra", "angola", "argentina", "armenia", "australia", "austria", "azerbaijan",
        "bahamas", "bahrain", "bangladesh", "barbados", "belarus", "belgium", "belize", "benin", "bhutan", "bolivia",
        "bosnia", "botswana", "brazil", "brunei", "bulgaria", "burundi", "cambodia", "cameroon", "canada", "chad", "chile",
        "china", "colombia", "comoros", "congo", "costa rica", "croatia", "cuba", "cyprus", "czech republic", "czechia",
        "denmark", "djibouti", "dominica", "dominican republic", "ecuador", "egypt", "el salvador", "eritrea", "estonia",
        "eswatini", "ethiopia", "fiji", "finland", "france", "gabon", "gambia", "germany", "ghana", "greece", "grenada",
        "guatemala", "guinea", "guyana", "haiti", "honduras", "hungary", "iceland", "india", "indonesia", "iran", "iraq",
        "ireland", "israel", "italy", "jamaica", "japan", "jordan", "kazakhstan", "kenya", "kiribati", "kosovo", "kuwait",
        "kyrgyzstan", "laos", "latvia", "lebanon", "lesotho", "liberia", "libya", "liechtenstein", "lithuania", "luxembourg",
        "madagascar", "malawi", "malaysia", "maldives", "mali", "malta", "mauritania", "mauritius", "mexico", "micronesia",
        "moldova", "monaco", "mongolia", "montenegro", "morocco", "mozambique", "myanmar", "namibia", "nauru", "nepal",
        "netherlands", "new zealand", "nicaragua", "niger", "nigeria", "north korea", "north macedonia", "norway", "oman",
        "pakistan", "palau", "panama", "papua new guinea", "paraguay", "peru", "philippines", "poland", "portugal", "qatar",
        "romania", "russia", "rwanda", "samoa", "san marino", "saudi arabia", "senegal", "serbia", "seychelles",
        "sierra leone", "singapore", "slovakia", "slovenia", "somalia", "south africa", "south korea", "south sudan", "spain",
        "sri lanka", "sudan", "suriname", "sweden", "switzerland", "syria", "taiwan", "tajikistan", "tanzania", "thailand",
        "togo", "tonga", "trinidad", "tunisia", "turkey", "türkiye", "turkmenistan", "tuvalu", "uganda", "ukraine",
        "united arab emirates", "united kingdom", "united states", "uruguay", "uzbekistan", "vanuatu", "vatican", "venezuela",
        "vietnam", "yemen", "zambia", "zimbabwe", "england", "scotland", "wales", "great britain", "holland", "korea",
    ];
}
