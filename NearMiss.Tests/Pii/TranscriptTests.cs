using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Radio traffic, logs and interviews read aloud (decision 070), through the rules alone: ids said again in words,
/// times that open a log's lines in words, spellings with hyphens, a date of birth answered; and what stays quiet.
/// </summary>
public sealed class TranscriptTests
{
    private static readonly LocalPiiDetector Rules = LocalPiiDetector.WithTagger(null);

    private static string[] Found(string text, PiiLabel label) =>
        [.. Rules.Detect(text).Where(s => s.Label == label).Select(s => text[s.Start..s.End])];

    [Theory]
    [InlineData("2214 G-412: Troop G, four twelve.\nTROOP G: Four twelve, go.", "four twelve", "Four twelve")]
    [InlineData("Ofc. Devon Grant #1187\nGRANT: One one eight seven, priority.\nDISPATCH: eleven eighty-seven copy.", "One one eight seven", "eleven eighty-seven")]
    [InlineData("Yellow Horse (#204) was out.\nDISPATCH: Two-oh-four is coming from the north.", "Two-oh-four")]
    public void BadgesFoundInDigitsAreFoundSaidAgain(string text, params string[] said)
    {
        var badges = Found(text, PiiLabel.BadgeId);
        foreach (var s in said)
        {
            Assert.Contains(s, badges);
        }
    }

    [Theory]
    [InlineData("Ofc. Grant #1187 says the phone is nine one one eight seven.")] // a longer run holds the digits: another number
    [InlineData("Ofc. Grant #1187 took one, then one eight seven more.")] // a comma parts two numbers
    public void NumbersThatAreNotTheIdSaidWholeAreLeft(string text) =>
        Assert.Equal(["1187"], Found(text, PiiLabel.BadgeId));

    [Fact]
    public void ALogReadAloudHasItsTimesInWordsAtEveryLine()
    {
        const string text = "Shift log read in.\nEighteen hundred, on duty.\nEighteen forty, theft report.\nTwenty-one ten, traffic stop.\nTen twenty, DV call.\nEleven fifty, transport.";
        Assert.Equal(["Eighteen hundred", "Eighteen forty", "Twenty-one ten", "Ten twenty", "Eleven fifty"], Found(text, PiiLabel.Time));
    }

    [Fact]
    public void AnHourUnderThirteenOpeningALineIsNoTimeOutsideALog() =>
        Assert.Empty(Found("Notes from the class.\nTen twenty, that's how many rounds we fired.\nEleven fifty, the bill.", PiiLabel.Time));

    [Theory]
    [InlineData("MALE: Warsame. Abdiqani.\nOFC. GRANT: Okay. Spell the last name?\nMALE: W-A-R-S-A-M-E.", "W-A-R-S-A-M-E")]
    [InlineData("The RP was a Mrs. Pletnikoff, and she spelled it out twice for dispatch: p-l-e-t-n-i-k-o-f-f.", "p-l-e-t-n-i-k-o-f-f")]
    public void NamesSpelledWithHyphens(string text, string expected) => Assert.Contains(expected, Found(text, PiiLabel.Person));

    [Theory]
    [InlineData("We ran the S-W-A-T drill at the range.")]
    [InlineData("Mark the box T-B-D until the lab calls.")]
    public void LettersWithHyphensNoOneAskedToSpellAreNoName(string text) => Assert.Empty(Found(text, PiiLabel.Person));

    [Theory]
    [InlineData("OFC. GRANT: Date of birth?\nMALE: Nine nine ninety-eight.\nOFC. GRANT: Okay.", "Nine nine ninety-eight")]
    [InlineData("me: DOB?\nhim: uh march third ninety one\nme: thanks", "march third ninety one")]
    public void ADateOfBirthAnswered(string text, string expected) => Assert.Contains(expected, Found(text, PiiLabel.Date));

    [Fact]
    public void ADateOfBirthNotAnsweredWithNumbersIsNoDate() =>
        Assert.Empty(Found("OFC. GRANT: Date of birth?\nMALE: I don't know it, man.", PiiLabel.Date));

