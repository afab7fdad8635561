using NearMiss.Core.Accounts;

namespace NearMiss.Tests.Accounts;

public sealed class AddressTests
{
    [Theory]
    [InlineData(" Officer.Jane+library@PD.Example.gov ", "officer.jane+library@pd.example.gov")]
    [InlineData("a_b-c@example.org", "a_b-c@example.org")]
    [InlineData("chief@bücherei.example", "chief@xn--bcherei-n2a.example")]
    public void NormaliseAddress_PlainDotAtom_IsLowerCasedWithAnIdnaDomain(string given, string expected) =>
        Assert.Equal(expected, ReviewerDirectory.NormaliseAddress(given));

    [Theory]
    [InlineData("x$({touch,/tmp/p})@evil.example")]
    [InlineData("`id`@evil.example")]
    [InlineData("a;b@evil.example")]
    [InlineData("\"a b\"@evil.example")]
    [InlineData(".a@example.org")]
    [InlineData("a..b@example.org")]
    [InlineData("a@localhost")]
    [InlineData("a@exa_mple.org")]
    [InlineData("a@b@example.org")]
    [InlineData("a b@example.org")]
    public void NormaliseAddress_AnythingElse_IsRefused(string given) =>
        Assert.Null(ReviewerDirectory.NormaliseAddress(given));
}
