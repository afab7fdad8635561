using System.Security.Cryptography;
using System.Text;

using Microsoft.Extensions.DependencyInjection;

using NearMiss.Core.Intake;
using NearMiss.Tests.Infrastructure;

namespace NearMiss.Tests.Intake;

public sealed class SealedSubmissionSizeTests
{
    /// <summary>Random CJK text: three bytes a character in UTF-8 and next to incompressible.</summary>
    private static string RandomText(int length)
    {
        var text = new StringBuilder(length);
        for (var i = 0; i < length; i++)
        {
            text.Append((char)(0x4E00 + RandomNumberGenerator.GetInt32(0x5000)));
        }

        return text.ToString();
    }

    [Fact]
    public void LongestReport_OfIncompressibleText_FitsOneQueueMessage()
    {
        using var services = TestServices.Create("UseDevelopmentStorage=true");
        var body = Reports.Valid(RandomText(8000));
        body["lessonsLearned"] = RandomText(3000);

        var (accepted, errors, message) = services.GetRequiredService<ReportIntake>().Accept(Reports.Element(body));

        Assert.True(accepted is not null, string.Join("; ", errors.ToDictionary().Select(e => $"{e.Key}: {string.Join(", ", e.Value)}")));
        Assert.InRange(SealedSubmissions.EncodedSize(message), 1, SealedSubmissions.MaxEncodedMessageBytes);
    }
}
