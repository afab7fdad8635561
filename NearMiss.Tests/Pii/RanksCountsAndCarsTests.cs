using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Decision 090: a rank or role written short before a name is no part of it ("C.O.", "P.O.", "SSA", "IIC"); a count
/// of lanes or wheels is no house number; a calibre's "cal" is no man called Cal; a car's number before "in the lane";
/// plates and lettered fleet numbers in lower case; a handler's own K9 named once; a town joined by "or" to a place
/// found; a role's given name that is a word before a surname; a name that does not run on into what its bearer was
/// doing or where; the place before "PD" a name swallowed; a surname of "St."; a report's verb before a place; a
/// keyword's value after "was"; a car's number written again; a long number standing alone; and the set phrases of wheels, herders, Sundays, drinks
/// and drills.
/// </summary>
public sealed class RanksCountsAndCarsTests
{
    private static readonly LocalPiiDetector Full = new();

    private static string[] Found(string text, PiiLabel label) =>
        [.. Full.Detect(text).Where(s => s.Label == label).Select(s => text[s.Start..s.End])];

    private static string[] Any(string text) => [.. Full.Detect(text).Select(s => text[s.Start..s.End])];

    [Theory]
    [InlineData("10/02/23 APPROX 0310 HRS. WRITER C.O. DELPHINE OKORO-BANKS SHIELD 20418 WAS ON THE TIER WHEN IT STARTED.", "DELPHINE")]
    [InlineData("APPROX 2200 HRS. THIS P.O., ANSELM WIERZBICKI DSN 30172, RESPONDED TO A MAN WITH A KNIFE IN THE LOBBY.", "ANSELM WIERZBICKI")]
    public void ADottedRankBeforeANameIsNoPartOfIt(string text, string name)
    {
        var people = Found(text, PiiLabel.Person);
        Assert.Contains(people, p => p.StartsWith(name, StringComparison.Ordinal));
        Assert.DoesNotContain(people, p => p.Contains("C.O.", StringComparison.Ordinal) || p.Contains("P.O.", StringComparison.Ordinal));
    }

    [Fact]
    public void ADottedRankAloneIsNoPerson() =>
        Assert.DoesNotContain("P.O.", Any("Case 24-11873 (assault on a P.O. during warrant service). The P.O. was treated and released."));

