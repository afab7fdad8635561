using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// The recognisers for how officers talk and type (decision 049), table-driven through the rules alone (no tagger, so
/// the rules are what finds each span): what they find, with its label, and what they must leave alone.
/// </summary>
public sealed class SpokenStyleTests
{
    private static readonly LocalPiiDetector Rules = LocalPiiDetector.WithTagger(null);

    [Theory]
    [InlineData("the driver was 16. sixteen. in a stolen car", "16", "AGE")]
    [InlineData("the driver was 16. sixteen. in a stolen car", "sixteen", "AGE")]
    [InlineData("caller lena saunooke, sixty-two, said her grandson ran", "sixty-two", "AGE")]
    [InlineData("he's maybe 25 and was on foot", "25", "AGE")]
    [InlineData("the kicker was 17. both released to parents", "17", "AGE")]
    [InlineData("Driver Jerome Middleton, forty, stepped out and turned", "forty", "AGE")]
    [InlineData("guy's name is Adrian Mroz, 30ish, and I'm talking", "30", "AGE")]
    [InlineData("DRIVER, M/32, STOOD BY THE TRUCK", "32", "AGE")]
    [InlineData("his nephew Koby Etchemendy, bout 20, swung the rifle", "20", "AGE")]
    [InlineData("dad was like early 40s, wife was yelling", "40", "AGE")]
    [InlineData("white male, mid-50s, standing by the gate", "50", "AGE")]
    [InlineData("says its her nephew and hes 19 and off his meds", "19", "AGE")]
    [InlineData("ANN, 67 YOA, AND HER GRANDSON, 9, REMAINED IN THE VEHICLE", "9", "AGE")]
    [InlineData("mom shook up, kids 8 and 10, all ok", "10", "AGE")]
    [InlineData("two kids I'd guess were 9 and 12. I came down the stairs", "12", "AGE")]
    [InlineData("the driver, he says he's Chue Lor, he's, um, twenty-six, and his hands are shaking", "twenty-six", "AGE")] // a filler set off by commas
    [InlineData("his name was uh Jerome Tate twenty six years old he had warrants", "twenty six", "AGE")] // in words before "years old"
    [InlineData("the driver was a sixty-two year old man from out of state", "sixty-two", "AGE")]
    [InlineData("the caller who was Brittany Oakes she's thirty one and she's telling me", "thirty one", "AGE")] // tens and units, spaced
    [InlineData("I tackled him in the yard he was Travis Lee Oakes thirty four her ex husband", "thirty four", "AGE")] // right after a name
    [InlineData("it was a white male he was like forty something, no, forty two, and he was hot", "forty something", "AGE")] // tens and "something", said as one
    [InlineData("it was a white male he was like forty something, no, forty two, and he was hot", "forty two", "AGE")] // said again to set it right
    [InlineData("the rancher is lyle hartung, he's seventy something, seventy eight i think", "seventy eight", "AGE")]
    [InlineData("the owner mrs zielinski she's like seventy, seventy one, and she was hiding", "seventy one", "AGE")]
    [InlineData("the guy is Demetrius Clay, black male, thirty one, about six foot", "thirty one", "AGE")] // after a person described by sex
    [InlineData("bartosz got thirteen stitches um the suspect is forty seven white male and", "forty seven", "AGE")] // closed by race and sex
    [InlineData("nobody knew i was out of the car um the boyfriend is twenty eight um so the lesson", "twenty eight", "AGE")] // of kin
    [InlineData("Complainant was a white female, approx 45, standing in the yard", "45", "AGE")]
    [InlineData("the wife is pa houa lor she's thirty nine um the kids were in the back bedroom", "thirty nine", "AGE")] // a filler closes it, as dictated
    [InlineData("his daughter uh mercy bishop she's twenty two she had a cut on her head", "twenty two", "AGE")] // the next clause's "she"
    [InlineData("turned out the passenger was really ahmed nur uh twenty and had a warrant", "twenty", "AGE")] // a filler between name and age
    public void Ages(string text, string expected, string label) => AssertFinds(text, expected, label);

    [Theory]
    [InlineData("we pulled him out of cell 3E-12 before the smoke got bad", "cell 3E-12", "LOCATION")]
    [InlineData("I was posted in Tower 2 when the fight started", "Tower 2", "LOCATION")]
    [InlineData("she was the bailiff in dept 11 that morning", "dept 11", "LOCATION")]
    [InlineData("we moved him from D pod to medical", "D pod", "LOCATION")]
    [InlineData("TWO INMATES FROM G BLOCK REFUSED TO LOCK DOWN", "G BLOCK", "LOCATION")]
    [InlineData("staff in 6C wing heard it first", "6C wing", "LOCATION")]
    [InlineData("the visitor in room 418 pressed the call button", "room 418", "LOCATION")]
    [InlineData("OFFICERS MET THE DRIVER, LATER ID'D AS GARCIA, ELENA (44), AT THE CURB", "GARCIA, ELENA", "PERSON")]
    [InlineData("inmate Ferreira, Tomas was moved first", "Ferreira, Tomas", "PERSON")]
    [InlineData("so we get sent out to the kealakomo state park lot around 2 and its dark", "kealakomo state park", "LOCATION")]
    [InlineData("he drove off from the tchefuncte boat launch and we lost him", "tchefuncte boat launch", "LOCATION")]
    [InlineData("we met at Old Mill Park after the call", "Old Mill Park", "LOCATION")]
    [InlineData("TSA held him; respond from Concourse B instead", "Concourse B", "LOCATION")]
    [InlineData("Event: Disturbance / weapon, Eppley Airfield, checkpoint", "Eppley Airfield", "LOCATION")]
    [InlineData("We got sent up to the Pinnacles Overlook about a fight", "Pinnacles Overlook", "LOCATION")]
    [InlineData("We were on Boat 3 running back toward the point", "3", "VEHICLE_ID")]
    [InlineData("transporting two inmates. van 12. one was a state inmate", "12", "VEHICLE_ID")]
    [InlineData("The operator on train 4031 saw it from the cab", "4031", "VEHICLE_ID")]
    [InlineData("CLIPPED THE LEFT REAR OF MY PATROL CAR (CAR 3-114), PUSHING IT", "3-114", "VEHICLE_ID")]
    [InlineData("i parked my car (2207) upstream with the lights on", "2207", "VEHICLE_ID")]
    [InlineData("My car, 22-TT-41, had a missing mirror", "22-TT-41", "VEHICLE_ID")]
    [InlineData("NO SECOND UNIT. PATROL VEH #3-0447 LEFT IN LANE ON CURVE.", "3-0447", "VEHICLE_ID")]
    [InlineData("MCSO River Patrol, boat 412, me and Dep Tui Mapusaga", "412", "VEHICLE_ID")]
    [InlineData("SIZEMORE OPENED THE REAR DOOR OF VAN #7 BEFORE HOWARD WAS OUT", "7", "VEHICLE_ID")]
    [InlineData("Location: H-Dorm, cell 214. Inmate refused to lock down", "H-Dorm", "LOCATION")] // a unit's letter joined by a hyphen
    [InlineData("cell extraction close call, C-Block, 2nd shift", "C-Block", "LOCATION")]
    [InlineData("Deputies said Marcus Two Crow, 27, ran from the car", "Marcus Two Crow", "PERSON")] // a name that opens with a number
    [InlineData("The owner, Dale Three Irons, came out and yelled", "Dale Three Irons", "PERSON")]
    public void RoomsAndSurnamesFirst(string text, string expected, string label) => AssertFinds(text, expected, label);

    [Theory]
    [InlineData("so me and moose went up the stairs first. moose kicked the door and we went in", "moose")]
    [InlineData("ok so gravy (sgt lindqvist) had the shield and i had the long gun", "gravy")]
    [InlineData("Pickle: yall up\nSam: yeah\nPickle: that stop tonight was bad", "Pickle")]
    [InlineData("tiny took him in. tiny's like six-five so nobody worries. tiny felt it, turned, pinned him. until tiny walked him out", "tiny")]
    [InlineData("so me and rusty got sent out to the place. rusty parks the tahoe behind the barn.", "rusty")]
    public void NicknamesByUse(string text, string expected) => AssertFindsAll(text, expected, "PERSON");

