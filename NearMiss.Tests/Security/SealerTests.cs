using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using NearMiss.Core.Security;

namespace NearMiss.Tests.Security;

public sealed class SealerTests
{
    private static Sealer Create(byte[]? key = null) => new(Options.Create(new KeyOptions
    {
        Sealing = Convert.ToBase64String(key ?? RandomNumberGenerator.GetBytes(32)),
        Receipt = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)),
    }));

    [Fact]
    public void Seal_ThenUnseal_ReturnsTheText()
    {
        var sealer = Create();

        var box = sealer.Seal("report-1", "Sgt. Alvarez, badge 4471 — ünïcödé ✓");

        Assert.Equal("Sgt. Alvarez, badge 4471 — ünïcödé ✓", sealer.Unseal("report-1", box));
    }

    [Fact]
    public void Seal_CiphertextDoesNotContainThePlaintext()
    {
        var box = Create().Seal("report-1", "MARKER-TEXT-12345");

        Assert.DoesNotContain("MARKER", Encoding.UTF8.GetString(box.Ciphertext));
        Assert.DoesNotContain("MARKER", Encoding.UTF8.GetString(box.WrappedKey));
    }

    [Fact]
    public void Unseal_UnderAnotherReportId_Fails()
    {
        var sealer = Create();
        var box = sealer.Seal("report-1", "text");

        Assert.ThrowsAny<CryptographicException>(() => sealer.Unseal("report-2", box));
    }

    [Fact]
    public void Unseal_WithAnotherSealingKey_Fails()
    {
        var box = Create().Seal("report-1", "text");

        Assert.ThrowsAny<CryptographicException>(() => Create().Unseal("report-1", box));
    }

    [Fact]
    public void Unseal_TamperedCiphertext_Fails()
    {
        var sealer = Create();
        var box = sealer.Seal("report-1", "text");
        box.Ciphertext[^1] ^= 1;

        Assert.ThrowsAny<CryptographicException>(() => sealer.Unseal("report-1", box));
    }
}
