using NearMiss.Core.Trends;

namespace NearMiss.Functions.Trends;

/// <summary>Timer (<c>NearMiss:Trends:SummarySchedule</c>, default Mondays 07:00 UTC): the trend summary e-mailed to staff.</summary>
public sealed class TrendSummary(TrendMail mail)
{
    [Function(nameof(TrendSummary))]
    public Task Run([TimerTrigger("%NearMiss:Trends:SummarySchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        mail.SendSummaryAsync(cancellationToken);
}