    [Theory]
    [InlineData("Airport PD, mid shift, typed on my phone in the break room.")]
    [InlineData("AIRPORT PD - RADIO TRAFFIC, as heard")]
    [InlineData("throwaway acct. airport pd at the big one. ARFF handled the fire.")]
    public void AirportPoliceNoNameSaysAreAKind(string text) => Assert.Empty(Rules.Detect(text));

    [Theory]
    [InlineData("A Los Angeles Airport Police officer was hurt, according to an Airport Police spokesperson.", "Airport Police")]
    [InlineData("cleared and released. msp airport pd cad 24-0018", "msp airport pd")]
    public void AirportPoliceNamedStayAnAgency(string text, string expected) => Assert.Contains(expected, Found(text, PiiLabel.Agency));

    [Fact]
    public void AnInterviewersLabelIsNoName() =>
        Assert.Empty(Found("INT: Okay, we're recording.\nINT: Who built the diagram?", PiiLabel.Person));

    [Theory]
    [InlineData("officer hope sterling, west precinct, seattle p d. call sign two david twenty two", "seattle p d")]
    [InlineData("the deputy from pennington county s o came out", "pennington county s o")]
    public void AgenciesWithTheirLettersSpelled(string text, string expected) => Assert.Contains(expected, Found(text, PiiLabel.Agency));

    [Theory]
    [InlineData("0214:05 ADAM12: adam one two, traffic, Division and Francis", "ADAM12")]
    [InlineData("0217:02 SAM40: Sam forty, David seven status", "SAM40")]
    [InlineData("ADAM12: copy that, en route", "ADAM12")]
    public void ACallSignWrittenAsOneWordOpeningALogLine(string text, string expected) => Assert.Contains(expected, Found(text, PiiLabel.BadgeId));

    [Theory]
    [InlineData("the AR15 was in the trunk")]
    [InlineData("GLOCK19 in the bag: yes")]
    public void AModelWrittenAsOneWordIsNoCallSign(string text) => Assert.Empty(Found(text, PiiLabel.BadgeId));

    [Theory]
    [InlineData("gray Dodge Ram, Louisiana plate Baker Kilo Lima four one nine, headed east", "Baker Kilo Lima four one nine")]
    [InlineData("white dodge ram, nebraska plate seven baker eight eight one, westbound", "seven baker eight eight one")]
    public void APlateSpelledWithBaker(string text, string expected) => Assert.Contains(expected, Found(text, PiiLabel.Plate));

    [Theory]
    [InlineData("A. Okay so on uh March the twenty second, twenty twenty four, I was working days.", "twenty twenty four")]
    [InlineData("So this was um January, the twentieth, about nine p.m.", "twentieth")]
    [InlineData("So on uh Halloween, the thirty first, on the el.", "thirty first")]
    public void ADaySaidAfterAMonthAndAComma(string text, string expected) => Assert.Contains(expected, Found(text, PiiLabel.Date));

    [Theory]
    [InlineData("On Tuesday, the first car came in late.")]
    [InlineData("on Tuesday, twenty officers showed up")]
    public void AnOrdinalOrACountAfterADayIsNoDate(string text) => Assert.Equal(["Tuesday"], Found(text, PiiLabel.Date));

    [Theory]
    [InlineData("He's drinking since like eight o'clock. He won't stop.", "eight o'clock")]
    [InlineData("we didnt get dispatched till five twenty six and by then he was gone", "five twenty six")]
    [InlineData("At 9 o'clock we cleared.", "9 o'clock")]
    public void ATimeSaidBeforeOClockOrAfterTill(string text, string expected) => Assert.Contains(expected, Found(text, PiiLabel.Time));

    [Theory]
    [InlineData("I had him at my 2 o'clock for six minutes")] // a direction
    [InlineData("after two twenty rounds he stopped shooting")] // a count
    public void DirectionsAndCountsAreNoTime(string text) => Assert.Empty(Found(text, PiiLabel.Time));

    [Theory]
    [InlineData("this is sergeant will bishop yellowstone county s o, about the stop", "will bishop", "yellowstone county s o")]
    [InlineData("this is deputy dan kowalski pima county s o calling", "dan kowalski", "pima county s o")]
    public void AFullNameStopsBeforeACountysAgency(string text, string person, string agency)
    {
        Assert.Contains(person, Found(text, PiiLabel.Person));
        Assert.Contains(agency, Found(text, PiiLabel.Agency));
    }

