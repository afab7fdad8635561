using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Decision 080: call signs the radio says without turns or stops and says again; ages after names grown late; an
/// address said aloud after a comma or an initial; numbers dictated in Spanish; and the words that are no names (Spanish
/// words of grammar, dog breeds, a "terry frisk", a dispatcher called "Central", a vehicle's colour before its make).
/// </summary>
public sealed class RadioAndSpanishTests
{
    private static readonly LocalPiiDetector Rules = LocalPiiDetector.WithTagger(null);

    private static readonly LocalPiiDetector Shipped = new();

    private static string[] Found(LocalPiiDetector detector, string text, PiiLabel label) =>
        [.. detector.Detect(text).Where(s => s.Label == label).Select(s => text[s.Start..s.End])];

    [Theory]
    [InlineData("county to two fourteen [pause] two fourteen go ahead two fourteen respond to the feed store on route six", "two fourteen", 3)]
    [InlineData("Sheriff's office, thirty-one. Thirty-one go. Thirty-one, I'll be out on a red pickup at the rest area.", "Thirty-one", 2)]
    [InlineData("Metro eight, Metro. Metro eight go. Metro eight, check the north lot. Metro eight copy, en route.", "Metro eight", 4)]
    public void CallSignsTheRadioSaysAgain(string text, string sign, int times) =>
        Assert.Equal(times, Found(Rules, text, PiiLabel.BadgeId).Count(found => found.Equals(sign, StringComparison.OrdinalIgnoreCase)));

    [Fact]
    public void AnotherNumberAfterAWordTheRadioCallsWithIsACallSign() =>
        Assert.Contains("Metro three", Found(Rules, "Metro eight, Metro. Metro eight go. Metro eight copy. Metro three en route from the yard.", PiiLabel.BadgeId));

    [Fact]
    public void ANumberSaidOnceBeforeCopyIsLeft() =>
        Assert.Empty(Found(Rules, "we waited about an hour and then at the gate he said nine forty copy that and left", PiiLabel.BadgeId));

    [Theory]
    [InlineData("the passenger was marcus iron cloud, seventeen, and he was not buckled in at all when we got there", "seventeen")]
    [InlineData("we knocked and the man was kevin holloway fifty six address on the warrant was wrong though", "fifty six")]
    public void AnAgeAfterAName(string text, string age) => Assert.Contains(age, Found(Rules, text, PiiLabel.Age));

    [Fact]
    public void AnAddressSaidAfterACommaAndAnInitial()
    {
        const string text = "send the photos to my work email, r. okafor at lcso dot gov, and I'll add them to the report tonight";
        Assert.Contains("r. okafor at lcso dot gov", Found(Rules, text, PiiLabel.Email));
    }

    [Theory]
    [InlineData("this was back in october seventy nine when we still had the old radios in the cars", "seventy nine", PiiLabel.Date)]
    [InlineData("It was March of ninety-one and I had been on the job about six months, working nights.", "ninety-one", PiiLabel.Date)]
    [InlineData("so back in eighty four, before the merger, the precinct had two cars for the whole area", "eighty four", PiiLabel.Date)]
    [InlineData("okay trooper dictating it's 0215 and i'm westbound at the rest area with a disabled semi", "0215", PiiLabel.Time)]
    [InlineData("Report written later. Time of call 1940, dispatched to a fight at the fairgrounds.", "1940", PiiLabel.Time)]
    [InlineData("it was about 9 15 in the morning when the bus pulled up and the driver waved us over", "9 15", PiiLabel.Time)]
    public void YearsAndClocksSaid(string text, string expected, PiiLabel label) => Assert.Contains(expected, Found(Rules, text, label));

    [Theory]
    [InlineData("Reporting Officer: P.O. Dana Whitfield   Badge: 5120   Squad: 4417   Assignment: District 5", "4417", PiiLabel.VehicleId)]
    [InlineData("Deputy: Dep. Rosa Lindqvist    ID: K-311    Car: 19\nLocation: county road 8", "19", PiiLabel.VehicleId)]
    [InlineData("UNITS: 714C 722\nNARR: SUBJ FLED ON FOOT", "714C", PiiLabel.BadgeId)]
    public void NumbersInAVehicleOrUnitField(string text, string expected, PiiLabel label) => Assert.Contains(expected, Found(Rules, text, label));

