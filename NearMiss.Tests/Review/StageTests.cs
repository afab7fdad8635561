using System.Text.Json;

using NearMiss.Core.Reports;

namespace NearMiss.Tests.Review;

public sealed class StageTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public void TryParse_StageNumbers_AreStagesOfThatNumber(int number)
    {
        Assert.True(Stage.TryParse(number, out var stage));
        Assert.Equal(number, stage.Number);
        Assert.Equal(number.ToString(System.Globalization.CultureInfo.InvariantCulture), stage.ToString());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(3)]
    [InlineData(-1)]
    public void TryParse_OtherNumbers_AreNotStages(int number)
    {
        Assert.False(Stage.TryParse(number, out _));
        Assert.Throws<FormatException>(() => Stage.Parse(number));
    }

    [Fact]
    public void Other_PairsTheTwoStages_AndTheDefaultIsStageOne()
    {
        Assert.Equal(Stage.Two, Stage.One.Other);
        Assert.Equal(Stage.One, Stage.Two.Other);
        Assert.Equal(Stage.One, default);
    }

    [Fact]
    public void Json_IsTheNumber_BothWays()
    {
        Assert.Equal("""{"stage":2,"none":null,"some":1,"all":[1,2]}""", JsonSerializer.Serialize(new { stage = Stage.Two, none = (Stage?)null, some = (Stage?)Stage.One, all = Stage.All.Order() }));
        Assert.Equal(Stage.Two, JsonSerializer.Deserialize<Stage>("2"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("3")]
    [InlineData("\"1\"")]
    [InlineData("1.5")]
    [InlineData("null")]
    public void Json_AnythingButAStageNumber_IsRefused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<Stage>(json));
}
