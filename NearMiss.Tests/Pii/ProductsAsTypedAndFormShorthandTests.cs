using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Decision 087: products and sayings as reports type them (no apostrophe, in the plural), one product no evidence
/// that another is a person, agencies of a kind after a form's "agency:", the shorthand of incident forms, and a word
/// before a lower-case "so" no sheriff's office. And plates read over the radio through a speaker's "uh", their digits
/// no unit's number. Towns of any size after a bearing ("east of concrete"), a unit's call sign in letters after
/// "unit" or "call sign", and an agency of a kind where it is ("a regional transit police department").
/// </summary>
public sealed class ProductsAsTypedAndFormShorthandTests
{
    private static readonly LocalPiiDetector Full = new();

    private static string[] Found(string text, PiiLabel label) =>
        [.. Full.Detect(text).Where(s => s.Label == label).Select(s => text[s.Start..s.End])];

    private static string[] Any(string text) => [.. Full.Detect(text).Select(s => text[s.Start..s.End])];

    [Theory]
    [InlineData("whole thing was Murphys law start to finish, nobody got hurt")]
    [InlineData("the monday morning quarterbacks in the squad room had plenty to say")]
    [InlineData("Oscar Mike back to the car, Charlie Mike for the rest of shift.")]
    public void ProductsAndSayingsAsTypedAreNoPii(string text) => Assert.Empty(Any(text));

    [Fact]
    public void AProductNamedBesideAPersonKeepsThePerson()
    {
        // A person's word elsewhere still keeps a product's words a name: "Jack" is named on his own.
        const string text = "Jack said he would bring the Jack Daniels to the cookout, so I told Jack no.";
        Assert.Contains("Jack", Found(text, PiiLabel.Person));
    }

    [Theory]
    [InlineData("AGENCY: COUNTY SO (WITHHELD BY REPORTER)\nCALL TYPE: 10-50 PI / ROLLOVER")]
    [InlineData("AGENCY: HOUSING AUTHORITY PD\nCALL TYPE: FIGHT / WEAPON")]
    public void AnAgencyOfAKindInAFormsAgencyFieldIsNoPii(string text) => Assert.Empty(Found(text, PiiLabel.Agency));

    [Fact]
    public void ANamedAgencyInAFormsAgencyFieldStays() =>
        Assert.Contains(Found("AGENCY: POLK COUNTY SO\nCALL TYPE: 10-50 PI / ROLLOVER", PiiLabel.Agency), a => a.StartsWith("POLK", StringComparison.Ordinal));

    [Theory]
    [InlineData("KNOCKED AND ANNOUNCED X3. MGR KEYED THE DOOR. ON OPENING IT WE SAW THE DOG.")]
    [InlineData("CALL: SUSP PERS / CRIM TRESPASS\nNARR: RP ADV SUSP WAS IN THE BREEZEWAY.")]
    [InlineData("told the complex mgr abt the dead bolt and left.")]
    public void FormShorthandIsNoName(string text) => Assert.Empty(Found(text, PiiLabel.Person));