    [Theory]
    [InlineData("i was charlie 7 working nights that week", "charlie 7", "BADGE_ID")]
    [InlineData("Ayaan Dahir (Frank 34) sets up on the other side", "Frank 34", "BADGE_ID")]
    [InlineData("i'm 831, the other car was behind me", "831", "BADGE_ID")]
    [InlineData("831: traffic, northbound at the bridge.\nPost: go ahead 831.", "831", "BADGE_ID")]
    [InlineData("B22: on the platform, suspect running.\nI never heard B22 say where he was.", "B22", "BADGE_ID")]
    [InlineData("DISPATCH: 72-S3, 11-83 southbound.\n72-S3: copy, rolling from Yermo.", "72-S3", "BADGE_ID")]
    [InlineData("Radio log.\n0538 HARBOR 7: out at the terminal.\n0538 BASE: Harbor 7 copy.", "Harbor 7", "BADGE_ID")]
    [InlineData("Me: \"714, on scene.\" Disp: \"714, go ahead.\"", "714", "BADGE_ID")]
    [InlineData("CAD LOG\n0102 P21 ON SCENE, ONE SUBJ\n0105 P21 REQ COVER\n0107 R4 ENRT TO ASSIST P21", "P21", "BADGE_ID")]
    [InlineData("the handler said K9 12 was the only dog on that night", "K9 12", "BADGE_ID")]
    [InlineData("like 10:30 at night, me (s-14) and chuy archuleta (s-9) get a dv. s-9 went around back", "s-9", "BADGE_ID")]
    [InlineData("Units: M-214 (Ofc. Cobb), M-220 (Ofc. Jenkins)\n18:43 M-214 req M-220\n18:44 M-220 en route", "M-220", "BADGE_ID")]
    [InlineData("0615:02 DISP: Copy. 8137, can you start?\n0615:09 8137: 8137 en route from the north end.\n0634:12 8137: On scene.", "8137", "BADGE_ID")] // a speaker after stamps with seconds
    [InlineData("Writer: Ofc. Ferreira\n- 1915: Harbor boat on scene.\n- 1922: Subject located on a piling.\n- 1931: Fireboat on scene.", "1922", "TIME")] // log times after a bullet's dash
    [InlineData("22:14:05  DISP: Lincoln Adam two two, respond to a disturbance.\n22:14:12  Lincoln Adam two two: copy, en route.", "Lincoln Adam two two", "BADGE_ID")] // said in words
    [InlineData("Copy, adam twelve, show you en route to the school.", "adam twelve", "BADGE_ID")]
    [InlineData("2214  Baker 4-12: Troop G, Baker 4-12, out with one.\n2214  TROOP G: Copy 4-12.\n2216  Baker 4-12: Driver is uncooperative.", "Baker 4-12", "BADGE_ID")] // its spelling word, wherever it stands
    [InlineData("2214  Baker 4-12: Troop G, Baker 4-12, out with one.\n2214  TROOP G: Copy 4-12.\n2217  Baker 4-9: Baker 4-9, I am at Exit 78.", "Baker 4-9", "BADGE_ID")] // another unit by the same word
    public void CallSigns(string text, string expected, string label) => AssertFindsAll(text, expected, label);

    [Theory]
    [InlineData("Adam two days later called me back about the report.")]
    [InlineData("Frank one of the guys on nights asked about it.")]
    public void SpellingWordsBeforeNumberWordsWithoutTheRadioAreNoCallSign(string text) =>
        Assert.DoesNotContain(Rules.Detect(text), s => s.Label == PiiLabel.BadgeId);

    [Theory]
    [InlineData("stopped a maroon van, KS tag 447 LKD, for no headlights", "447 LKD", "PLATE")]
    [InlineData("blue sedan, FL tag QKB J71, cracked tail light", "QKB J71", "PLATE")]
    [InlineData("bar fight, approx 2210 me and my partner got there", "2210", "TIME")]
    [InlineData("spd here. 2nd shift, sat 11/16 ~2200. quiet night", "sat 11/16", "DATE")]
    [InlineData("[Sat 11:49 PM] Bear: no what", "Sat", "DATE")]
    [InlineData("we got there bout 2230 and it was over", "2230", "TIME")]
    [InlineData("i was working for cherokee indian police department that night", "cherokee indian police department", "AGENCY")]
    [InlineData("bnsf police, nights. me and my partner checked the yard", "bnsf police", "AGENCY")]
    [InlineData("i backed out and called coconino county so, then waited", "coconino county so", "AGENCY")]
    [InlineData("we were code 6 on a vehicle in the Jack in the Box lot", "Jack in the Box", "LOCATION")]
    [InlineData("help was boulder city pd, both 25 min out", "boulder city pd", "AGENCY")]
    [InlineData("walt went to the ER. GCSO call 24-0193 has the rest.", "24-0193", "CASE_NUMBER")]
    [InlineData("we cleared and arrived 0455 at the sally port", "0455", "TIME")]
    [InlineData("it was 2315 or so when the call dropped", "2315", "TIME")]
    [InlineData("so on the 9th we went back out there", "9th", "DATE")]
    [InlineData("night of the 21st into the 22nd, cold and wet", "22nd", "DATE")]
    [InlineData("A GREY HONDA ACCORD NJ REG. F42-KRM, WAS LATER LOCATED", "F42-KRM", "PLATE")] // the full stop of an abbreviation, not a sentence's
    [InlineData("TRANSCRIPT 2213:40  64-12: Dispatch, traffic. 2213:52  DISPATCH: go ahead.", "2213:52", "TIME")]
    [InlineData("Around 0340 Ofc. Tran (2133) and Ofc. Whitley worked the crash", "2133", "BADGE_ID")]
    [InlineData("Units: - Ofc. Jean-Baptiste Morisseau (B3-14) - Sgt. Flaherty", "B3-14", "BADGE_ID")]
    [InlineData("stopped a tahoe on i-40 for 94 in a 75, OK tag LHJ-482. driver hands me his license", "OK", "LOCATION")] // a state's code before its plate, though "ok" is chat
    [InlineData("I OBSERVED A BLACK CHEVROLET IMPALA, TX LP KLM4821, TRAVELING WB", "TX", "LOCATION")] // "LP": licence plate
    [InlineData("01:13:02 white Chevy Silverado, South Dakota 2AB 461. Copy 411", "2AB 461", "PLATE")] // after a state's name
    [InlineData("a gray Honda with Texas KLM 4821 plates pulled in", "KLM 4821", "PLATE")]
    [InlineData("deputy from the Sheriff's Office, badge, uh, four-one-one, came up behind me", "four-one-one", "BADGE_ID")]
    [InlineData("northbound on Highway 63 just past mile marker one-oh-four, we saw the truck", "mile marker one-oh-four", "LOCATION")]
    [InlineData("1104 Mental health call.\n1111 On scene. Sub in the backyard.\n1116 Sub in custody.", "1111", "TIME")]
    [InlineData("1800  Shift change, all posts staffed.\n2200  Lockdown. Count cleared 2211.\n2230  Rounds started.", "2211", "TIME")]
    [InlineData("Pennsylvania tag, uh, Kilo Lima Mary four one one nine, comes back to a Honda", "Kilo Lima Mary four one one nine", "PLATE")] // the police spelling alphabet too
    [InlineData("Around, uh, twenty-three fifteen we get sent to the gas station", "twenty-three fifteen", "TIME")]
    [InlineData("call me back at, uh, five five five, oh one four three if you need me", "five five five, oh one four three", "PHONE")] // no time inside a number said aloud
    [InlineData("0642  Shift briefing.\n1822  On duty, I-70 eastbound.\n1905  Stop, no action.", "1822", "TIME")]
    [InlineData("Date is the twenty-second of June, the bus was full", "twenty-second of June", "DATE")]
    [InlineData("this was the night of the ninth going into the tenth, cold out", "ninth", "DATE")]
    [InlineData("this was tuesday night around uh eleven forty I was working", "eleven forty", "TIME")] // a filler without commas
    [InlineData("Med pass on 5 North, 1930-ish, Thursday. Me and the nurse.", "1930", "TIME")]
    [InlineData("Shift log.\n\n1800  10-8 from Wall\n1842  assist SDHP w/ disabled motorist", "1800", "TIME")] // a ten-code opens the entry
    [InlineData("2136  Canvass. Area secured.\n2204  M/B approx 19 y/o, gray hoodie.", "2204", "TIME")]
    [InlineData("Assigned w/ P/O Adeyemi, RMP 4417.", "4417", "VEHICLE_ID")]
    [InlineData("my bike was motor 3418, its getting a new front end", "3418", "VEHICLE_ID")]
    [InlineData("Call sign: 2-Baker-7     Vehicle: 2217\nNARRATIVE", "2217", "VEHICLE_ID")]
    [InlineData("I was working as Lincoln Adam two two out of East Patrol", "Lincoln Adam two two", "BADGE_ID")]
    [InlineData("Car was a Kia, Nebraska plate, uh, Charlie Delta X-ray four four one nine.", "Charlie Delta X-ray four four one nine", "PLATE")]
    [InlineData("PHOENIX - A Maricopa County detention officer was punched", "PHOENIX", "LOCATION")] // a dateline with a spaced hyphen
    [InlineData("we responded to 2214 west maple street in Enid for a domestic", "2214 west maple street", "ADDRESS")] // lower case in a mixed text
    [InlineData("we rolled up to twenty two fourteen west maple street in enid", "twenty two fourteen west maple street", "ADDRESS")] // said aloud
    [InlineData("The crash happened near S. 16th Street and W. Lincoln Avenue on Tuesday.", "S. 16th Street and W. Lincoln Avenue", "ADDRESS")]
    [InlineData("Slone drove into knee-deep water along Ky. 160 near the creek.", "Ky. 160", "LOCATION")] // a state route, as news writes it
    [InlineData("the van had no lights. plate was IL BX 44218 and it came back stolen", "BX 44218", "PLATE")]
    [InlineData("call was a duplex on s 3rd ave. we knocked", "s 3rd ave", "ADDRESS")] // a direction in lower case
    [InlineData("- Where: Hope, AR - Hempstead County, a gas station lot", "Hope", "LOCATION")] // a town that is a word, before its state
    [InlineData("BOWLING GREEN, KY (AP) - A trooper was hurt", "BOWLING GREEN", "LOCATION")]
    [InlineData("veh = grey Tacoma, IL CJ 74109, comes back to a Blue Island address", "CJ 74109", "PLATE")] // a plate after its state
    [InlineData("stopped a silver Altima with Illinois plates, DK 48213, no taillights", "DK 48213", "PLATE")]
    [InlineData("SB on 172 from Ignacio, Colorado ARN-Q82, speeds 90.", "ARN-Q82", "PLATE")]
    [InlineData("an older gray Subaru Outback with Oregon plates, 173 KFG. The car had damage", "173 KFG", "PLATE")]
    [InlineData("ME: 22, he's gone, northbound 491, speeds 90 plus", "491", "LOCATION")] // a road by its number after a direction
    [InlineData("we were out near storm lake when the call came", "storm lake", "LOCATION")] // a town of two words in lower case
    [InlineData("Suspect at gunpoint.\nDISPATCH: Copy 2-Sam-9 on scene, 2247.\n(Tyrel came out)", "2247", "TIME")] // a dispatcher's stamp
    [InlineData("note to self for the report\nwed nite 2315, dom in ponemah", "2315", "TIME")]
    [InlineData("me: ya. friday nite, 2315 or so. me and junior", "2315", "TIME")]
    [InlineData("a suspicious vehicle at the dollar general on route nine by the feed store", "route nine", "LOCATION")] // roads said in words
    [InlineData("about eleven miles south on route one ninety one past many farms", "route one ninety one", "LOCATION")]
    [InlineData("a white Tahoe eastbound on I ninety four, weaving", "I ninety four", "LOCATION")]
    [InlineData("it was the night before thanksgiving, about two am, we were searching", "two am", "TIME")]
    [InlineData("so on the fourth of july around nine thirty pm we got a call", "nine thirty pm", "TIME")]
    [InlineData("this was sunday night, like, eleven thirty, in the parking ramp", "eleven thirty", "TIME")]
    [InlineData("Plate was Montana three dash seven seven one two four B, no insurance", "three dash seven seven one two four B", "PLATE")]
    [InlineData("a few minutes later, minnesota plate, um, kilo lima delta, seven zero four", "kilo lima delta, seven zero four", "PLATE")]
    [InlineData("I work at the county jail, employee number four four one seven nine, second shift", "four four one seven nine", "BADGE_ID")]
    [InlineData("born in eighty seven, license number zero four five one one two three three eight", "zero four five one one two three three eight", "DRIVER_LICENSE")]
    [InlineData("this is like one forty a m and we light up a silver impala", "one forty a m", "TIME")] // "a m" as a speech app writes it
    [InlineData("i got a call around eleven fifty two p m on the east side", "eleven fifty two p m", "TIME")]
    [InlineData("i was three adam twenty two in car two fourteen that night", "two fourteen", "VEHICLE_ID")] // a car's number said aloud
    [InlineData("she was flagged down by the operator of bus fourteen oh nine at the stop", "fourteen oh nine", "VEHICLE_ID")]
    [InlineData("pulled him over on i five northbound around mile post eighty two", "mile post eighty two", "LOCATION")]
    [InlineData("we got dispatched to a homesite off Navajo Route seven past the chapter house", "Navajo Route seven", "LOCATION")] // the road's owner
    public void PlatesTimesAgencies(string text, string expected, string label) => AssertFinds(text, expected, label);

