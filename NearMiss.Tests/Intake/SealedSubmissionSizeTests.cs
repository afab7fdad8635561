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

        var accepted = services.GetRequiredService<ReportIntake>().Accept(Reports.Element(body));

        Assert.True(accepted.IsOk, Reports.Refused(accepted.Errors));
        Assert.InRange(SealedSubmissions.EncodedSize(accepted.Value!.Message), 1, SealedSubmissions.MaxEncodedMessageBytes);
    }
}
