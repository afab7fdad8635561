using NearMiss.Cli.Admin;

namespace NearMiss.Tests.Accounts;

public sealed class ReviewersCommandTests
{
    [Theory]
    [InlineData("1", new[] { 1 })]
    [InlineData("2", new[] { 2 })]
    [InlineData("1,2", new[] { 1, 2 })]
    [InlineData(" 2 , 1 ", new[] { 1, 2 })]
    public void ParseStages_KnownStages_AreAccepted(string value, int[] expected) =>
        Assert.Equal(expected, ReviewersCommand.ParseStages(value)!.Order().Select(s => s.Number));

    [Theory]
    [InlineData("")]
    [InlineData("3")]
    [InlineData("1,x")]
    [InlineData("1,,2")]
    [InlineData("-1")]
    public void ParseStages_AnythingElse_IsRefused(string value) =>
        Assert.Null(ReviewersCommand.ParseStages(value));
}