    [Theory]
    [InlineData("Tpr. Vang 23:52: at mile marker 151 coming", "Vang")]
    [InlineData("Sgt. Okafor 23:53: copy, on my way", "Okafor")]
    [InlineData("Charlie 23:53: copy", null)]
    public void ASpeakerBeforeAClockTimeIsNoCallSign(string text, string? speaker)
    {
        // "Vang 23" of "Vang 23:53:" is no call sign ("Harbor 7:"): the number is the hour of the clock time.
        var spans = Rules.Detect(text);
        var time = text.Substring(text.IndexOf(':', StringComparison.Ordinal) - 2, 5);
        Assert.DoesNotContain(spans, s => s.Label == PiiLabel.BadgeId);
        Assert.Contains(spans, s => s.Label == PiiLabel.Time && text[s.Start..s.End] == time);
        if (speaker is not null)
        {
            Assert.Contains(spans, s => s.Label == PiiLabel.Person && text[s.Start..s.End] == speaker);
        }
    }

    [Theory]
    [InlineData("2204:35 M-22: en route.\n2205:02 M-17: he's coming at me")]
    [InlineData("1735  M-1 (Marshal Price) en route\n1740  M-1 on scene")]
    public void EnRouteBeforeALogsNextEntryIsNoRoad(string text) =>
        Assert.DoesNotContain(Rules.Detect(text), s => s.Label == PiiLabel.Location);

    [Theory]
    [InlineData("LOG EXCERPT\n\n1412  DISPATCH: 3-Lima-7, copy.\n1419  3-Lima-7: Driver is out.\n1423  DISPATCH: caution, copy.")]
    [InlineData("LOG EXCERPT\n\n1412  DISPATCH: 317, copy.\n1419  317: Driver is out.\n1423  DISPATCH: caution, copy.")]
    public void ALogTimeBeforeASpeakingUnitIsATime(string text)
    {
        var spans = Rules.Detect(text);
        foreach (var time in new[] { "1412", "1419", "1423" })
        {
            Assert.Contains(spans, s => s.Label == PiiLabel.Time && text[s.Start..s.End] == time);
        }
    }

    [Fact]
    public void AClockTimeIsNotTakenFromALongerNumberSaidAloud()
    {
        const string text = "her cell is zero two zero two one one seven, call her when you clear";
        Assert.DoesNotContain(Rules.Detect(text), s => s.Label == PiiLabel.Time);
    }

    [Theory]
    [InlineData("He was out early under California AB 109 and back on the street.")] // a bill
    [InlineData("he drove an Ohio F-150 and a Texas RAV4 with 200 miles on it")] // models
    public void ALawAfterAStateIsNoPlate(string text) =>
        Assert.DoesNotContain(Rules.Detect(text), s => s.Label == PiiLabel.Plate);

    [Theory]
    [InlineData("[group chat] Brooks: yall hear that? Sully: lol the memo Brooks: tell him he owes me", "Brooks", "PERSON")]
    [InlineData("Chip, long story short she is fine. The rest is below.", "Chip", "PERSON")]
    [InlineData("Hey Bear, this is the write up you wanted.", "Bear", "PERSON")]
    [InlineData("victim Nadege Pierre-Louis called from a neighbor's phone", "Nadege Pierre-Louis", "PERSON")]
    [InlineData("Name: Tpr. Caleb J. Combs     Unit: 1347     Date: 01/09/24", "Caleb J. Combs", "PERSON")]
    [InlineData("Deputy Marisa Ybarra Unit: 7", "Marisa Ybarra", "PERSON")]
    [InlineData("dispatch 23:50: units copy, welfare check at the ramp\nSgt. Miller 23:53: copy, on my way\nme 23:54: ok im out", "Miller", "PERSON")]
    [InlineData("dispatch: check the ramp\nDep. Young: copy, on my way\nme: ok im out with it", "Young", "PERSON")]
    [InlineData("Call me if you have questions.\n\nThanks,\nHunter Bishop\nSchool Resource Officer", "Hunter Bishop", "PERSON")]
    [InlineData("That is all I have.\n\nRespectfully submitted,\nSgt. Dale Hemming", "Dale Hemming", "PERSON")]
    [InlineData("be careful out there\n\nstay safe,\nJ. Stone", "J. Stone", "PERSON")]
    [InlineData("SUPPLEMENTAL NARRATIVE\nCase 24-0917 | Reporting Officer: Ofc. Dakota Shepherd\nOn the above date I responded.", "Dakota Shepherd", "PERSON")]
    [InlineData("[swing crew chat]\nSgt. Ellie Brooks: who was it\nme: the white pickup again", "Ellie Brooks", "PERSON")]
    [InlineData("so dep young took the door and i went to the back. young yelled gun.", "young", "PERSON")]
    [InlineData("backup was officer brown in car 2207 and she got there maybe forty seconds later", "brown", "PERSON")]
    public void SpeakersAndAddressees(string text, string expected, string label) => AssertFinds(text, expected, label);