    [Theory]
    [InlineData("trooper hollis grant, badge two two four seven, o h p troop c. so this was tuesday", "o h p troop c")]
    [InlineData("i work for w s p out of the bellingham office", "w s p")]
    public void PatrolsWithTheStatesLettersSpelled(string text, string expected) => Assert.Contains(expected, Found(text, PiiLabel.Agency));

    [Theory]
    [InlineData("the truck makes three hundred h p stock")] // no state's letters before: horsepower
    [InlineData("we called h p for the crash")]
    [InlineData("plate was k s p four one two")] // a plate's letters before its number
    public void PatrolLettersWithoutAStateAreNoAgency(string text) => Assert.Empty(Found(text, PiiLabel.Agency));

    [Theory]
    [InlineData("i stopped a silver altima eastbound on i forty mile marker one eighteen just east of town", "i forty")]
    [InlineData("he was out on f m nineteen seventy four past the gin", "f m nineteen seventy four")]
    [InlineData("i stopped a maroon impala on b i a twenty seven about two miles", "b i a twenty seven")]
    public void RoadsSaidWithTheirLettersOrBeforeAMileMarker(string text, string expected) => Assert.Contains(expected, Found(text, PiiLabel.Location));

    [Theory]
    [InlineData("a white tacoma northbound one oh one near the exit", "one oh one")]
    [InlineData("about two a m, I'm southbound sixty three at the one oh four", "sixty three", "one oh four")]
    [InlineData("he was in pursuit eastbound on the two eighty eight toward downtown", "two eighty eight")]
    [InlineData("im coming down the one ninety six on ramp", "one ninety six")]
    [InlineData("she was on the one oh one freeway by then", "one oh one")]
    public void RoadsSaidByNumberAfterADirectionOrBeforeARoadsWord(string text, params string[] roads)
    {
        var found = Found(text, PiiLabel.Location);
        foreach (var road in roads)
        {
            Assert.Contains(road, found);
        }
    }

    [Theory]
    [InlineData("he was going northbound at sixty")] // a speed
    [InlineData("we were eastbound two miles out")] // a count
    [InlineData("northbound on the four lane, speeds about 90")]
    [InlineData("he turned eastbound one block up")]
    [InlineData("we got to the two thirty briefing late")] // no direction, no road's word
    public void SpeedsCountsAndTimesAreNoRoad(string text) => Assert.Empty(Found(text, PiiLabel.Location));

    [Theory]
    [InlineData("we ran on a b twenty minutes later")] // letters that are no road's system
    [InlineData("he walked on i forty miles that night")] // a count after the number
    public void SpelledLettersOrCountsAreNoRoad(string text) => Assert.Empty(Found(text, PiiLabel.Location));

    [Theory]
    [InlineData("this is kasia kowalczyk chicago p d, badge four one")] // a person found before the letters is no part of the agency
    [InlineData("we had to assist the p d on it")]
    public void SpelledLettersTakeNoPersonOrWordIntoAnAgency(string text) =>
        Assert.DoesNotContain(Found(text, PiiLabel.Agency), a => a.Contains("kasia", StringComparison.Ordinal) || a.Contains("assist", StringComparison.Ordinal));

    [Fact]
    public void AnAddressSaidAfterAddressNeedsNoStreetType() =>
        Assert.Contains("fifty four twenty two south Natoma", Found("about nine thirty. Address was fifty four twenty two south Natoma. Female caller said", PiiLabel.Address));

    [Fact]
    public void NineDigitsSaidAfterSocialAreAnSsn() =>
        Assert.Contains("nine one two six six four four one eight", Found("so he gave me his social, nine one two six six four four one eight, and it came back", PiiLabel.Ssn));

    [Fact]
    public void AnEmailSaidAfterItIs() =>
        Assert.Contains("l carrasco at cbp dhs dot example dot gov", Found("Call me back, or email, it's l carrasco at cbp dhs dot example dot gov. Thanks.", PiiLabel.Email));

