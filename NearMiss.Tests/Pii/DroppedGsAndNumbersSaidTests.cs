using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Decision 091: words whose "g" speech drops ("goin", "yellin") are words, not names; ordinary words written in lower
/// case in a text that capitalises names are no name for the tagger; ages said after "age", after a name before "in a",
/// and before "year old" whatever follows a name; a county's "sheriffs"; a town named like a word after "the east side
/// of"; fleet numbers said in words; a word no list knows after a role is a person; a given name after "somebody
/// named"; a street's quadrant in full; an hour said after "like" and a day; a temporary plate all in digits; a day's
/// name after a weapon; a K9 named as it acts at a sentence's start, or named like a rank; a town named like a word
/// "out past" it; chains typed without their apostrophe, and more chains; big cities by their nicknames; "tazed" and
/// "texted" as words; and the set phrases of hunting's record
/// books, holiday decorations and songs, drills and bears; everyday Spanish in a text that speaks it, Spanish ranks;
/// nationalities; soldiers' words and prayers; an hour said after a day of a month; a nickname "they call" someone.
/// </summary>
public sealed class DroppedGsAndNumbersSaidTests
{
    private static readonly LocalPiiDetector Full = new();

    private static string[] Found(string text, PiiLabel label) =>
        [.. Full.Detect(text).Where(s => s.Label == label).Select(s => text[s.Start..s.End])];

    private static string[] Any(string text) => [.. Full.Detect(text).Select(s => text[s.Start..s.End])];

    [Theory]
    [InlineData("we were just sittin there and the whole crowd started yellin, then somebody was goin for the car")]
    [InlineData("figure out where the rounds are goin before you pull into the line")]
    [InlineData("nobody hurt, me smellin like smoke the rest of the shift")]
    public void AWordWhoseGSpeechDropsIsNoName(string text) =>
        Assert.Empty(Any(text));

    [Fact]
    public void ACommonGivenNameSpelledLikeADroppedGStaysAName() =>
        Assert.Contains("dustin", Found("me and dustin went around back first", PiiLabel.Person));

    [Fact]
    public void OrdinaryWordsInLowerCaseInACapitalisedTextAreNoName() =>
        Assert.Empty(Any("The corporal bought brisket and Big Red for the whole squad as an apology."));

    [Fact]
    public void ANameInLowerCaseAfterARankStaysAName() =>
        Assert.Contains("brings plenty", Found("Lieutenant brings plenty told us to write it up.", PiiLabel.Person));

    [Theory]
    [InlineData("the driver was marcus oyelaran age nineteen. he had no license on him", "nineteen")]
    [InlineData("the passenger wendell brightwater forty one in the back seat reached down for something", "forty one")]
    [InlineData("a man named ilya petrenko sixty year old welder came at us with a pipe", "sixty")]
    public void AnAgeSaidAfterANameOrAgeIsAnAge(string text, string age) =>
        Assert.Contains(age, Found(text, PiiLabel.Age));

    [Fact]
    public void ACountAfterAgeIsNoAge() =>
        Assert.Empty(Found("I asked him his age twenty times and he never answered me once", PiiLabel.Age));

    [Fact]
    public void ACountysSheriffsAreItsAgency() =>
        Assert.Contains("washita county sheriffs", Found("the deputies from washita county sheriffs were ten minutes out so we waited", PiiLabel.Agency));

    [Fact]
    public void ATownNamedLikeAWordAfterASideOfItIsAPlace() =>
        Assert.Contains("independence", Found("we took the call on the south side of independence near the square", PiiLabel.Location));

    [Theory]
    [InlineData("i parked car nine behind the semi and lit it up", "nine")]
    [InlineData("medic fourteen took him to the er and we cleared", "fourteen")]
    public void AFleetNumberSaidInWordsIsAVehiclesId(string text, string id) =>
        Assert.Contains(id, Found(text, PiiLabel.VehicleId));

    [Theory]
    [InlineData("there was a car two lanes over and the truck three times bigger")]
    [InlineData("we had car two or three there by then")]
    public void ACountOrARangeAfterAVehicleIsNoId(string text) =>
        Assert.Empty(Found(text, PiiLabel.VehicleId));

    [Fact]
    public void AWordNoListKnowsAfterARoleIsAPerson() =>
        Assert.Contains("Oluwatoyin", Found("The victim Oluwatoyin was still in the car when we got there.", PiiLabel.Person));

    [Fact]
    public void AGivenNameAfterSomebodyNamedIsAPerson() =>
        Assert.Contains("Rocky", Found("the inspectors and somebody named Rocky which we never did figure out", PiiLabel.Person));

    [Fact]
    public void AK9NamedAsItActsOpeningASentenceIsTheDogs() =>
        Assert.Contains("moose", Found("backup was 25 min out. k9 moose was in the back. got there and he ran", PiiLabel.OtherId));

    [Fact]
    public void AK9NamedLikeARankIsTheDogs() =>
        Assert.Contains("ranger", Found("backup was 25 min out. k9 ranger was in the back the whole time", PiiLabel.OtherId));

    [Fact]
    public void ATownNamedLikeAWordOutPastItIsAPlace() =>
        Assert.Contains("hays", Found("got a dv call out past hays. we were forty minutes out on it", PiiLabel.Location));

