using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Decision 083: speakers named by a meeting app's labels and by rank before a colon, call signs after the clock that
/// opens a radio log's line, dates of birth said with the question or answered after a recorder's stamp, a block said
/// in words before a street that is no word, and the quiet side: radio codes said twice, a black truck in CAD remarks,
/// a vehicle's model after its colour, an officer's title that ends in "SO".
/// </summary>
public sealed class LabelsAndReadBacksTests
{
    private static readonly LocalPiiDetector Rules = LocalPiiDetector.WithTagger(null);

    private static string[] Found(LocalPiiDetector detector, string text, PiiLabel label) =>
        [.. detector.Detect(text).Where(s => s.Label == label).Select(s => text[s.Start..s.End])];

    private const string Meeting =
        "Dennis Major   0:00\nAlright, this is the near miss review. Kasia, you want to start?\nKasia Nowak   0:09\nYeah, I was on the floor.\n"
        + "Grant Young   0:31\nI yelled at him.\nDennis Major   0:38\nAnd the keys?\nSpeaker 1   0:50\nOkay.";

    [Theory]
    [InlineData("Dennis Major")]
    [InlineData("Grant Young")]
    [InlineData("Kasia Nowak")]
    public void AMeetingAppsLabelsAreItsSpeakers(string name) => Assert.Contains(name, Found(Rules, Meeting, PiiLabel.Person));

    [Fact]
    public void ANumberedSpeakerIsNobody() => Assert.DoesNotContain(Found(Rules, Meeting, PiiLabel.Person), name => name.StartsWith("Speaker", StringComparison.Ordinal));

    [Fact]
    public void TwoLabelledLinesAreNoTranscript() =>
        Assert.DoesNotContain("Grant Young", Found(Rules, "Grant Young   0:31\nI yelled at him.\nBig Hill   0:42\nGone.", PiiLabel.Person));

    [Theory]
    [InlineData("OFC. IRON SHELL: P-23, traffic, BIA 27.\nDISPATCH: P-23, copy.", "IRON SHELL")]
    [InlineData("[00:01:14] OFC STONE: date of birth\n[00:01:40] OFC HUGHES: ok, stand by", "HUGHES")]
    [InlineData("CAPT. TWO BULLS: All right, this is the debrief.", "TWO BULLS")]
    public void ARankBeforeTheColonNamesTheSpeaker(string text, string name) => Assert.Contains(name, Found(Rules, text, PiiLabel.Person));

    [Theory]
    [InlineData("OFFICER A: David thirty copy, coming from Alameda.\nOFFICER B: thirty-two copy.")]
    [InlineData("SGT NOTE: bring the vests back.")]
    public void ALetterOrANoteAfterTheRankIsNoName(string text) => Assert.Empty(Found(Rules, text, PiiLabel.Person));

    [Theory]
    [InlineData("oh one forty two three adam forty show us code six anaheim and henry ford", "three adam forty")]
    [InlineData("twenty one oh six transit twenty four to dispatch im out on the light rail\ntwenty one oh nine transit twenty four to dispatch shes got a male", "transit twenty four")]
    public void CallSignsAfterTheClockThatOpensALogsLine(string text, string sign) => Assert.Contains(sign, Found(Rules, text, PiiLabel.BadgeId));

    [Fact]
    public void TheClockThatOpensALogsLineIsNoCallSign()
    {
        const string text = "twenty one oh six transit twenty four to dispatch im out\ntwenty one oh seven dispatch copy transit twenty four union station";
        Assert.DoesNotContain("twenty one oh seven", Found(Rules, text, PiiLabel.BadgeId));
        Assert.Contains("twenty one oh seven", Found(Rules, text, PiiLabel.Time));
    }

    [Fact]
    public void ARanksNumberIsNoName() => Assert.Empty(Found(Rules, "Twenty-three fifty-eight. Marshal Twelve on scene.", PiiLabel.Person));

    [Theory]
    [InlineData("[00:01:14] OFC STONE: date of birth\n[00:01:15] MALE 1: 7 14 98\n[00:01:40] OFC HUGHES: ok", "7 14 98")]
    [InlineData("driver is Eli Hummingbird, date of birth six, two, eighty-nine. I need a unit", "six, two, eighty-nine")]
    [InlineData("OFC. TRAN: Date of birth, Zeke?\n[03:42:35] MALE: Nine nine eighty-seven.", "Nine nine eighty-seven")]
    public void DatesOfBirthSaid(string text, string date) => Assert.Contains(date, Found(Rules, text, PiiLabel.Date));

    [Fact]
    public void ABirthDateSaidWithItEndsItsClause() =>
        Assert.DoesNotContain("zero four", Found(Rules, "driver is a Cody Fenn, date of birth zero four slash one two slash eight six. Run him.", PiiLabel.Date));

    [Fact]
    public void ABlockSaidInWordsBeforeAStreetThatIsNoWord() =>
        Assert.Contains("thirty one hundred block of lamar", Found(Rules, "at a house in the thirty one hundred block of lamar target was javarious king", PiiLabel.Address));

    [Fact]
    public void ARadioCodeSaidTwiceIsNoPhone() =>
        Assert.Empty(Found(Rules, "UNITS ADV SUBJ LUNGED, TASER DEPLOYED 1 PRONG MISS, 10-33 10-33\nALL UNITS EMERGENCY TRAFFIC ONLY", PiiLabel.Phone));