    [Fact]
    public void AShortDayBeforeAMonthAndAComma() =>
        Assert.Equal(["Mon", "Sep 9"], Found("From: Unknown\nMon, Sep 9, 5:03 PM\nHey, this is Agent", PiiLabel.Date));

    [Theory]
    [InlineData("He went to Denver, CO for the class", "Denver")]
    [InlineData("We drove out to Liberty, Missouri for it", "Liberty")]
    public void APlaceNamedLikeAWordBeforeItsState(string text, string expected) => Assert.Contains(expected, Found(text, PiiLabel.Location));

    [Fact]
    public void AnAgeInASexRaceAndAgeCodeWithTwoLettersForRace() =>
        Assert.Contains("29", Found("Son, Kee Begay, M/NA/29, was on scene.", PiiLabel.Age));

    [Fact]
    public void ARaceIsNoPlace() =>
        Assert.Empty(Found("Male, Rolando Chavira, Hispanic male, thirty-three, opened the door", PiiLabel.Location));

    [Theory]
    [InlineData("we got stopped on route two just east of liberty at mile marker forty one", "liberty")]
    [InlineData("the cabin is about six miles north of porcupine, off the county road", "porcupine")]
    public void ATownNamedLikeAWordAfterADirectionsOf(string text, string expected) => Assert.Contains(expected, Found(text, PiiLabel.Location));

    [Theory]
    [InlineData("we were a mile east of union street when it came out")]
    [InlineData("just north of the bridge we stopped")]
    public void AStreetOrAThingAfterADirectionsOfIsNoTown(string text) => Assert.Empty(Found(text, PiiLabel.Location));

    [Theory]
    [InlineData("call came out man with a knife inside zielinski's bakery on the south side", "zielinski's bakery")]
    [InlineData("Launch behind Boudreaux's Bait & Ice on the bayou.", "Boudreaux's Bait & Ice")]
    [InlineData("we had a wreck just past cornett's market coming into town", "cornett's market")]
    public void AShopNamedAfterItsOwner(string text, string expected) => Assert.Contains(expected, Found(text, PiiLabel.Location));

    [Theory]
    [InlineData("the medic went into mom's kitchen to get a towel")]
    [InlineData("the round went through Young's body armor")]
    public void AWordsOrAPersonsThingIsNoShop(string text) => Assert.Empty(Found(text, PiiLabel.Location));

    [Theory]
    [InlineData("my cover officer was officer grant young that day", "grant young")]
    [InlineData("officer hope sterling, west precinct", "hope sterling")]
    public void AGivenNameAndSurnameInLowerCaseAfterARank(string text, string expected) => Assert.Contains(expected, Found(text, PiiLabel.Person));

    [Theory]
    [InlineData("the officer will say it was fine")]
    [InlineData("officer mark said so and left")]
    public void ARankBeforeWordsOfSpeechIsNoName(string text) => Assert.Empty(Found(text, PiiLabel.Person));

    [Theory]
    [InlineData("by the uh the whataburger on calloway boulevard and then", "calloway boulevard")]
    [InlineData("he bailed from a stolen ram on brewer road heading north", "brewer road")]
    [InlineData("i watched him limp it up the ramp onto twenty seventh street and", "twenty seventh street")]
    public void AStreetInLowerCaseWithItsTypeInFull(string text, string expected) => Assert.Contains(expected, Found(text, PiiLabel.Address));

    [Theory]
    [InlineData("we drove on dirt road for a mile and he ran down the street")]
    [InlineData("we came down county road until the check road sign")]
    [InlineData("we found him on a remote McDowell County road at dusk")]
    public void ARoadOfAKindIsNoStreet(string text) => Assert.Empty(Found(text, PiiLabel.Address));

    [Theory]
    [InlineData("trooper ruelas, pima county s o district four, got the call", "pima county s o district four")]
    [InlineData("this is kasia, chicago p d eighth district, on the burglary pattern", "chicago p d eighth district")]
    public void ASubUnitAfterAnAgencyInLowerCase(string text, string expected) => Assert.Contains(expected, Found(text, PiiLabel.Agency));