    [Theory]
    [InlineData("Big Horn County, badge two one four. period. new paragraph", "two one four", "BADGE_ID")]
    [InlineData("trooper alan zhao badge 6 2 9 recording this on the drive", "6 2 9", "BADGE_ID")]
    [InlineData("I had a Nissan Altima, Florida tag Q as in Queen, R, 7, 4, 1, K. Driver is a female", "Q as in Queen, R, 7, 4, 1, K", "PLATE")]
    [InlineData("ran the plate papa kilo romeo 2 9 1 and it came back stolen", "papa kilo romeo 2 9 1", "PLATE")]
    [InlineData("Backup Trooper Keisha Lamb Unit 6-0-9 arrived after.", "6-0-9", "BADGE_ID")]
    [InlineData("Webster County got him in the ditch at mile marker one twenty four period", "mile marker one twenty four", "LOCATION")]
    [InlineData("rolled it near milepost sixty two on the interstate", "milepost sixty two", "LOCATION")]
    [InlineData("he was 71, confused, thought he was on the 101. car 2217 was totaled", "101", "LOCATION")]
    [InlineData("we were on the 405 southbound when he cut across", "405", "LOCATION")]
    [InlineData("okay. incident 24 W A 1 0 8 8. end", "24 W A 1 0 8 8", "CASE_NUMBER")]
    [InlineData("case number twenty four dash zero three one one. end of dictation", "twenty four dash zero three one one", "CASE_NUMBER")]
    [InlineData("Saturday the ninth, about eleven forty at night, I took a call", "eleven forty", "TIME")]
    [InlineData("Memorial Day, around twenty past four in the afternoon", "twenty past four", "TIME")]
    [InlineData("last thursday at like 5 after 9 at night i get sent", "5 after 9", "TIME")]
    [InlineData("the night of the flooding, sunday the 27th, i was working", "sunday the 27th", "DATE")]
    [InlineData("new paragraph. Saturday the ninth, about eleven forty", "Saturday the ninth", "DATE")]
    [InlineData("drive home from the hospital thursday march 7th about 4:15", "march 7th", "DATE")]
    [InlineData("native american day, oct 9, i was working 2nd", "oct 9", "DATE")]
    [InlineData("ON SUNDAY WE WENT OUT ON MOTHER'S DAY AND IT WAS FINE", "MOTHER'S DAY", "DATE")]
    [InlineData("on the saturday before labor day we went out", "saturday before labor day", "DATE")]
    [InlineData("a spotlight near the Novotny farm on road 12", "Novotny farm", "LOCATION")]
    [InlineData("out on the Lodge Grass road past the Real Bird place, caller was", "Real Bird place", "LOCATION")]
    [InlineData("they were in the truck at the Alton Bay ramp when it slid", "Alton Bay ramp", "LOCATION")]
    [InlineData("I've got a male at gate G7 refusing to deboard", "gate G7", "LOCATION")]
    [InlineData("About an hour later, in holding tank 7, another detainee", "tank 7", "LOCATION")]
    [InlineData("me and my partner held traffic and we called tempe fire and they came for the cut", "tempe fire", "AGENCY")]
    [InlineData("thank god for mustang gear. portland fire & rescue boat 17 took the kid", "portland fire & rescue", "AGENCY")]
    [InlineData("the boat, reg 7734 RK, was swinging on its anchor", "7734 RK", "PLATE")]
    [InlineData("the wreck when a Utah plate X914TK SUV came around the bend", "X914TK", "PLATE")]
    [InlineData("my usual partner, Officer Leroy Kills In Water, was off that night", "Leroy Kills In Water", "PERSON")]
    [InlineData("fire got him out and ems took him to hcmc, he made it", "hcmc", "LOCATION")]
    [InlineData("When: Sunday of Labor Day weekend, ~0615 hrs", "Sunday of Labor Day weekend", "DATE")]
    [InlineData("The incident came two days after Thanksgiving, one of the busiest", "two days after Thanksgiving", "DATE")]
    [InlineData("NEAR MISS SUBMISSION ON 05 DEC 2023 AT APPROX 0445 HRS", "05 DEC 2023", "DATE")]
    [InlineData("On Thursday 11 January 2024 at approx. 13:20 I went", "Thursday 11 January 2024", "DATE")]
    [InlineData("at the hall, wed jun 5 like 0930, the hearing", "jun 5", "DATE")]
    [InlineData("PD was tied up on a crash at Milton and Butler and said 10 minutes", "Milton and Butler", "ADDRESS")]
    [InlineData("DETAIL DATE: 01/06/2024 (SAT, THREE KINGS DAY) TIME: 1740 HRS", "THREE KINGS DAY", "DATE")]
    [InlineData("me, tiny, bear and rusty on the same shift. bear and i end up behind a planter, rusty is in the open", "rusty", "PERSON")]
    [InlineData("She was flown to Regions on 6/12 and spent a week there", "Regions", "LOCATION")]
    [InlineData("Officer Hunter Two Bulls, 27, stopped the car. When Two Bulls reached in, the driver sped off.", "Two Bulls", "PERSON")]
    [InlineData("Back in '19 I was the SRO at the high school", "'19", "DATE")]
    [InlineData("4th of july wknd like 2022 or 23. some dude in the crowd", "23", "DATE")]
    [InlineData("J. LAFRAMBOISE, BADGE 44, VEH 4-12. ON THURSDAY", "4-12", "VEHICLE_ID")]
    [InlineData("was SO at the time, car 3417 - 3500 S and redwood", "3417", "VEHICLE_ID")]
    [InlineData("we were out at lusk, wy. nobody around", "lusk", "LOCATION")]
    [InlineData("we were out at lusk, wy. nobody around", "wy", "LOCATION")]
    [InlineData("she drove in from laramie that night", "laramie", "LOCATION")]
    [InlineData("THE DEFENDANT STOOD UP. DEP. BROOKS WAS ESCORTING HIM AND SGT. DEACON HAS APPROVED IT.", "BROOKS", "PERSON")]
    [InlineData("THE DEFENDANT STOOD UP. DEP. BROOKS WAS ESCORTING HIM AND SGT. DEACON HAS APPROVED IT.", "DEACON", "PERSON")]
    [InlineData("NDHP was at a crash by the river and we had nobody", "NDHP", "AGENCY")]
    [InlineData("we called the jail and MN DOC took him that night", "MN DOC", "AGENCY")]
    [InlineData("We talked to sgt blackhorse after and now We stage", "blackhorse", "PERSON")]
    [InlineData("The driver, Julio Cesar Ibarra, 31, ran toward the canal", "Julio Cesar Ibarra", "PERSON")] // a name, not a month in Spanish
    [InlineData("Caller was Loretta Not Afraid. She said her nephew was drunk", "Loretta Not Afraid", "PERSON")] // the Census's "Notafraid"
    [InlineData("backup was sgt iron cloud, he rolled up right after", "iron cloud", "PERSON")]
    [InlineData("He's 17. Tyrell Two Crow. He was drunk and upset", "Tyrell Two Crow", "PERSON")]
    [InlineData("Caller was Loretta Not Afraid. Not Afraid was compliant the whole time", "Not Afraid", "PERSON")] // a later mention
    public void SaidAndWritten(string text, string expected, string label) => AssertFinds(text, expected, label);

    [Theory]
    [InlineData("Times from CAD.\n0142 3-Adam-21: Adam 21, fight in the lot.\n0145 Dispatch: Adam 21, status?", "Adam 21", "BADGE_ID")]
    [InlineData("Times from CAD.\n22:14:05 P-12: I'm at ED pod 3.\n22:14:20 DISP: copy.\n22:14:40 P-12: Negative", "P-12", "BADGE_ID")]
    [InlineData("RADIO LOG\n2204:11 M-17: priority, male with a blade.\n2204:20 DISP: copy.\n2205:02 M-17: he's coming at me.", "M-17", "BADGE_ID")]
    [InlineData("RADIO LOG\n2207:30 SGT-4: you good?\n2207:34 M-17: I'm good.\n2207:50 SGT-4: copy.", "SGT-4", "BADGE_ID")]
    [InlineData("T-Bob 21:47: yall up?\nDani 21:49: here. what happened\nT-Bob 21:52: checking traps", "T-Bob", "PERSON")]
    [InlineData("Bear K. [8:10 PM]: checking on you\nHope L. [8:11 PM]: what\nBear K. [8:12 PM]: ok", "Bear K.", "PERSON")]
    [InlineData("CAD excerpt, 6/19/2023\n1735  M-1 (Marshal Price) and M-3 on foot\n1813  M-1 enrt on foot\n1814  M-3 enrt from the trucks", "M-1", "BADGE_ID")]
    [InlineData("CAD excerpt, 6/19/2023\n1735  M-1 (Marshal Price) and M-3 on foot\n1813  M-1 enrt on foot\n1814  M-3 enrt from the trucks", "1813", "TIME")]
    [InlineData("Log:\n0905 - 22 out at the park\n0943 - 22 and 25 responding\n0944 - 25 on scene", "25", "BADGE_ID")]
    [InlineData("Log:\n0905 - 22 out at the park\n0943 - 22 and 25 responding\n0944 - 25 on scene", "22", "BADGE_ID")]
    [InlineData("CAD - NYE\n31DEC 2354  2214 (Ofc Haddad) assigned\n01JAN 0001  2214 on scene", "2214", "BADGE_ID")]
    [InlineData("CAD - NYE\n31DEC 2354  2214 (Ofc Haddad) assigned\n01JAN 0001  2214 on scene", "01JAN", "DATE")]
    [InlineData("0051 1k12: dispatch 1k12, 10-97 at the residence\n0054 1k7: 1k7 en route, 10 out\n0056 1k12: im behind my unit", "1k12", "BADGE_ID")]
    [InlineData("0149 DISP 3S4 (DEP NGUYEN)\n0201 3S4 ONSCENE\n0203 3S4 SUBJ FLED", "3S4", "BADGE_ID")]
    [InlineData("[11:02p] marisol: fyi for everyone\n[11:06p] dustin: talked him into it", "11:06p", "TIME")]
    [InlineData("PURSUIT 07/04/24\n23:41:12 OB21 ATT TO STOP RED CAMARO FL TAG\n23:41:40 OB21 VEH FAILED TO YIELD", "OB21", "BADGE_ID")]
    [InlineData("PURSUIT 07/04/24\n23:41:12 OB21 ATT TO STOP RED CAMARO FL TAG\n23:41:40 OB21 VEH FAILED TO YIELD", "23:41:40", "TIME")]
    [InlineData("Yesterday around 1540 in Part 23, the defendant ran.", "1540", "TIME")] // "in" before a word: a preposition, not inches
    [InlineData("HEADS UP 2ND SHIFT. LAST NIGHT 2130 YOUNG AND I TOOK A MALE WITH A GUN", "2130", "TIME")]
    [InlineData("NOTES\n11-02-23 / 1722 / I-80 EB MM 440", "1722", "TIME")] // a clock number after a date
    [InlineData("Signed T. Faleolo #3318   2/4/2024   2240", "2240", "TIME")]
    [InlineData("Two men: Wade Kettleson, 52, and his son Colt, 24. Colt got out fast. I told Colt to stop.", "Colt", "PERSON")] // a word after a role, with an age
    [InlineData("ME: shots fired. DISPATCH: Copy 22, 1853. (about two minutes later) ME: ok", "1853", "TIME")] // a dispatcher's acknowledgement stamped with the time
    [InlineData("DESK: N-12, copy, 2347. N-7 and N-15 start that way.", "2347", "TIME")]
    [InlineData("trains to stop letting people off here. 1731 DISPATCH: Copy M-31, notifying rail control.", "1731", "TIME")] // an entry inside a paragraph, before its speaker
    [InlineData("DATE: WED 10/02/2024   TIME: 1812 LOCATION: FRUITVALE STATION", "1812", "TIME")] // a form's field, whatever follows
    [InlineData("SGT DUFFY ON SCENE 1738. ESU TRUCK 3 TOOK AIDED", "1738", "TIME")]
    [InlineData("the log shows the 0300 round done and it wasnt", "0300", "TIME")] // a jail's round, not a measure
    public void LogsAndChats(string text, string expected, string label) => AssertFindsAll(text, expected, label);

