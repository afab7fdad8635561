using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Decision 085: fillers said between the pieces of a number read out, codes read out letter by letter with no id word
/// just before them, an agency said as its place and the letters of its kind, a dog unit's call sign said aloud, and
/// the spoken copy of each training text the tagger learns from; the trades' vocabulary named after people and places,
/// an agency's policy by its number; premises said after the place or name they are called by.
/// </summary>
public sealed class SpokenCodesAndCopiesTests
{
    private static readonly LocalPiiDetector Rules = LocalPiiDetector.WithTagger(null);
    private static readonly LocalPiiDetector Full = new();

    private static string[] Found(LocalPiiDetector detector, string text, PiiLabel label) =>
        [.. detector.Detect(text).Where(s => s.Label == label).Select(s => text[s.Start..s.End])];

    [Theory]
    [InlineData("plate o s t four four uh seven one.", "plate o s t four four    seven one.")]
    [InlineData("his number three oh eight um five five five", "his number three oh eight    five five five")]
    [InlineData("a social five four two uh one one uh six six", "a social five four two    one one    six six")]
    [InlineData("i was uh seven miles out", "i was uh seven miles out")]
    [InlineData("it was four uh then the car moved", "it was four uh then the car moved")]
    [InlineData("the boyfriend william uh william dekker goes by bill", "the boyfriend william uh william dekker goes by bill")]
    public void OnlyFillersBetweenPiecesReadOutBecomeSpaces(string text, string expected) => Assert.Equal(expected, PiiSpokenNumbers.Unfill(text) ?? text);

    [Theory]
    [InlineData("wife called from the neighbors phone seven eight five uh five five five oh one nine three said husband was drunk", "seven eight five uh five five five oh one nine three", PiiLabel.Phone)]
    [InlineData("had a silver suburban texas plate n k r uh seven seven two oh northbound", "n k r uh seven seven two oh", PiiLabel.Plate)]
    public void ANumberReadOutWithAFillerIsFoundWhole(string text, string expected, PiiLabel label) => Assert.Contains(expected, Found(Rules, text, label));

    [Theory]
    [InlineData("tribal plate they gave it as o s t four four seven one. got there old blue chevy", "o s t four four seven one", PiiLabel.Plate)]
    [InlineData("so deputy rios got his plate new mexico a k t four one two. samuel the fire boss", "a k t four one two", PiiLabel.Plate)]
    [InlineData("the container came up on the screen m s k u four four one two nine seven three and we held it", "m s k u four four one two nine seven three", PiiLabel.OtherId)]
    public void ACodeReadOutApartIsFoundWithoutItsWordJustBefore(string text, string expected, PiiLabel label) => Assert.Contains(expected, Found(Rules, text, label));

    [Theory]
    [InlineData("identified as dominic pellegrino d o b oh six oh two nineteen ninety and he ran")]
    [InlineData("we were northbound on u s one oh one north of the bridge")]
    [InlineData("she was at a b c four for the lesson")]
    public void TheLettersOfAnIdsNameOrARoadOpenNoCode(string text) => Assert.Empty(Found(Rules, text, PiiLabel.OtherId).Concat(Found(Rules, text, PiiLabel.Plate)));

    [Theory]
    [InlineData("this is officer ramirez bart p d dictating the close call", "bart p d")]
    [InlineData("this is c o przybylski, washington d o c, stafford creek, doing this", "washington d o c")]
    [InlineData("twenty three oh five assist douglas p d on a fight at the bar", "douglas p d")]
    public void AnAgencySaidAsItsPlaceAndTheLettersOfItsKindIsOne(string text, string expected) => Assert.Contains(expected, Found(Full, text, PiiLabel.Agency));

    [Fact]
    public void TheNameBeforeTheAgencyKeepsItsOwnWords() =>
        Assert.Contains("ramirez", Found(Full, "this is officer ramirez bart p d dictating the close call", PiiLabel.Person));

    [Theory]
    [InlineData("we were at the other end of the county and county p d had nobody free")]
    [InlineData("so i told him p d was coming and he ran")]
    public void TheLettersOfAKindAloneAreNoAgency(string text) => Assert.Empty(Found(Full, text, PiiLabel.Agency));

