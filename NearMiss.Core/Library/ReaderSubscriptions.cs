using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

using Azure;
using Azure.Data.Tables;

using Microsoft.Extensions.Options;

using NearMiss.Core.Intake;
using NearMiss.Core.Reports;
using NearMiss.Core.Security;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Library;

/// <summary>What a reader's weekly digest covers: reports of these call types and with these factors.</summary>
public sealed record DigestSubscription(IReadOnlyList<string> CallTypes, IReadOnlyList<string> Factors)
{
    public static DigestSubscription None { get; } = new([], []);

    [JsonIgnore]
    public bool IsEmpty => CallTypes.Count == 0 && Factors.Count == 0;

    /// <summary>
    /// As the library's filters: several values of one list combine with OR, the two lists with AND, and an
    /// empty list does not filter.
    /// </summary>
    public bool Matches(string? callType, IReadOnlyCollection<string> factors) =>
        !IsEmpty
        && (CallTypes.Count == 0 || (callType is not null && CallTypes.Contains(callType, StringComparer.Ordinal)))
        && (Factors.Count == 0 || factors.Any(f => Factors.Contains(f, StringComparer.Ordinal)));
}

/// <summary>
/// Digest subscriptions (table <c>readersubscriptions</c>, by reader id) and their one-click unsubscribe tokens:
/// <c>READERID.NONCE.MAC</c>, the MAC an HMAC-SHA256 under a key derived from <c>NearMiss:Keys:Signing</c> for the
/// unsubscribe purpose alone (<see cref="SigningKeys"/>). The token can do nothing but delete the subscription it
/// names, and only while that subscription (its nonce) exists, so it works once.
/// </summary>
public sealed class ReaderSubscriptions
{
    public const string UnsubscribePurpose = "nearmiss-library-unsubscribe";

    private const int NonceBytes = 16;

    private const string AlreadyCancelled = "This digest subscription is already cancelled.";
    private const int MaxTokenLength = 200;

    private readonly NearMissStore _store;
    private readonly byte[] _key;

    public ReaderSubscriptions(NearMissStore store, IOptions<KeyOptions> keys)
    {
        _store = store;
        _key = SigningKeys.ForAudience(KeyOptions.Decode(keys.Value.Signing), UnsubscribePurpose);
    }

    /// <summary>The form's call type values.</summary>
    public static IReadOnlySet<string> CallTypeOptions { get; } = Options("callType");

    /// <summary>The form's contributing factor values.</summary>
    public static IReadOnlySet<string> FactorOptions { get; } = Options("factors");

    public async Task<DigestSubscription> GetAsync(Reader reader, CancellationToken cancellationToken)
    {
        var found = await _store.ReaderSubscriptions.GetEntityIfExistsAsync<ReaderSubscriptionEntity>(
            ReaderSubscriptionEntity.Partition, reader.Id.Value, cancellationToken: cancellationToken);
        return found.HasValue ? Read(found.Value!) : DigestSubscription.None;
    }