    [Theory]
    [InlineData("THE VEHICLE PULLED INTO THE ST. HERMAN HARBOR LOT AND STOPPED", "ST. HERMAN HARBOR", "LOCATION")]
    [InlineData("WE WERE SURVEILLING THE VAN DAMME STATE PARK PARKING LOT", "VAN DAMME STATE PARK", "LOCATION")]
    [InlineData("WE WERE AT THE MOUTH OF THE KENAI RIVER IN THE BOAT", "KENAI RIVER", "LOCATION")]
    [InlineData("RESPONDING FROM BETHEL TO NAPAKIAK VIA THE RIVER", "NAPAKIAK", "LOCATION")]
    [InlineData("THE DRIVER WAS LATER LOCATED BY THE TROOPER AT THE SHEETZ AT EXIT 52", "SHEETZ", "LOCATION")]
    [InlineData("We were posted at the Five Points station when he ran", "Five Points station", "LOCATION")]
    [InlineData("then we drove to the boise airport and waited", "boise airport", "LOCATION")]
    [InlineData("SGT WILL SMITH RESPONDED AND DEP YOUNG ARRIVED LATER THAT NIGHT AT THE SCENE.", "WILL SMITH", "PERSON")]
    [InlineData("vang was my cover, came up from arnegard. dude finally gets out", "arnegard", "LOCATION")]
    [InlineData("the man camp off hwy 85 south of watford city, around 0200", "watford city", "LOCATION")]
    [InlineData("the parking deck off colfax and race around 0215", "colfax and race", "ADDRESS")]
    [InlineData("DISP TO WELFARE CHECK, BLACK WOLF HOLLOW RD, IAEGER. RP IS HIS SISTER.", "BLACK WOLF HOLLOW RD", "ADDRESS")]
    [InlineData("CAR 27 11/02/23 0012 HRS TRAFFIC STOP, W WARREN AVE AT GREENFIELD RD. GRAY FORD EXPLORER", "W WARREN AVE AT GREENFIELD RD", "ADDRESS")]
    [InlineData("we backed up fort belknap tribal pd on a DV out past hays. we were 40 min out", "fort belknap tribal pd", "AGENCY")]
    [InlineData("St Landry Parish SO, back in 2016 or so. I was working", "St Landry Parish SO", "AGENCY")]
    [InlineData("the shooter got picked up later by cook county sheriff's on cermak.", "cook county sheriff's", "AGENCY")]
    [InlineData("I worked for the Port of Houston Authority police for six years.", "Port of Houston Authority police", "AGENCY")]
    public void PlacesWhateverTheCase(string text, string expected, string label) => AssertFinds(text, expected, label);

    [Theory]
    [InlineData("his sister on the phone at nine zero seven, five five five, zero one four two talked him out", "nine zero seven, five five five, zero one four two", "PHONE")]
    [InlineData("on january nineteenth at approximately zero three forty hours I was contacted", "zero three forty hours", "TIME")]
    [InlineData("on january nineteenth at approximately zero three forty hours I was contacted", "january nineteenth", "DATE")]
    [InlineData("On August second at about twenty one fifteen I responded", "twenty one fifteen", "TIME")]
    [InlineData("on may twenty-sixth we met", "may twenty-sixth", "DATE")]
    [InlineData("case number alpha kilo two four zero zero one eight. end of dictation", "alpha kilo two four zero zero one eight", "CASE_NUMBER")]
    [InlineData("a Remington seven hundred, serial number E six four four one nine two. end of dictation", "E six four four one nine two", "OTHER_ID")]
    [InlineData("a male, date of birth six twelve nineteen seventy one, who had fired", "six twelve nineteen seventy one", "DATE")]
    [InlineData("Complainant, age forty four, said her son was high", "forty four", "AGE")]
    [InlineData("the guy who called on the dogs in june? he was back", "june", "DATE")]
    [InlineData("this was jan or feb of 2021, snow on the pass", "feb of 2021", "DATE")]
    [InlineData("he lost his job in march and his wife passed", "march", "DATE")]
    [InlineData("they got him at 0345 in the barn and we left", "0345", "TIME")]
    [InlineData("tuesday night, maybe 2230, i stop a car", "2230", "TIME")]
    [InlineData("I'm writing this while it's fresh. At about twenty-two hundred I got sent to the boat launch.", "twenty-two hundred", "TIME")]
    [InlineData("I get there around twenty-two thirty and the truck is still running", "twenty-two thirty", "TIME")]
    [InlineData("dispatch logged it at zero three forty-five and sent two units", "zero three forty-five", "TIME")]
    [InlineData("ok this is for the close call thing. so it's like oh two hundred, night before thanksgiving", "oh two hundred", "TIME")]
    [InlineData("I'm solo in the district. unit three lincoln twenty two. I stop a red nissan", "three lincoln twenty two", "BADGE_ID")]
    [InlineData("turns out he's willem de groot, forty one, bench warrant out of montgomery county", "forty one", "AGE")]
    [InlineData("I stop a red nissan for no headlights. pennsylvania plate, kilo mike romeo four four one eight. driver says", "kilo mike romeo four four one eight", "PLATE")]
    [InlineData("Driver is a Cody Lamar Fenn, date of birth zero four slash one two slash eight six. Run him.", "zero four slash one two slash eight six", "DATE")]
    [InlineData("thats harris county. case number is uh two four dash zero eight eight one three seven. anyway", "two four dash zero eight eight one three seven", "CASE_NUMBER")] // a filler after "is"
    [InlineData("our incident number is s r two five dash zero zero four one and backup was far", "s r two five dash zero zero four one", "CASE_NUMBER")] // letters in lower case, in caseless text
    [InlineData("brandts booking number is two five zero one one eight eight four and he was out", "two five zero one one eight eight four", "OTHER_ID")]
    [InlineData("twenty nine years old, california dl b as in boy seven two two four one nine eight and", "b as in boy seven two two four one nine eight", "DRIVER_LICENSE")]
    [InlineData("call me at the office. Or email is c dot ironshell at tcso s d dot org. thanks", "c dot ironshell at tcso s d dot org", "EMAIL")]
    [InlineData("if anybody wants the body cam send it to r sandoval at abq apd mail dot org and", "r sandoval at abq apd mail dot org", "EMAIL")]
    [InlineData("i was working the east side by myself unit four twelve and i stopped a truck", "four twelve", "BADGE_ID")]
    [InlineData("stopped him for weaving. my car is two thirty one and the dash cam was on", "two thirty one", "VEHICLE_ID")]
    [InlineData("chicago, i was working beat twenty five twelve on third watch", "twenty five twelve", "BADGE_ID")]
    [InlineData("a Honda Civic, New York registration Henry Victor Foxtrot seven three one zero, parked", "Henry Victor Foxtrot seven three one zero", "PLATE")]
    [InlineData("the daughter pa nhia xiong thats p a n h i a x i o n g translated for us", "p a n h i a x i o n g", "PERSON")] // a name found, spelled
    [InlineData("im gonna write that wrong, sandoval s a n d o v a l, and me and officer", "sandoval", "PERSON")] // the word a spelling repeats
    [InlineData("im gonna write that wrong, sandoval s a n d o v a l, and me and officer", "s a n d o v a l", "PERSON")]
    [InlineData("i am with the sheriffs department, call sign k nine four, and ziggy got stitches", "k nine four", "BADGE_ID")] // a letter among two numbers
    [InlineData("we figured out who was who. r d number is j x four four one two two nine. so", "j x four four one two two nine", "CASE_NUMBER")] // a report's letters before "number"
    [InlineData("stopped a silver dodge ram on spur four eighty by the gas station", "spur four eighty", "LOCATION")]
    [InlineData("this was on third watch. on the uh the twenty second of august i was working", "twenty second of august", "DATE")] // the tens spaced
    [InlineData("the premise file had a note from like two thousand nineteen about dogs", "two thousand nineteen", "DATE")]
    [InlineData("this was back in twenty nineteen when i was new", "twenty nineteen", "DATE")]
    [InlineData("in two thousand and twelve we had a similar call", "two thousand and twelve", "DATE")]
    [InlineData("a man with a knife inside the bakery, fifty two hundred block of west ostrowski avenue, so we went", "fifty two hundred block of west ostrowski avenue", "ADDRESS")]
    [InlineData("building c. i'm a deputy with harris county sheriff's office district two. welfare check", "harris county sheriff's office district two", "AGENCY")] // a sub-unit's number said
    [InlineData("transport deputy dictated\ntwenty three ten on interstate seven seven north\nzero zero fifteen inmate says he is fine", "twenty three ten", "TIME")] // a log's entry opens with its time
    [InlineData("transport deputy dictated\ntwenty three ten on interstate seven seven north\nzero zero fifteen inmate says he is fine", "zero zero fifteen", "TIME")]
    [InlineData("social security number i had it read back to me as three two seven dash four four dash nine one eight two uh we", "three two seven dash four four dash nine one eight two", "SSN")]
    [InlineData("the escalade driver was uh m w forty five uh and he ran", "forty five", "AGE")] // sex and race said as letters
    [InlineData("she helped me cuff him uh his plate was west virginia three x y seven seven two one uh the thing is", "three x y seven seven two one", "PLATE")] // a state of two words
    [InlineData("a noise complaint at the maple ridge apartments at fourteen fifty east vine street building c uh the caller", "fourteen fifty east vine street building c", "ADDRESS")] // not a time at "at"
    [InlineData("we went to a family fight at eleven forty seven larkin ridge avenue apartment two b and the door was open", "eleven forty seven larkin ridge avenue apartment two b", "ADDRESS")]
    public void NumbersSaidAloud(string text, string expected, string label) => AssertFinds(text, expected, label);

