using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Decision 086: a unit's digits said right after its agency, units listed after one found, dogs named after "my dog",
/// an agency's car by number, a train's coach and a vessel's letters; an age set right in speech and an age after a name
/// the tagger grew; a letter among a case number's digits said; handles and initials in chats. And quiet: the fillers of
/// speech are no surnames, a maker's name in the plural is its gear, vehicles' models that are words, a place's name
/// after "a" that closes its phrase is a thing's.
/// </summary>
public sealed class CallsAfterAgenciesAndThingsNamedLikePlacesTests
{
    private static readonly LocalPiiDetector Rules = LocalPiiDetector.WithTagger(null);
    private static readonly LocalPiiDetector Full = new();

    private static string[] Found(LocalPiiDetector detector, string text, PiiLabel label) =>
        [.. detector.Detect(text).Where(s => s.Label == label).Select(s => text[s.Start..s.End])];

    private static string[] Names(LocalPiiDetector detector, string text) =>
        [.. Found(detector, text, PiiLabel.Person).Concat(Found(detector, text, PiiLabel.Location))];

    [Theory]
    [InlineData("trooper pulled his weapon and state two one six trooper hakeem ballantyne was there", "two one six")]
    [InlineData("first transmission is me transit two four to radio i'm out at the station", "two four")]
    [InlineData("then nye county sheriff's office one two says he's coming from the north end", "one two")]
    public void AUnitsDigitsSaidAfterItsAgencyAreItsCallSign(string text, string expected) => Assert.Contains(expected, Found(Full, text, PiiLabel.BadgeId));

    [Fact]
    public void TheCallSignSaidAgainAloneIsFoundToo() =>
        Assert.Equal(["two four", "two four"], Found(Full, "it's me transit two four to radio and radio says copy two four then i ask for a check", PiiLabel.BadgeId));

    [Theory]
    [InlineData("we took state one oh one north out of town")]
    [InlineData("the train was transit two four minutes late that night")]
    [InlineData("we were on state two one for a while")]
    public void ARoadsOrACountsNumberAfterStateIsNoCallSign(string text) => Assert.Empty(Found(Full, text, PiiLabel.BadgeId));

    [Fact]
    public void NyeCountyIsNoNewYearsEve() => Assert.Empty(Found(Full, "then nye county sheriff's office one two says he's coming", PiiLabel.Date));

    [Theory]
    [InlineData("k nine unit four kilo twelve my dog is chief it's zero four ten on wednesday", "chief")]
    [InlineData("so me and my partner janelle and her dog pepper we get sent to a burglary", "pepper")]
    [InlineData("this is the k9 handler with my dog moose it is uh late", "moose")]
    public void ADogNamedAfterMyDogIsFound(string text, string expected) => Assert.Contains(expected, Found(Full, text, PiiLabel.OtherId));

    [Theory]
    [InlineData("k nine unit again and my dog is tired it's been a long night")]
    [InlineData("k9 call out and my dog is barking we can hear it")]
    [InlineData("k9 was walking up, was looking at his dog lol. the guy was drunk")]
    public void HowADogIsIsNoName(string text) => Assert.Empty(Found(Full, text, PiiLabel.OtherId));

    [Theory]
    [InlineData("working for iowa state university police car nineteen and we got a call", "nineteen")]
    [InlineData("this is the hoosick falls police department car three uh this was late", "three")]
    [InlineData("conductor on the eastbound, pax in coach 34117 threatening ppl", "34117")]
    [InlineData("Unit: Patrol Vessel PV-614\nDate/Time: October 4, 0540 Hrs", "PV-614")]
    public void AVehicleByItsNumberIsFound(string text, string expected) => Assert.Contains(expected, Found(Rules, text, PiiLabel.VehicleId));

    [Fact]
    public void AFootballCoachsYearsAreNoVehicle() => Assert.Empty(Found(Rules, "my coach 2 years ago said the same", PiiLabel.VehicleId));

