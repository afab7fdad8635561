using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Decision 077: a name found is found again after a list's dash and in capitals amid lower-case words; a rank or a given
/// name before an initial without its full stop in capitals; state codes before a warrant or a paper tag; a time and the
/// speaker after it kept apart.
/// </summary>
public sealed class NamesInListsAndCapitalsTests
{
    private static readonly LocalPiiDetector Rules = LocalPiiDetector.WithTagger(null);

    private static string[] Found(string text, PiiLabel label) =>
        [.. Rules.Detect(text).Where(s => s.Label == label).Select(s => text[s.Start..s.End])];

    private static int Count(string text, string word, PiiLabel label) => Found(text, label).Count(found => found == word);

    [Theory]
    [InlineData("Prepared by Lt. Samira Hassan | Debrief attendees: Sgt. D. Bishop, Ofc. Nate Chase, MPD 3rd Precinct liaison\n\nWHAT WENT WELL\n- Chase took the stairs, not the elevator\n- Bishop had dispatch hold the train", "Chase", 1)]
    [InlineData("Prepared by Lt. Samira Hassan | Debrief attendees: Sgt. D. Bishop, Ofc. Nate Chase, MPD 3rd Precinct liaison\n\nWHAT WENT WELL\n- Chase took the stairs, not the elevator\n- Bishop had dispatch hold the train", "Bishop", 1)]
    [InlineData("Caller stated her boyfriend Dustin Price (41) had a pistol. FTO pulled trainee to the hinge side and had PRICE show both hands.", "PRICE", 1)]
    [InlineData("ROSE MANYGOATS IS HIS FORMER GIRLFRIEND. SUBJ STATED \"I JUST WANT TO TALK TO ROSE.\"", "ROSE", 1)]
    public void ANameFoundIsFoundAgainAfterADashInCapitalsAndAfterTalkTo(string text, string word, int mentions) =>
        Assert.Equal(mentions, Count(text, word, PiiLabel.Person));

    [Theory]
    [InlineData("Debrief: Ofc. Nate Chase\n- Do not chase into a crowd alone. Hold, direct, wait.")]
    [InlineData("Sgt. Tom Young wrote this up.\n- Young kids on scene, so we slowed down - the young ones ran.")]
    public void TheWordInItsOwnSenseStaysAWord(string text)
    {
        var people = Found(text, PiiLabel.Person);
        Assert.DoesNotContain("chase", people);
        Assert.DoesNotContain("young", people);
    }

    [Theory]
    [InlineData("R/O: OFC T CHASE #86   ASSIST: SGT R HUNTER #41\nDATE: 02/14/2025   TIME: 2248\nON 02/14/2025 AT 2248 HRS R/O RESPONDED TO THE ROOF.", "T CHASE")]
    [InlineData("R/O: OFC T CHASE #86   ASSIST: SGT R HUNTER #41\nDATE: 02/14/2025   TIME: 2248\nON 02/14/2025 AT 2248 HRS R/O RESPONDED TO THE ROOF.", "R HUNTER")]
    [InlineData("THE VEH STRUCK THE BARRIER.\nDRIVER IDENTIFIED AS MICHAEL J PRICE, M/W, DOB 07/19/1985. ODOR OF ALC.\nPRICE TRANSPORTED TO THE HOSPITAL.", "MICHAEL J PRICE")]
    public void AnInitialWithoutItsStopInCapitalsKeepsTheNameAfterIt(string text, string name) =>
        Assert.Contains(name, Found(text, PiiLabel.Person));

    [Theory]
    [InlineData("A tan Suburban with TX paper tag 61441T2 comes off a ranch road.", "TX")]
    [InlineData("ran him, suspended + an MN warrant out of Clay County for DV", "MN")]
    public void AStateCodeBeforeAWarrantOrAPaperTag(string text, string code) => Assert.Contains(code, Found(text, PiiLabel.Location));

    [Fact]
    public void ATimeAndTheSpeakerAfterItAreTwoSpans()
    {
        const string text = "0121 hodan: just cleared the gate\n0123 moe: im fine";
        var spans = new LocalPiiDetector().Detect(text);
        Assert.DoesNotContain(spans, s => s.Label == PiiLabel.Time && text[s.Start..s.End].Contains("hodan", StringComparison.Ordinal));
    }

