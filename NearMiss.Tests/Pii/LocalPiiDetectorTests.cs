using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

public sealed class LocalPiiDetectorTests
{
    private static readonly LocalPiiDetector Detector = new();

    [Theory]
    [InlineData("Ofc. Maria Lopez arrived first.", "Maria Lopez", "PERSON")]
    [InlineData("Sgt. R. Okafor called it in.", "R. Okafor", "PERSON")]
    [InlineData("my partner ofc dave kessler went in.", "dave kessler", "PERSON")]
    [InlineData("He showed badge 4471 at the door.", "4471", "BADGE_ID")]
    [InlineData("Dispatch sent unit 12-Adam to cover.", "12-Adam", "BADGE_ID")]
    [InlineData("Backup came from the Marion County Sheriff's Office that night.", "Marion County Sheriff's Office", "AGENCY")]
    [InlineData("We assisted Springfield PD on the call.", "Springfield PD", "AGENCY")]
    [InlineData("FHP Troop D closed the ramp.", "FHP Troop D", "AGENCY")]
    [InlineData("The call was at 880 Riverside Dr Apt 212 again.", "880 Riverside Dr Apt 212", "ADDRESS")]
    [InlineData("We staged on I-95 mile marker 42 in the rain.", "I-95 mile marker 42", "LOCATION")]
    [InlineData("Call her back at 217-555-0148 today.", "217-555-0148", "PHONE")]
    [InlineData("Mail jkruger@example.gov for the roster.", "jkruger@example.gov", "EMAIL")]
    [InlineData("Ohio plate HJK-4471 came back stolen.", "HJK-4471", "PLATE")]
    [InlineData("It happened on Sunday near the lake.", "Sunday", "DATE")]
    [InlineData("Contact was made at 0140 hrs behind the bar.", "0140 hrs", "TIME")]
    [InlineData("See case 2022-118834 for the file.", "2022-118834", "CASE_NUMBER")]
    [InlineData("His SSN 401-73-2286 was on the form.", "401-73-2286", "SSN")]
    [InlineData("Driver had WA DL KEEFEBJ512Q4 on him.", "KEEFEBJ512Q4", "DRIVER_LICENSE")]
    [InlineData("I parked my cruiser (car 318) on the shoulder.", "318", "VEHICLE_ID")]
    [InlineData("The driver, a 57 y/o male, ran.", "57", "AGE")]
    [InlineData("My K9, Ajax, found him in the corn.", "Ajax", "OTHER_ID")]
    public void Detect_FindsEachLabel(string text, string expected, string label)
    {
        var spans = Detector.Detect(text);

        Assert.Contains(spans, s => text[s.Start..s.End] == expected && s.Label.ToContractName() == label);
    }

    [Theory]
    [InlineData("Copy, 10-4, we went Code 3 and then Signal 30 cleared.")]
    [InlineData("He carried a Glock 17 and an AR-15 with .40 S&W rounds in the bag.")]
    [InlineData("I used the Officer Safety principles we learned in CIT class.")]
    [InlineData("SWAT and EMS staged while K9 searched the field.")]
    [InlineData("I will admit the bill was late, so mark your position and chase the lead.")]
    [InlineData("Will you check the door? Grant access to the deer hunter.")]
    [InlineData("WEAR THE REFLECTIVE VEST. PARK UPSTREAM AS A BLOCKER. USE CODE 3 LIGHTS, 10-4 AND STAY SAFE.")]
    [InlineData("The chief likes to talk about Main Street policing.")]
    [InlineData("We work May through October on the lake patrol.")]
    [InlineData("Lit it up with the Whelen bar and put on my Oakley SI gloves and a Tyvek suit.")]
    public void Detect_IgnoresDomainNegatives(string text)
    {
        var spans = Detector.Detect(text);

        Assert.Empty(spans);
    }

    [Fact]
    public void Detect_FlagsLaterMentionsOfAName()
    {
        const string text = "Suspect John Miller answered. Later Miller was booked.";

        var spans = Detector.Detect(text);

        Assert.Equal(["John Miller", "Miller"], spans.Select(s => text[s.Start..s.End]));
    }