    [Fact]
    public void TrooperFirstClassIsARankBeforeTheName()
    {
        var people = Found("ON 09/14/2024 AT 2231 HRS, I, TFC M. ADEYEMI (BADGE 1032), STOPPED A VEHICLE", PiiLabel.Person);
        Assert.Contains(people, p => p.EndsWith("ADEYEMI", StringComparison.Ordinal));
        Assert.DoesNotContain(people, p => p.Contains("TFC", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("west of grass range montana plate four tango x ray seven seven uh niner one copy out eastbound", "four tango x ray seven seven uh niner one")]
    [InlineData("white dodge ram with a tribal tag charlie november four seven two eight copy charlie november four seven two eight", "charlie november four seven two eight")]
    public void APlateReadOverTheRadioIsWhole(string text, string plate) => Assert.Contains(plate, Found(text, PiiLabel.Plate));

    [Fact]
    public void AUnitsCallSignAfterAClockStaysACallSign()
    {
        const string text = "22:41:07 DISPATCH: Lincoln Adam two two, rollover on Route 52.\n22:41:30 LINCOLN ADAM TWO TWO: Lincoln Adam two two copies, en route.";
        Assert.Contains("LINCOLN ADAM TWO TWO", Found(text, PiiLabel.BadgeId));
    }

    [Theory]
    [InlineData("partner was Johnny-on-the-spot with the car and the Debbie Downer at roll call said we got lucky")]
    [InlineData("i basically did the Texas two-step into the ditch, then had a Slim Jim and went back 10-8")]
    [InlineData("partner now does a Superman pose on every hood in the lot")]
    [InlineData("the radio was playing Amarillo by Morning when the driver bailed out")]
    public void SayingsCharactersAndSongsOfTheWiderListAreNoPii(string text) => Assert.Empty(Any(text));

    [Fact]
    public void AWordAfterAIsNoEvidenceThatAProductIsAPerson() =>
        Assert.DoesNotContain("Cane Corso", Found("turned out to be a Cane Corso like 130 lbs. a Corso off leash is a freight train.", PiiLabel.Person));

    [Theory]
    [InlineData("eastbound on highway two hundred about mile marker one sixty one just west of town", "highway two hundred")]
    [InlineData("we're behind the dollar general on state road twenty east of interlachen", "state road twenty")]
    public void RoadsSaidWithHundredsOrAStatesRoadAreWhole(string text, string road) => Assert.Contains(road, Found(text, PiiLabel.Location));

    [Fact]
    public void HundredsOfYardsAreNoRoad() => Assert.Empty(Found("he ran about two hundred yards down the road and stopped", PiiLabel.Location));

    [Theory]
    [InlineData("i was on us one eighty three south of protection around mile marker nine, stopped a truck", "protection")]
    [InlineData("a green jeep on state route twenty east of concrete near milepost ninety six", "concrete")]
    [InlineData("a rollover on highway forty one east of friend by the county road", "friend")]
    [InlineData("a call for a stalled car on interstate twenty five north of hatch, i found them at mile marker forty", "hatch")]
    public void ATownAfterABearingIsAPlaceWhateverItsName(string text, string town) => Assert.Contains(town, Found(text, PiiLabel.Location));

    [Theory]
    [InlineData("we were two miles north of town and south of the border, well west of here")]
    [InlineData("we set up north of pine street by the school")]
    public void NoTownAfterABearing(string text) => Assert.Empty(Found(text, PiiLabel.Location));

    [Theory]
    [InlineData("searcy county sheriffs office, unit s o nine, this was the day after thanksgiving", "s o nine")]
    [InlineData("my call sign is sally seven, i was first on a rollover", "sally seven")]
    [InlineData("national park service, call sign buff four one two, this was memorial day weekend", "buff four one two")]
    public void ACallSignSaidInLettersOrAWordAfterUnitOrCallSign(string text, string sign) => Assert.Contains(sign, Found(text, PiiLabel.BadgeId));

    [Fact]
    public void AUnitThatWasThereIsNoCallSign() => Assert.Empty(Found("the unit was on scene in two minutes and the call sign is on the roster", PiiLabel.BadgeId));

    [Theory]
    [InlineData("An officer with a regional transit police department responded to a report of a disturbance.")]
    [InlineData("the agency worked out mutual aid with the neighbouring tribal police and the state highway patrol")]
    public void AnAgencyOfAKindWhereItIsIsNoPii(string text) => Assert.Empty(Found(text, PiiLabel.Agency));

    [Fact]
    public void ARegionalAgencyNamedStays() =>
        Assert.Contains(Found("NEWS RELEASE - Bay Harbor Regional Transit Police Department\nFor release: 10/28/2024", PiiLabel.Agency).Concat(Found("NEWS RELEASE - Bay Harbor Regional Transit Police Department\nFor release: 10/28/2024", PiiLabel.Location)), a => a.Contains("Regional", StringComparison.Ordinal));

    [Theory]
    [InlineData("dispatch came back, copy o n two nine, tag clear", "o n two nine")]
    [InlineData("i called it out, dispatch copied o c two out with a vehicle in the ditch", "o c two")]
    public void ACallSignInLettersAfterCopyIsACallSign(string text, string sign) => Assert.Contains(sign, Found(text, PiiLabel.BadgeId));

    [Fact]
    public void CopyAndANumberAloneStaysWithTheOtherSteps() => Assert.Empty(Found("copy a ten four on that, out", PiiLabel.BadgeId));

    [Theory]
    [InlineData("truck was a gray dodge, montana plates two b four seven seven one four, owner garrett", "two b four seven seven one four", PiiLabel.Plate)]
    [InlineData("a savage bolt gun, serial came back as h one seven seven four two eight, he wasnt pointing it", "h one seven seven four two eight", PiiLabel.OtherId)]
    [InlineData("haulers out of myrtle point, truck number eighty one, lesson is on a rolled log truck", "eighty one", PiiLabel.VehicleId)]
    [InlineData("a rollover by the county road two thousand two hundred turnoff on march eleventh", "county road two thousand two hundred", PiiLabel.Location)]
    [InlineData("said his name was ray mcallister two ls, fifty one, said he was checking cows", "fifty one", PiiLabel.Age)]
    public void IdsAndAgesSaidAfterTheirWords(string text, string expected, PiiLabel label) => Assert.Contains(expected, Found(text, label));

    [Fact]
    public void AWordJoiningClausesIsNoPartOfAnAgencysName() =>
        Assert.Contains("jackson county sheriffs office", Found("we sat there forty minutes til jackson county sheriffs office and a trooper got there", PiiLabel.Agency));
}
