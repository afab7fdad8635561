using System.Security.Cryptography;
using System.Text;

using Azure;
using Azure.Data.Tables;

using NearMiss.Core.Accounts;
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
    private const string Base32 = "abcdefghijklmnopqrstuvwxyz234567";

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
            var existing = await store.Readers.GetEntityIfExistsAsync<ReaderEntity>(ReaderEntity.Partition, RowKey(address), cancellationToken: cancellationToken);
            try
            {
                if (existing.HasValue)
                {
                    var entity = existing.Value!;
                    entity.Approved = true;
                    await store.Readers.UpdateEntityAsync(entity, entity.ETag, TableUpdateMode.Replace, cancellationToken);
                    return new Reader(entity.Id);
                }

                var added = new ReaderEntity { RowKey = RowKey(address), Id = NewId(), Email = address, Approved = true };
                await store.Readers.AddEntityAsync(added, cancellationToken);
                return new Reader(added.Id);
            }
            catch (RequestFailedException e) when (e.Status is 409 or 412)
            {
                // Changed meanwhile (a sign-in request created the row): read it again.
            }
        }
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
    internal async Task<(ReaderEntity Account, bool Allowed, bool TellStaff)?> EnsureAsync(string email, CancellationToken cancellationToken)
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
                    account = new ReaderEntity { RowKey = RowKey(address), Id = NewId(), Email = address, StaffNotified = !domainAllowed };
                    await store.Readers.AddEntityAsync(account, cancellationToken);
                    return (account, domainAllowed, !domainAllowed);
                }

                var allowed = domainAllowed || account.Approved;
                if (allowed || account.StaffNotified)
                {
                    return (account, allowed, false);
                }

                account.StaffNotified = true;
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
        var entity = await store.Readers.GetEntityIfExistsAsync<ReaderEntity>(ReaderEntity.Partition, RowKey(address), cancellationToken: cancellationToken);
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

    private static string RowKey(string address) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(address)));

    private static string NewId()
    {
        Span<byte> random = stackalloc byte[10];
        RandomNumberGenerator.Fill(random);
        var id = new StringBuilder("l-", 12);
        foreach (var b in random)
        {
            id.Append(Base32[b & 31]);
        }

        return id.ToString();
    }
}
