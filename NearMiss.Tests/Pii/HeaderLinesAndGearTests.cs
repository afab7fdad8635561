using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Decision 089: a typed report's header line (a rank, an initial and a surname in capitals, the badge after it, the
/// day and date in capitals, a licence after its state, a case number in three parts); premises of two words and a border sector after their place in lower case; a precinct by
/// its number; a part of a city by its bearing ("in east new york"); a beat's number and letter after "working"; a
/// place a name swallowed before "PD"; and, quiet, a maker's name before its gear, and numbers that are calibres, units
/// or a wind's speed rather than ages.
/// </summary>
public sealed class HeaderLinesAndGearTests
{
    private static readonly LocalPiiDetector Full = new();

    private static string[] Found(string text, PiiLabel label) =>
        [.. Full.Detect(text).Where(s => s.Label == label).Select(s => text[s.Start..s.End])];

    private static string[] Any(string text) => [.. Full.Detect(text).Select(s => text[s.Start..s.End])];

    [Theory]
    [InlineData("BARTON CO SO DEP R. VASQUELTE #2207, 2/11 approx 0140, stopped a truck on the county road.", "R. VASQUELTE")]
    [InlineData("TPR M. HALVORSRUD, TROOP C, 2C31. Approx 1500 we set up on the shoulder.", "M. HALVORSRUD")]
    [InlineData("OFC. J. ZIMBELDORF, UNIT 4. Night shift, a man ran from the car.", "J. ZIMBELDORF")]
    public void AnInitialBeforeASurnameInCapitalsIsThePersons(string text, string expected) =>
        Assert.Contains(expected, Found(text, PiiLabel.Person));

    [Fact]
    public void ARankAndAnInitialMakeAPlacesNameASurname()
    {
        const string text = "DET K. ODESSA, NARCOTICS. Warrant service went bad at the back door.";
        Assert.Contains("K. ODESSA", Found(text, PiiLabel.Person));
    }

    [Fact]
    public void ACompassLetterBeforeAStreetIsNoInitial()
    {
        const string text = "Walked N. BROCKHAVEN to the corner and waited for the bus.";
        Assert.Empty(Found(text, PiiLabel.Person));
        Assert.Contains("BROCKHAVEN", Found(text, PiiLabel.Location));
    }

    [Fact]
    public void AWordNoListHoldsAfterARankIsASurname()
    {
        const string text = "HILL CO SO DEP QUALLSTROM P-14. Approx 0200 a car came at me on the shoulder.";
        Assert.Contains("QUALLSTROM", Found(text, PiiLabel.Person));
        Assert.Contains("P-14", Found(text, PiiLabel.BadgeId));
    }

    [Fact]
    public void LettersAndDigitsClosingARankedNameAreTheBadge() =>
        Assert.Contains("MC-9", Found("CASS CO SO DEP A. OKONJO, MC-9. Night shift, 2245, a call to the river.", PiiLabel.BadgeId));

    [Fact]
    public void AK9AfterARankedNameIsNoBadge() =>
        Assert.DoesNotContain("K9", Found("this is Corporal Dana Whitlock, K9, out of the south district", PiiLabel.BadgeId));

    [Theory]
    [InlineData("PTL R. OYELOWO, CAR 3. SAT APRIL 6TH 2210. Rpt of a fight outside the bar.", "APRIL 6TH")]
    [InlineData("FUGITIVE TASK FORCE. SEPT 2ND approx 0600 HRS, arrest op at a trailer.", "SEPT 2ND")]
    public void AMonthInCapitalsBeforeItsOrdinalIsADate(string text, string expected) =>
        Assert.Contains(expected, Found(text, PiiLabel.Date));

    [Fact]
    public void AShortWeekdayBeforeAMonthAndItsOrdinalIsADate() =>
        Assert.Contains("SAT", Found("PTL R. OYELOWO, CAR 3. SAT APRIL 6TH 2210. Rpt of a fight.", PiiLabel.Date));

    [Theory]
    [InlineData("we took him to topeka correctional facility um and he was calm", "topeka correctional facility")]
    [InlineData("ranger cole brandt at big bend national park um so", "big bend national park")]
    public void APremiseOfTwoWordsAfterAPlaceInLowerCaseIsThePlace(string text, string expected) =>
        Assert.Contains(expected, Found(text, PiiLabel.Location));