    [Fact]
    public void UnitsListedAfterOneFoundAreFound() =>
        Assert.Equal(["231B", "234B", "231B"], Found(Rules, "01:06 ARMED ROBBERY IN PROGRESS\n01:07 UNITS 231B 234B DISP\n01:09 231B ARR", PiiLabel.BadgeId));

    [Theory]
    [InlineData("a white male says he's fifty three no fifty four okay whatever gave me the name", "fifty four")]
    [InlineData("he's sixty something says sixty two first name arliss wouldn't give", "sixty two")]
    public void AnAgeSetRightInSpeechIsFound(string text, string expected) => Assert.Contains(expected, Found(Rules, text, PiiLabel.Age));

    [Fact]
    public void AnAgeAfterANameTheTaggerGrewIsFound() =>
        Assert.Contains("twenty two", Found(Full, "float trip people fighting and one guy harlan birdtail twenty two had a big fixed blade knife and we're on a gravel bar", PiiLabel.Age));

    [Fact]
    public void ALetterAmongACaseNumbersDigitsSaidIsPartOfIt() =>
        Assert.Contains("two four a three zero four four one", Found(Rules, "he was on the phone and he put it down case two four a three zero four four one", PiiLabel.CaseNumber));

    [Theory]
    [InlineData("rfitzgerald 01:40: on the train\nd.malik 01:44: fr wait. thats exactly", "d.malik")]
    [InlineData("[3:12 AM] J Renfro: track from the bailout on SR 60", "J Renfro")]
    [InlineData("[J Renfro] dog just went down into the ditch", "J Renfro")]
    public void AHandlesFirstPartAndAnInitialOpeningATurnArePartOfTheName(string text, string expected) => Assert.Contains(expected, Found(Full, text, PiiLabel.Person));

    [Fact]
    public void TheUnitedStatesLettersStayOutOfAName() =>
        Assert.DoesNotContain(Found(Full, "made an initial appearance Thursday before U.S. Magistrate Judge Patricia Hollings", PiiLabel.Person), name => name.StartsWith('U'));

    [Theory]
    [InlineData("it was raining like a cow on a flat rock um stopped a gray car")]
    [InlineData("we sat on a big rock um and waited for the tow")]
    public void AFillerIsNoSurname(string text) => Assert.Empty(Found(Full, text, PiiLabel.Person));

    [Theory]
    [InlineData("rook: copy. also my Oakleys are somewhere in that yard")]
    [InlineData("Got a bite on the boot, the Danners took it, thank the Lord.")]
    [InlineData("Remington 870s only until the Benellis are back from service.")]
    [InlineData("thirty foot biothane. also two new Kongs. and a ball")]
    public void AMakersNameInThePluralIsItsGear(string text) => Assert.Empty(Names(Full, text));