    /// <summary>
    /// Saves <paramref name="subscription"/> (values already checked against the form); an empty one removes the
    /// subscription. An existing subscription keeps its nonce, so links in digests already sent keep working.
    /// </summary>
    public async Task<DigestSubscription> SetAsync(Reader reader, DigestSubscription subscription, CancellationToken cancellationToken)
    {
        if (subscription.IsEmpty)
        {
            await DeleteAsync(reader.Id.Value, ETag.All, cancellationToken);
            return DigestSubscription.None;
        }

        var found = await _store.ReaderSubscriptions.GetEntityIfExistsAsync<ReaderSubscriptionEntity>(
            ReaderSubscriptionEntity.Partition, reader.Id.Value, cancellationToken: cancellationToken);
        var entity = new ReaderSubscriptionEntity
        {
            RowKey = reader.Id.Value,
            CallTypes = JsonSerializer.Serialize(subscription.CallTypes.Distinct().Order(StringComparer.Ordinal)),
            Factors = JsonSerializer.Serialize(subscription.Factors.Distinct().Order(StringComparer.Ordinal)),
            Nonce = found.HasValue && found.Value!.Nonce.Length > 0 ? found.Value.Nonce : Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(NonceBytes)),
        };
        await _store.ReaderSubscriptions.UpsertEntityAsync(entity, TableUpdateMode.Replace, cancellationToken);
        return Read(entity);
    }

    /// <summary>Every subscription, with its reader id.</summary>
    public async IAsyncEnumerable<(string ReaderId, DigestSubscription Subscription, ReaderSubscriptionEntity Entity)> ListAsync(
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ReaderSubscriptionEntity.Partition}");
        await foreach (var entity in _store.ReaderSubscriptions.QueryAsync<ReaderSubscriptionEntity>(filter, cancellationToken: cancellationToken))
        {
            yield return (entity.RowKey, Read(entity), entity);
        }
    }

    /// <summary>The one-click unsubscribe token for this subscription.</summary>
    public string UnsubscribeToken(ReaderSubscriptionEntity subscription) =>
        $"{subscription.RowKey}.{subscription.Nonce}.{Mac(subscription.RowKey, subscription.Nonce)}";

    /// <summary>
    /// Deletes the subscription a genuine token names, if it still exists; needs no sign-in. Gone when the token is
    /// genuine but its subscription is gone already (the link was used, or the reader unsubscribed); invalid when it is
    /// not a token this service signed.
    /// </summary>
    public async Task<Result<bool>> UnsubscribeAsync(string token, CancellationToken cancellationToken)
    {
        if (token.Length is 0 or > MaxTokenLength || token.Split('.') is not [var readerId, var nonce, var mac]
            || !ReaderId.TryParse(readerId, out _) || nonce.Length == 0)
        {
            return Failure.Invalid("token", "is not a valid unsubscribe link");
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(mac), Encoding.ASCII.GetBytes(Mac(readerId, nonce))))
        {
            return Failure.Invalid("token", "is not a valid unsubscribe link");
        }

        var found = await _store.ReaderSubscriptions.GetEntityIfExistsAsync<ReaderSubscriptionEntity>(
            ReaderSubscriptionEntity.Partition, readerId, cancellationToken: cancellationToken);
        if (!found.HasValue || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(found.Value!.Nonce), Encoding.ASCII.GetBytes(nonce)))
        {
            return Failure.Gone(AlreadyCancelled);
        }

        return await DeleteAsync(readerId, found.Value.ETag, cancellationToken)
            ? Result.Ok(true)
            : Failure.Gone(AlreadyCancelled);
    }

    /// <summary>Whether every one of <paramref name="values"/> is one of <paramref name="options"/>.</summary>
    public static bool AreOptions(IEnumerable<string> values, IReadOnlySet<string> options) => values.All(options.Contains);

    private async Task<bool> DeleteAsync(string readerId, ETag etag, CancellationToken cancellationToken)
    {
        try
        {
            await _store.ReaderSubscriptions.DeleteEntityAsync(ReaderSubscriptionEntity.Partition, readerId, etag, cancellationToken);
            return true;
        }
        catch (RequestFailedException e) when (e.Status is 404 or 412)
        {
            return false;
        }
    }

    private string Mac(string readerId, string nonce) =>
        Base64Url.EncodeToString(HMACSHA256.HashData(_key, Encoding.UTF8.GetBytes("unsubscribe\n" + readerId + "\n" + nonce)));

    private static DigestSubscription Read(ReaderSubscriptionEntity entity) =>
        new(LuceneLibraryIndex.ReadList(entity.CallTypes), LuceneLibraryIndex.ReadList(entity.Factors));

    private static HashSet<string> Options(string questionId) =>
        FormVersion1.Definition.Find(questionId)!.Options.Select(o => o.Value).ToHashSet(StringComparer.Ordinal);
}
