using Azure;
using Azure.Data.Tables;

using NearMiss.Core.Accounts;
using NearMiss.Core.Reports;
using NearMiss.Core.SignIn;
using NearMiss.Core.Storage;

namespace NearMiss.Core.Library;

/// <summary>Whether an address may read the library, and why not.</summary>
public enum ReaderAccess
{
    /// <summary>Not an e-mail address.</summary>
    Invalid,

    /// <summary>On an allowed domain, or approved by staff.</summary>
    Allowed,

    /// <summary>Neither: staff must approve it first.</summary>
    AwaitingApproval,
}

/// <summary>
/// Reader accounts (table <c>readers</c>) and the allowed domains (table <c>readerdomains</c>). Kept apart from
/// reviewers and submissions: its own tables, its own random ids (<c>l-…</c>), nothing that joins to them.
/// </summary>
public sealed class ReaderDirectory(NearMissStore store)
{
    /// <summary>Allows every address of <paramref name="domain"/> (lower-cased, without a leading <c>@</c>).</summary>
    public async Task<string> AllowDomainAsync(string domain, CancellationToken cancellationToken)
    {
        var normalised = NormaliseDomain(domain) ?? throw new ArgumentException("Not a domain name.", nameof(domain));
        await store.ReaderDomains.UpsertEntityAsync(new ReaderDomainEntity { RowKey = normalised }, TableUpdateMode.Replace, cancellationToken);
        return normalised;
    }

    /// <summary>The allowed domains, in order.</summary>
    public async Task<IReadOnlyList<string>> ListDomainsAsync(CancellationToken cancellationToken)
    {
        var domains = new List<string>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ReaderDomainEntity.Partition}");
        await foreach (var entity in store.ReaderDomains.QueryAsync<ReaderDomainEntity>(filter, cancellationToken: cancellationToken))
        {
            domains.Add(entity.RowKey);
        }

