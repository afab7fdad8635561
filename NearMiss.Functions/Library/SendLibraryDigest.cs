using NearMiss.Core.Library;

namespace NearMiss.Functions.Library;

/// <summary>Timer (<c>NearMiss:Library:DigestSchedule</c>, default 07:00 UTC on Mondays): the weekly library digest.</summary>
public sealed class SendLibraryDigest(LibraryDigest digest)
{
    [Function("LibraryDigest")]
    public Task Run([TimerTrigger("%NearMiss:Library:DigestSchedule%")] TimerInfo timer, CancellationToken cancellationToken) =>
        digest.SendAsync(cancellationToken);
}