    [Theory]
    [InlineData("we waited about twenty five minutes and then at about fifteen forty officers came")] // counts and durations said aloud
    [InlineData("one two three, go. we had two two five rounds left")] // a count-off and a count, no phone
    [InlineData("we stayed at home and work was slow, then met at trailheads and remote pullouts")] // ordinary words joined, no streets
    [InlineData("me and my partner go up the stairs lol, and Sarge: nobody goes up. go home at EOW")] // a verb, a role, chat shorthand
    [InlineData("He spoke only Spanish. \"Buenas noches, manos arriba.\" He had his hands in his hoodie")] // words of another language and the trade
    [InlineData("Deputy 1 retreated to the corner of the house and gave commands from cover.")] // a thing's corner, no streets
    [InlineData("Wrong-Way Driver on a Divided Highway")] // kinds of road, no road's name
    [InlineData("WE WENT DOWN THE DIRT RD AND THEN CALLED THE DR, WHO CAME LATER THAT NIGHT.")] // a road of a kind, a doctor
    [InlineData("A school resource officer (SRO) assigned to a rural middle school")] // a role's initials
    [InlineData("I walked up on a vehicle with a Ruger 10/22 resting on the window frame.")] // a rifle's model after its make
    [InlineData("THE SHIFT SUPERVISOR WILL CONFIRM EACH OFFICER HAS READ THE MEMO BEFORE ROLL CALL TONIGHT.")] // a modal verb after a rank
    [InlineData("Not gonna say where. Small SO, rural, you know the type.")] // an agency's size, none named
    [InlineData("A campus officer at a mid-sized university in the Mid-Atlantic region. The residence sat at the end of a drive.")] // a prefix, a region, a verb
    [InlineData("you may march with us. we march in formation and may stop")] // months that are words, acting as words
    [InlineData("the board was 2 by 1200 in wide")] // a measure, not a time
    [InlineData("Two officers were assigned to the Pacific Northwest task group; the Upper Midwest team met them")] // regions of the country
    [InlineData("Agency Type: County Sheriff's Office (fewer than 25 sworn)")] // a form's kind of agency
    [InlineData("THEN HE BEGAN TO UNZIP IT TO LOOK FOR A NAME TAG")] // a verb after "TO", no place
    [InlineData("WE DROVE FROM THE STATION TO THE HOSPITAL AND WAITED")] // premises of a kind
    [InlineData("we waited about ten minutes and about five officers came")] // counts and durations, not times
    [InlineData("the Motorola APX on my shoulder and the Whelen lightbar")] // equipment makers
    [InlineData("we kept the fire lane clear and checked the fire hydrant")] // things, not a fire department
    [InlineData("they took him to jail and then to school")] // ordinary places, no name
    [InlineData("dec 12 officers came out for it")] // a count after a month's name, no date
    [InlineData("me and backup got there and backup left")] // a word of the trade, no partner's name
    [InlineData("An ANSI Class 3 vest only helps if you wear it")] // a rating, not an academy class
    [InlineData("I met with them and we stood at the door and waited")] // no names to join
    [InlineData("Mutual Aid Between a Tribal Police Department and a County Sheriff's Office")] // agencies of a kind, none named
    [InlineData("we moved the shotguns to locked racks in the Tahoes and Explorers")] // vehicle models in the plural
    [InlineData("the driver fled on foot SOUTHBOUND into the brush")] // words run together, not a place
    [InlineData("we ran a Containment drill after that")] // a noun's ending, not a name
    [InlineData("next quarter we add a half-day of Ballistic Breaching to the schedule")] // a course, not a person
    [InlineData("he was 20 feet away when it went off")] // a distance, not an age
    [InlineData("he was 1 of 3 who ran")] // a count
    [InlineData("she was like 30 seconds out")] // a duration
    [InlineData("we called the campus police and the state police")] // kinds of agency, not one named
    [InlineData("Note: this happened fast. Note: nobody hurt. Lesson: wait. Lesson: talk.")] // headings, not speakers
    [InlineData("Report Type: Near Miss. Agency Type: Municipal.")] // form fields, not speakers
    [InlineData("OK, you asked what went wrong. We waited too long.")] // an interjection, not a name
    [InlineData("around 1800 feet from the ridge")] // a distance after "around"
    [InlineData("ok so we rolled up and it was quiet")] // "so" after a word is no sheriff's office
    [InlineData("we went 10-8 and then code 3 to an 11-99 call")] // radio codes, not call signs
    [InlineData("the boys 2 and 3 of the group ran")] // a count, not ages
    [InlineData("the crowd was a block away and getting louder")] // the article, not a unit's letter
    [InlineData("DON'T BLOCK THE DOOR WITH THE CART")] // a contraction's letter, not a unit's
    [InlineData("a small dept 14 officers total, two on nights")] // a count after the word
    [InlineData("I said to keep holding 2 fingers on the pulse")] // holding is a verb here
    [InlineData("me and backup got there late and nobody was hurt")]
    [InlineData("we met at the state park lot and then at the boat launch")] // kinds of place with no name
    [InlineData("he lived on the 3rd floor and worked the 2nd shift")] // ordinals of things, not days
    [InlineData("the plainclothes unit hadn't told patrol, and Plainclothes officers wasn't a phrase dispatch used")] // vocabulary and contraction stems
    [InlineData("Foot Pursuit Into an Unlit Yard Behind a Restroom")] // a bulletin's title, no place
    [InlineData("Interviewer: what happened next\nInterviewer: and then what")] // a transcript's role, not a speaker
    [InlineData("Officer Safety Bulletin: Unannounced Contact at a Rural Stop")] // a prefix on a word, not a name
    [InlineData("Lessons Learned Report: Fireworks Misperceived as Gunfire During a Holiday Event")] // nor a place
    [InlineData("The plan named no interoperable talkgroup.\nEstablish a single Interoperable Event Talkgroup before the event.")] // vocabulary in both cases
    [InlineData("Include Hostile Vehicle Mitigation and an ICS-100 refresher in pre-event training.")] // a course and a standard
    [InlineData("the log said 22 officers and 25 deputies were there")] // counts, no log
    [InlineData("I ran 5 M-1 drills that day")] // a drill's name, not a unit in a log
    [InlineData("on the radio he said 'need a car' not '10-33' so nobody came")] // a quoted ten-code, not a year
    [InlineData("the report lists VEH 1 and VEH 2, and CAR 1 - parked")] // a report numbering its vehicles
    [InlineData("traffic was bad. traffic stopped and traffic moved, traffic crawled")] // a word of the trade acting, no name
    [InlineData("we found the tank empty. tank held, then tank leaked and tank's valve broke")] // it takes "the": a thing
    [InlineData("went to target then to the bank and back to the station")] // places of a kind, and words that are towns too
    [InlineData("The ALSO team and the INSP. on duty")] // words and abbreviations, not a state's initials
    [InlineData("Tribal officer unhurt after shots fired; the sgt deployed spikes")] // after a rank, an adjective and a verb
    [InlineData("me: yeah im ok, call me tmrw. yall ok? drvr side door was open by the auger pit")] // chat shorthand and a farm's auger
    [InlineData("Report Type: Near Miss\nJob Function: Patrol")] // a title at a line's end names no one on the next
    [InlineData("Questions to your Sergeant or the Training Unit. 10-4.")] // a unit's sentence ends before the ten-code
    [InlineData("Posting for the rookies coming out in the next class.\n\n1. The contact rail doesn't care about your TASER.")] // a class, then a list
    [InlineData("We covered SEG 12 (Control of Conflict) and the Rules of Engagement.")] // titles of ordinary words joined by "of"
    [InlineData("Tell the Command Center where you're going. Found a bag of fent in there too.")] // a kind of centre, and slang for a drug
    [InlineData("he said copy 2214 and went, then fired 2 rounds")] // a unit after "copy", and a count of rounds
    [InlineData("we train 40 recruits a year and the bus 2 hours late is normal")] // a verb and a bus's delay, no fleet number
    [InlineData("The officer felt man handled. We drove past two bulls in the field")] // two words of a surname, no name or rank before them
    [InlineData("sarge says i should talk to the doc and i probably will")] // after an article: a thing, not a nickname
    [InlineData("heard the jake brake and just dove over the guardrail")]
    [InlineData("inmate pulled a shank out of his sock and swung. the shank was a toothbrush")]
    [InlineData("she had a fanny pack on and the katana was in the trunk")]
    [InlineData("Two Magpul mags, Peerless chain cuffs, an ASP Talon baton, Danner boots and Oakley gloves.")] // makers before their gear
    [InlineData("Glock 17 Gen 5 on the hip and a Hi-Point carbine in the trunk")] // a model's generation, a maker before a carbine
    [InlineData("gun was loaded with one in the chamber. s&w shield 9mm. he said he wanted to scare the other kid")] // a pistol and its calibre, not a badge
    [InlineData("neighbor screaming that Grandma was still inside. I know, Aunty, I know.")] // kin as people call them
    [InlineData("Hi Sunny, Ahéhee' for calling me back. Mahalo nui, talk soon")] // thanks in Navajo and Hawaiian
    [InlineData("He is a Deputy U.S. Marshal now, one of two deputy U.S. marshals on the detail")] // the country inside a title
    [InlineData("Supplemental Narrative\nThe trailer had a USDOT number on the door. The gun was a Nerf blaster. I just finished the ALERRT Level 1 course.")] // a heading, initials, a toy maker, a course
    [InlineData("I put in a work order with Fleet but nobody called back.")] // the department's garage
    [InlineData("the guy was hissing. my partner will tell you he was calm. he was not lol")] // a modal and its verb, not "Will Tell"
    [InlineData("We pulled into the Sally Port and waited for the door.")] // a jail's vehicle gate
    [InlineData("the fire was fourteen hundred feet up the ridge and we were at about twenty-two miles an hour")] // counts, not clock times
    [InlineData("Questions go to the unit.\n\nThanks,\nThe Training Unit")] // a unit signs, not a person
    [InlineData("the officer will testify, and officer safety comes first. the officer down call went out")] // a verb and words of the trade after "officer"
    [InlineData("He did 55 plus in the left lane, and 20 minutes down the road he stopped")] // a speed, a lane of traffic, a distance
    [InlineData("I got back in my car, 2 minutes later he came out. we bus 40 kids a day")] // a count after a comma, a verb
    [InlineData("He kept his hope, as always, and had a Ruger AR-15 in the truck")] // no state after the comma
    [InlineData("we walked back to the village, and the road was cut off. he drove northbound 2 miles")] // ordinary phrases, a distance
    [InlineData("we had to route two cars around it and I am sure the exit was closed")] // a verb and a count
    [InlineData("the van two miles back had a flat, and car two three times stalled")] // counts after a vehicle
    [InlineData("the deputy's ga. 2 qualification and wash. 8 times a day")] // abbreviations in lower case, no state route
    [InlineData("we met at the dot com office, and the case number is a mess")] // no address said, "a" is a word
    [InlineData("the male, 6 feet tall, ran; the female, two blocks back, kept yelling at a man, 20 feet away")] // measures after a person by sex
    [InlineData("we had unit two and unit three on scene, unit two twenty minutes out, and the beat was quiet")] // units of a list, a count of minutes
    [InlineData("plan a b c d was dumb, and the grid had rows x y z")] // letters that spell nothing said before them
    [InlineData("in two thousand twenty rounds fired, and in twenty five minutes a group of twenty one showed up")] // counts after a word of time
    [InlineData("so we get a ten fifty p i on the highway um dispatch updates it um sarge was standing right there um nobody got hit")] // a speaker's fillers
    [InlineData("[Transcript. Names and unit numbers taken out.]\n\nOFFICER 1: You good?\nOFFICER 2: Yeah. My hands are still shaking.\nOFFICER 1: That was close.")] // people of a transcript by number
    [InlineData("twenty two hundred dollars in damage\nfifteen rounds fired, two dash four dash three drills")] // counts at a line's start, a drill's numbers
    public void LeavesAlone(string text) => Assert.Empty(Rules.Detect(text));

