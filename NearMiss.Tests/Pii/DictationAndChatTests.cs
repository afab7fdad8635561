using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Decision 081: numbers read out with pauses written as dots, text in title case throughout, days of the month said
/// alone, the speaker's own age, a dispatcher's sign-off with a call sign and the time, call signs' leading letters and
/// hyphened digits, chat speakers after their line's clock, numbers dictated in Spanish, and words that are no names.
/// </summary>
public sealed class DictationAndChatTests
{
    private static readonly LocalPiiDetector Rules = LocalPiiDetector.WithTagger(null);

    private static readonly LocalPiiDetector Shipped = new();

    private static string[] Found(LocalPiiDetector detector, string text, PiiLabel label) =>
        [.. detector.Detect(text).Where(s => s.Label == label).Select(s => text[s.Start..s.End])];

    [Theory]
    [InlineData("the reporting party gave a phone five oh nine... five five five... zero one four six period. hang on.", "five oh nine... five five five... zero one four six", PiiLabel.Phone)]
    [InlineData("date of birth oh four... twenty two... seventy eight comma and she lives alone", "oh four... twenty two... seventy eight", PiiLabel.Date)]
    [InlineData("case number two four... dash... one one three... two seven period. new paragraph.", "two four... dash... one one three... two seven", PiiLabel.CaseNumber)]
    [InlineData("i responded to one four… zero nine… north… uh… sullivan road for a neighbor dispute.", "one four… zero nine… north… uh… sullivan road", PiiLabel.Address)]
    public void NumbersReadOutWithPauses(string text, string expected, PiiLabel label) => Assert.Contains(expected, Found(Rules, text, label));

    [Theory]
    [InlineData("five oh nine... five five five", "five oh nine    five five five")]
    [InlineData("charlie... victor... six six", "charlie    victor    six six")]
    [InlineData("he counted to three... Then he ran.", "he counted to three... Then he ran.")]
    [InlineData("well... i don't know... maybe.", "well... i don't know... maybe.")]
    public void OnlyPausesBetweenPiecesReadOutBecomeSpaces(string text, string expected) => Assert.Equal(expected, PiiSpokenNumbers.Unpause(text) ?? text);

