using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

using NearMiss.Core.Abuse;

namespace NearMiss.Tests.Abuse;

public sealed class ResponseFloorTests
{
    private static readonly TimeSpan Floor = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(10);
    private readonly FakeTimeProvider _time = new();

    private ResponseFloor Create() => new(Options.Create(new ResponseFloorOptions()), _time);

    [Fact]
    public async Task QuickAnswer_IsHeldUntilTheFloor()
    {
        var answer = Create().HoldAsync(Floor, () => Task.FromResult("found"));

        _time.Advance(TimeSpan.FromMilliseconds(299));
        Assert.False(answer.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal("found", await answer.WaitAsync(Wait));
    }

    [Fact]
    public async Task AnswerThatTookPartOfTheFloor_WaitsOnlyForTheRest()
    {
        var answer = Create().HoldAsync(Floor, () =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(120));
            return Task.FromResult("found");
        });

        _time.Advance(TimeSpan.FromMilliseconds(179));
        Assert.False(answer.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        Assert.Equal("found", await answer.WaitAsync(Wait));
    }

    [Fact]
    public async Task AnswerSlowerThanTheFloor_IsNotHeldFurther()
    {
        var answer = Create().HoldAsync(Floor, () =>
        {
            _time.Advance(TimeSpan.FromMilliseconds(450));
            return Task.FromResult("found");
        });

        Assert.True(answer.IsCompleted);
        Assert.Equal("found", await answer);
    }

    [Fact]
    public async Task FailingAnswer_IsHeldToo_ThenThrows()
    {
        var answer = Create().HoldAsync<string>(Floor, () => throw new InvalidOperationException("storage"));

        _time.Advance(TimeSpan.FromMilliseconds(299));
        Assert.False(answer.IsCompleted);
        _time.Advance(TimeSpan.FromMilliseconds(1));

        await Assert.ThrowsAsync<InvalidOperationException>(() => answer.WaitAsync(Wait));
    }

    [Fact]
    public void ZeroFloor_HoldsNothing()
    {
        var answer = Create().HoldAsync(TimeSpan.Zero, () => Task.FromResult(1));

        Assert.True(answer.IsCompleted);
    }

    [Fact]
    public void Defaults_AreTheDocumentedFloors()
    {
        var floor = Create();

        Assert.Equal(TimeSpan.FromMilliseconds(300), floor.Lookup);
        Assert.Equal(TimeSpan.FromSeconds(1), floor.SignIn);
    }
}