    [Theory]
    [InlineData("RP ADV ARGUMENT IN PROGRESS\nVEH 1 BLK CHEVY TAHOE, VEH 2 WHI TOYOTA TACOMA W/ LIFT KIT\nUNITS ADV")]
    [InlineData("BOLO on the board: silver Tacoma with a camper shell and a black Santa Fe, both from the pharmacy burglary.")]
    [InlineData("Flew into the village with a VPSO on a DV. The VPSO and I walked to the house.")]
    [InlineData("there's no shoulder to speak of on account of the Jersey barriers for the construction")]
    [InlineData("he's gonna do the Michigan left yep Michigan left through the crossover")]
    [InlineData("Title IX is not involved, it's just the threat. The Clery folks said no timely warning.")]
    public void QuietOnClearText(string text) => Assert.Empty(Rules.Detect(text));

    [Fact]
    public void APhoneIsStillAPhone() => Assert.Contains("555-0142 555-0199", Found(Rules, "call 555-0142 555-0199 after six", PiiLabel.Phone));

    [Theory]
    [InlineData("passenger bailed on foot toward the river. Swimmer, that's S-W-I-M-M-E-R, first name Anthony.", "Swimmer")]
    [InlineData("OFC KEALOHA: whats your last name again kimo\nMALE: k e k u m u\nOFC KEALOHA: ok kimo kekumu born ninety three right", "k e k u m u")]
    [InlineData("OFC KEALOHA: whats your last name again kimo\nMALE: k e k u m u\nOFC KEALOHA: ok kimo kekumu born ninety three right", "kekumu")]
    public void NamesSpelledAndSaid(string text, string name) => Assert.Contains(name, Found(Rules, text, PiiLabel.Person));

    [Theory]
    [InlineData("ok kimo kekumu born ninety three right", "ninety three")]
    [InlineData("born in eighty-nine, raised in tulsa", "eighty-nine")]
    [InlineData("dob on him is oh three fourteen ninety one so hes thirty three", "oh three fourteen ninety one")]
    public void BirthYearsAndDatesSaid(string text, string date) => Assert.Contains(date, Found(Rules, text, PiiLabel.Date));

    [Fact]
    public void ACountAfterBornIsNoYear() => Assert.Empty(Found(Rules, "he was born two weeks early", PiiLabel.Date));

    [Theory]
    [InlineData("NAVAJO NATION POLICE - CHINLE DISTRICT - UNIT C12\n[00:00:00] OFFICER: c12 to chinle im out at the homesite", "c12")]
    [InlineData("23:41:07 P14: p 14 ill be out on foot at the berth\n23:45:35 DISPATCH: P 14 they are advising", "p 14")]
    [InlineData("Transit 31 radio\n31 go\n31 I'm at Erie northbound platform", "31")]
    [InlineData("[00:00:22] TFC OBI: Post 45, traffic, I-16 eastbound\n[00:02:58] RADIO: Eight twelve, Bulloch SO has a unit at exit 116.", "Eight twelve")]
    public void CallSignsSaidAgain(string text, string sign) => Assert.Contains(sign, Found(Rules, text, PiiLabel.BadgeId));

    [Fact]
    public void TheEmergencyLineIsNoCallSign() =>
        Assert.Empty(Found(Rules, "[911 AUDIO]\nDISPATCHER: nine one one, what's the address of the emergency?", PiiLabel.BadgeId));

    [Theory]
    [InlineData("Plate comes back clean, Arizona Charlie, Papa, X-ray, four, one, one, nine. Driver is a kid.", "Charlie, Papa, X-ray, four, one, one, nine")]
    public void PlatesReadWithCommas(string text, string plate) => Assert.Contains(plate, Found(Rules, text, PiiLabel.Plate));

    [Fact]
    public void ALogsClockAfterMidnightIsATime() =>
        Assert.Equal(["00:12", "00:16"], Found(Rules, "00:12 Harbor 1 to radio we're north of the bridge\n00:16 Harbor 1 on scene", PiiLabel.Time));

    [Fact]
    public void ARecordingsStampsAreNoTimes() =>
        Assert.Empty(Found(Rules, "[00:00:04] OFC. NGUYEN: Hands.\n[00:00:09] MALE: Okay okay.\n[00:14:32] OFC. NGUYEN: Stay there.", PiiLabel.Time));

    [Theory]
    [InlineData("guy matches black hoodie gray joggers looks maybe seventeen turns out his name is deshawn", "seventeen")]
    public void HowOldSomeoneLooks(string text, string age) => Assert.Contains(age, Found(Rules, text, PiiLabel.Age));

    [Fact]
    public void HowFarSomethingLooksIsNoAge() => Assert.Empty(Found(Rules, "the truck looks like forty feet away from the shoulder", PiiLabel.Age));

    [Theory]
    [InlineData("He was transported to the Franklin County jail. Woods told me he thought it was closed.", "Franklin County jail")]
    [InlineData("he said he would rather go back to Perry County detention than talk to me", "Perry County detention")]
    [InlineData("Hunter was taken to the McLean County juvenile detention center. Mom came later.", "McLean County juvenile detention center")]
    public void ACountysLockUpNamedInLowerCase(string text, string place) => Assert.Contains(place, Found(Rules, text, PiiLabel.Location));

    [Fact]
    public void ACountysDetentionOfficerIsNoPlace() =>
        Assert.DoesNotContain("Robeson County detention", Found(Rules, "A Robeson County detention officer was treated and released.", PiiLabel.Location));

    [Theory]
    [InlineData("it came in as a welfare check from Leech Lake Tribal Police last night", "Leech Lake Tribal Police")]
    [InlineData("A sheriff's deputy assigned to King County Metro Transit Police was treated for a head injury.", "King County Metro Transit Police")]
    public void APlaceBeforeAKindOfAgencyIsItsName(string text, string agency) => Assert.Contains(agency, Found(Rules, text, PiiLabel.Agency));
}
