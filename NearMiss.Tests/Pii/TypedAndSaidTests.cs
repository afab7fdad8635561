using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Decision 079: names by the shape of a typed message (chat speakers of two words, a dash signature, a middle name
/// that is an ordinary word, an initial, a corrections officer in capitals); ids, corners and ages said aloud; and the
/// words and shapes that are none (languages, forms' words, a forum's name, a fraction of a mile, a speed, a holiday's
/// things, a police title, the radio's "roger").
/// </summary>
public sealed class TypedAndSaidTests
{
    private static readonly LocalPiiDetector Rules = LocalPiiDetector.WithTagger(null);

    private static readonly LocalPiiDetector Shipped = new();

    private static string[] Found(LocalPiiDetector detector, string text, PiiLabel label) =>
        [.. detector.Detect(text).Where(s => s.Label == label).Select(s => text[s.Start..s.End])];

    [Theory]
    [InlineData("Ask Frank if he is free tonight.\n\n- Young", "Young", PiiLabel.Person)]
    [InlineData("Name: Kyle Chase Brennan\nDOB: 09/02/1998", "Kyle Chase Brennan", PiiLabel.Person)]
    [InlineData("0749 HRS - CO D. HUNTER ENTERED THE DAYROOM WITHOUT COVER. CO HUNTER WAS PULLED TO THE DOOR.", "D. HUNTER", PiiLabel.Person)]
    [InlineData("0751 HRS - INMATE COMPLIED. CO HUNTER FREED HIMSELF BEFORE TEAM ARRIVED.", "HUNTER", PiiLabel.Person)]
    [InlineData("it was quiet and I was solo in car fourteen working the east side", "fourteen", PiiLabel.VehicleId)]
    [InlineData("This is Officer Keane, FWC, on vessel four one. It was calm.", "four one", PiiLabel.VehicleId)]
    [InlineData("SGT: names for the tape.\nOFC ABDI: Farhan Abdi, four two one nine.\nOFC PHAM: Vinh Pham, five oh six two.", "four two one nine", PiiLabel.BadgeId)]
    [InlineData("Helmet mic transcript, motor five fourteen. Okay. Whoa. Five fourteen, I'm okay, truck almost hit me.", "Five fourteen", PiiLabel.BadgeId)]
    [InlineData("inmate Pettiford, Dashawn Pettiford, number four six one two seven eight, he's in the end cell", "four six one two seven eight", PiiLabel.OtherId)]
    [InlineData("a man with a knife at the bus stop at twenty-first and Speedway, I got there first", "twenty-first and Speedway", PiiLabel.Address)]
    [InlineData("so we backed down to Fifty-Sixth and Ames and set up there", "Fifty-Sixth and Ames", PiiLabel.Address)]
    [InlineData("CALLER: Please, it's twenty-four sixteen North Fifty-Sixth Street, please hurry.", "twenty-four sixteen North Fifty-Sixth Street", PiiLabel.Address)]
    [InlineData("He said they were driving to South Lake Tahoe for the fireworks.", "South Lake Tahoe", PiiLabel.Location)]
    [InlineData("SHIFT LOG - Unit P-21 - Sun 8/3/25 nights", "Sun 8/3/25", PiiLabel.Date)]
    [InlineData("suspect male hispanic thirty to thirty five gray hoodie black jeans", "thirty five", PiiLabel.Age)]
    [InlineData("The two who started it are Ethan Kimmel and Kacper Nowak, both fourteen, and they ran.", "fourteen", PiiLabel.Age)]
    [InlineData("we're at the twenty-one mile marker on the main channel, no wake zone", "twenty-one mile marker", PiiLabel.Location)]
    [InlineData("I RESPONDED WITH K9 TOR AT 0121 HRS. THE SUSPECT RAN. TOR TOOK A TRACK NORTH ALONG THE SHORE.", "TOR", PiiLabel.OtherId)]
    [InlineData("night shift, k9 moose and me. moose tracked into the blackberry bushes and stopped", "moose", PiiLabel.OtherId)]
    [InlineData("my k9 is a shepherd named tank and honestly tank is the reason im fine", "tank", PiiLabel.OtherId)]
    [InlineData("He was found an hour later by agents working with a K-9 named Rocco. Eleven people were in the truck.", "Rocco", PiiLabel.OtherId)]
    [InlineData("Handler: me. Dog: Ronan (GSD, dual purpose).\n- Ronan pulled hard toward the rails.", "Ronan", PiiLabel.OtherId)]
    [InlineData("INMATE(S): WOJCIECHOWSKI, TADEUSZ DOC# 782214; BRAVE HEART, RONALD DOC# 691130", "691130", PiiLabel.OtherId)]
    [InlineData("read the log. his tomis # is 00482291 and the disciplinary is pending", "00482291", PiiLabel.OtherId)]
    [InlineData("CI driving a white Peterbilt, USDOT 3318204, southbound", "3318204", PiiLabel.OtherId)]
    [InlineData("Both inmates secure, ADC numbers 318844 and 290175. We'll wait on DPS.", "290175", PiiLabel.OtherId)]
    [InlineData("CAD LOG\nZero-one-fourteen. Dispatched Charlie two, Officer Bautista.\nZero-one-nineteen. Charlie two on scene.", "Charlie two", PiiLabel.BadgeId)]
    [InlineData("I called it out and dispatch copied. He put it in park. Lincoln twelve, Sergeant Amundson, got there a minute later.", "Lincoln twelve", PiiLabel.BadgeId)]
    [InlineData("NEWS RELEASE\nTEXAS DEPARTMENT OF CRIMINAL JUSTICE\nJune 3, 2024\n\nA correctional officer was hurt.", "TEXAS DEPARTMENT OF CRIMINAL JUSTICE", PiiLabel.Agency)]
    public void FoundByShapeOrSaid(string text, string expected, PiiLabel label) => Assert.Contains(expected, Found(Rules, text, label));

    [Theory]
    [InlineData("I gave commands in English and then in Tongan. He turned around.", "Tongan")]
    [InlineData("She was screaming in Kreyòl and would not come out.", "Kreyòl")]
    [InlineData("CONTACT NOTE\n\nParolee: Tou Vang\nParolee denied knowledge of the gun.", "Parolee")]
    [InlineData("r/ProtectAndServe\nPosted 6h ago\nNearly got hit on the shoulder last night.", "ProtectAndServe")]
    [InlineData("setting flares at the top of the hill approx 1/4 mi back", "1/4")]
    [InlineData("I'm standing there lit up like a Christmas tree and he is looking right at me", "Christmas")]
    [InlineData("he's a grad student, his EID is on the card", "EID")]
    [InlineData("With respect,\n\nRay Castellano\nSenior Police Officer, Houston Police Department", "Senior Police")]
    [InlineData("DISPATCH: three adam twelve roger eighteen forty two\nUNIT: three adam twelve roger for the log", "roger")]
    [InlineData("Published narrative: building search with a K9 team. A cover officer for every K9 building search.", "building")]
    [InlineData("K9 stabbed during arrest. The dog was stabbed early Wednesday while helping deputies.", "stabbed")]
    public void NotPii(string text, string word)
    {
        var found = Rules.Detect(text).Select(s => text[s.Start..s.End]);
        Assert.DoesNotContain(found, span => span.Contains(word, StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void AChatSpeakerWhoseNameIsAWordStaysAPersonThroughTheTagger()
    {
        const string chat = "Lane: heads up all, pursuit eb on the highway\nTsosie: copy omw\nBrown: im at the bridge\nLane: stay behind ur engine block\nBrown: spiked\nLane: nobody chase him into the wheat";
        Assert.Equal(3, Found(Shipped, chat, PiiLabel.Person).Count(name => name == "Lane"));
    }

    [Fact]
    public void ASpeakerOfTwoWordsNamedElsewhereIsBothWords()
    {
        const string chat = "Lane: HOLD. nobody goes in alone. dep Young Bear + Rocco are 10 out\nYoung Bear: enroute code 3\nTsosie: on scene\nYoung Bear: copy";
        Assert.Equal(3, Found(Rules, chat, PiiLabel.Person).Count(name => name == "Young Bear"));
    }

    [Fact]
    public void ADogsNameIsNotTheWordInLowerCase()
    {
        const string notes = "me + K9 Bear on the trail. Bear was locked on. we saw a black bear w/ 2 cubs, bear spray was in the pack";
        Assert.Equal(["Bear", "Bear"], Found(Rules, notes, PiiLabel.OtherId));
    }

    [Fact]
    public void AnIdsLettersAreNoPartOfTheNameBeforeThem() =>
        Assert.Contains("TADEUSZ", Found(Rules, "INMATE(S): WOJCIECHOWSKI, TADEUSZ DOC# 782214 REFUSED TO LOCK IN", PiiLabel.Person));

    [Theory]
    [InlineData("They were all in hunter orange, one had a Henry lever action, one a Marlin.", "Henry")]
    [InlineData("He's by the stone wall now, by the Rose bushes, the big ones.", "Rose")]
    public void AGivenNameAloneAfterAnArticleIsAThing(string text, string word) => Assert.DoesNotContain(word, Found(Rules, text, PiiLabel.Person));

    [Fact]
    public void ASpeakerNicknamedBigIsBothWords()
    {
        const string chat = "Boone: dude came out the back w a machete\nBig Will: where at\nBoone: old bethel rd lot 9\nBig Will: thats the same dude from july";
        Assert.Equal(["Big Will", "Big Will"], Found(Shipped, chat, PiiLabel.Person).Where(name => name.Contains("Will", StringComparison.Ordinal)));
    }

    [Fact]
    public void ASpeedIsNoAge()
    {
        Assert.Empty(Found(Shipped, "Brown: spiked the front tire. veh still rolling approx 40\nTsosie: copy", PiiLabel.Age));
        Assert.Empty(Found(Shipped, "Brown: spiked both fronts. veh still rolling sb approx 40\nSarge: stay put", PiiLabel.Age));
    }
}