    [Theory]
    [InlineData("WHILE SEARCHING THE DAYROOM WE PAT FRISKED IIC MARCELLUS \"BOOG\" TREADWELL, WHO HAD A SHANK.", "IIC")]
    [InlineData("CASE FILE OPENED AND THE SUPERVISOR, SSA HENRIETTA VOLKOV-ADEYEMI, WAS NOTIFIED BY PHONE.", "SSA")]
    public void ARolesLettersBeforeANameAreNoPartOfIt(string text, string letters)
    {
        var people = Found(text, PiiLabel.Person);
        Assert.NotEmpty(people);
        Assert.DoesNotContain(people, p => p.StartsWith(letters, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("RAN HOT ON A 2 LANE HWY WITH NO SHOULDER AND A SEMI CAME AROUND THE BEND AT US.")]
    [InlineData("We were stopped on a 4 lane road near the on-ramp when the pickup drifted at us.")]
    [InlineData("the rear tires are the drive wheels, not all four on a 2 wheel drive. that is why it spun out on me.")]
    public void ACountOfLanesOrWheelsIsNoAddress(string text) =>
        Assert.Empty(Found(text, PiiLabel.Address));

    [Fact]
    public void AHouseNumberOnALaneIsStillAnAddress() =>
        Assert.Contains("1418 Lane Road", Found("We were sent to 1418 Lane Road for a man with a rifle on the porch.", PiiLabel.Address));

    [Fact]
    public void ACalibresCalIsNoPerson() =>
        Assert.DoesNotContain("CAL", Any("SUSPECT ID'D AS TORIANO BLACKWOOD, B/M, DOB 02/03/1997. 5 .40 CAL CASINGS RECOVERED. LESSONS LEARNED: WAIT FOR BACKUP."));

    [Fact]
    public void ACarsNumberBeforeInTheLaneIsTheCars() =>
        Assert.Contains("6318", Found("ROAD WAS ICE. WE PARKED CAR 6318 IN THE LEFT LANE WITH ALL LIGHTS ON AND A TRUCK SLID INTO IT.", PiiLabel.VehicleId));

    [Fact]
    public void ABeatsNumberBeforeInTheIsTheBadge() =>
        Assert.Contains("2041", Found("i was working beat 2041 in the 4th district with my partner when the call came out", PiiLabel.BadgeId));

    [Fact]
    public void ALengthInInchesAfterACarsWordIsNoFleetNumber() =>
        Assert.DoesNotContain("12", Found("The car 12 in front of us stopped short and we nearly hit it.", PiiLabel.VehicleId));

    [Theory]
    [InlineData("so i was driving car g-204 that night and we had van m-17 behind us on the county road the whole way", "g-204")]
    [InlineData("so i was driving car g-204 that night and we had van m-17 behind us on the county road the whole way", "m-17")]
    public void ALetteredFleetNumberInLowerCaseIsAVehicles(string text, string expected) =>
        Assert.Contains(expected, Found(text, PiiLabel.VehicleId));

    [Theory]
    [InlineData("we light up a gray corolla with tennessee plate 713 qwv on the frontage road and the driver bails", "713 qwv")]
    [InlineData("the car was a georgia tag pvz k41. lesson is dont chase them into the swamp at night", "pvz k41")]
    public void APlateInLowerCaseKeepsItsLetters(string text, string expected) =>
        Assert.Contains(expected, Found(text, PiiLabel.Plate));

    [Fact]
    public void AWordAfterAPlatesDigitsStaysOut() =>
        Assert.Contains("713", Found("we light up a gray corolla, i call out plate 713 sgt ruiz writes it down and the driver bails", PiiLabel.Plate));

    [Fact]
    public void AHandlersOwnK9NamedOnceAsItActsIsNamed() =>
        Assert.Contains("moose", Found("it was late and my k9 moose was in my car going nuts while i fought the guy in the ditch", PiiLabel.OtherId));

    [Fact]
    public void ATownJoinedByOrToAPlaceFoundIsAPlace() =>
        Assert.Contains("kanab", Found("closest trauma center is up in st george or kanab, so an hour either way and the bird was grounded", PiiLabel.Location));

    [Fact]
    public void AStreetAfterAJoinedRoadIsStillTheCorner() =>
        Assert.Contains("SR-189 AND MARIPOSA RD", Any("ON THE ABOVE DATE I WAS PARKED AT SR-189 AND MARIPOSA RD OBSERVING TRAFFIC WHEN A TRUCK PASSED."));

    [Fact]
    public void ARolesGivenNameThatIsAWordBeforeASurnameIsAPerson() =>
        Assert.Contains("wade kingman", Found("so we stop the truck and the driver was wade kingman and the passenger was his cousin, both drunk as hell", PiiLabel.Person));

    [Theory]
    [InlineData("me n my partner jaylen okafor working the east side that night when the call came in about a gun", "jaylen okafor")]
    [InlineData("we were out with deputy carla hendricks near eutaw when the boat came at us with no lights on", "carla hendricks")]
    public void ANameDoesNotRunOnIntoWhatItsBearerDidOrWhere(string text, string expected) =>
        Assert.Contains(expected, Found(text, PiiLabel.Person));

    [Fact]
    public void ASurnameOfTwoWordsKeepsItsFirst() =>
        Assert.Contains("charles running crane", Found("twelve one in custody, the driver is a charles running crane and hes yelling at us from the back", PiiLabel.Person));

    [Fact]
    public void AGivenBackTownAfterANameIsTheAgencys()
    {
        const string text = "ok this is officer kaylee brandvold blanding pd, call sign b-7. it was around noon when we got the call";
        Assert.Contains("kaylee brandvold", Found(text, PiiLabel.Person));
        Assert.Contains("blanding pd", Found(text, PiiLabel.Agency));
    }

    [Theory]
    [InlineData("the neighbor says the goat herder is on his lease again and hes got a rifle across his lap the whole time")]
    [InlineData("he was sitting on his four wheeler with a lever gun and i put my hand on the four wheeler to talk to him")]
    [InlineData("she had that real sunday school teacher voice, calm, and the guy just put the bat down and sat")]
    [InlineData("The woman had a cut hand from a broken Seagram bottle and did not want to press charges.")]
    public void SetPhrasesOfWheelsHerdersSundaysAndBottlesAreNoPii(string text) =>
        Assert.Empty(Any(text));

    [Fact]
    public void APlaceOfOnesOwnInOrdinaryWordsIsNoPlace() =>
        Assert.Empty(Found("i'm a detention deputy on nights at our county jail and we had an inmate on watch who got a sheet and nearly hung himself", PiiLabel.Location));

    [Fact]
    public void ACallSignAfterANameIsNoPartOfIt()
    {
        const string text = "he rolled it into the ditch and a park ranger ingrid holmquist call sign 604 got him blocked in at the bridge";
        Assert.Contains("ingrid holmquist", Found(text, PiiLabel.Person));
        Assert.Contains("604", Found(text, PiiLabel.BadgeId));
    }

    [Fact]
    public void AStreetWordAfterAVerbIsNoStreet() =>
        Assert.Empty(Found("i was dragging him out myself and my patrol car 4471 was parked way behind me doing nothing useful at all", PiiLabel.Address));

    [Fact]
    public void ACallSignOfTwoPartsBeforeInIsTheBadge() =>
        Assert.Contains("3-208", Found("HEAVY SNOW, WIND GUSTING 40+. I WAS CALL SIGN 3-208 IN PATROL CAR 1174, PARKED BEHIND THE PLOW.", PiiLabel.BadgeId));

    [Theory]
    [InlineData("My unit was 2B-17, and the second car was still ten minutes out when he came at me.", "2B-17")]
    [InlineData("Nobody got hurt. Our incident number was 24-0912-SO if anyone wants to pull it.", "24-0912-SO")]
    public void AValueAfterWasIsTheKeywords(string text, string expected) =>
        Assert.Contains(expected, Any(text));

    [Theory]
    [InlineData("Dispatch said the next unit was 45 out, so I held at the corner and waited.")]
    [InlineData("We stacked on the door and I was number two, the shield was #1, and the sarge was last.")]
    public void ACountAfterWasIsNoBadge(string text) =>
        Assert.Empty(Found(text, PiiLabel.BadgeId));

    [Theory]
    [InlineData("Ptl. Rosalind St. Pierre #2231 came in from the other side. St. Pierre was right behind him.", "Rosalind St. Pierre")]
    [InlineData("my partner deputy marcus st. clair was behind me and st. clair yelled gun", "marcus st. clair")]
    public void ASaintsWordBeforeASurnameIsTheSurnames(string text, string expected) =>
        Assert.Contains(expected, Found(text, PiiLabel.Person));

    [Fact]
    public void AHouseNumberBeforeASaintsStreetStaysApart() =>
        Assert.DoesNotContain(Found("we drove down to 1200 St. Pierre and parked at the curb.", PiiLabel.Person), p => p.StartsWith("St", StringComparison.Ordinal));

    [Fact]
    public void AReportsVerbOpeningASentenceIsNoPartOfThePlace()
    {
        var places = Found("12/22/23 APPROX 1740 HRS. ASSIGNED GIRARD STATION ON THE EL, CALLED FOR A MAN WITH A KNIFE ON THE PLATFORM.", PiiLabel.Location);
        Assert.NotEmpty(places);
        Assert.DoesNotContain(places, p => p.StartsWith("ASSIGNED", StringComparison.Ordinal));
    }

    [Fact]
    public void AnAdjectiveOpeningAnAgencysNameStays() =>
        Assert.Contains("UNITED STATES PARK POLICE", Any("UNITED STATES PARK POLICE\nPress Release - Monday. An officer was struck on the parkway."));

    [Theory]
    [InlineData("Nobody got hurt, we laughed about it after, and the sergeant bought the next round of Arnold Palmers.")]
    [InlineData("The afternoon was the Bill Drill and El Presidente, and one shooter had a squib load nobody caught.")]
    [InlineData("his wife called, a real Karen type, and wanted the supervisor before we had even cuffed him.")]
    public void DrinksDrillsAndTypesNamedForSomeoneAreNoPii(string text) =>
        Assert.Empty(Any(text));

    [Fact]
    public void ACarsNumberWrittenAgainAloneIsTheCars()
    {
        var cars = Found("ROADS ICED OVER. WE PARKED CAR 6318 IN THE LEFT LANE WITH ALL LIGHTS ON. A PICKUP SLID INTO THE REAR OF 6318 AND SPUN OUT.", PiiLabel.VehicleId);
        Assert.Equal(["6318", "6318"], cars);
    }

    [Theory]
    [InlineData("Officer Dyer and inmate Rafael Quintero-Baez, number 02281947, came out of the shower swinging.", "02281947")]
    [InlineData("OFFENDER TAVON REDDICK (OID 318842) REFUSED TO LOCK IN AND CAME AT THE DOOR.", "318842")]
    public void ALongNumberStandingAloneIsAnId(string text, string expected) =>
        Assert.Contains(expected, Found(text, PiiLabel.OtherId));

    [Theory]
    [InlineData("The county put 2400000 dollars into the new jail and it still floods every spring.")]
    [InlineData("The video of the crash got 1300000 views before the department asked for it to come down.")]
    public void ALongNumberThatCountsIsNoId(string text) =>
        Assert.Empty(Found(text, PiiLabel.OtherId));
}