    [Theory]
    [InlineData("Deputy Oakley took the call. Oakley boots were muddy", "Oakley", 2)] // a maker's word that is also someone's name in the text
    [InlineData("Deputy U.S. Marshal Tom Brady was there", "Tom Brady", 1)] // the name after a title with the country in it
    public void KeepsNamesBesideGear(string text, string expected, int mentions) =>
        Assert.Equal(mentions, Rules.Detect(text).Count(s => text[s.Start..s.End] == expected && s.Label == PiiLabel.Person));

    [Fact]
    public void UnitNumbersSaidAgain()
    {
        // The call sign's number on its own is the same unit; a measure after it, a time or a decimal is not.
        const string text = "2231:04 3-Lincoln-22: on the platform.\n2231:10 DISPATCH: 22, copy, knife at the gate.\n" +
            "2233:55 3-Lincoln-22: 22 on scene after 22 minutes, about 22:40, 3.22 miles out.";
        var units = Rules.Detect(text).Where(s => text[s.Start..s.End] == "22").ToList();
        Assert.Equal(2, units.Count);
        Assert.All(units, s => Assert.Equal(PiiLabel.BadgeId, s.Label));
        Assert.Equal([text.IndexOf("22, copy", StringComparison.Ordinal), text.IndexOf("22 on scene", StringComparison.Ordinal)], units.Select(s => s.Start));
    }

    [Theory]
    [InlineData("0318 \"Harbor 12, Harbor base, at Pier 400.\" 0321 \"Base copies, Harbor 12 on foot.\"", "Harbor 12", 2)]
    [InlineData("DISPATCH: TP-21 copy. TP-24, can you start that way? TP-24: en route from 17th.", "TP-24", 2)]
    [InlineData("Start me a second, Tribal 9 if you're clear.\n\"Tribal 9 en route from the arbor gate.\"", "Tribal 9", 2)]
    public void NamedCallSignsSaidTwice(string text, string sign, int mentions) =>
        Assert.Equal(mentions, Rules.Detect(text).Count(s => text[s.Start..s.End] == sign && s.Label == PiiLabel.BadgeId));

    [Theory]
    [InlineData("Officer 1 went left. Officer 1, the cover officer, stayed back.")]
    [InlineData("We ran Code 3. Code 3, copy, all the way in.")]
    [InlineData("Meet at Exit 27. Exit 27, copy.")]
    [InlineData("Harbor 12 is the boat we took out that night.")]
    public void NumberedThingsAndSignsSaidOnceAreNoCallSigns(string text) =>
        Assert.DoesNotContain(Rules.Detect(text), s => s.Label == PiiLabel.BadgeId);

    [Theory]
    [InlineData("I'm with Rosebud Sioux Tribe Law Enforcement, about nine years in.")]
    [InlineData("My FTO was Dale Pruitt, twelve years on the job and calm as anything.")]
    [InlineData("The dog, a five-year-old Belgian Malinois, joined in 2021. The photo was an eight-year-old photo.")] // not a person's
    [InlineData("I gave Tate twenty dollars and Ruiz fifteen of them")] // counts after a name
    [InlineData("I was working as Lincoln Adam two two that night")] // a call sign, not a name and an age
    public void YearsOfServiceAreNoAge(string text) =>
        Assert.DoesNotContain(Rules.Detect(text), s => s.Label == PiiLabel.Age);

    [Theory]
    [InlineData("Deputy Elijah Saylor and K9 Ranger were attempting to arrest him when the dog was hit.", "Ranger")] // a rank elsewhere
    [InlineData("The handler sent K9 Ruger on a track east of the barn.", "Ruger")] // a maker elsewhere
    [InlineData("I'm K9 2, my dog is Diesel. We tracked him to the creek.", "Diesel")]
    [InlineData("highway patrol dog caught him, dog's name is ranger lol", "ranger")]
    [InlineData("we had a k9 named tank and honestly he saved me", "tank")]
    [InlineData("k nine handler report. around oh three hundred me and my dog ranger uh got called by the deputies", "ranger")] // after "my dog", closed by a pause
    public void DogNames(string text, string expected) => AssertFinds(text, expected, "OTHER_ID");

    [Theory]
    [InlineData("The K9 Handler and K9 Deputy Ruiz met us at the gate with the dog.")]
    [InlineData("the dog is tired and the k9 unit is off today")]
    [InlineData("k9 call tonight. my dog bit him and my dog was fine, and our dog handler, uh, agreed")] // a verb, "was", a handler after "my dog"
    public void HandlersAreNoDogs(string text) =>
        Assert.DoesNotContain(Rules.Detect(text), s => s.Label == PiiLabel.OtherId);

    [Theory]
    [InlineData("VEH: 2011 Ford F-350, white")]
    [InlineData("Vehicle: 2019 silver Tahoe")]
    public void AModelYearIsNoFleetNumber(string text) =>
        Assert.DoesNotContain(Rules.Detect(text), s => s.Label == PiiLabel.VehicleId);

    [Fact]
    public void PlateStateIsNoDateline()
    {
        const string text = "Deputy Reyes stopped a black Corolla, Texas plate DAF 528.";
        var spans = Rules.Detect(text);
        Assert.DoesNotContain(spans, s => text[s.Start..s.End] == "Corolla");
        Assert.Contains(spans, s => text[s.Start..s.End] == "Texas");
    }

    private static void AssertFinds(string text, string expected, string label)
    {
        var spans = Rules.Detect(text);
        Assert.True(
            spans.Any(s => text[s.Start..s.End] == expected && s.Label.ToContractName() == label),
            $"found: {string.Join(", ", spans.Select(s => $"{text[s.Start..s.End]} {s.Label.ToContractName()}"))}");
    }

    /// <summary>Every mention of the call sign is found, not only the one that shows it is a call sign.</summary>
    private static void AssertFindsAll(string text, string expected, string label)
    {
        var spans = Rules.Detect(text);
        var mentions = 0;
        for (var at = text.IndexOf(expected, StringComparison.Ordinal); at >= 0; at = text.IndexOf(expected, at + 1, StringComparison.Ordinal))
        {
            mentions++;
            Assert.Contains(spans, s => s.Start == at && s.End == at + expected.Length && s.Label.ToContractName() == label);
        }

        Assert.True(mentions >= 1);
    }