    [Fact]
    public void Detect_ReturnsSortedNonOverlappingSpans()
    {
        const string text = "Ofc. Dan Ruiz (badge 4471) of the Springfield PD met Angela Miller (41) at 1423 Elm St on 2/11/22 at 1915.";

        var spans = Detector.Detect(text);

        Assert.NotEmpty(spans);
        for (var i = 1; i < spans.Count; i++)
        {
            Assert.True(spans[i - 1].End <= spans[i].Start);
        }
    }

    [Theory]
    [InlineData("We cleared the lot at Brookhaven Commons Mall after closing.", "Brookhaven Commons Mall")]
    [InlineData("She was dropped at Kestrel Bay Marina near the fuel dock.", "Kestrel Bay Marina")]
    [InlineData("He jumped from the Water Street Bridge into the river.", "Water Street Bridge")]
    [InlineData("The brawl spilled out of Summit Ridge Arena into the lot.", "Summit Ridge Arena")]
    [InlineData("Teachers at Oak Lane Middle School locked the doors.", "Oak Lane Middle School")]
    [InlineData("His rig was parked at Gentry Truck Stop overnight.", "Gentry Truck Stop")]
    [InlineData("We found the kayak on Lake Wallenpaupack at dawn.", "Lake Wallenpaupack")]
    [InlineData("The fight began inside Rudy's Bar and Grill after midnight.", "Rudy's Bar and Grill")]
    [InlineData("Security at Bradley-Morton Airport held him for us.", "Bradley-Morton Airport")]
    [InlineData("He was taken to Saint Luke's Hospital by ambulance.", "Saint Luke's Hospital")]
    [InlineData("She stayed two nights at the Palomino Motel off the highway.", "Palomino Motel")]
    [InlineData("Transport went to Greer County Detention Center at shift change.", "Greer County Detention Center")]
    public void Detect_FindsNamedPremisesAsLocations(string text, string expected)
    {
        var spans = Detector.Detect(text);

        Assert.Contains(spans, s => text[s.Start..s.End] == expected && s.Label == PiiLabel.Location);
    }

    [Theory]
    [InlineData("We went to the mall, then a grocery store and the hospital.")]
    [InlineData("The casino called about a man asleep by the marina.")]
    [InlineData("He said the lake was too cold to search.")]
    public void Detect_LeavesUnnamedPremises(string text)
    {
        Assert.Empty(Detector.Detect(text));
    }

    [Theory]
    [InlineData("Shoplifting calls doubled on Black Friday that year.", "Black Friday")]
    [InlineData("Nobody was available on Cyber Monday for the warrant.", "Cyber Monday")]
    [InlineData("Three DUI arrests came on Super Bowl Sunday alone.", "Super Bowl Sunday")]
    [InlineData("The crowds at Mardi Gras pushed into the street.", "Mardi Gras")]
    [InlineData("A vendor was robbed during Cinco de Mayo downtown.", "Cinco de Mayo")]
    [InlineData("The ceremony on Veterans Day ran long.", "Veterans Day")]
    [InlineData("He visited his kids on Fathers Day without the order.", "Fathers Day")]
    [InlineData("The bars were full on St. Patrick's Day by noon.", "St. Patrick's Day")]
    [InlineData("The fireworks complaint came in over Ramadan.", "Ramadan")]
    [InlineData("we worked the lot on black friday with two cars", "black friday")]
    public void Detect_FindsNamedDaysAsDates(string text, string expected)
    {
        var spans = Detector.Detect(text);

        Assert.Contains(spans, s => text[s.Start..s.End] == expected && s.Label == PiiLabel.Date);
    }

    [Theory]
    [InlineData("He wore a black hoodie and a good pair of boots.")]
    [InlineData("My mother said the day had been quiet.")]
    [InlineData("The super said the tax forms were in the office.")]
    public void Detect_LeavesOrdinaryWordsOfNamedDays(string text)
    {
        Assert.Empty(Detector.Detect(text));
    }

    [Theory]
    [InlineData("We waited at Spruce and 7th for the tow.", "Spruce and 7th")]
    [InlineData("The van stalled near Hickory & 4th around midnight.", "Hickory & 4th")]
    [InlineData("He ran west on Poplar at 11th before we lost him.", "Poplar at 11th")]
    [InlineData("Broadway and 33rd was blocked by the crash.", "Broadway and 33rd")]
    [InlineData("I found him at Chestnut and 2nd Ave behind a dumpster.", "Chestnut and 2nd Ave")]
    [InlineData("The stop was on Linden St and 5th when he bailed.", "Linden St and 5th")]
    public void Detect_FindsNamedAndNumberedIntersections(string text, string expected)
    {
        var spans = Detector.Detect(text);

        Assert.Contains(spans, s => text[s.Start..s.End] == expected && s.Label == PiiLabel.Address);
    }