    [Theory]
    [InlineData("vehicle was a gray tahoe texas plate lkj four four one", "texas")]
    [InlineData("partial plate illinois p six zero, didn't get the rest", "illinois")]
    [InlineData("got a warrant out of pottawattamie co iowa. lessons: radio", "iowa")]
    public void AStateInLowerCase(string text, string expected) => Assert.Contains(expected, Found(text, PiiLabel.Location));

    [Theory]
    [InlineData("kim anh nguyen, twenty two, d o b four nineteen oh two", "four nineteen oh two")]
    [InlineData("date was november eighth twenty twenty three, around nine", "twenty twenty three")]
    public void DatesSaidAfterSpelledLettersOrADay(string text, string expected) => Assert.Contains(expected, Found(text, PiiLabel.Date));

    [Theory]
    [InlineData("ROLL CALL TRAINING\n\nITEM 1 — CLOSE CALL ON THE AOA\n\nITEM 2 — THE SUBJECT")]
    [InlineData("The officer was task-saturated: the PD channel and the airfield freq at once.")]
    [InlineData("Blue guns only. \"Code Red\" stops the scenario immediately.")]
    [InlineData("TWO MAGAZINES OF WINCHESTER 147 GR. 3. TRAINING POINTS.")]
    [InlineData("AIRPORT PD: Ground, airport police, request to cross.\nGROUND: Airport police, hold short.")]
    public void ListNumbersCodesAndADepartmentsLettersAloneAreQuiet(string text) => Assert.Empty(new LocalPiiDetector().Detect(text));

    [Theory]
    [InlineData("i'm a patrol officer with i s u p d and we got the call", "i s u p d")]
    [InlineData("i work for s a p d, westside patrol", "s a p d")]
    public void AnAgencysLettersSpelled(string text, string expected) => Assert.Contains(expected, Found(text, PiiLabel.Agency));

    [Theory]
    [InlineData("we had to call a p d for it")]
    [InlineData("report number is h p d two three one one two four")]
    public void SpelledLettersOfAnArticleOrACaseNumberAreNoAgency(string text) => Assert.Empty(Found(text, PiiLabel.Agency));

    [Fact]
    public void ACallSignSaidAtATurnsStartBeforeARadioWord() =>
        Assert.Contains("adam twelve", Found("[00:00:04] OFC. NGUYEN: adam twelve on scene at the house", PiiLabel.BadgeId));

    [Theory]
    [InlineData("r/ProtectAndServe • Posted by razorback_deputy_09 • 6h", "razorback_deputy_09")]
    [InlineData("Post #2 · Grant_in_Garden_City\nWe had the same thing.", "Grant_in_Garden_City")]
    public void AForumHandleWithUnderscores(string text, string expected) => Assert.Contains(expected, Found(text, PiiLabel.OtherId));

    [Theory]
    [InlineData("    [–] u/redwood_rural_deputy · 14 pts · 3d\nSame here.", "redwood_rural_deputy")]
    [InlineData("[–] u/TwinCitiesTAC · 9 pts\nWe do it that way too.", "TwinCitiesTAC")]
    [InlineData("Original post by BakerCoK9 (member since spring)\nWe had a bite", "BakerCoK9")]
    [InlineData("---\nOldSarge_Ret wrote:\n> I should have waited", "OldSarge_Ret")]
    [InlineData("thanks all\n\nCornfieldDep319 wrote:\n> Did you call it in", "CornfieldDep319")]
    public void AForumHandleWhereForumsPutThem(string text, string expected) => Assert.Contains(expected, Found(text, PiiLabel.OtherId));

    [Theory]
    [InlineData("The report was written by Sergeant Mills from the day shift.")] // a name after "by" is no handle
    [InlineData("I wrote: never again. The LT wrote back.")]
    public void NoHandleWithoutAForumsPlaceAndShape(string text) => Assert.Empty(Found(text, PiiLabel.OtherId));

    [Theory]
    [InlineData("the form's street_name and client_ip fields were blank")]
    [InlineData("email me at john_doe@example.com or open my_file.txt")]
    public void FieldNamesFilesAndAddressesAreNoHandle(string text) => Assert.Empty(Found(text, PiiLabel.OtherId));
}
