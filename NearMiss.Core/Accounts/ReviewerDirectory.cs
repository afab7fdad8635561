using System.Globalization;
using Azure;
using Azure.Data.Tables;

using NearMiss.Core.Reports;
using NearMiss.Core.SignIn;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Accounts;

/// <summary>
/// The reviewer accounts (table <c>reviewers</c>). Staff add them; an address is matched without regard to
/// case. Ids are random, so nothing about a reviewer can be derived from one.
/// </summary>
public sealed class ReviewerDirectory(NearMissStore store)
{
    /// <summary>
    /// Adds a reviewer, or sets the stages of the one who already has this address. A change of stages (or of
    /// <paramref name="demo"/>) raises the account's version, which ends its current sessions.
    /// </summary>
    public async Task<Reviewer> AddAsync(string email, IReadOnlySet<Stage> stages, CancellationToken cancellationToken, bool demo = false)
    {
        var address = NormaliseAddress(email) ?? throw new ArgumentException("Not an e-mail address.", nameof(email));
        if (stages.Count == 0)
        {
            throw new ArgumentException("Stages must be one or more of 1 and 2.", nameof(stages));
        }

        var rowKey = AccountKeys.Row(address);
        while (true)
        {
            var existing = await store.Reviewers.GetEntityIfExistsAsync<ReviewerEntity>(ReviewerEntity.Partition, rowKey, cancellationToken: cancellationToken);
            try
            {
                if (existing.HasValue)
                {
                    var entity = existing.Value!;
                    if (entity.Stages == ReviewerEntity.FormatStages(stages) && entity.Demo == demo)
                    {
                        return entity.ToReviewer();
                    }

                    entity.Email = address;
                    entity.Stages = ReviewerEntity.FormatStages(stages);
                    entity.Demo = demo;
                    entity.Version++;
                    await store.Reviewers.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                    return entity.ToReviewer();
                }

                var added = new ReviewerEntity { RowKey = rowKey, Id = AccountKeys.NewId(ReviewerId.Prefix), Email = address, Stages = ReviewerEntity.FormatStages(stages), Demo = demo };
                await store.Reviewers.AddEntityAsync(added, cancellationToken);
                return added.ToReviewer();
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Someone added or changed the same address meanwhile: read it again and apply ours on top.
            }
        }
    }

    /// <summary>Removes the reviewer with this address: their sessions end and they get no more notices. False when there was none.</summary>
    public async Task<bool> RemoveAsync(string email, CancellationToken cancellationToken)
    {
        if (NormaliseAddress(email) is not { } address)
        {
            return false;
        }

        // The SDK answers a delete of a missing row as a success: look first.
        var existing = await store.Reviewers.GetEntityIfExistsAsync<ReviewerEntity>(ReviewerEntity.Partition, AccountKeys.Row(address), cancellationToken: cancellationToken);
        if (!existing.HasValue)
        {
            return false;
        }

        await store.Reviewers.DeleteEntityAsync(ReviewerEntity.Partition, AccountKeys.Row(address), ETag.All, cancellationToken);
        return true;
    }

    public async Task<Reviewer?> FindByEmailAsync(string email, CancellationToken cancellationToken)
    {
        if (NormaliseAddress(email) is not { } address)
        {
            return null;
        }

        var entity = await store.Reviewers.GetEntityIfExistsAsync<ReviewerEntity>(ReviewerEntity.Partition, AccountKeys.Row(address), cancellationToken: cancellationToken);
        return entity.HasValue ? entity.Value!.ToReviewer() : null;
    }

    public async Task<Reviewer?> FindByIdAsync(string id, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ReviewerEntity.Partition} and Id eq {id}");
        await foreach (var entity in store.Reviewers.QueryAsync<ReviewerEntity>(filter, cancellationToken: cancellationToken))
        {
            return entity.ToReviewer();
        }

        return null;
    }

    /// <summary>Every reviewer holding <paramref name="stage"/>, ordered by address.</summary>
    public async Task<IReadOnlyList<Reviewer>> ListByStageAsync(Stage stage, CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).Where(r => r.Holds(stage)).ToList();

    /// <summary>Every reviewer, ordered by address.</summary>
    public async Task<IReadOnlyList<Reviewer>> ListAsync(CancellationToken cancellationToken)
    {
        var reviewers = new List<Reviewer>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ReviewerEntity.Partition}");
        await foreach (var entity in store.Reviewers.QueryAsync<ReviewerEntity>(filter, cancellationToken: cancellationToken))
        {
            reviewers.Add(entity.ToReviewer());
        }

        return reviewers.OrderBy(r => r.Email, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The address trimmed and lower-cased, its domain in IDNA (ASCII) form; or null unless the local part is a plain
    /// dot-atom of letters, digits and <c>. _ + -</c> and the domain a valid host name with at least one dot. Stricter
    /// than RFC 5322 on purpose: no quotes, no <c>$ ` { } | ! * ' / = ? ^ ~ # % &amp;</c>, nothing a shell would act on.
    /// </summary>
    public static string? NormaliseAddress(string? email)
    {
        var address = email?.Trim();
        if (address is null || address.Length is < 3 or > 254)
        {
            return null;
        }

        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1 || address.IndexOf('@') != at)
        {
            return null;
        }

        var local = address[..at].ToLowerInvariant();
        if (local.Length > 64 || local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal)
            || !local.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' or '+' or '-'))
        {
            return null;
        }

        string domain;
        try
        {
            domain = new IdnMapping { UseStd3AsciiRules = true }.GetAscii(address[(at + 1)..]).ToLowerInvariant();
        }
        catch (ArgumentException)
        {
            return null;
        }

        return domain.Contains('.') && !domain.EndsWith('.') && domain.Split('.').All(l => l.Length is > 0 and <= 63) ? $"{local}@{domain}" : null;
    }
}
