namespace NearMiss.Core.Library;

/// <summary>A signed-in library reader as a request knows them: an opaque id and nothing else.</summary>
public sealed record Reader(string Id);

/// <summary>Turns an <c>Authorization</c> header into the signed-in reader, or null.</summary>
public interface IReaderAuthenticator
{
    Reader? Authenticate(string? authorizationHeader);
}
