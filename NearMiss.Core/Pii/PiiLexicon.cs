using System.Reflection;
using System.Runtime.InteropServices;

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

    /// <summary>A word that makes a premise generic rather than named ("bus station", "county jail").</summary>
    GenericModifier = 32,
}

/// <summary>
/// A word's part in the names of products (Data/products.txt, decision 062). Kept apart from <see cref="LexExtra"/>,
/// which the tagger reads: the tagger sees the words as it was trained on them.
/// </summary>
[Flags]
internal enum LexProduct : byte
{
    None = 0,

    /// <summary>The first word of a product's name of several words ("boston" of "boston whaler").</summary>
    Head = 1,

    /// <summary>A maker or product that is no name, place or ordinary word ("carhartt", "holmatro").</summary>
    Word = 2,
}

/// <summary>
/// Words some context rule looks for, marked on the word's entry so that the rule tests a flag of the token rather than
/// look the word up in a list. Kept apart from <see cref="LexExtra"/>, which the tagger reads.
/// </summary>
[Flags]
internal enum LexCue : byte
{
    None = 0,

    /// <summary>The first word of a chain's name ("dollar" of "Dollar General"), or a chain named by one word ("target").</summary>
    ChainHead = 1,
}

internal readonly record struct LexEntry(Lex Flags, int GivenCount, int SurnameCount, int PlacePopulation, LexExtra Extra = LexExtra.None, LexProduct Product = LexProduct.None, LexCue Cue = LexCue.None)
{
    public bool IsEnglish => (Extra & LexExtra.English) != 0;

    public bool Has(LexExtra extra) => (Extra & extra) != 0;
}