        return domains.Order(StringComparer.Ordinal).ToList();
    }

    /// <summary>Approves one address, whatever its domain, creating its account when needed.</summary>
    public async Task<Reader> ApproveAsync(string email, CancellationToken cancellationToken)
    {
        var address = ReviewerDirectory.NormaliseAddress(email) ?? throw new ArgumentException("Not an e-mail address.", nameof(email));
        while (true)
        {
            var existing = await store.Readers.GetEntityIfExistsAsync<ReaderEntity>(ReaderEntity.Partition, AccountKeys.Row(address), cancellationToken: cancellationToken);
            try
            {
                if (existing.HasValue)
                {
                    var entity = existing.Value!;
                    if (!entity.Approved)
                    {
                        entity.Approved = true;
                        entity.Version++;
                    }

                    await store.Readers.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                    return new Reader(ReaderId.Parse(entity.Id)) { Version = entity.Version };
                }

                var added = new ReaderEntity { RowKey = AccountKeys.Row(address), Id = AccountKeys.NewId(ReaderId.Prefix), Email = address, Approved = true };
                await store.Readers.AddEntityAsync(added, cancellationToken);
                return new Reader(ReaderId.Parse(added.Id));
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Changed meanwhile (a sign-in request created the row): read it again.
            }
        }
    }

    /// <summary>Takes a domain off the allowed list: its readers' sessions end on their next request, unless approved one by one.</summary>
    public async Task<bool> DisallowDomainAsync(string domain, CancellationToken cancellationToken)
    {
        var normalised = NormaliseDomain(domain) ?? throw new ArgumentException("Not a domain name.", nameof(domain));
        // The SDK answers a delete of a missing row as a success: look first.
        if (!(await store.ReaderDomains.GetEntityIfExistsAsync<ReaderDomainEntity>(ReaderDomainEntity.Partition, normalised, cancellationToken: cancellationToken)).HasValue)
        {
            return false;
        }

        await store.ReaderDomains.DeleteEntityAsync(ReaderDomainEntity.Partition, normalised, ETag.All, cancellationToken);
        return true;
    }

    /// <summary>Removes the reader account of this address: its sessions end on their next request. False when there was none.</summary>
    public async Task<bool> RemoveAsync(string email, CancellationToken cancellationToken)
    {
        if (ReviewerDirectory.NormaliseAddress(email) is not { } address)
        {
            return false;
        }

        if (await FindAsync(address, cancellationToken) is null)
        {
            return false;
        }

        await store.Readers.DeleteEntityAsync(ReaderEntity.Partition, AccountKeys.Row(address), ETag.All, cancellationToken);
        return true;
    }

    /// <summary>Approves the address that made request <paramref name="requestId"/>; null when no request has that id.</summary>
    public async Task<(Reader Reader, string Email)?> ApproveRequestAsync(string requestId, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ReaderEntity.Partition} and RequestId eq {requestId.Trim()}");
        await foreach (var entity in store.Readers.QueryAsync<ReaderEntity>(filter, cancellationToken: cancellationToken))
        {
            return (await ApproveAsync(entity.Email, cancellationToken), entity.Email);
        }

        return null;
    }

    /// <summary>Sign-in requests waiting for a decision: addresses outside the allowed domains not yet approved, by address.</summary>
    public async Task<IReadOnlyList<ReaderEntity>> PendingRequestsAsync(CancellationToken cancellationToken) =>
        (await ListAsync(cancellationToken)).Where(r => !r.MayRead && r.Account.RequestId.Length > 0).Select(r => r.Account).ToList();

    /// <summary>Every reader account, ordered by address, with whether it may read now.</summary>
    public async Task<IReadOnlyList<(ReaderEntity Account, bool MayRead)>> ListAsync(CancellationToken cancellationToken)
    {
        var domains = (await ListDomainsAsync(cancellationToken)).ToHashSet(StringComparer.Ordinal);
        var readers = new List<(ReaderEntity, bool)>();
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ReaderEntity.Partition}");
        await foreach (var entity in store.Readers.QueryAsync<ReaderEntity>(filter, cancellationToken: cancellationToken))
        {
            readers.Add((entity, entity.Approved || domains.Contains(entity.Email[(entity.Email.LastIndexOf('@') + 1)..])));
        }

        return readers.OrderBy(r => r.Item1.Email, StringComparer.Ordinal).ToList();
    }

    /// <summary>Whether <paramref name="email"/> may read the library, without changing anything.</summary>
    public async Task<ReaderAccess> AccessOfAsync(string email, CancellationToken cancellationToken)
    {
        if (ReviewerDirectory.NormaliseAddress(email) is not { } address)
        {
            return ReaderAccess.Invalid;
        }

        var account = await FindAsync(address, cancellationToken);
        return account?.Approved == true || await IsDomainAllowedAsync(address, cancellationToken) ? ReaderAccess.Allowed : ReaderAccess.AwaitingApproval;
    }

    /// <summary>
    /// The account of <paramref name="email"/>, created when missing; with whether it may sign in and whether staff
    /// should now hear that it asked (once per address).
    /// </summary>
    /// <remarks>
    /// Without staff to tell (<paramref name="canTellStaff"/> false) the request still persists, listed by
    /// <see cref="PendingRequestsAsync"/>, and staff are told of it at its next request once they can be.
    /// </remarks>
    internal async Task<(ReaderEntity Account, bool Allowed, bool TellStaff)?> EnsureAsync(string email, CancellationToken cancellationToken, bool canTellStaff = true)
    {
        if (ReviewerDirectory.NormaliseAddress(email) is not { } address)
        {
            return null;
        }

        var domainAllowed = await IsDomainAllowedAsync(address, cancellationToken);
        while (true)
        {
            var account = await FindAsync(address, cancellationToken);
            try
            {
                if (account is null)
                {
                    var tell = !domainAllowed && canTellStaff;
                    account = new ReaderEntity { RowKey = AccountKeys.Row(address), Id = AccountKeys.NewId(ReaderId.Prefix), RequestId = AccountKeys.NewId("q-"), Email = address, StaffNotified = tell };
                    await store.Readers.AddEntityAsync(account, cancellationToken);
                    return (account, domainAllowed, tell);
                }

                var allowed = domainAllowed || account.Approved;
                if (allowed || account.StaffNotified || !canTellStaff)
                {
                    return (account, allowed, false);
                }

                account.StaffNotified = true;
                account.RequestId = account.RequestId.Length > 0 ? account.RequestId : AccountKeys.NewId("q-");
                await store.Readers.UpdateEntityAsync(account, account.ETag, TableUpdateMode.Replace, cancellationToken);
                return (account, false, true);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Created or changed meanwhile: read it again.
            }
        }
    }

    /// <summary>The account with this id, or null.</summary>
    public async Task<ReaderEntity?> FindByIdAsync(string id, CancellationToken cancellationToken)
    {
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {ReaderEntity.Partition} and Id eq {id}");
        await foreach (var entity in store.Readers.QueryAsync<ReaderEntity>(filter, cancellationToken: cancellationToken))
        {
            return entity;
        }

        return null;
    }

    /// <summary>Whether the account may still read: its domain is allowed or staff approved it.</summary>
    internal async Task<bool> MayReadAsync(ReaderEntity account, CancellationToken cancellationToken) =>
        account.Approved || await IsDomainAllowedAsync(account.Email, cancellationToken);

    /// <summary>The domain trimmed, without a leading <c>@</c> and lower-cased, or null when it is not plausibly one.</summary>
    public static string? NormaliseDomain(string? domain)
    {
        var normalised = domain?.Trim().TrimStart('@').TrimEnd('.').ToLowerInvariant();
        if (string.IsNullOrEmpty(normalised) || normalised.Length > 253 || !normalised.Contains('.')
            || normalised.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '-' or '.'))
            || normalised.Split('.').Any(label => label.Length is 0 or > 63))
        {
            return null;
        }

        return normalised;
    }

    private async Task<ReaderEntity?> FindAsync(string address, CancellationToken cancellationToken)
    {
        var entity = await store.Readers.GetEntityIfExistsAsync<ReaderEntity>(ReaderEntity.Partition, AccountKeys.Row(address), cancellationToken: cancellationToken);
        return entity.HasValue ? entity.Value : null;
    }

    private async Task<bool> IsDomainAllowedAsync(string address, CancellationToken cancellationToken)
    {
        if (NormaliseDomain(address[(address.LastIndexOf('@') + 1)..]) is not { } domain)
        {
            return false;
        }

        var found = await store.ReaderDomains.GetEntityIfExistsAsync<ReaderDomainEntity>(ReaderDomainEntity.Partition, domain, cancellationToken: cancellationToken);
        return found.HasValue;
    }
}
