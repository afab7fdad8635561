using System.Diagnostics.CodeAnalysis;

namespace NearMiss.Core.Pii;

/// <summary>
/// The local detector, an ordered registry of recogniser stages over one text (decision 014):
/// <list type="number">
/// <item><see cref="PiiTrueCaser"/>: ALL-CAPS and lower-case prose, headlines and headings are recased letter for
/// letter (offsets unchanged) so the rules read every text in ordinary case;</item>
/// <item><see cref="PiiScan"/> with <see cref="PiiRecogniserRegistry.Default"/>: one recogniser per entity family
/// (contact, numbers and ids, addresses and intersections, people, agencies, places and highways, dates and times),
/// their rules tried in the registry's order at each token, the first that claims a position winning (decision 030),
/// then later mentions of names already found;</item>
/// <item><see cref="PiiContextRules"/>: the quiet filters over those spans, then the recognisers that need them
/// (ages after names, datelines, agency initials, "hrs" times), added only where no span is already;</item>
/// <item><see cref="PiiTaggerSpans"/>: the trained tagger's names, agencies, places, addresses and ages where the rules
/// found nothing (decision 048).</item>
/// </list>
/// </summary>
public sealed class LocalPiiDetector : IPiiDetector
{
    /// <summary>How far ahead of "no PII" the tagger's score must be at every word of a span it adds.</summary>
    public const float DefaultTaggerThreshold = 0f;

    [ThreadStatic]
    private static Token[]? _tokenBuffer;

    [ThreadStatic]
    private static PiiWordCache? _words;

    private readonly PiiLexicon _lexicon = PiiLexicon.Shared;
    private readonly PiiTagger? _tagger;
    private readonly float _threshold;

    /// <summary>
    /// The classes that keep word lists (<see cref="WordSet"/>) as static fields, made all at once before any text is
    /// read (<see cref="MakeWordSets"/>). A test holds that none is missing.
    /// </summary>
    internal static readonly Type[] WordSetOwners =
    [
        PiiTrueCaser.CasingType, typeof(PersonRecogniser), typeof(PlaceRecogniser), typeof(AgencyRecogniser), typeof(DateTimeRecogniser),
        typeof(PiiContextRules), typeof(PiiTaggerSpans), typeof(PiiTerms), typeof(IdentifierRecogniser), typeof(PiiProducts),
    ];

    public LocalPiiDetector()
        : this(PiiTagger.Shared, LocalPiiDetector.DefaultTaggerThreshold)
    {
    }

    /// <summary>
    /// Makes every word list with a token bit now, in one order, so that every text's words carry the bits of all of
    /// them. A text read before some list was made would have its words looked up one by one for it, and a rule's test
    /// of the whole text (whether any word may be in a list) would have to answer "may be": the first text a thread read
    /// could then get other spans than the same text read later.
    /// </summary>
    private static void MakeWordSets()
    {
        // The registry's set of rule keys first: every word of every text is looked up in it, so it must be one of the
        // sets a token's bits answer for (WordSet.MaxIndexed); the sets made last are those of the last steps, asked of
        // a text's few spans.
        _ = PiiRecogniserRegistry.Default;
        foreach (var owner in WordSetOwners)
        {
            RunClassConstructor(owner);
        }
    }

    // Compiled ahead of time (decision 065), the owners' static constructors are there: the detector reads their lists.
    [UnconditionalSuppressMessage("Trimming", "IL2059", Justification = "Every owner keeps word lists the detector reads, so its static constructor is compiled; PiiScanCliTests compares the native scan with this one.")]
    private static void RunClassConstructor(Type owner) => System.Runtime.CompilerServices.RuntimeHelpers.RunClassConstructor(owner.TypeHandle);

    internal LocalPiiDetector(PiiTagger? tagger, float threshold)
    {
        MakeWordSets();
        _tagger = tagger;
        _threshold = threshold;
    }

    /// <summary>
    /// Starts reading the word lists, and making the rules' own, on another thread, so that the caller's own start-up (parsing a command line,
    /// loading the tagger) runs beside it; the first detector made waits for what is left of it.
    /// </summary>
    public static void Prepare() => _ = Task.Run(static () =>
    {
        _ = PiiLexicon.Shared;
        MakeWordSets();
    });