/// <summary>
/// The word lists, loaded once from embedded resources: Census/SSA names and places (see Data/SOURCE.md) plus the
/// small hand-written vocabularies of police prose (ranks, street types, agency shapes, domain negatives).
/// </summary>
internal sealed partial class PiiLexicon
{
    private static readonly Lazy<PiiLexicon> LazyShared = new(() => new PiiLexicon(), LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Room for the words of the lists (about 93,000), so that the dictionary is made once rather than grown step by step.</summary>
    private const int WordCapacity = 100_000;

    /// <summary>The population given to a state or a country, which the lists do not count: larger than most cities'.</summary>
    public const int StatePopulation = 1_000_000;

    /// <summary>The population a city's nickname stands for ("philly", "nola"): a big city's.</summary>
    private const int CityNicknamePopulation = 500_000;

    private readonly Dictionary<string, LexEntry> _words = new(WordCapacity, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, int> _phrases = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _modelPhraseLookup = new HashSet<string>(StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
    private readonly Dictionary<string, LexEntry>.AlternateLookup<ReadOnlySpan<char>> _wordLookup;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _phraseLookup;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _chainLookup;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _demonymLookup;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _chainPhraseLookup;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _chainWordLookup;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _chainHeadLookup;

    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _regionLookup;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _productPhraseLookup;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _productPrefixLookup;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _splitSurnameLookup;

    private readonly List<string[]> _holidayPhrases = [];

    public static PiiLexicon Shared => LazyShared.Value;

    /// <summary>Named days of more than one word, each as its words ("mother's", "day"); longest first.</summary>
    public IReadOnlyList<string[]> HolidayPhraseWords => _holidayPhrases;

    private PiiLexicon()
    {
        var classes = ReadSections("word-classes.txt");
        IEnumerable<string> Words(string section) => classes[section].SelectMany(static l => l.Split(' ', StringSplitOptions.RemoveEmptyEntries));
        _demonymLookup = new HashSet<string>(Words("demonyms"), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();

        // A chain named for its founder is typed without its apostrophe as often as with it ("dennys", "caseys").
        _chainLookup = new HashSet<string>(Words("chains").SelectMany(static chain => chain.EndsWith("'s", StringComparison.Ordinal) ? [chain, chain.Replace("'", "", StringComparison.Ordinal)] : new[] { chain }), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        _chainPhraseLookup = new HashSet<string>(classes["chain-phrases"], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _chainWordLookup = new HashSet<string>(Words("chain-words"), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _regionLookup = new HashSet<string>(classes["regions"], StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        var products = ReadSections("products.txt");

        // The named-like terms of the trade ("mobile field force") are dropped as product names are (PiiProducts.cs).
        var phrases = products["phrases"].Concat(ReadSections("terms.txt")["phrases"]).SelectMany(PhraseForms).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        _productPhraseLookup = new HashSet<string>(phrases, StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _productPrefixLookup = new HashSet<string>(phrases.SelectMany(ProductPrefixes), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _splitSurnameLookup = new HashSet<string>(ReadLines("split-surnames.txt"), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>();
        _chainHeadLookup = new HashSet<string>(classes["chain-phrases"].Select(static p => p.Split(' ')[0]).Concat(Words("chain-words")), StringComparer.OrdinalIgnoreCase)
            .GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var (name, count) in ReadCounts("given-names.tsv"))
        {
            ref var entry = ref Entry(name);
            entry = entry with { Flags = entry.Flags | Lex.GivenName, GivenCount = Math.Max(entry.GivenCount, count) };
        }

        foreach (var (name, count) in ReadCounts("surnames.tsv"))
        {
            ref var entry = ref Entry(name);
            entry = entry with { Flags = entry.Flags | Lex.Surname, SurnameCount = Math.Max(entry.SurnameCount, count) };
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
            AddPlace(line[..tab], StatePopulation, Lex.State);
            Add(line[(tab + 1)..], Lex.StateCode);
        }

        foreach (var nickname in Words("city-nicknames"))
        {
            AddPlace(nickname, CityNicknamePopulation, Lex.Place); // "in philly", "down to nola": a big city by its nickname
        }

        foreach (var country in classes["countries"])
        {
            AddPlace(country, StatePopulation, Lex.Country);
        }

        foreach (var word in ReadLines("english-words.txt"))
        {
            AddExtra(word, LexExtra.English);
            if (BritishSpelling(word) is { } british)
            {
                AddExtra(british, LexExtra.English); // "realised", "analysing", "organisation"
            }

            if (DroppedG(word) is { } dropped && IsRareName(dropped))
            {
                AddExtra(dropped, LexExtra.English); // "goin", "smellin", "yellin", as said
            }
        }

        foreach (var word in Words("prose-words"))
        {
            AddExtra(word, LexExtra.English);
        }

        foreach (var word in ReadLines("not-pii.txt"))
        {
            AddExtra(word, LexExtra.English | LexExtra.NotPii);
        }

        foreach (var word in ReadLines("models.txt"))
        {
            if (word.Contains(' ', StringComparison.Ordinal))
            {
                _modelPhraseLookup.Set.Add(word);
            }
            else
            {
                AddExtra(word, LexExtra.Model);
            }
        }

        foreach (var phrase in phrases)
        {
            ref var entry = ref Entry(ProductHead(phrase));
            entry = entry with { Product = entry.Product | LexProduct.Head };
        }

        foreach (var word in products["words"])
        {
            ref var entry = ref Entry(word);
            entry = entry with { Product = entry.Product | LexProduct.Word };
        }

        foreach (var word in Words("generic-modifiers"))
        {
            AddExtra(word, LexExtra.GenericModifier);
        }

        foreach (var head in _chainHeadLookup.Set)
        {
            ref var entry = ref Entry(head);
            entry = entry with { Cue = entry.Cue | LexCue.ChainHead };
        }

        foreach (var word in ReadLines("ap-states.txt"))
        {
            var letters = word.Replace(".", "", StringComparison.Ordinal);
            AddExtra(letters, LexExtra.ApState);
            ApStateInitials |= letters.Length <= 3 && char.IsAsciiLetter(letters[0]) ? 1u << ((letters[0] | 0x20) - 'a') : 0;
        }

        foreach (var phrase in classes["holiday-phrases"])
        {
            var words = phrase.Split(' ');
            _holidayPhrases.Add(words);
            var head = words[0].EndsWith("'s", StringComparison.Ordinal) ? words[0][..^2] : words[0].TrimEnd('.', '\'');
            AddExtra(head, LexExtra.HolidayHead);
            AddExtra(head + "s", LexExtra.HolidayHead);
        }

        _holidayPhrases.Sort(static (a, b) => b.Length.CompareTo(a.Length));

        AddAll(Words("months"), Lex.Month);
        AddAll(Words("weekdays"), Lex.Weekday);
        AddAll(Words("holidays"), Lex.Holiday);
        AddAll(Words("ranks"), Lex.Rank);
        AddAll(Words("noun-ranks"), Lex.Rank | Lex.NounRank);
        AddAll(Words("street-suffixes"), Lex.StreetSuffix);
        AddAll(Words("premise-suffixes"), Lex.PremiseSuffix);
        AddAll(Words("common-words"), Lex.Common);
        AddAll(Words("brands"), Lex.Brand);
        AddAll(Words("stop-words"), Lex.Stop);
        AddAll(Words("org-suffixes"), Lex.OrgSuffix);
        AddAll(Words("call-signs"), Lex.CallSign);
        AddAll(Words("abbreviations"), Lex.Abbreviation);
        AddAll(Words("unit-designators"), Lex.UnitDesignator);
        AddAll(Words("locatives"), Lex.Locative);
        AddAll(Words("roles"), Lex.Role);
        AddAll(Words("agency-acronyms"), Lex.AgencyAcronym);
        AddAll(Words("measures"), Lex.Measure);
        AddAll(Words("weapons"), Lex.Weapon);
        AddAll(Words("time-leads"), Lex.TimeLead);
        AddAll(Words("foreign-streets"), Lex.ForeignStreet);
        AddAll(Words("sub-units"), Lex.SubUnit);
        AddAll(Words("keywords"), Lex.Keyword);

        _wordLookup = _words.GetAlternateLookup<ReadOnlySpan<char>>();
        _phraseLookup = _phrases.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    /// <summary>Is the word the name of a national store, restaurant or fuel chain ("Kroger", "Walgreens")?</summary>
    public bool IsChain(ReadOnlySpan<char> word) => _chainLookup.Contains(word);

    /// <summary>What a nation's people or things are called ("Swedish", "Hawaiian", "Somali"; Data/word-classes.txt, demonyms).</summary>
    public bool IsDemonym(ReadOnlySpan<char> word) => _demonymLookup.Contains(word);

    /// <summary>A model of two words (Data/models.txt) that is also a place: "santa fe", "monte carlo".</summary>
    public bool IsModelPhrase(ReadOnlySpan<char> phrase) => _modelPhraseLookup.Contains(phrase);

    /// <summary>Is the text, as written, a chain of several words ("circle k", "Dollar General")?</summary>
    public bool IsChainPhrase(ReadOnlySpan<char> phrase) => _chainPhraseLookup.Contains(phrase);

    /// <summary>Is the text two words that the Census writes as one surname ("Iron Cloud", "Not Afraid")?</summary>
    public bool IsSplitSurname(ReadOnlySpan<char> twoWords) => _splitSurnameLookup.Contains(twoWords);

    /// <summary>Towns under 1,000 people (Data/small-places.txt), read the first time a town follows a bearing.</summary>
    private static readonly Lazy<HashSet<string>.AlternateLookup<ReadOnlySpan<char>>> SmallPlaces = new(static () =>
        new HashSet<string>(ReadLines("small-places.txt"), StringComparer.OrdinalIgnoreCase).GetAlternateLookup<ReadOnlySpan<char>>());

    /// <summary>Is the text, its words one space apart, a town of under 1,000 people ("concrete", "fort yates")?</summary>
    public static bool IsSmallPlace(ReadOnlySpan<char> name) => SmallPlaces.Value.Contains(name);

    /// <summary>Is the text, as written, a region of the country ("Upper Midwest", "the Pacific Northwest")?</summary>
    public bool IsRegion(ReadOnlySpan<char> phrase) =>
        _regionLookup.Contains(phrase) || phrase.StartsWith("the ", StringComparison.OrdinalIgnoreCase) && _regionLookup.Contains(phrase[4..]);

    /// <summary>Is the text, its words one space apart, the name of a product of several words ("boston whaler", "scott air-pak")?</summary>
    public bool IsProductPhrase(ReadOnlySpan<char> phrase) => _productPhraseLookup.Contains(phrase);

    /// <summary>Is the text the start of a product's name, cut where a token may end ("boston", "scott air", "scott air-")?</summary>
    public bool IsProductPrefix(ReadOnlySpan<char> start) => _productPrefixLookup.Contains(start);

    /// <summary>
    /// A phrase as the list writes it and as reports type it: without its apostrophes ("murphys law", "jack daniels"),
    /// with a curly one ("murphy’s law"), and each in the plural ("monday morning quarterbacks", "jersey walls").
    /// </summary>
    private static IEnumerable<string> PhraseForms(string phrase)
    {
        string[] forms = phrase.Contains('\'') ? [phrase, phrase.Replace("'", "", StringComparison.Ordinal), phrase.Replace('\'', '’')] : [phrase];
        foreach (var form in forms)
        {
            yield return form;
            if (char.IsLetter(form[^1]) && form[^1] is not ('s' or 'S'))
            {
                yield return form + "s";
            }
        }
    }

    /// <summary>Every start of the name that ends where a token may: before a space, and where letters or digits meet a sign.</summary>
    private static IEnumerable<string> ProductPrefixes(string phrase)
    {
        for (var i = 1; i < phrase.Length; i++)
        {
            if (phrase[i] == ' ' || phrase[i - 1] != ' ' && char.IsLetterOrDigit(phrase[i]) != char.IsLetterOrDigit(phrase[i - 1]))
            {
                yield return phrase[..i];
            }
        }
    }

    /// <summary>The first word of a product's name as the tokenizer cuts it: letters and digits up to a space or a sign ("harley" of "harley-davidson").</summary>
    private static string ProductHead(string phrase)
    {
        var end = 0;
        while (end < phrase.Length && char.IsLetterOrDigit(phrase[end]))
        {
            end++;
        }

        return phrase[..end];
    }

    /// <summary>
    /// The first letters of the AP abbreviations of three letters or fewer, one bit each from "a": the letters a state
    /// written with its dots ("S.D.", "G.a.") may open with.
    /// </summary>
    public uint ApStateInitials { get; }

    /// <summary>Is the word the first of a chain's name (of several words or one)?</summary>
    public bool IsChainHead(ReadOnlySpan<char> word) => _chainHeadLookup.Contains(word);

    /// <summary>Is the word a chain named by an ordinary word ("target", "shell"), a premise only in context?</summary>
    public bool IsChainWord(ReadOnlySpan<char> word) => _chainWordLookup.Contains(word);

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
            ref var entry = ref Entry(name);
            entry = entry with { Flags = entry.Flags | flag | (flag == Lex.County ? 0 : Lex.Place), PlacePopulation = Math.Max(entry.PlacePopulation, population) };
            return;
        }

        // Multi-word counties ("san juan") are matched by the "X County" shape; the phrase, with no population, helps bare mentions.
        ref var phrasePopulation = ref CollectionsMarshal.GetValueRefOrAddDefault(_phrases, name, out _);
        phrasePopulation = Math.Max(phrasePopulation, flag == Lex.County ? 0 : population);
        Add(name[..space], Lex.PlaceHead);
    }

    private void Add(string word, Lex flag)
    {
        ref var entry = ref Entry(word);
        entry = entry with { Flags = entry.Flags | flag };
    }

    /// <summary>A word in "-ing" as speech writes it, the "g" dropped ("going" → "goin"); null for any other word.</summary>
    internal static string? DroppedG(string word) =>
        word.Length >= 5 && word.EndsWith("ing", StringComparison.Ordinal) ? word[..^1] : null;

    /// <summary>
    /// Is the word no place, no chain's name, nor a given name or surname common enough that a dropped "g" must not hide
    /// it ("dustin", "rankin", "larkin" stay names; "goin" and "yellin", rare surnames, become words too)?
    /// </summary>
    private bool IsRareName(string word)
    {
        var entry = _words.GetValueOrDefault(word);
        return !entry.IsEnglish && (entry.Flags & (Lex.Place | Lex.County | Lex.State | Lex.PlaceHead)) == 0 && entry.GivenCount < 1_000 && entry.SurnameCount < 5_000
            && !_chainHeadLookup.Contains(word); // ("dunkin")
    }

    private static readonly string[] IzeEndings = ["ize", "izes", "ized", "izing", "ization", "izations", "izer", "izers", "yze", "yzes", "yzed", "yzing"];

    /// <summary>A word's British spelling in "-ise" or "-yse" where the list has it in "-ize" or "-yze" ("realized" → "realised"); null for any other word.</summary>
    internal static string? BritishSpelling(string word)
    {
        foreach (var ending in IzeEndings)
        {
            if (word.Length > ending.Length + 2 && word.EndsWith(ending, StringComparison.Ordinal))
            {
                var at = word.Length - ending.Length + 1; // (the "z")
                return string.Concat(word.AsSpan(0, at), "s", word.AsSpan(at + 1));
            }
        }

        return null;
    }

    private void AddExtra(string word, LexExtra extra)
    {
        ref var entry = ref Entry(word);
        entry = entry with { Extra = entry.Extra | extra };
    }

    private void AddAll(IEnumerable<string> words, Lex flag)
    {
        foreach (var word in words)
        {
            Add(word.Replace('_', ' '), flag);
        }
    }

    /// <summary>The word's entry, to be changed in place: one lookup, and a new (empty) entry when the word is new.</summary>
    private ref LexEntry Entry(string word) => ref CollectionsMarshal.GetValueRefOrAddDefault(_words, word, out _);

    internal static IEnumerable<string> ReadLines(string resource)
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

    /// <summary>The sections of a word-class file: "[name]" lines, each followed by its lines of words.</summary>
    internal static Dictionary<string, List<string>> ReadSections(string resource)
    {
        var sections = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        List<string>? current = null;
        foreach (var line in ReadLines(resource))
        {
            if (line[0] == '[' && line[^1] == ']')
            {
                sections[line[1..^1]] = current = [];
            }
            else
            {
                (current ?? throw new InvalidOperationException($"{resource}: words before the first section.")).Add(line);
            }
        }

        return sections;
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
}
