using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Decision 075: roads said by a bare number, exits, hospitals said short or named for a saint, a caller's own name,
/// names started over after a pause, ages after "he's" and "you're", and the name rules read again over the tagger's names.
/// </summary>
public sealed class SpeechRoadsHospitalsAndRestartsTests
{
    private static readonly LocalPiiDetector Rules = LocalPiiDetector.WithTagger(null);

    private static string[] Found(string text, PiiLabel label, LocalPiiDetector? detector = null) =>
        [.. (detector ?? Rules).Detect(text).Where(s => s.Label == label).Select(s => text[s.Start..s.End])];

    [Theory]
    [InlineData("my thing is i was solo for four minutes on two seventy at night with my back to traffic", "two seventy")]
    [InlineData("the car's stopped on pine grove church road just off three oh one, driver running east", "three oh one")]
    [InlineData("it's like forty minutes on dirt so i'm going up one ninety one by myself and there's no service", "one ninety one")]
    [InlineData("and tell me about the stop on, on sixty three. so it was a sunday", "sixty three")]
    [InlineData("i'm at the crash eastbound just before exit one eighty five for rolla", "exit one eighty five")]
    public void RoadsAndExitsSaidByNumber(string text, string road) => Assert.Contains(road, Found(text, PiiLabel.Location));

    [Theory]
    [InlineData("the second unit showed up twenty five minutes later and we cleared")]
    [InlineData("he held on forty five seconds before he let go of the door")]
    [InlineData("we ran it down the ramp and on one of them the tire blew")]
    [InlineData("on the ten just past the exit one of them slipped on the gravel")]
    public void CountsAfterOnOrUpAreNoRoads(string text) => Assert.Empty(Found(text, PiiLabel.Location));

    [Theory]
    [InlineData("tran worked the scene and she went to norman regional by ambulance my case number is", "norman regional")]
    [InlineData("Subject was transported to Grady Memorial for evaluation.", "Grady Memorial")]
    [InlineData("He was transported to St. Luke's for evaluation.", "St. Luke's")]
    [InlineData("jaylen had a cut lip and went to st v's to get stitched", "st v's")]
    public void HospitalsSaidShort(string text, string hospital) => Assert.Contains(hospital, Found(text, PiiLabel.Location));

    [Theory]
    [InlineData("Tower saw the headlights and had to hold a regional jet short of the runway.")]
    [InlineData("It was the third assault on staff at the jail since Memorial Day.")]
    [InlineData("She graduated from a regional academy and went to general population.")]
    public void RegionalAndMemorialAloneAreNoHospitals(string text) => Assert.Empty(Found(text, PiiLabel.Location));

    [Theory]
    [InlineData("hey its hunter from olathe north. can we talk about the thing", "hunter")]
    [InlineData("hey sarge it's uh it's jun it's jun dela cruz calling about last night", "jun")]
    [InlineData("hey sarge its mike dictating this on the way back from court", "mike")]
    public void ACallerNamesThemselves(string text, string name) => Assert.Contains(name, Found(text, PiiLabel.Person));

    [Theory]
    [InlineData("hey its me again. cant sleep so typing this")]
    [InlineData("for what it's worth mark it down as a near miss")]
    public void NoNameWhereNoneIsSaid(string text) => Assert.Empty(Found(text, PiiLabel.Person));

    [Theory]
    [InlineData("me and officer will uh will kowalski went up the stairs first", "will", "will kowalski")]
    [InlineData("me and officer hunter uh hunter gray got sent to a disturbance", "hunter", "hunter gray")]
    public void ANameStartedOverAfterAPause(string text, string first, string again) => Assert.Equal([first, again], Found(text, PiiLabel.Person));

    [Theory]
    [InlineData("the male is skip gagnon he's seventy three lives alone out there", "seventy three")]
    [InlineData("OFFICER 1: so you're twenty four\nSUBJECT: yeah", "twenty four")]
    [InlineData("The boy was found near the pavilion. He's fifteen so he's not being named.", "fifteen")]
    public void AgesAfterHesAndYoure(string text, string age) => Assert.Contains(age, Found(text, PiiLabel.Age));