    [Theory]
    [InlineData("I stayed late with him and 2nd shift took over.")]
    [InlineData("We ran Code 3 and 4th gear was slipping.")]
    [InlineData("The fight was between 1st and 2nd period.")]
    [InlineData("She placed 1st and 3rd at the range.")]
    [InlineData("The sergeant and 3rd platoon arrived.")]
    public void Detect_LeavesOrdinalsThatAreNotStreets(string text)
    {
        Assert.DoesNotContain(Detector.Detect(text), s => s.Label == PiiLabel.Address);
    }

    [Theory]
    [InlineData("Target was the only store open on that block.")]
    [InlineData("Intel had him carrying a knife.")]
    [InlineData("Traffic was backed up to the bridge.")]
    [InlineData("Protocol was followed to the letter.")]
    [InlineData("Visibility was under fifty feet.")]
    [InlineData("Tactics was the first thing we covered.")]
    [InlineData("Medics said the wound was shallow.")]
    [InlineData("Precious was the word he used for the stash.")]
    public void Detect_LeavesOrdinaryWordsAtSentenceStarts(string text)
    {
        Assert.DoesNotContain(Detector.Detect(text), s => s.Label == PiiLabel.Person);
    }

    [Theory]
    [InlineData("Gutierrez asked him to step out of the car.", "Gutierrez")]
    [InlineData("Shanice told us the car was hers.", "Shanice")]
    [InlineData("Kowalczyk was my backup that night.", "Kowalczyk")]
    [InlineData("Quintrell had the keys in his pocket.", "Quintrell")]
    public void Detect_KeepsNamesAtSentenceStarts(string text, string expected)
    {
        var spans = Detector.Detect(text);

        Assert.Contains(spans, s => text[s.Start..s.End] == expected && s.Label == PiiLabel.Person);
    }

    [Fact]
    public void Detect_FlagsAFirstNameAloneAfterItsFullMention()
    {
        const string text = "Her son Marcus Delgado hid in the shed. Marcus came out when we called.";

        var spans = Detector.Detect(text);

        Assert.Contains(spans, s => text[s.Start..s.End] == "Marcus Delgado" && s.Label == PiiLabel.Person);
        Assert.Contains(spans, s => s.Start == text.LastIndexOf("Marcus", StringComparison.Ordinal) && s.End - s.Start == 6 && s.Label == PiiLabel.Person);
    }

    /// <summary>
    /// Every text of every blind set runs through the detector and gives spans inside the text: a blind set once found a
    /// quoted nickname ("terrence \"tiny\" mcallister lol") that made two names overlap and a later rule throw.
    /// </summary>
    [Fact]
    public void Detect_DoesNotJoinATaggersSpanToARulesSpanOnTheNextLine()
    {
        const string text = "RADIO LOG EXCERPT - ZONE 5 - 2340 HRS\n2341 5-ADAM-32: RADIO, 5A32 IN FOOT PURSUIT, WESTBOUND PEACHTREE FROM ELLIS\n"
            + "2341 RADIO: ALL UNITS, 5A32 IN FOOT PURSUIT, WB PEACHTREE\n2342 5-ADAM-32: HE'S GOING INTO PEACHTREE CENTER STATION";
        Assert.DoesNotContain(new LocalPiiDetector().Detect(text), s => text[s.Start..s.End].Contains("PEACHTREE\n2342", StringComparison.Ordinal));
    }