    [Theory]
    [InlineData("we were parked by the caseys around 0140 when he came flying by", "caseys")]
    [InlineData("we met up by the whataburger on calloway for the handoff", "whataburger")]
    public void AChainTypedWithoutItsApostropheOrInLowerCaseIsAPlace(string text, string store) =>
        Assert.Contains(store, Found(text, PiiLabel.Location));

    [Theory]
    [InlineData("we got sent up to abq for the training week", "abq")]
    [InlineData("he was from nola originally and came up here after the storm", "nola")]
    public void ABigCityByItsNicknameIsAPlace(string text, string city) =>
        Assert.Contains(city, Found(text, PiiLabel.Location));

    [Fact]
    public void TazedAndTextedAreWords() =>
        Assert.DoesNotContain(Any("the suspect tazed himself by accident and his girlfriend texted us a video of it"), s => s.Contains("tazed", StringComparison.Ordinal) || s.Contains("texted", StringComparison.Ordinal));

    [Fact]
    public void ADogNamedIsStillTheDogs() =>
        Assert.Contains("Rocco", Found("He was found an hour later by agents working with a K-9 named Rocco. Eleven people were in the truck.", PiiLabel.OtherId));

    [Fact]
    public void AStreetsQuadrantInFullIsPartOfIt() =>
        Assert.Contains("Lomas Boulevard Northeast", Found("The crash was on Lomas Boulevard Northeast near the hospital.", PiiLabel.Address));

    [Fact]
    public void AnHourSaidAfterADayAndLikeIsATime() =>
        Assert.Contains("twenty one hundred", Found("saturday like twenty one hundred we got the call to the bar", PiiLabel.Time));

    [Fact]
    public void ATemporaryPlateAllInDigitsIsAPlate() =>
        Assert.Contains("three three seven one nine four", Found("it had a paper tag three three seven one nine four on the back window", PiiLabel.Plate));

    [Fact]
    public void ADaysNameAfterAWeaponIsADate() =>
        Assert.Contains("Saturday", Found("A deputy was shot at with a rifle Saturday while serving papers.", PiiLabel.Date));

    [Theory]
    [InlineData("his buck would have made boone and crockett easy and he was not going to give it up")]
    [InlineData("somebody put a blow up santa on the hood of the cruiser")]
    [InlineData("they played jingle bell rock all night and the neighbors called it in")]
    [InlineData("we finished the day with a Mozambique on the steel")]
    [InlineData("he stood up in his Carhartt bibs and Xtratufs with a fillet knife in his hand")]
    [InlineData("meanwhile a brown bear is on the other bank watching us")]
    public void RecordBooksDecorationsSongsDrillsAndBearsAreNoPii(string text) =>
        Assert.Empty(Any(text));
    [Fact]
    public void EverydaySpanishInASpanishTextIsNoName()
    {
        var found = Any("así que el viernes como a la una nos llaman pa una pelea afuera del bar y el teniente quiere q firme un informe, la querella dice que yo me puse en frente del carro");
        Assert.DoesNotContain(found, s => s.Contains("querella", StringComparison.Ordinal) || s.Contains("frente", StringComparison.Ordinal) || s.Contains("quiere", StringComparison.Ordinal) || s == "puse");
    }

    [Fact]
    public void ASpanishWordAfterDeIsStillAPlace()
    {
        var places = Found("se fue en un jeep negro con placas de chihuahua y el señor de toa baja dice que se lo robaron así nomás", PiiLabel.Location);
        Assert.Contains("chihuahua", places);
        Assert.Contains("toa baja", places);
    }

    [Fact]
    public void ASpanishRanksAbbreviationIsNoName() =>
        Assert.DoesNotContain("Agte", Any("DE / FROM: Agte. Yamilet Cruz Figueroa, placa 31842. Mi compañero, Agte. Rafael Negrón, llegó después."));

    [Theory]
    [InlineData("we stood around with a crockpot of Swedish meatballs and talked about the call")]
    [InlineData("Dispatch gave a description (Asian male, black hoodie) that matched the guy on the corner.")]
    public void ANationalityIsNoPlace(string text) =>
        Assert.Empty(Any(text));

    [Theory]
    [InlineData("one guy from spanish fork was shooting at cans off the road", "spanish fork")]
    [InlineData("we got back from swedish around four and he had six stitches", "swedish")]
    public void ATownOrAPremiseNamedForANationStaysAPlace(string text, string place) =>
        Assert.Contains(place, Found(text, PiiLabel.Location));

    [Theory]
    [InlineData("After, my partner is saying Hooah and Semper Fi and laughing about it.")]
    [InlineData("I held my St. Michael medal and said a Padre Nuestro the whole way in.")]
    public void SoldiersWordsAndPrayersAreNoPii(string text) =>
        Assert.Empty(Any(text));

    [Fact]
    public void AHospitalNamedForASaintStaysAPlace() =>
        Assert.Contains("St. Michael Medical Center", Found("we took him to St. Michael Medical Center in Silverdale for the cut", PiiLabel.Location));

    [Fact]
    public void AnHourSaidAfterADayOfAMonthIsATime() =>
        Assert.Contains("twenty three hundred", Found("flash flood call. april fourteenth twenty three hundred the bridge was already under", PiiLabel.Time));

    [Fact]
    public void ANicknameTheyCallSomeoneIsAName() =>
        Assert.Equal(["moose", "moose"], Found("theres this huge guy they call moose standing over a tourist. moose is like six five", PiiLabel.Person));
}