    /// <summary>A detector with the tagger model read from <paramref name="model"/> (null: rules only) and its threshold.</summary>
    public static LocalPiiDetector WithTagger(Stream? model, float threshold = LocalPiiDetector.DefaultTaggerThreshold) =>
        new(model is null ? null : PiiTagger.Read(model), threshold);

    /// <summary>A detector with the built-in tagger model and another threshold.</summary>
    public static LocalPiiDetector WithBuiltInTagger(float threshold) => new(PiiTagger.Shared, threshold);

    public IReadOnlyList<PiiSpan> Detect(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return [];
        }

        var original = text;
        var tokens = _tokenBuffer ??= new Token[1024];
        var words = _words ??= new PiiWordCache(_lexicon);
        var count = Tokenize(ref text, _lexicon, ref tokens, words);
        var recased = PiiTrueCaser.Recase(text, tokens, count, _lexicon, out var lowerText, out var names, out var caseless);
        if (recased is not null)
        {
            count = PiiTokenizer.Retokenize(text, recased, _lexicon, ref tokens, count, words);
            text = recased;
        }

        _tokenBuffer = tokens;
        var spans = new PiiScan(text, tokens, count, _lexicon, lowerText).Run(PiiRecogniserRegistry.Default);
        spans = new PiiContextRules(text, tokens, count, _lexicon, caseless).Apply(spans, names);
        if (_tagger is not null)
        {
            var persons = CountPersons(spans);
            spans = PiiTaggerSpans.Add(spans, text, tokens.AsSpan(0, count), caseless, _tagger, _threshold, _lexicon, original.Length == text.Length ? original : null);
            if (CountPersons(spans) is var after && (after.Count > persons.Count || after.Characters > persons.Characters))
            {
                spans = new PiiContextRules(text, tokens, count, _lexicon, caseless).ApplyToTaggedNames(spans);
            }
        }

        spans = PiiNameEdges.Join(spans, text);
        spans = PiiProducts.Drop(spans, text, tokens.AsSpan(0, count), _lexicon);
        spans = PiiTerms.Drop(spans, original, text, tokens.AsSpan(0, count), _lexicon);
        spans = PiiSpanish.Drop(spans, text, tokens.AsSpan(0, count), original.Length == text.Length ? original : null);
        return PiiTerms.DropIfOnlyTerms(spans, original, text, tokens.AsSpan(0, count), _lexicon);
    }

    /// <summary>
    /// The text as the rules read it, letter for letter (offsets unchanged), and its tokens: numbers' hyphens and the
    /// pauses and fillers between pieces read out made spaces (<see cref="PiiSpokenNumbers"/>), a text in title case throughout put
    /// in lower case (<see cref="PiiTrueCaser.Untitle"/>). The tagger's training reads its texts the same way.
    /// </summary>
    internal static int Tokenize(ref string text, PiiLexicon lexicon, ref Token[] tokens, PiiWordCache? words = null)
    {
        text = PiiSpokenNumbers.Unhyphenate(text) ?? text;
        text = PiiSpokenNumbers.Unpause(text) ?? text;
        text = PiiSpokenNumbers.Unfill(text) ?? text;
        var count = PiiTokenizer.Tokenize(text, lexicon, ref tokens, words);
        if (PiiTrueCaser.Untitle(text, tokens.AsSpan(0, count)) is { } untitled)
        {
            count = PiiTokenizer.Retokenize(text, untitled, lexicon, ref tokens, count, words);
            text = untitled;
        }

        return count;
    }

    /// <summary>The persons found, as a count and their characters: a name the tagger adds or grows ("Harlan" to "Harlan birdtail") changes it.</summary>
    private static (int Count, int Characters) CountPersons(List<PiiSpan> spans)
    {
        var persons = (Count: 0, Characters: 0);
        foreach (var span in spans)
        {
            if (span.Label == PiiLabel.Person)
            {
                persons = (persons.Count + 1, persons.Characters + span.End - span.Start);
            }
        }

        return persons;
    }
}