    [Theory]
    [InlineData("he was taken to Elmhurst Hospital in Queens, where he got stitches", "Queens")]
    [InlineData("the truck was stopped near the Bridge of the Americas port of entry", "Americas")]
    public void APlaceInThePluralStays(string text, string expected) => Assert.Contains(Names(Full, text), name => name.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void AVehiclesModelAloneIsNoName() => Assert.Empty(Names(Full, "jacket zipped over the vest. enclave comes off the ramp doing a hard left."));

    [Theory]
    [InlineData("cold out so we both had winter jackets (his was a Columbia, mine is a North Face)")]
    [InlineData("dispatchers call anything over 60 lbs a Saint Bernard, which is its own problem.")]
    [InlineData("my dog is Brutus, a Mal. Track started off a stolen car")]
    [InlineData("the Clinician stays out unless there's an Exigency.\nINTERVIEWER: Anything else")]
    public void APlacesNameAfterAThatClosesItsPhraseIsAThing(string text) => Assert.Empty(Found(Full, text, PiiLabel.Location));

    [Theory]
    [InlineData("Nadia Saliba, with a Leon County, FL warrant for agg assault", "Leon County")]
    [InlineData("Topic: Off-duty at a Wawa, guy from an old arrest walks up", "Wawa")]
    [InlineData("it was the second time this year that a Chicago officer has been dragged", "Chicago")]
    public void APlaceAfterAThatNamesSomethingElseStays(string text, string expected) => Assert.Contains(Found(Full, text, PiiLabel.Location), place => place.Contains(expected, StringComparison.Ordinal));

    [Fact]
    public void ALipOfDipAndABigMacAreNoNames() =>
        Assert.Empty(Names(Full, "Carhartt jacket, Cowboys cap, lip full of Copenhagen. after we hit the drive-thru, Dr Pepper and a Big Mac. 10-7"));

    [Fact]
    public void AllUnitsAndAUnitsDigitsAreACallSign() => Assert.Contains("two two", Found(Full, "copy all units two two needs cover at the crossing", PiiLabel.BadgeId));

    [Theory]
    [InlineData("we had him on a handgun charge back in april he had a loaded pistol", "april")]
    [InlineData("three wrong ways on that stretch since may so it's not rare anymore", "may")]
    public void AMonthAloneInSpeechBeforeTheNextClauseIsADate(string text, string expected) => Assert.Contains(expected, Found(Rules, text, PiiLabel.Date));

    [Fact]
    public void AMonthThatIsAWordStaysAWordWithoutItsLead() => Assert.Empty(Found(Rules, "you may so it goes and we march on", PiiLabel.Date));

    [Fact]
    public void ACaseNumbersLettersSaidFirstArePartOfIt() =>
        Assert.Contains("a c s o two four dash one two two six", Found(Rules, "they are changing the policy and it's under report a c s o two four dash one two two six", PiiLabel.CaseNumber));

    [Theory]
    [InlineData("a guy with a gun at the okefenokee cold storage on the side road", "okefenokee cold storage")]
    [InlineData("so we pull up at the kowalski terminal and walk the line", "kowalski terminal")]
    public void APremiseNamedInLowerCaseByItsHeadIsFound(string text, string expected) => Assert.Contains(expected, Found(Rules, text, PiiLabel.Location));

    [Theory]
    [InlineData("we cleared the rec center and the ferry terminal and the gas station")]
    [InlineData("he sat in the seg unit by the gas station")]
    public void AGenericPremiseIsNoName(string text) => Assert.Empty(Found(Rules, text, PiiLabel.Location));

    [Theory]
    [InlineData("Offender: VILLANUEVA, Jaime, TDCJ #02311458, Estelle Unit", "VILLANUEVA, Jaime")]
    public void ANameWrittenSurnameFirstIsOneSpan(string text, string expected) => Assert.Contains(expected, Found(Full, text, PiiLabel.Person));

    [Fact]
    public void APackOfAMakersGoodsIsNoPlace() => Assert.Empty(Names(Full, "He was asking for a Mountain Dew and a pack of Marlboros. He said he'd come out."));

    [Theory]
    [InlineData("then I'm at a wedding and they play Sweet Caroline and everybody sings")]
    [InlineData("A: I went to Cooper's color code, condition red, right there")]
    [InlineData("he brought donuts. Boston creams. Somebody had to")]
    public void SayingsSongsAndFoodsNamedAfterPeopleAndPlacesAreNoNames(string text) => Assert.Empty(Names(Full, text));

    [Fact]
    public void AHospitalNamedForTheGoodSamaritanStays() =>
        Assert.Contains("Good Samaritan Hospital", Found(Full, "He was transported to Good Samaritan Hospital for a 5150 evaluation.", PiiLabel.Location));

    [Fact]
    public void AnOrdinaryWordAndSoIsNoSheriffsOffice() =>
        Assert.Empty(Found(Full, "i pulled the airbag module with the bosch kit so you'll have the crash data", PiiLabel.Agency));

    [Fact]
    public void APlaceAndSoIsASheriffsOffice()
    {
        const string text = "3) rio arriba so only had 2 of us in the building that night";
        Assert.Contains(Full.Detect(text), span => text[span.Start..span.End].EndsWith("arriba so", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("officer: male with a knife\ndispatch: copy three twelve three oh four is coming from pine ridge", "three twelve three oh four")]
    [InlineData("trooper: i got a wrong way driver\ndispatch: copy two six one eight all units wrong way driver", "two six one eight")]
    public void AUnitsNumberSaidAfterCopyIsItsCallSign(string text, string expected) => Assert.Contains(expected, Found(Rules, text, PiiLabel.BadgeId));

    [Theory]
    [InlineData("dispatch: copy ten eighty, all units on this channel")]
    [InlineData("dispatch: copy two minutes out, stand by")]
    public void ATenCodeOrACountAfterCopyIsNoCallSign(string text) => Assert.Empty(Found(Rules, text, PiiLabel.BadgeId));

    [Theory]
    [InlineData("oh one forty nine port twelve advises responding from the ferry", "twelve")]
    [InlineData("twenty one oh six transit twenty four to dispatch im out on the light rail", "twenty four")]
    public void AUnitsNumberSaidWholeAfterItsAgencyBeforeWhatTheRadioSaysIsItsCallSign(string text, string expected) => Assert.Contains(expected, Found(Rules, text, PiiLabel.BadgeId));

    [Fact]
    public void ANumberSaidWholeAfterStateWithoutTheRadiosWordsIsNoCallSign() => Assert.Empty(Found(Rules, "the transit twenty four hours a day runs late", PiiLabel.BadgeId));

    [Theory]
    [InlineData("Sergeant Whitfield, seven oh one, en route to the scene to talk to him", "seven oh one")]
    [InlineData("dispatch: three two two four is en route from the north end", "three two two four")]
    [InlineData("five twenty two copies, i'm at the back door", "five twenty two")]
    public void AUnitsNumberSaidBeforeWhatTheRadioSaysOfAUnitIsItsCallSign(string text, string expected) => Assert.Contains(expected, Found(Rules, text, PiiLabel.BadgeId));

    [Theory]
    [InlineData("we were at twenty one ten en route to the hospital")]
    [InlineData("we left around nineteen forty en route to the jail")]
    public void ATimeBeforeEnRouteIsNoCallSign(string text) => Assert.Empty(Found(Rules, text, PiiLabel.BadgeId));

    [Theory]
    [InlineData("ten after three. cant sleep again so im doing this", "ten after three")]
    [InlineData("it was a Sunday night, quarter past eleven or so, got sent to a shoplift", "quarter past eleven")]
    [InlineData("new years eve about ten to midnight on the mile road", "ten to midnight")]
    [InlineData("I want to say quarter to one, so technically Wednesday", "quarter to one")]
    public void ATimeSaidAsTheClocksFaceReadsIsATime(string text, string expected) => Assert.Contains(expected, Found(Rules, text, PiiLabel.Time));

    [Theory]
    [InlineData("i'd say ten to one he runs before we get there")]
    [InlineData("he got five to ten years for the robbery")]
    [InlineData("there were ten to twelve people in the yard")]
    public void OddsAndRangesAreNoTime(string text) => Assert.Empty(Found(Rules, text, PiiLabel.Time));

    [Theory]
    [InlineData("my daughter turns nine on saturday and i cant even think", "nine")]
    [InlineData("he turned 21 last week and got his first beer", "21")]
    [InlineData("she just turned sixteen.", "sixteen")]
    public void TheAgeAPersonTurnsIsAnAge(string text, string expected) => Assert.Contains(expected, Found(Rules, text, PiiLabel.Age));

    [Theory]
    [InlineData("he turned two corners and ran into the alley")]
    [InlineData("the kid turned around and ran")]
    public void ATurnThatIsNoBirthdayIsNoAge(string text) => Assert.Empty(Found(Rules, text, PiiLabel.Age));
}