    [Theory]
    [InlineData("it was the first time I saw a knife on a traffic stop")]
    [InlineData("the night of the second shift change we were short two deputies")]
    [InlineData("a resident on the second-floor porch raised a rifle")]
    [InlineData("officers pounded on windows on the second and third floors")]
    [InlineData("the holster would not release the Glock on the first three draws")]
    [InlineData("He did on the second one right as Fuentes came up")]
    [InlineData("I asked him three times. On the third he says it's just my phone")]
    public void AnOrdinalWordAloneIsNoDate(string text) =>
        Assert.DoesNotContain(new LocalPiiDetector().Detect(text), s => s.Label == PiiLabel.Date);

    [Theory]
    [InlineData("voice memo. uh okay um this was on uh the twelfth around four fifteen p m so", "twelfth", "DATE")]
    [InlineData("calling about the near-miss submission, um, the one from the ninth. So I talked", "ninth", "DATE")]
    [InlineData("it was the day after christmas the twenty sixth real cold like minus twenty", "twenty sixth", "DATE")]
    [InlineData("the caller in apartment three twelve said the neighbors were screaming", "apartment three twelve", "ADDRESS")]
    [InlineData("we hit a house on the eighteen thousand block of greenlawn street looking for", "eighteen thousand block of greenlawn street", "ADDRESS")]
    [InlineData("we see him light up a silver impala at eleventh and garnett and take off", "eleventh and garnett", "ADDRESS")]
    [InlineData("we get a call of shots fired at sixty third and kessling near the gas station", "sixty third and kessling", "ADDRESS")]
    [InlineData("the corner of broad and fifth was dark", "broad and fifth", "ADDRESS")]
    [InlineData("this was march the second around noon", "march the second", "DATE")]
    [InlineData("Date of incident October the twelfth, approximately", "October the twelfth", "DATE")]
    public void DaysAndUnitsSaidAlone(string text, string expected, string label) => AssertFinds(text, expected, label);

    [Theory]
    [InlineData("on the second and third floors")]
    [InlineData("at first and foremost we wait for cover")]
    [InlineData("on the first and second floors of the garage")]
    public void OrdinalsWithAndAreNoCorner(string text) =>
        Assert.DoesNotContain(Rules.Detect(text), s => s.Label == PiiLabel.Address);

    [Theory]
    [InlineData("A: Kyle Love, man number 6 6 0 4. Area Command", "6 6 0 4", "BADGE_ID")]
    [InlineData("Area Command, swing shift, car 4 1 2 2.", "4 1 2 2", "VEHICLE_ID")]
    [InlineData("texas highway patrol expressway division squad five one nine. date was", "five one nine", "VEHICLE_ID")]
    [InlineData("my badge or i guess warden number two two seven out of", "two two seven", "BADGE_ID")]
    [InlineData("this is deputy april stone badge four four with the county", "four four", "BADGE_ID")]
    [InlineData("summons number m w s two four one one zero two and", "m w s two four one one zero two", "CASE_NUMBER")]
    [InlineData("job number was two four one one zero three two two eight", "two four one one zero three two two eight", "CASE_NUMBER")]
    [InlineData("his father gave us his social, zero seven two, four four, one nine three eight", "zero seven two, four four, one nine three eight", "SSN")]
    [InlineData("He was sitting in his cruiser, patrol car No. 1862, when the truck hit it.", "1862", "VEHICLE_ID")]
    [InlineData("He hit the push bar of Lor's squad car, No. 214, and fled.", "214", "VEHICLE_ID")]
    [InlineData("this is deputy uh ruelas nine two one four pima county s o district four.", "nine two one four", "BADGE_ID")]
    [InlineData("this is deputy uh ruelas nine two one four pima county s o district four.", "ruelas", "PERSON")]
    public void IdsAfterTheirWord(string text, string expected, string label) => AssertFinds(text, expected, label);

    [Theory]
    [InlineData("sam twenty i'm coming from the forty five hundred block of maize i'll try", "forty five hundred block of maize", "ADDRESS")]
    [InlineData("we were in the 1200 block of West Delmar when", "1200 block of West Delmar", "ADDRESS")]
    [InlineData("2200 blk of s. seneca, two males", "2200 blk of s. seneca", "ADDRESS")]
    [InlineData("twenty two fifteen traffic stop highway four forty one south of town", "highway four forty one", "LOCATION")]
    [InlineData("a stolen car bailout on us seventy near the river", "us seventy", "LOCATION")]
    [InlineData("a fight at the boat launch off la one by the bridge", "la one", "LOCATION")]
    [InlineData("DISPATCH: Copy Lincoln Adam two two, twenty two nineteen.\nLA22: Dispatch", "twenty two nineteen", "TIME")]
    public void StreetsRoadsAndStampsSaidAloud(string text, string expected, string label) => AssertFinds(text, expected, label);

    [Theory]
    [InlineData("1948 Call from Interior, SD (Jackson Co.) about a man with a rifle.", "Interior", "LOCATION")]
    [InlineData("1948 Call from Interior, SD (Jackson Co.) about a man with a rifle.", "Jackson Co.", "LOCATION")]
    [InlineData("we drove to Interior, South Dakota that night", "Interior", "LOCATION")]
    [InlineData("He lives off Rt 52 between Gilbert and Justice in the hollow.", "Justice", "LOCATION")]
    [InlineData("Dispatch out of Bethel post said the trooper was 40 minutes out.", "Bethel post", "AGENCY")]
    [InlineData("After-action, North Star Fugitive Task Force, entry at 0600.", "North Star Fugitive Task Force", "AGENCY")]
    [InlineData("i'm a deputy assigned to the twin cities violent fugitive task force out of", "twin cities violent fugitive task force", "AGENCY")]
    [InlineData("Officers from the Alaska Wildlife Troopers responded.", "Alaska Wildlife Troopers", "AGENCY")]
    public void TownsByTheirPlaceInTheSentence(string text, string expected, string label) => AssertFinds(text, expected, label);

    [Theory]
    [InlineData("He went to the Bethel post office to mail it.")]
    [InlineData("the Denver district attorney declined charges")]
    [InlineData("A regional fugitive task force served the warrant at dawn.")]
    [InlineData("The Regional Fugitive Task Force served the warrant at dawn.")]
    [InlineData("We train the Rescue Task Force model with fire every spring.")]
    public void KindsOfAgencyAndPlacesBeforeAnOfficeAreNoAgency(string text) =>
        Assert.DoesNotContain(Rules.Detect(text), s => s.Label == PiiLabel.Agency);

    [Theory]
    [InlineData("Thanks, TX")]
    [InlineData("between Sgt Miller and Deputy Jones")]
    public void ClosingsAndPeopleAreNoTowns(string text) =>
        Assert.DoesNotContain(Rules.Detect(text), s => s.Label == PiiLabel.Location && text[s.Start..s.End] != "TX");

    [Theory]
    [InlineData("the 300 block of the building was quiet")]
    [InlineData("come to me one by one")]
    [InlineData("I copy, twenty two of them.")]
    public void CountsAndPronounsAreNoStreetRoadOrStamp(string text) =>
        Assert.Empty(Rules.Detect(text));

    [Theory]
    [InlineData("the man three four five times over")]
    [InlineData("my car, no. it was the other one")]
    [InlineData("he said the job was two three hours")]
    public void OrdinaryNounsBeforeNumbersAreNoId(string text) =>
        Assert.Empty(Rules.Detect(text));

    [Theory]
    [InlineData("OFC. VANG: how old is tou\nFEMALE: thirty three\nOFC. VANG: okay", "thirty three")]
    [InlineData("how old is he? 17. and he ran", "17")]
    [InlineData("that's wendell pike, p i k e, he's seventy three from unity", "seventy three")]
    [InlineData("the driver was a darnell prewitt, p r e w i t t, twenty four, hit for failure to appear", "twenty four")]
    public void AgesAnsweredAndSaidBeforeWhereFrom(string text, string expected) => AssertFinds(text, expected, "AGE");

    [Theory]
    [InlineData("the driver said his name is efrain tellez that's t e l l e z and he ran", "t e l l e z")]
    [InlineData("his name is stone s as in sam t o n e and he ran", "s as in sam t o n e")]
    public void NamesSpelledAfterThatsOrWithTheirWords(string text, string expected) => AssertFinds(text, expected, "PERSON");

    [Fact]
    public void AMeasureAfterARankedNameIsNoBadge() =>
        Assert.DoesNotContain(Rules.Detect("Deputy Jones two three four five feet away"), s => s.Label == PiiLabel.BadgeId);

    [Fact]
    public void HowOldOfAThingIsNoAge() =>
        Assert.DoesNotContain(Rules.Detect("how old was the car? two years, maybe"), s => s.Label == PiiLabel.Age);

    [Fact]
    public void AChatsTurnsInFourDigitsAreTimes()
    {
        const string text = "Chuy 0742: who got the writ\nFlaco 0743: me n benny\nSgt Garza 1003: anybody hurt??\nBenny 1004: negative\nFlaco 1004: not funny";
        var times = Rules.Detect(text).Where(s => s.Label == PiiLabel.Time).Select(s => text[s.Start..s.End]);
        Assert.Equal(["0742", "0743", "1003", "1004", "1004"], times);
    }

    [Fact]
    public void ALogsLinesThatOpenWithAClockTimeAreTimes()
    {
        const string text = "Ofc. Dawn Chase, car 3\n\n2300  On. Roads greasy.\n2315  Stop on Main St.\n2340  Clear.\n0100  Off duty.";
        var times = Rules.Detect(text).Where(s => s.Label == PiiLabel.Time).Select(s => text[s.Start..s.End]);
        Assert.Equal(["2300", "2315", "2340", "0100"], times);
    }

    [Fact]
    public void AnApartmentWithACountAfterItIsNoAddress() =>
        Assert.DoesNotContain(Rules.Detect("the apartment two doors down was quiet"), s => s.Label == PiiLabel.Address);
}
