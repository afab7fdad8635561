using NearMiss.Core.Pii;

namespace NearMiss.Tests.Pii;

/// <summary>
/// Decision 076: nicknames in quotes glossed by a rank or a name, a chat's speaker who takes one turn, and a unit's id
/// before a rank and a name in brackets, as officers type them in chats, forms and dispatch logs.
/// </summary>
public sealed class ChatsFormsAndLogsTests
{
    private static readonly LocalPiiDetector Rules = LocalPiiDetector.WithTagger(null);

    private static string[] Found(string text, PiiLabel label) =>
        [.. Rules.Detect(text).Where(s => s.Label == label).Select(s => text[s.Start..s.End])];

    [Theory]
    [InlineData("Officer: Ofc. Trinh Van Hoa #3318\nPartner: \"Moose\" (Ofc. Brandon Lisowski)\nMoose went left, I went right.", "Moose")]
    [InlineData("Subject 1: LEMIEUX, Carl J.\nSubject 2: \"Biscuit\" (LNU), W/M, would not give age", "Biscuit")]
    [InlineData("Passenger: \"Tiny\" (refused name)\nTiny got out the passenger side.", "Tiny")]
    [InlineData("Agent: SA Tran Minh Duc (\"Duke\")     Badge #: 10482", "Duke")]
    [InlineData("TFC J. CALLOWAY (\"RED\") AND I WORKED A 2 VEH PI CRASH. RED PARKED CAR 419 BEHIND THE SCENE.", "RED")]
    public void ANicknameInQuotesGlossedByARankOrAName(string text, string nickname) => Assert.Contains(nickname, Found(text, PiiLabel.Person));

    [Theory]
    [InlineData("It was a Glock 19 with a machine gun conversion device (\"switch\") in his waistband.")]
    [InlineData("The group chat \"Mids\" (the whole shift is on it) lit up after the call.")]
    public void AQuotedWordGlossedByNoOneIsNoName(string text) => Assert.Empty(Found(text, PiiLabel.Person));

    [Fact]
    public void AChatsSpeakerWhoTakesOneTurnAndIsNamedElsewhere()
    {
        const string text = "Tank: yall ok?? heard it all on the radio\nbenally: we good. dude ran into the wash lol\nTank: who was it\n"
            + "benally: same guy from the fight\nTank: Moose coming?\nMoose: only if Sunny's paying lol";
        var turn = text.IndexOf("\nMoose:", StringComparison.Ordinal) + 1;
        Assert.Contains(Rules.Detect(text), s => s.Start == turn && s.End == turn + 5 && s.Label == PiiLabel.Person);
    }

    [Fact]
    public void AFormsFieldOfOneTurnIsNoSpeaker()
    {
        const string text = "Tank: yall ok??\nbenally: we good\nTank: who was it\nbenally: same guy\nUpdate: the update is that nobody got hurt";
        Assert.DoesNotContain("Update", Found(text, PiiLabel.Person));
    }

    [Theory]
    [InlineData("2220 UNIT 3-12 (OFC HIGH HAWK) AND 3-15 (OFC MEDINA) DISP.\n2229 3-15 OS, SUBJ MOVED TO PARKING AREA", "3-15", 2)]
    [InlineData("0614 P21 (OFC FARAH) MADE CONTACT.\n0615 P14 (OFC ANDRZEJEWSKI) AND P30 (SGT LOPEZ-MALUENDA) ENRT", "P30", 1)]
    [InlineData("Units: 212 (Ofc. Jae-won Shin), 215 (Ofc. Layla Mansour); APD Central notified.", "215", 1)]
    public void AUnitsIdBeforeARankAndANameInBrackets(string text, string unit, int mentions) =>
        Assert.Equal(mentions, Found(text, PiiLabel.BadgeId).Count(id => id == unit));

    [Theory]
    [InlineData("Taser and OC transitions. Review SEG 8 (Officer Safety) before the range day.")]
    [InlineData("Officers involved: 2 (Officer 1, Officer 2)\nInjuries: none")]
    public void ANumberBeforeNoNameIsNoUnit(string text) => Assert.Empty(Found(text, PiiLabel.BadgeId));

    [Theory]
    [InlineData("Posted by mike.kowalski19 — Nov 3, 1:12 AM\n\nCan't sleep so here goes.", "mike.kowalski19")]
    [InlineData("Reply from hassan.warsame:\nSeconding Lupe. Two seconds is nothing.", "hassan.warsame")]
    [InlineData("Posted by tjwhitehorse | Member since 2017 | 214 posts\n\nSmall department.", "tjwhitehorse")]
    public void AForumsHandleAfterPostedByOrReplyFrom(string text, string handle) => Assert.Contains(handle, Found(text, PiiLabel.OtherId));

    [Theory]
    [InlineData("Posted by admin — Nov 3\n\nThread locked.")]
    [InlineData("Reply from moderator:\nPlease keep it civil.")]
    public void AnOrdinaryWordAfterPostedByIsNoHandle(string text) => Assert.Empty(Found(text, PiiLabel.OtherId));

    [Theory]
    [InlineData("benally: Marcus Tsosie again. 27. same guy from the fight at the store", "27")]
    [InlineData("reyes: the guy tho. greg pawlak. 38. i ran him after", "38")]
    public void AnAgeSaidAsASentenceAfterAFullName(string text, string age) => Assert.Contains(age, Found(text, PiiLabel.Age));

    [Theory]
    [InlineData("lessons: 1. nobody asked about dogs. 2. we parked in his porch light. 3. no backup closer than an hour.")]
    [InlineData("The storm forced the closure of parts of Ky. 15 and Ky. 80.")]
    public void ANumberedListOrARouteIsNoAge(string text) => Assert.Empty(Found(text, PiiLabel.Age));
}