    [Fact]
    public void TextInTitleCaseThroughoutIsReadAsLowerCase()
    {
        const string text = "This Is Officer Bondarenko, Quick Recap For The Sergeant On Last Night. The Light's Out On The Second Floor Landing, "
            + "And He Is Sitting In The Dark With A Box Cutter. Don't Take Somebody Into A Small Room Until He's Been Patted.";
        var persons = Found(Shipped, text, PiiLabel.Person);
        Assert.Contains("Bondarenko", persons);
        Assert.DoesNotContain(persons, p => p.Contains("Recap", StringComparison.Ordinal) || p.Contains("Room", StringComparison.Ordinal) || p.Contains("Dark", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("So it was the ninth, Saturday, we get a call to the apartments.", "ninth")]
    [InlineData("the twenty second at oh two thirty hours called out for a track", "twenty second")]
    public void ADayOfTheMonthSaidAlone(string text, string day) => Assert.Contains(day, Found(Rules, text, PiiLabel.Date));

    [Fact]
    public void AnOrdinalBeforeABracketIsNoDay() =>
        Assert.DoesNotContain("third", Found(Rules, "Two of them were fine. The third (later ID'd as Brock) ran.", PiiLabel.Date));

    [Theory]
    [InlineData("GUEST: Yeah. Christmas Eve, 1986. I was twenty-nine, working the Eleventh Precinct.", "twenty-nine")]
    [InlineData("So 1991, Fourth of July, I'm twenty-six, working District 8 with my partner.", "twenty-six")]
    [InlineData("So at lunch we had a sophomore, fifteen, I'll put the name in the report.", "fifteen")]
    public void AnAgeSaidOfOneself(string text, string age) => Assert.Contains(age, Found(Rules, text, PiiLabel.Age));

    [Fact]
    public void ADistanceSaidAfterIWasIsNoAge() =>
        Assert.Empty(Found(Rules, "I was twenty, thirty feet back. I'm ten minutes out.", PiiLabel.Age));

    [Theory]
    [InlineData("three charlie twelve go ahead\ncopy three charlie twelve twenty two nineteen", "three charlie twelve", "twenty two nineteen")]
    [InlineData("baker twelve copy\ncopy code four baker twelve twenty three eleven\nbaker twelve clear", "baker twelve", "twenty three eleven")]
    [InlineData("marine fourteen we're lit up\ncopy marine fourteen sixteen forty two", "marine fourteen", "sixteen forty two")]
    public void ADispatchersSignOff(string text, string sign, string time)
    {
        Assert.Contains(sign, Found(Rules, text, PiiLabel.BadgeId));
        Assert.Contains(time, Found(Rules, text, PiiLabel.Time));
    }

    [Fact]
    public void ATroopsLetterOpensItsCallSign() =>
        Assert.Contains("c two fourteen", Found(Rules, "c two fourteen go ahead\nc two fourteen traffic on the interstate\ncopy c two fourteen", PiiLabel.BadgeId));

    [Fact]
    public void CallSignsWrittenAsHyphenedDigits()
    {
        const string text = "caller: he's out of the car. [background radio] 12-4, subject armed, need units. [background radio] 12-4, second subject passenger side. caller: 10-4.";
        var signs = Found(Rules, text, PiiLabel.BadgeId);
        Assert.Equal(2, signs.Count(s => s == "12-4"));
        Assert.DoesNotContain("10-4", signs);
    }

    [Fact]
    public void ASpeakerAfterTheLinesClockInAChat()
    {
        const string text = "[22:17] Sparks: alarm at the store, whoever takes it go\n[22:18] Wojo: coming from the north end\n[22:19] Moody: 10-4\n[22:31] Wojo: u good??";
        Assert.Contains("Moody", Found(Shipped, text, PiiLabel.Person));
    }

    [Theory]
    [InlineData("SPEAKER 1: name\nSPEAKER 4: devon\nSPEAKER 1: date of birth\nSPEAKER 4: uh three twelve ninety one\nSPEAKER 1: you live here", "three twelve ninety one", PiiLabel.Date)]
    [InlineData("SPEAKER 1: okay what's your birthday\nSPEAKER 2: nine fourteen oh two\nSPEAKER 1: stay there", "nine fourteen oh two", PiiLabel.Date)]
    [InlineData("Speaker 1: okay how old is he\nSpeaker 2: twenty four\nSpeaker 1: where's he at right now", "twenty four", PiiLabel.Age)]
    public void AnswersInATranscriptWithoutQuestionMarks(string text, string expected, PiiLabel label) => Assert.Contains(expected, Found(Rules, text, label));

    [Fact]
    public void ARefusalIsNoName() =>
        Assert.DoesNotContain("nah", Found(Rules, "SPEAKER 1: step back behind the line. what's your name\nSPEAKER 2: nah\nSPEAKER 1: alright. keep your hands out", PiiLabel.Person));

    [Theory]
    [InlineData("Dre: k. Little wants everything by mon\nMe: ofc he does lol", "mon", PiiLabel.Date)]
    [InlineData("call me if you want, I'm off till Wed.", "Wed", PiiLabel.Date)]
    [InlineData("MHP crash notes - Tpr. J. Runningwater #7-214 - 12/08/23", "7-214", PiiLabel.BadgeId)]
    public void ShortDaysAndHyphenedBadges(string text, string expected, PiiLabel label) => Assert.Contains(expected, Found(Rules, text, label));

    [Fact]
    public void AShortDayThatIsAWordStaysOne() =>
        Assert.Empty(Found(Rules, "we sat in the car and the sun came up on the lake before we went in.", PiiLabel.Date));

    [Theory]
    [InlineData("la señora guadalupe ibarra sesenta y dos años she's the mom, she calls a lot", "sesenta y dos", PiiLabel.Age)]
    [InlineData("subject ángel ibarra treinta y uno fecha de nacimiento dos de mayo del noventa y tres. lesson is", "dos de mayo del noventa y tres", PiiLabel.Date)]
    [InlineData("so on martes at like once y media de la noche fuimos a la casa por un disturbio", "once y media", PiiLabel.Time)]
    [InlineData("narrativo para el caso veinticuatro guion cero cuatro cuatro uno nueve. so on martes", "veinticuatro guion cero cuatro cuatro uno nueve", PiiLabel.OtherId)]
    [InlineData("a gray chevy tahoe texas placas hotel bravo charlie cinco siete nueve dos. he had a tire iron", "hotel bravo charlie cinco siete nueve dos", PiiLabel.Plate)]
    public void MoreNumbersSaidInSpanish(string text, string expected, PiiLabel label) => Assert.Contains(expected, Found(Rules, text, label));

    [Fact]
    public void ANameBeforeASpanishAgeEndsBeforeIt() =>
        Assert.Contains("guadalupe ibarra", Found(Rules, "por un disturbio. la señora guadalupe ibarra sesenta y dos años she's the mom", PiiLabel.Person));

    [Fact]
    public void SpanishWordsAloneAreNoNamesWhereTheTextSpeaksSpanish()
    {
        const string text = "so on martes at like once y media de la noche fuimos a la casa por un disturbio. la señora's number es privado. "
            + "y le digo suéltalo, drop it. we should've asked la señora on the phone before we knocked, ella sabía. okay fin.";
        var found = Shipped.Detect(text).Where(s => s.Label is PiiLabel.Person or PiiLabel.Location or PiiLabel.Agency).Select(s => text[s.Start..s.End]);
        Assert.Empty(found);
    }

    [Theory]
    [InlineData("i called him off, fuss, hier, he came right back, good dog.", "hier")]
    [InlineData("that's exactly where the jon boat almost got me so, lesson, don't lean out", "jon")]
    [InlineData("bag contained one drake mallard comma two wood ducks comma and one hen", "drake")]
    [InlineData("Stay safe out there.\n\nFraternally,\nPtl. Marcus Kowalski", "Fraternally")]
    [InlineData("if you don't know whether to terminate, ask out loud, nobody will ding you for it. questions. no. okay.", "will")]
    [InlineData("the prior call history was available on the mobile terminal and nobody read it", "mobile")]
    [InlineData("the gun was laying on top of a Chromebook in his backpack.", "Chromebook")]
    [InlineData("Factors listed: approach from upwind, no fenders out, officer alone.", "upwind")]
    [InlineData("dispatcher: 911 what is the address of your emergency\ncaller: i'm on the highway going south", "911")]
    public void NotPii(string text, string word)
    {
        var found = Shipped.Detect(text).Select(s => text[s.Start..s.End]);
        Assert.DoesNotContain(found, span => span.Contains(word, StringComparison.OrdinalIgnoreCase));
    }
}