    [Theory]
    [InlineData("ok he's twenty minutes out so we hold the perimeter")]
    [InlineData("you're forty feet from the door so stay behind the car")]
    public void CountsAfterHesAndYoureAreNoAge(string text) => Assert.Empty(Found(text, PiiLabel.Age));

    [Fact]
    public void AnAgeAfterANameOnlyTheTaggerFinds()
    {
        // The rules alone find no name here, so no age; with the tagger, the name and then its age.
        const string text = "We got there and the ex was at the door. The ex is Grant Bishop, forty six. Rose did the talking at the door while I watched his hands.";
        Assert.Empty(Found(text, PiiLabel.Age));
        Assert.Equal(["forty six"], Found(text, PiiLabel.Age, new LocalPiiDetector()));
    }

    [Theory]
    [InlineData("it was a Taurus G2C under the back seat, serial number ACB seven seven three one four. New paragraph.", "ACB seven seven three one four")]
    [InlineData("serial on the taurus was ACK four four nine two one zero came back stolen out of league city", "ACK four four nine two one zero")]
    [InlineData("recovered from the glove box black taurus g2c serial a b m four four zero two one driver was cooperative", "a b m four four zero two one")]
    public void SerialsSaidWithTheirLetters(string text, string serial) => Assert.Contains(serial, Found(text, PiiLabel.OtherId));

    [Fact]
    public void UnitLettersBeforeATenCodeAreNoId() => Assert.Empty(Found("UNIT ADV 10-38 ON A BLACK SIERRA, 2 OCCUPANTS", PiiLabel.OtherId));

    [Theory]
    [InlineData("Brayden Kowalski, date of birth five nine two thousand four, he's twenty, student.", "five nine two thousand four")]
    [InlineData("ran a timothy gerald wick with a date of birth of three fifteen nineteen eighty six and an s s n of", "three fifteen nineteen eighty six")]
    public void DatesOfBirthSaidAloud(string text, string date) => Assert.Contains(date, Found(text, PiiLabel.Date));

    [Fact]
    public void AGivenNameThatIsAWordAfterNamed() =>
        Assert.Contains("holly", Found("ten fifteen p m i got a call from a lady named holly said her husband was drunk and threatening", PiiLabel.Person));

    [Theory]
    [InlineData("start dictation officer kyle lindqvist saint cloud p d badge six one seven this is for the close call", "saint cloud p d")]
    [InlineData("so friday at about two thirty a m madison p d had a burglary at the kwik trip", "madison p d")]
    public void ACityBeforeASpelledPd(string text, string agency) => Assert.Contains(agency, Found(text, PiiLabel.Agency));

    [Theory]
    [InlineData("i need you to check the address 'cause I got it as forty one twelve south Kedvale and the sheet says", "forty one twelve south Kedvale")]
    [InlineData("OFFICER 1: he's over the fence into the yard that's thirty seven twelve vallejo\nOFFICER 2: copy", "thirty seven twelve vallejo")]
    public void AHouseNumberSaidAndAStreetWithNoType(string text, string address) => Assert.Contains(address, Found(text, PiiLabel.Address));

    [Theory]
    [InlineData("we got there at twenty two forty and nobody answered the door")]
    [InlineData("he said it happened at twenty one thirty five tuesday night")]
    public void AClockSaidAloudIsNoHouseNumber(string text) => Assert.Empty(Found(text, PiiLabel.Address));

    [Theory]
    [InlineData("the car got shoved like forty feet. the driver was eighty one year old uh Marjorie Hale, we'd already", "eighty one")]
    [InlineData("he was on the trigger. the kid is a freshman uh nineteen year old named like brandon uh brandon", "nineteen")]
    [InlineData("and the one guy's girlfriend Krystal Doyle twenty nine walks up behind me with a can of bear spray", "twenty nine")]
    public void AgesBeforeAPauseAndAfterANameInAnyText(string text, string age) => Assert.Contains(age, Found(text, PiiLabel.Age));

