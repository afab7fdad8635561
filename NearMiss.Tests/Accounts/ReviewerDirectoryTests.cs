using Microsoft.Extensions.DependencyInjection;

using NearMiss.Core.Accounts;
using NearMiss.Core.Reports;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Accounts;

[Trait("Kind", "Azurite")]
[Collection(AzuriteCollection.Name)]
public sealed class ReviewerDirectoryTests(AzuriteFixture azurite) : IAsyncLifetime
{
    private readonly ServiceProvider _services = azurite.CreateServices();

    private ReviewerDirectory Directory => _services.GetRequiredService<ReviewerDirectory>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _services.DisposeAsync();

    public static string NewAddress() => $"reviewer-{Guid.NewGuid():N}@example.org";

    [Fact]
    public async Task Add_NewAddress_GivesARandomOpaqueId()
    {
        var first = await Directory.AddAsync(NewAddress(), new HashSet<Stage> { Stage.One }, CancellationToken.None);
        var second = await Directory.AddAsync(NewAddress(), new HashSet<Stage> { Stage.One }, CancellationToken.None);

        Assert.Matches("^r-[a-z2-7]{10}$", first.Id.Value);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task Add_ExistingAddress_UpdatesStagesAndKeepsTheId()
    {
        var address = NewAddress();
        var added = await Directory.AddAsync(address, new HashSet<Stage> { Stage.One }, CancellationToken.None);

        var updated = await Directory.AddAsync(address.ToUpperInvariant(), new HashSet<Stage> { Stage.One, Stage.Two }, CancellationToken.None);

        Assert.Equal(added.Id, updated.Id);
        Assert.Equal([1, 2], (await Directory.FindByEmailAsync(address, CancellationToken.None))!.Stages.Order().Select(s => s.Number));
    }

    [Fact]
    public async Task FindByEmail_IgnoresCaseAndSpaces()
    {
        var address = NewAddress();
        var added = await Directory.AddAsync(address, new HashSet<Stage> { Stage.Two }, CancellationToken.None);

        var found = await Directory.FindByEmailAsync("  " + address.ToUpperInvariant() + " ", CancellationToken.None);

        Assert.Equal(added.Id, found?.Id);
        Assert.Null(await Directory.FindByEmailAsync(NewAddress(), CancellationToken.None));
    }

    [Fact]
    public async Task ListByStage_ReturnsOnlyHoldersOfThatStage()
    {
        var one = await Directory.AddAsync(NewAddress(), new HashSet<Stage> { Stage.One }, CancellationToken.None);
        var two = await Directory.AddAsync(NewAddress(), new HashSet<Stage> { Stage.Two }, CancellationToken.None);

        var stageTwo = await Directory.ListByStageAsync(Stage.Two, CancellationToken.None);

        Assert.Contains(stageTwo, r => r.Id == two.Id);
        Assert.DoesNotContain(stageTwo, r => r.Id == one.Id);
    }

    [Theory]
    [InlineData("not-an-address")]
    [InlineData("two@@example.org")]
    [InlineData("")]
    public async Task Add_InvalidAddress_Throws(string address) =>
        await Assert.ThrowsAsync<ArgumentException>(() => Directory.AddAsync(address, new HashSet<Stage> { Stage.One }, CancellationToken.None));

    [Fact]
    public async Task Add_NoStage_Throws() =>
        await Assert.ThrowsAsync<ArgumentException>(() => Directory.AddAsync(NewAddress(), new HashSet<Stage>(), CancellationToken.None));
}