    [Fact]
    public void Detect_RunsOnEveryBlindSetText()
    {
        var detector = new LocalPiiDetector();
        var texts = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(PiiTaggerTests.DataFolder(), "blind"), "*.jsonl"))
        {
            foreach (var line in File.ReadLines(file).Where(line => line.Length > 0))
            {
                var text = System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("text").GetString() ?? "";
                Assert.All(detector.Detect(text), span => Assert.True(span.Start >= 0 && span.Start < span.End && span.End <= text.Length, $"{file}: {span}"));
                texts++;
            }
        }

        Assert.True(texts > 2000, $"only {texts} texts read");
    }

    /// <summary>
    /// A report cut anywhere, or written all in one case, is scanned as any other: a rule that looks a token before the
    /// text's start or past its end reads nothing there ("18:43:40" cut to ":43:40 1T31:", "roughly)\n... the Friday before").
    /// </summary>
    [Fact]
    public void Detect_RunsOnPiecesOfEveryBlindSetText()
    {
        var detector = new LocalPiiDetector();
        var random = new Random(7);
        var pieces = 0;
        foreach (var file in Directory.GetFiles(Path.Combine(PiiTaggerTests.DataFolder(), "blind"), "*.jsonl").Order(StringComparer.Ordinal))
        {
            foreach (var line in File.ReadLines(file).Where(line => line.Length > 0))
            {
                var text = System.Text.Json.JsonDocument.Parse(line).RootElement.GetProperty("text").GetString() ?? "";
                var start = random.Next(text.Length);
                var end = random.Next(start + 1, text.Length + 1);
                string[] cut = [text[..end], text[start..], text[start..end].ToUpperInvariant(), text[start..end].ToLowerInvariant()];
                foreach (var piece in cut)
                {
                    Assert.All(detector.Detect(piece), span => Assert.True(span.Start >= 0 && span.Start < span.End && span.End <= piece.Length, $"{file}: {span}"));
                    pieces++;
                }
            }
        }

        Assert.True(pieces > 8000, $"only {pieces} pieces read");
    }

    [Theory]
    [InlineData(":43:40 1T31: \"HE'S BETWEEN ME AND THE TRAIN\"")]
    [InlineData("(what I told the peer team, roughly)\nmiddle of January, the Friday before")]
    [InlineData("Inject SELECT * FROM Users WHERE client_")]
    [InlineData("the 1g2x3 on the dash and the 1g2pm note")]
    public void Detect_OddEdgesAndTokens_AreScanned(string text) =>
        Assert.All(new LocalPiiDetector().Detect(text), span => Assert.True(span.Start >= 0 && span.End <= text.Length));

    [Fact]
    public void Detect_QuotedNicknameBeforeALongerName_GivesOneName()
    {
        const string text = "me n tiny (terrence \"tiny\" mcallister lol hes 6'6) go to the garage and tiny goes in first";
        var spans = new LocalPiiDetector().Detect(text);
        Assert.Contains(spans, s => text[s.Start..s.End].StartsWith("terrence \"tiny\" mcallister", StringComparison.Ordinal) && s.Label == PiiLabel.Person);
    }

    /// <summary>The tagger's second opinion strikes out names made of ordinary words, but not a word of a longer name of the same text.</summary>
    [Fact]
    public void Detect_SurnameThatIsAWord_IsKeptAfterItsFullName()
    {
        const string text = "My FTO was Hunter Deal, 20-some years in, taught me a lot. Deal retired to Great Falls last year.";
        var spans = new LocalPiiDetector().Detect(text);
        var later = text.LastIndexOf("Deal", StringComparison.Ordinal);
        Assert.Contains(spans, s => s.Start == later && s.End == later + 4 && s.Label == PiiLabel.Person);
    }

    /// <summary>Markup pasted into a report ("&lt;iframe srcdoc=...") is shown as text; the words inside its tags are no one's.</summary>
    [Fact]
    public void Detect_WordsInsideMarkupTags_AreNotFlagged()
    {
        const string text = "Wait for backup on dark roads. <iframe srcdoc=\"<script>parent.__xss=1</script>\"></iframe>";
        Assert.Empty(new LocalPiiDetector().Detect(text));
    }

    [Theory]
    [InlineData("Sgt. Wesley Tanner, 45, a 20-year veteran of the department, was hurt.", "20")]
    [InlineData("The driver of the Mustang, Cody Prewitt, 19, was arrested.", "Mustang")]
    [InlineData("Ofc. Ezra Bloom and two TSOs got him down while the ECOs watched.", "TSOs")]
    [InlineData("SWAT was staged at the Command Post with the BearCat, and K9 was on the way.", "Command Post")]
    public void Detect_LeavesWordsThatNameNoOne(string text, string word) =>
        Assert.DoesNotContain(Detector.Detect(text), s => text[s.Start..s.End] == word);
}