    [Theory]
    [InlineData("okay this is deputy alvarez k nine seven with polk county sheriff's office", "k nine seven")]
    [InlineData("dispatch copy k nine two is en route from the north side", "k nine two")]
    public void ADogUnitsCallSignSaidIsABadge(string text, string expected) => Assert.Contains(expected, Found(Rules, text, PiiLabel.BadgeId));

    [Fact]
    public void ADogUnitCalledOutTwiceIsNoBadge() => Assert.Empty(Found(Rules, "we called k nine two times before anyone answered", PiiLabel.BadgeId));

    [Fact]
    public void ASpokenCopyIsLowerCaseWithoutStopsAndItsSpansMoveWithTheirWords()
    {
        const string text = "Sgt. Okafor met us at 1423 Elm St., then left. \"Go,\" he said: 5.56 rounds!";
        var okafor = text.IndexOf("Okafor", StringComparison.Ordinal);
        var elm = text.IndexOf("1423", StringComparison.Ordinal);
        var training = new PiiTrainingText(text, [new PiiSpan(okafor, okafor + 6, PiiLabel.Person), new PiiSpan(elm, elm + 12, PiiLabel.Address)]);

        var copy = PiiSpokenCopy.Of(training);

        Assert.NotNull(copy);
        Assert.Equal("sgt okafor met us at 1423 elm st. then left go he said 5.56 rounds", copy.Text);
        Assert.Equal(["okafor", "1423 elm st."], copy.Spans.Select(s => copy.Text[s.Start..s.End]));
    }

    [Fact]
    public void ATextWithoutCapitalsHasNoSpokenCopy() =>
        Assert.Null(PiiSpokenCopy.Of(new PiiTrainingText("me and tiny went to the call", [])));

    [Theory]
    [InlineData("The horse, a Percheron cross, got loose from the trailer.")]
    [InlineData("He was cited for violating Scott's Law on the shoulder.")]
    [InlineData("rancher called in, a hereford bull standing right in the lane past the gate.")]
    [InlineData("Sign up for the Tueller drill refresher at in-service.")]
    [InlineData("Reread Policy 300 before in-service.")]
    public void TheTradesVocabularyNamedAfterPeopleAndPlacesIsNoPii(string text) => Assert.Empty(Full.Detect(text));

    [Fact]
    public void AnInsurersPolicyNumberIsStillAnId() =>
        Assert.Contains("4471-8820", Found(Rules, "His insurance policy 4471-8820 had lapsed in May.", PiiLabel.OtherId));

    [Theory]
    [InlineData("i took a domestic at the old kessler farm north of town. wife called it in", "kessler farm")]
    [InlineData("suspect ran toward koreatown plaza through the parking structure", "koreatown plaza")]
    public void PremisesSaidAfterTheirPlaceOrNameAreThePlace(string text, string expected) => Assert.Contains(expected, Found(Full, text, PiiLabel.Location));

    [Fact]
    public void ARoadsRampByItsNumberKeepsItsOwnSpan() =>
        Assert.DoesNotContain(Found(Full, "H1-31: H1-31, I'm at the exit 47 ramp, I'll set up.", PiiLabel.Location), s => s.EndsWith("ramp", StringComparison.Ordinal));

    [Theory]
    [InlineData("wind river police department call sign whiskey romeo twelve. new years eve about ten", "whiskey romeo twelve", PiiLabel.BadgeId)]
    [InlineData("a passenger in coach three one five one five was threatening people", "three one five one five", PiiLabel.VehicleId)]
    [InlineData("it was shoving back, locomotive four four six two on the far end", "four four six two", PiiLabel.VehicleId)]
    public void SignsAndCarsSaidAfterTheirWordAreFound(string text, string expected, PiiLabel label) => Assert.Contains(expected, Found(Rules, text, label));

    [Fact]
    public void ACallSignWithoutItsNumberIsNone() => Assert.Empty(Found(Rules, "what was your call sign again? charlie something", PiiLabel.BadgeId));
}
