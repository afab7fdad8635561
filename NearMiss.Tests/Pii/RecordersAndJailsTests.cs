using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Decision 082: jail rooms said in words, a title said without its dot, call signs whose letter is said as the letter,
/// a records check's home town before the age, a recorder's and a caption file's elapsed stamps, a form's times,
/// CAD units with a three-figure district, vehicles numbered in a crash diagram, model years, vehicles' makes and boats,
/// and Spanish words in a text dictated partly in Spanish.
/// </summary>
public sealed class RecordersAndJailsTests
{
    private static readonly LocalPiiDetector Rules = LocalPiiDetector.WithTagger(null);

    private static readonly LocalPiiDetector Shipped = new();

    private static string[] Found(LocalPiiDetector detector, string text, PiiLabel label) =>
        [.. detector.Detect(text).Where(s => s.Label == label).Select(s => text[s.Start..s.End])];

    [Theory]
    [InlineData("i was the floor officer in pod four charlie during dayroom. he was escorted to cell fourteen in seg.", "pod four charlie")]
    [InlineData("i was the floor officer in pod four charlie during dayroom. he was escorted to cell fourteen in seg.", "cell fourteen")]
    [InlineData("december ninth, i was floor officer in housing unit four b with officer kou vang.", "housing unit four b")]
    [InlineData("Central I need Delta pod sally door popped and a second officer.", "Delta pod")]
    [InlineData("Facility: Pima County Adult Detention Complex, Housing Unit 3\nReporting: Sgt. Bogdan Wojcik", "Housing Unit 3")]
    [InlineData("Drake was moved to cell D-6 (disciplinary) at 2010 hrs.", "cell D-6")]
    [InlineData("At 1540 hrs the officer opened the Holding 7 door to call him out.", "Holding 7")]
    public void JailRooms(string text, string room) => Assert.Contains(room, Found(Rules, text, PiiLabel.Location));

    [Theory]
    [InlineData("he sat in his cell two hours before anyone checked.")]
    [InlineData("she left her cell phone in the pod one more time.")]
    public void ACountAfterACellIsNoRoom(string text) => Assert.Empty(Found(Rules, text, PiiLabel.Location));

    [Fact]
    public void ATitleSaidWithoutItsDot()
    {
        const string text = "on april ninth mr park is fifty six. mr park states that on sunday he was there. he still won't park out front.";
        Assert.Equal(["park", "park"], Found(Rules, text, PiiLabel.Person));
    }

    [Theory]
    [InlineData("02:14:07 unit g seventeen show me out with a vehicle\n02:14:15 dispatch copy g seventeen stand by", "g seventeen")]
    [InlineData("02:15:34 dispatch any unit to assist\n02:15:39 g twelve en route from hollywood and mansfield", "g twelve")]
    [InlineData("TPR: Troop C, C two fourteen, traffic.\nDISPATCH: C two fourteen, go ahead.", "C two fourteen")]
    [InlineData("i requested backup from unit G seventeen. she came.", "G seventeen")]
    public void CallSignsWithTheirLetterSaid(string text, string sign) => Assert.Contains(sign, Found(Rules, text, PiiLabel.BadgeId));

    [Fact]
    public void ALetterInsideALicenceReadOutIsNoCallSign() =>
        Assert.DoesNotContain(
            Found(Rules, "he hands me a washington license, number is W D L seven B four X two Q nine one K, and he's impaired", PiiLabel.BadgeId),
            sign => sign.StartsWith('X'));

    [Theory]
    [InlineData("comes back to a marcus whitfield out of berwyn, twenty six, no wants.", "twenty six")]
    [InlineData("Driver was Chevonne Carney out of Collins, twenty three. Next time I stand behind the car.", "twenty three")]
    public void AnAgeAfterAHomeTown(string text, string age) => Assert.Contains(age, Found(Rules, text, PiiLabel.Age));

    [Theory]
    [InlineData("Speaker 1  0:00\nFleet desk, this is Ngozi.\n\nSpeaker 2  0:02\nHey Ngozi, it's Dave.")]
    [InlineData("Okonkwo, Sarah   0:04\nOkay, recording's on.\n\nHanlon, Benjamin   0:12\nSo February second.")]
    [InlineData("WEBVTT\n\n1\n00:00:02.410 --> 00:00:06.880\nSgt. Ed Kowalczyk: Alright, roll call.\n\n2\n00:00:06.880 --> 00:00:11.300\nit's Friday.")]
    [InlineData("TPR: Copy.\n[gap 00:02:10]\nTPR: Ma'am, I'm gonna talk to you.")]
    [InlineData("Recorded for review\n\n0:00:04 Harrison Begay\nOkay, go ahead.\n\n0:00:15 Shaundell Yazzie\nYeah. So I got there.")]
    [InlineData("Voicemail  (912) 555-0164  Wed 3/19  1:36\nTranscription confidence: medium\nhey lieutenant, call me back.")]
    public void ARecordingsElapsedStampsAreNoTimes(string text) => Assert.Empty(Found(Rules, text, PiiLabel.Time));

    [Fact]
    public void AFormsTimeInAndOut() =>
        Assert.Equal(["1705", "1740"], Found(Rules, "Date: Thursday 3/14   Time in: 1705   Time out: 1740\nOfficer: JPO Niamh Fitzgerald", PiiLabel.Time));