    [Theory]
    [InlineData("agents from yuma sector came out with a truck", "yuma sector")]
    [InlineData("PO dana kwiatek 44 precinct, shield 20417, on a 911 call", "44 precinct")]
    [InlineData("officer rhea caulfield pittsfield pd um so this was a domestic", "pittsfield pd")]
    public void SubUnitsAndAgenciesSaidAfterTheirPlaceOrNumber(string text, string expected) =>
        Assert.Contains(expected, Found(text, PiiLabel.Agency));

    [Fact]
    public void ANameGivesAPlaceBeforePdBackToTheAgency()
    {
        const string text = "officer rhea caulfield pittsfield pd um so this was a domestic";
        Assert.Contains("rhea caulfield", Found(text, PiiLabel.Person), StringComparer.OrdinalIgnoreCase);
        Assert.DoesNotContain(Found(text, PiiLabel.Person), p => p.Contains("pittsfield", StringComparison.OrdinalIgnoreCase));
    }

    [Theory]
    [InlineData("we got a call in east new york, me and my partner went", "east new york")]
    [InlineData("Deputy Hurt During Traffic Stop in Southwest Tulsa; Suspect Held", "Southwest Tulsa")]
    public void ABearingBetweenAPrepositionAndAPlaceIsItsFirstWord(string text, string expected) =>
        Assert.Contains(expected, Found(text, PiiLabel.Location));

    [Fact]
    public void ABearingAfterAVerbOfMotionStaysOut() =>
        Assert.DoesNotContain("east denver", Found("we drove east denver bound on the interstate", PiiLabel.Location));

    [Theory]
    [InlineData("UNIT 4B12 SOLO, TRAFFIC ON S 41ST ST/E HOLLOWAY AVE. VEH WHT TAURUS, 2 OCC", "S 41ST ST/E HOLLOWAY AVE")]
    [InlineData("SUSP VEH BAILED AT HARBOR RD / QUINTERRA WAY. K9 tracked him to a shed", "HARBOR RD / QUINTERRA WAY")]
    public void AStreetASlashAndTheCrossingStreetAreOneIntersection(string text, string expected) =>
        Assert.Contains(expected, Found(text, PiiLabel.Address));

    [Theory]
    [InlineData("Trooper took him at the rest area. CDL NM 71203356. Lesson: watch the hands.", PiiLabel.DriverLicense, "71203356")]
    [InlineData("Marshals closed it out. USMS # 23-1184-EDK.", PiiLabel.CaseNumber, "23-1184-EDK")]
    public void AnIdAfterItsStateOrItsAgencysInitials(string text, PiiLabel label, string expected) =>
        Assert.Contains(expected, Found(text, label));

    [Fact]
    public void ABeatsNumberAndLetterAfterWorkingIsTheCallSign() =>
        Assert.Contains("2213 charlie", Found("I was working 2213 charlie that night with my partner", PiiLabel.BadgeId));

    [Theory]
    [InlineData("a rusted old Raven .25 w/ no mag. Caught him at the door.")]
    [InlineData("the wind was up, maybe 25 knots, 3 ft chop at the bar")]
    [InlineData("after that storm, wind like 45 and sleet, we had the door open")]
    public void ACalibreAUnitOrAWindsSpeedIsNoAge(string text) => Assert.Empty(Found(text, PiiLabel.Age));

    [Theory]
    [InlineData("He had a red Hogue grip sleeve on it, so it looked like a toy.")]
    [InlineData("I was bent over him with my COLUMBIA HOOD up and could not see his hands.")]
    [InlineData("the old man was wrapped in a pendleton blanket, he had a bigfoot hat on")]
    [InlineData("the kid in the columbia fleece starts shoving")]
    public void AMakerBeforeItsGearIsNoNameOrPlace(string text) => Assert.Empty(Any(text));

    [Theory]
    [InlineData("my partner Tiny saw the gun before I did and yelled it out.")]
    [InlineData("me and my partner Bear saw it first, grabbed his wrist.")]
    public void ANicknameBeforeAVerbThatIsAlsoGearStays(string text) =>
        Assert.NotEmpty(Found(text, PiiLabel.Person));
}