    [Fact]
    public void AFormsFieldNameIsNoPartOfTheAgencyBeforeIt()
    {
        const string text = "FIELD TRAINING - DAILY OBSERVATION REPORT\nAGENCY: Boston Police Department   DISTRICT: C-11\nTRAINEE: P.O. Cormac Byrne   ID 118842";
        var agencies = new LocalPiiDetector().Detect(text).Where(s => s.Label == PiiLabel.Agency).Select(s => text[s.Start..s.End]);
        Assert.Contains("Boston Police Department", agencies);
        Assert.DoesNotContain(agencies, a => a.Contains("DISTRICT", StringComparison.Ordinal));
    }

    [Fact]
    public void AnyWordInQuotesAndBracketsRightAfterANameIsANickname()
    {
        const string text = "- Door opened by the mother, holding a toddler\n- Dep. Wiśniewski (\"Whiskey\") had the back, called GUN on the radio";
        Assert.Contains("Whiskey", Found(text, PiiLabel.Person));
    }

    [Theory]
    [InlineData("0219 2K14 OS. VEH IS BLK DODGE DURANGO OK TAG LKV-883\n0221 2K14 ADV DRIVER IS COOPERATIVE", "OK")]
    [InlineData("19:03:11 T-411 ON TRAFFIC I-44 EB MM 173 BLK SILVERADO OK JKL-442\n19:04:40 T-411 REQ 2ND UNIT", "OK")]
    [InlineData("1st and memorial in the qt lot, silver durango w/ ok tag JHV-882. driver was a kid", "ok")]
    public void AStatesCodeBeforeItsPlateInAnyCase(string text, string code) => Assert.Contains(code, Found(text, PiiLabel.Location));

    [Fact]
    public void IdBeforeAnIdIsNoState()
    {
        const string text = "Deputy Wes Tillery (radio ID FC-118) reported a male climbing the fence.";
        Assert.DoesNotContain("ID", Found(text, PiiLabel.Location));
    }

    [Theory]
    [InlineData("yo so wed nite on the blue line at damen, me n stosh. train was packed", "blue line")]
    [InlineData("WORKING A FIXED POST AT FIELDS CORNER STATION (RED LINE) W/ OFC. NGUYEN", "RED LINE")]
    public void ATransitLineNamedByItsColour(string text, string line) => Assert.Contains(line, Found(text, PiiLabel.Location));

    [Theory]
    [InlineData("We stood back from the yellow line until the train stopped at the station.")]
    [InlineData("Nobody at the station talks about the thin blue line anymore, and the trains still run late.")]
    [InlineData("The red line on the gauge meant the tank was empty.")]
    public void AColourAndALineThatNameNoTransitLine(string text) => Assert.Empty(Found(text, PiiLabel.Location));

    [Theory]
    [InlineData("Sheriff's K-9 Ranger is recovering after being struck by a fleeing car.", "Ranger")]
    [InlineData("The suspect was found in a shed by Deputy Ana Ruiz, assisted by KSP K-9 Ruger. He was taken into custody.", "Ruger")]
    public void ADogsNameAfterK9WithItsHyphen(string text, string name) => Assert.Contains(name, Found(text, PiiLabel.OtherId));

    [Theory]
    [InlineData("K-9 Ranger Dale Hess ran the track with his dog.")]
    [InlineData("The K-9 Sgt. Hess arrived with the K-9 Unit at 0200.")]
    public void ATitleAfterK9IsNoDog(string text) => Assert.Empty(Found(text, PiiLabel.OtherId));

    [Theory]
    [InlineData("[Sat 11:58 PM] Me: shoplifter at the kroger on lebanon pk. had him by the arm", "kroger")]
    [InlineData("traffic stop, in front of the kroger\n- move the stop into the lot next time", "kroger")]
    [InlineData("dude came out the walmart w a hatchet", "walmart")]
    public void AStoreChainsOwnNameAfterThe(string text, string store) => Assert.Contains(store, Found(text, PiiLabel.Location));

    [Fact]
    public void AChainsNameBeforeAThingIsNoStore() => Assert.Empty(Found("He threw the starbucks cup at me and ran.", PiiLabel.Location));
}