    [Fact]
    public void ATenCodeInAUnitsTurnIsNoUnit() => Assert.Empty(Found(Rules, "SGT: you good?\nUnit: 10-4 Sarge, all clear here.", PiiLabel.BadgeId));

    [Fact]
    public void ACountAfterTwoNumbersIsNoClock() =>
        Assert.Empty(Found(Rules, "we loaded at 4 30 rounds a box and went out to the range after lunch", PiiLabel.Time));

    [Fact]
    public void ALowerCaseCornerOfAWordAndAGivenName()
    {
        const string text = "we had a long night out there. unit two copy from lake and hiawatha, nobody hurt, one detained";
        Assert.Contains("lake and hiawatha", Found(Rules, text, PiiLabel.Address));
    }

    [Theory]
    [InlineData("la señora tiene cincuenta y dos años y vive sola con su nieto", "cincuenta y dos", PiiLabel.Age)]
    [InlineData("el conductor, de veintiocho años, no traía licencia y estaba nervioso", "veintiocho", PiiLabel.Age)]
    [InlineData("llegamos como a las diez y media de la noche y el carro estaba vacío", "diez y media", PiiLabel.Time)]
    [InlineData("esto pasó el martes catorce de mayo cerca de la escuela, y el reporte ya está hecho", "martes catorce de mayo", PiiLabel.Date)]
    [InlineData("su fecha de nacimiento es tres de junio de mil novecientos ochenta y cinco, dijo que no tiene nada", "tres de junio de mil novecientos ochenta y cinco", PiiLabel.Date)]
    [InlineData("su teléfono es seis dos tres, cinco cinco cinco, uno ocho cero dos y no contestó", "seis dos tres, cinco cinco cinco, uno ocho cero dos", PiiLabel.Phone)]
    [InlineData("placas de arizona c t k cuatro cuatro siete dos, una troca blanca", "c t k cuatro cuatro siete dos", PiiLabel.Plate)]
    public void NumbersSaidInSpanish(string text, string expected, PiiLabel label) => Assert.Contains(expected, Found(Rules, text, label));

    [Fact]
    public void AWeekdaysNameThatIsAPersonsStaysAPerson() =>
        Assert.Contains("Domingo Salas Ortega", Found(Rules, "el conductor se llama Domingo Salas Ortega y tiene treinta años, dijo que trabaja de noche", PiiLabel.Person));

    [Fact]
    public void SpanishWordsOfGrammarAreNoNames()
    {
        const string text = "ok dictado para el reporte. soy la deputy. hice un traffic stop y el vehículo tenía placas de texas, el pasajero dijo que se llamaba no sé qué y nada más";
        Assert.Empty(Found(Shipped, text, PiiLabel.Person));
    }

    [Theory]
    [InlineData("Staff: CO Renata Okafor, CO Dennis Price\nInmates: Marco Villanueva, Booking B552190; Jerome Hunter, Booking B553047\n\nNARRATIVE", "Jerome Hunter")]
    [InlineData("Trainee: P.O. Lena Vasquez #4410      FTO: P.O. Curtis Young #2281\nDate: 03/02/2024", "Curtis Young")]
    public void ASurnameThatIsAWordAfterAGivenNameInAFormsLine(string text, string name) => Assert.Contains(name, Found(Shipped, text, PiiLabel.Person));

    [Theory]
    [InlineData("i read the male miranda from my card and he asked for a lawyer", "miranda")]
    [InlineData("the male complied and during a terry frisk i found a folding knife in his front pocket", "terry")]
    [InlineData("Need a Chesapeake Bay Retriever or an English Springer for the water search, not a lab.", "Chesapeake")]
    [InlineData("Copy. And Central, tell the transport van to back in slow. Central copies.", "Central")]
    [InlineData("[wind] Silver Chevy Colorado behind us is pulling around the cones now.", "Silver")]
    [InlineData("Hey Siri, note to self. Check the flare box before shift.", "Siri")]
    public void NotPii(string text, string word)
    {
        var found = Shipped.Detect(text).Select(s => text[s.Start..s.End]);
        Assert.DoesNotContain(found, span => span.Contains(word, StringComparison.OrdinalIgnoreCase));
    }
}