    [Fact]
    public void ACadUnitWithAThreeFigureDistrict()
    {
        const string text = "23:41:55 DISP 612B1, 614B2\n23:44:10 612B1 10-97\n23:45:32 614B2 ADV SUBJ FLED EB ON FOOT";
        Assert.Equal(["612B1", "614B2", "612B1", "614B2"], Found(Rules, text, PiiLabel.BadgeId));
    }

    [Fact]
    public void VehiclesNumberedInACrashDiagramAreNoCallSigns()
    {
        const string text = "Unit 1: patrol, Dodge Charger Pursuit, parked on shoulder behind Unit 2.\nUnit 2: Chevy Colorado, disabled.\n"
            + "- POI: right front of Unit 3 to left rear bumper of Unit 1.";
        Assert.Empty(Found(Rules, text, PiiLabel.BadgeId));
    }

    [Theory]
    [InlineData("when a westbound 2020 Freightliner Cascadia drifted onto the shoulder", "2020")]
    [InlineData("VEH: MAROON 2009 CHEVY TAHOE, TX PLATE RKT-441", "2009")]
    [InlineData("he was standing next to a white Mercedes and then his Mercedes rolled.", "Mercedes")]
    [InlineData("Speeds about twenty knots, the Hatteras dropped as the patrol boat rolled. The operator of the Whaler refused.", "Hatteras")]
    [InlineData("Speeds about twenty knots, the Hatteras dropped as the patrol boat rolled. The operator of the Whaler refused.", "Whaler")]
    [InlineData("The back one is screwed shut period New paragraph. Lessons colon we learned.", "New")]
    [InlineData("Sarge: and get the Captain Morgan bottle out of your trunk before roll call.", "Morgan")]
    [InlineData("Trainee also could not find his handcuff key on his Sam Browne in the dark.", "Browne")]
    [InlineData("Nephew (Tyrell, 19) was sitting on the hood of a Monte Carlo with the rifle.", "Monte")]
    [InlineData("They knocked, stacked, in the light from the carport. Stepdad (Ruben Arvizu, 44) opened the door.", "Stepdad")]
    public void NotPii(string text, string word) =>
        Assert.DoesNotContain(Rules.Detect(text).Select(s => text[s.Start..s.End]), span => span.Contains(word, StringComparison.Ordinal));

    [Fact]
    public void SpanishWordsOfEveryDayAreNoNamesWhereTheTextSpeaksSpanish()
    {
        const string text = "bueno, grabando. esto es para el reporte. the wife was screaming ay Dios mío, ayúdenme. Mi compañero y yo nos bajamos del carro. "
            + "Al final he put both down. La señora llevaba una camisa and she kept trying to hug him. Diez-cuatro, that's it.";
        var found = Shipped.Detect(text).Where(s => s.Label is PiiLabel.Person or PiiLabel.Location or PiiLabel.Agency).Select(s => text[s.Start..s.End]);
        Assert.Empty(found);
    }

    [Fact]
    public void ANameWithAnAccentIsFoundSpelledWithout() =>
        Assert.Contains("w... o... j... c... i... k", Found(Rules, "the reporting party is ewa wójcik that's w... o... j... c... i... k comma date of birth", PiiLabel.Person));

    [Theory]
    [InlineData("he said write it up so here I am. my number's 2208 if anybody from the program needs it.", "2208")]
    [InlineData("I'm on foot this week. My payroll number's 241877 if you need it.", "241877")]
    [InlineData("Uploaded, yeah, it's under my number, 5512.", "5512")]
    [InlineData("Me and Petrie, we're riding as five twenty-one, and we pull up.", "five twenty-one")]
    [InlineData("I was working Adam 3 out of West Precinct.", "Adam 3")]
    public void AnOfficersOwnNumbers(string text, string number) => Assert.Contains(number, Found(Rules, text, PiiLabel.BadgeId));

    [Fact]
    public void ANumberOfThingsIsNoOwnNumber() =>
        Assert.Empty(Found(Rules, "my number of calls was 212 that month, and we were running as two units.", PiiLabel.BadgeId));

    [Theory]
    [InlineData("OFFICER B: he's what, sixteen?\nOFFICER A: seventeen now.", "sixteen")]
    [InlineData("I'm on transport, I'm young, I'm what, twenty-five? And we're moving a prisoner.", "twenty-five")]
    public void AnAgeAfterWhat(string text, string age) => Assert.Contains(age, Found(Rules, text, PiiLabel.Age));

    [Theory]
    [InlineData("Danny you're float, court at oh nine hundred in Judge Baptiste's room.", "oh nine hundred")]
    [InlineData("okay settle down its twenty two hundred lets go quick", "twenty two hundred")]
    public void ClockTimesSaidInWords(string text, string time) => Assert.Contains(time, Found(Rules, text, PiiLabel.Time));

    [Fact]
    public void ARoadByItsNumberAfterADirectionSurvivesTheTagger() =>
        Assert.Contains("eighty", Found(Shipped, "TROOPER: I'm eastbound eighty at two fifty-five, the Elk Mountain exit.", PiiLabel.Location));
}
