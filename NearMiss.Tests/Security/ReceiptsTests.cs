using System.Security.Cryptography;
using Microsoft.Extensions.Options;
using NearMiss.Core.Security;

namespace NearMiss.Tests.Security;

public sealed class ReceiptsTests
{
    private static Receipts Create() => new(Options.Create(new KeyOptions
    {
        Sealing = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
        Receipt = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    }));

    [Fact]
    public void NewReceipt_HasAtLeast100BitsInGroupsWithoutLookAlikes()
    {
        var receipt = Receipts.NewReceipt();

        Assert.True(Receipts.Bits >= 100, $"{Receipts.Bits} bits");
        Assert.Matches("^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){5}$", receipt);
        Assert.DoesNotContain(receipt, c => c is '0' or 'O' or '1' or 'I' or 'L');
    }

    [Fact]
    public void NewReceipt_IsDifferentEachTime()
    {
        var receipts = Enumerable.Range(0, 1000).Select(_ => Receipts.NewReceipt()).ToHashSet();

        Assert.Equal(1000, receipts.Count);
    }

    [Fact]
    public void Normalize_ToleratesCaseSpacesAndDashes()
    {
        var receipt = Receipts.NewReceipt();
        var typed = " " + receipt.ToLowerInvariant().Replace("-", " ") + " ";

        Assert.Equal(receipt.Replace("-", ""), Receipts.Normalize(typed));
    }

    [Theory]
    [InlineData("")]
    [InlineData("ABCD")]
    [InlineData("ABCD-EFGH-JKMN-PQRS-TUVW-XYZ0")]
    [InlineData("ABCD-EFGH-JKMN-PQRS-TUVW-XYZ23")]
    public void Normalize_RejectsWhatCannotBeAReceipt(string value) => Assert.Null(Receipts.Normalize(value));

    [Fact]
    public void ReportId_IsAKeyedHash_NotTheReceipt()
    {
        var receipt = Receipts.Normalize(Receipts.NewReceipt())!;

        var first = Create().ReportId(receipt);
        var second = Create().ReportId(receipt);

        Assert.Matches("^[0-9a-f]{32}$", first);
        Assert.NotEqual(first, second);
        Assert.DoesNotContain(receipt, first, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void ReceiptForAWindow_IsKnownInThatWindow_NotInAnotherOrWithATypo()
    {
        var receipts = Create();
        var window = new DateTimeOffset(2031, 5, 6, 12, 0, 0, TimeSpan.Zero);
        var receipt = Receipts.Normalize(receipts.NewReceipt(window))!;
        var typo = (receipt[0] == 'A' ? "B" : "A") + receipt[1..];

        Assert.True(receipts.IssuedIn(receipt, window));
        Assert.False(receipts.IssuedIn(receipt, window.AddHours(6)));
        Assert.False(receipts.IssuedIn(typo, window));
        Assert.False(Create().IssuedIn(receipt, window));
    }
}
