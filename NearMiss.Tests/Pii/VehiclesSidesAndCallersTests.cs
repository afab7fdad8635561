using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Decision 084: the quiet side of spoken reports (a vehicle's model after an article, the sides of a building and
/// the letters of a plan, names of court cases and illnesses, a meeting app's anonymous labels, a product named twice,
/// a direction on the clock face) and what speech names (a unit's number opening a radio turn, a guessed age of
/// someone seen, a day of the month after a comma, a state of two words in lower case, a title in capitals, callers
/// who name themselves and the one they call, a name called out as a turn opens, a call sign in digits opening a turn,
/// a store by its owner's name, a district or post said with its number).
/// </summary>
public sealed class VehiclesSidesAndCallersTests
{
    private static readonly LocalPiiDetector Rules = LocalPiiDetector.WithTagger(null);
    private static readonly LocalPiiDetector Full = new();

    private static string[] Found(LocalPiiDetector detector, string text, PiiLabel label) =>
        [.. detector.Detect(text).Where(s => s.Label == label).Select(s => text[s.Start..s.End])];

    private static string[] All(string text) => [.. Full.Detect(text).Select(s => text[s.Start..s.End])];

    [Theory]
    [InlineData("I parked right behind the Santa Fe with my overheads on and walked up.")]
    [InlineData("Second car in the procession, a Santa Fe, had to lock it up.")]
    [InlineData("He kept saying his buddy was still in the Tacoma. There was no Tacoma.")]
    [InlineData("RP ADV DRIVER OF TACOMA HAS A RIFLE\nUNIT ADV TACOMA DRIVER EXITED W/ RIFLE")]
    [InlineData("THE VEHICLE WAS A GREEN PONTIAC MONTANA, THE MINIVAN, FLAGGED BY A READER.")]
    public void AVehiclesModelIsNoPlace(string text) => Assert.Empty(All(text));

    [Theory]
    [InlineData("We moved to the Santa Fe area last spring and he followed us.", "Santa Fe")]
    [InlineData("I grew up in Tacoma and moved east after the academy.", "Tacoma")]
    public void ThePlaceItselfIsStillAPlace(string text, string place) => Assert.Contains(place, Found(Full, text, PiiLabel.Location));

    [Theory]
    [InlineData("Sergeant said go to the Charlie side first.\nOkay I'm on Charlie, back slider's open.")]
    [InlineData("Building sides (Alpha through Delta) were reviewed. He went to the wrong side (said Bravo, meant Delta).")]
    [InlineData("ran the drill again, scenario charlie, two decoys, one in the mechanical room")]
    public void SidesOfABuildingAndLettersOfAPlanAreNoNames(string text) => Assert.Empty(All(text));

    [Theory]
    [InlineData("I understand this is a compelled statement under Garrity. He wanted his Miranda and he called me Boss.")]
    [InlineData("History on the address said he was a retired hunter with Parkinson's and lived alone.")]
    [InlineData("he says he thought I was some Sunday driver on a Harley trying to race him.")]
    [InlineData("one fishing a Carolina rig and one with a Texas-rigged worm, and that's Kentucky windage.")]
    public void CourtCasesIllnessesAndSetPhrasesAreNoPii(string text) => Assert.Empty(All(text));

    [Fact]
    public void AProductNamedTwiceIsNoPerson() =>
        Assert.Empty(All("While we're alongside, a Grady-White comes off plane right past us. We ran the Grady-White down and wrote him."));

    [Fact]
    public void AMeetingAppsAnonymousLabelsAreNoOne() =>
        Assert.Empty(All("Call-in User_1: Can you hear me? I'm on my phone.\nPatrol Sgt Laptop: We got you, go ahead.\nCall-in User_2: Sorry."));

    [Fact]
    public void AForumsHandleIsStillOne() =>
        Assert.Contains("razorback_deputy_09", Found(Rules, "Posted by razorback_deputy_09\nRural deputy here.", PiiLabel.OtherId));

    [Theory]
    [InlineData("watch up here at the two o'clock on the screen you can see the dome light", PiiLabel.Time)]
    [InlineData("Scene: two-lane state route, 55 zone, long right-hand curve.", PiiLabel.Age)]
    public void ADirectionOnTheClockAndASpeedLimitAreNoTimeOrAge(string text, PiiLabel label) => Assert.Empty(Found(Rules, text, label));

    [Fact]
    public void AWordOfAddressIsNoName() =>
        Assert.Empty(All("speaker 1: hey whats in your hand\nspeaker 2: nothing bro\nspeaker 1: open your hand open your hand\nspeaker 2: its a lighter"));

    [Fact]
    public void AModalBeforeItsObjectIsNoName() =>
        Assert.Empty(Found(Rules, "if his right hand goes behind his back the lieutenant will grant the overtime to finish this", PiiLabel.Person));

    [Theory]
    [InlineData("speaker 1: twelve forty one can i get another car at the terminal upper level\nspeaker 3: twelve forty one copy", "twelve forty one")]
    [InlineData("trooper: eleven forty two send me another unit one detained possible weapon", "eleven forty two")]
    [InlineData("officer: three twelve i need backup behind the school, male with a knife", "three twelve")]
    public void AUnitsNumberOpeningARadioTurn(string text, string sign) => Assert.Contains(sign, Found(Rules, text, PiiLabel.BadgeId));

    [Fact]
    public void ATimeOpeningATurnIsNoUnit() =>
        Assert.Empty(Found(Rules, "officer: we got there about twelve thirty and i need to say the lights were off", PiiLabel.BadgeId));

    [Fact]
    public void ACarNumberAfterItsAgency() =>
        Assert.Contains("fourteen", Found(Rules, "pelletier aroostook county sheriffs office car fourteen near miss this is from christmas", PiiLabel.VehicleId));

    [Theory]
    [InlineData("he's getting into a gray camry. he's white maybe fifty gray beard tan jacket", "fifty")]
    [InlineData("CALLER: native male maybe twenty five black hoodie gray sweats", "twenty five")]
    [InlineData("WITNESS: a man not old maybe thirty. he had a hat.", "thirty")]
    public void AGuessAtTheAgeOfSomeoneSeen(string text, string age) => Assert.Contains(age, Found(Rules, text, PiiLabel.Age));

    [Theory]
    [InlineData("the guy was standing maybe twenty feet from me with the knife")]
    [InlineData("a white male maybe twenty minutes out from the county line")]
    public void AGuessAtADistanceIsNoAge(string text) => Assert.Empty(Found(Rules, text, PiiLabel.Age));

    [Theory]
    [InlineData("Northbound at Tully Road, um, seven forty-five a.m., the twelfth. Traffic's stop and go.", "twelfth")]
    [InlineData("Near miss, the twenty-fourth, me and Detective Voinea on a warrant.", "twenty-fourth")]
    [InlineData("so bear with me on the 17th around 3 PM I stopped a tractor", "17th")]
    public void ADayOfTheMonthSaidAlone(string text, string day) => Assert.Contains(day, Found(Rules, text, PiiLabel.Date));

    [Fact]
    public void AnOrdinalBeforeItsNounIsNoDay() =>
        Assert.Empty(Found(Rules, "We cleared the first floor, the second floor, the third floor.", PiiLabel.Date));

    [Theory]
    [InlineData("the truck was a new mexico plate uh b x k seven seven four and he took off", "new mexico")]
    [InlineData("i looked down for one second period his south dakota license was suspended", "south dakota")]
    public void AStateOfTwoWordsInLowerCase(string text, string state) => Assert.Contains(state, Found(Rules, text, PiiLabel.Location));

    [Fact]
    public void ATitleInCapitals() =>
        Assert.Contains("BUSH", Found(Rules, "THE TRAILER COMES DOWN THE SHOULDER. I GRABBED MR. BUSH BY THE COAT AND WE WENT DOWN INTO THE DITCH.", PiiLabel.Person));

    [Theory]
    [InlineData("hey miss adebayo this is ray little im a c o over at the coffield unit and i wanted to talk about your son", "ray little")]
    [InlineData("hey nick it's ron with the troopers in bethel, calling about saturday. first thing, glad you're ok.", "nick")]
    public void CallersAndTheOnesTheyCall(string text, string name) => Assert.Contains(name, Found(Rules, text, PiiLabel.Person));

    [Fact]
    public void ANameCalledOutAsATurnOpens()
    {
        const string text = "[00:00:05] OFC KEALOHA: kimo! put the speargun down.\n[00:00:16] OFC KEALOHA: kimo look at me\n[00:00:20] MALE: ok ok\n"
            + "03:15:11 DISPATCH: adeyemi confirm no injuries";
        Assert.Contains("kimo", Found(Rules, text, PiiLabel.Person));
        Assert.Contains("adeyemi", Found(Rules, text, PiiLabel.Person));
    }

    [Fact]
    public void AWordThatOpensATurnIsNoNameCalled() =>
        Assert.Empty(Found(Full, "Speaker 1: hey you got a minute?\nSpeaker 2: yeah go ahead, I'm parked up.\nSpeaker 1: Southbound? you sure", PiiLabel.Person));

    [Theory]
    [InlineData("a guy in a jeep grand cherokee laredo stopped and blocked the ramp for me while i worked the crash")]
    [InlineData("GUEST: traffic stop, two lane road, middle of nowhere. the driver would not show his hands at all.")]
    public void AModelsTrimAndALaneCountAreNoPii(string text) => Assert.Empty(All(text));

    [Fact]
    public void AStateBeforeAPlateAfterAModelIsStillAPlace() =>
        Assert.Contains("TX", Found(Full, "veh in drive: blk Dodge Durango TX LKP-4471, reg to r/p.", PiiLabel.Location));

    [Theory]
    [InlineData("DISPATCH: GSP is in a pursuit northbound.\nTROOPER: 844, we're about two out, speeds over a hundred.", "844")]
    [InlineData("[speaker 2] copy.\n[speaker 3] 7-41, I'm on 59, mile marker 24, I can head that way.", "7-41")]
    [InlineData("[speaker 1] go ahead.\n[speaker 2] S-12 on scene, I'm gonna stage at the gate.", "S-12")]
    [InlineData("[03:41:10] OFC. TRAN: P-Eleven, I'm out on foot at the pier.\n[03:41:18] DISPATCH: Copy.", "P-Eleven")]
    public void ACallSignInDigitsOpeningATurn(string text, string sign) => Assert.Contains(sign, Found(Rules, text, PiiLabel.BadgeId));

    [Theory]
    [InlineData("DISPATCH: 10-80 northbound, all units.\nTROOPER: 2315, I'm clear of the stop.")]
    [InlineData("TROOPER: 110, 115, he's not stopping.\nDISPATCH: Copy.")]
    public void ACodeAClockOrASpeedOpeningATurnIsNoCallSign(string text) => Assert.Empty(Found(Rules, text, PiiLabel.BadgeId));

    [Theory]
    [InlineData("a suspicious person in the parking lot at the Smith's on Tramway and Montgomery.", "Smith's")]
    [InlineData("Yes sir, I got the bulb at the O'Reilly's in Wilburton, I just ain't put it in.", "O'Reilly's")]
    [InlineData("Kow owes everybody breakfast at Ron's on Admiral.", "Ron's")]
    public void AStoreByItsOwnersName(string text, string store) => Assert.Contains(store, Found(Rules, text, PiiLabel.Location));

    [Fact]
    public void AnAgencysPossessiveIsNoStore() =>
        Assert.DoesNotContain("Sheriff's", Found(Rules, "He was booked at the Sheriff's on Main after the stop.", PiiLabel.Location));

    [Theory]
    [InlineData("Hey Ngozi, it's Dave out of District Two, Aurora PD. I need a work order.", "District Two")]
    [InlineData("also we never told eleventh district we were out on it, nobody knew", "eleventh district")]
    [InlineData("this is back in ninety seven we were both at post eleven in london", "post eleven")]
    public void APoliceDistrictOrPostSaidWithItsNumber(string text, string unit) => Assert.Contains(unit, Found(Rules, text, PiiLabel.Agency));

    [Fact]
    public void ADistrictCountedIsNoSubUnit() => Assert.Empty(Found(Rules, "we called district four times that night and nobody came", PiiLabel.Agency));
}
