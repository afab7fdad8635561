using NearMiss.Core.Trends;

namespace NearMiss.Functions.Trends;

/// <summary>Timer (<c>NearMiss:Trends:AgencySchedule</c>, default the 2nd of the month, 07:00 UTC): each participating agency's analysis.</summary>
public sealed class AgencyAnalysis(TrendMail mail)
{
    [Function(nameof(AgencyAnalysis))]
    public Task Run([TimerTrigger("%NearMiss:Trends:AgencySchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        mail.SendAgencyAnalysesAsync(cancellationToken);
}
