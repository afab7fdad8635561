namespace NearMiss.Core.Publishing;

/// <summary>
/// Told when a report has been published (its row in <c>published</c> is written and the case saved). The
/// library index keeps itself current through this. Implementations must not throw: publication has happened.
/// </summary>
public interface IPublicationListener
{
    Task PublishedAsync(string publishedId, CancellationToken cancellationToken);
}