    [Theory]
    [InlineData("DISPATCH: copy adam twelve, adam fifteen is two minutes out", "adam fifteen")]
    [InlineData("DISP: Sam four copy. Sam nine is en route from the south side.", "Sam nine")]
    public void CallSignsSaidWithTheWordOfOneFound(string text, string sign) => Assert.Contains(sign, Found(text, PiiLabel.BadgeId));

    [Fact]
    public void TheWordOfACallSignFoundBeforeACountIsNoCallSign() =>
        Assert.Equal(["adam twelve"], Found("DISPATCH: copy adam twelve. about adam fifteen minutes later he came back out", PiiLabel.BadgeId));

    [Theory]
    [InlineData("pickup pulling a trailer with no lights on the trailer. Georgia tag r t x seven seven one two. Driver jumps out", "r t x seven seven one two")]
    [InlineData("around one fifteen a m wisconsin plate a b f two two nine one for no headlights driver says his name", "a b f two two nine one")]
    [InlineData("the trailer plate was Indiana three zero four eight eight two. cited him for the move over law", "three zero four eight eight two")]
    [InlineData("a red dodge ram montana plate three dash four four one nine two a the registered owner's a guy", "three dash four four one nine two")]
    public void PlatesReadOutAfterTheirState(string text, string plate) => Assert.Contains(plate, Found(text, PiiLabel.Plate));

    [Fact]
    public void DigitsAfterPlateWithNoStateNeedALetter() =>
        Assert.Empty(Found("we ran the plate three four four one nine two times before it came back", PiiLabel.Plate));

    [Theory]
    [InlineData("if anybody has questions email me d rooney at columbus police dot org period end", "d rooney at columbus police dot org")]
    [InlineData("five five five zero one eight three or email is k tran 84 at gmail dot com", "k tran 84 at gmail dot com")]
    [InlineData("you can reach me at a warsame at cbuspd-mail dot org or my desk", "warsame at cbuspd-mail dot org")]
    public void EmailsSaidAloudWithNumbersHyphensAndAgencies(string text, string mail) => Assert.Contains(mail, Found(text, PiiLabel.Email));

    [Fact]
    public void ABadgeSetRightAfterImSorry() =>
        Assert.Equal(["one one four seven", "one one seven four"], Found("Deputy Lamar Hill he's badge one one four seven no I'm sorry one one seven four stopped a pickup", PiiLabel.BadgeId));

    [Theory]
    [InlineData("he just drops it and starts crying we took him to u n m h so the lesson is", "u n m h")]
    [InlineData("buck tillman is sixty one he was transported to u a b for an eval", "u a b")]
    [InlineData("the tag was expired we got him to e m m c for an eval and his nephew", "e m m c")]
    public void AHospitalsLettersSaidAfterTakenTo(string text, string hospital) => Assert.Contains(hospital, Found(text, PiiLabel.Location));

    [Fact]
    public void AnInitialBeforeAHospitalsNameIsNoPlaceAlone() =>
        Assert.DoesNotContain("M", Found("He was taken to M Health Fairview for evaluation.", PiiLabel.Location));

    [Theory]
    [InlineData("we got a road rage call on I eighty four westbound at exit forty four in Meridian. One driver", "exit forty four")]
    [InlineData("i'm sitting on a field road off county road eight in lake of the woods county watching", "county road eight")]
    public void ARoadSaidBeforeInAndItsTown(string text, string road) => Assert.Contains(road, Found(text, PiiLabel.Location));

    [Fact]
    public void ASerialsLowerCaseLettersInAnyText() =>
        Assert.Contains("a b k six two one four four", Found("Gun was a Taurus G two C serial a b k six two one four four. Witness Loretta", PiiLabel.OtherId));

    [Theory]
    [InlineData("OFFICER 1: sheriff's office can you hear me step out of the vehicle")]
    [InlineData("the nearest backup was coming from the other end of the county and county p d had nobody free lesson is look")]
    public void WordsOfAKindOfAgencyAloneAreNoAgency(string text) => Assert.Empty(Found(text, PiiLabel.Agency, new LocalPiiDetector()));
}
