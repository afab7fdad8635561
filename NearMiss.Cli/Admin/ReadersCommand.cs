using System.CommandLine;

using Microsoft.Extensions.DependencyInjection;

using NearMiss.Core.Library;
using NearMiss.Core.Storage;

namespace NearMiss.Cli.Admin;

/// <summary>
/// <c>nearmiss readers allow-domain DOMAIN</c>, <c>disallow-domain DOMAIN</c>, <c>approve REQUEST_ID</c>, <c>requests</c>,
/// <c>remove EMAIL</c>, <c>domains</c> and <c>list</c>.
/// </summary>
public static class ReadersCommand
{
    public static Command Create()
    {
        var domain = new Argument<string>("domain") { Description = "An e-mail domain whose addresses may read the library, e.g. pd.example.gov" };
        var allowDomain = new Command("allow-domain", "Let every address of a domain sign in to the library.") { domain };
        allowDomain.SetAction(async (result, cancellationToken) =>
        {
            if (ReaderDirectory.NormaliseDomain(result.GetValue(domain)) is null)
            {
                await Console.Error.WriteLineAsync("nearmiss readers allow-domain: DOMAIN is not a domain name");
                return 2;
            }

            await using var services = AdminServices.Create();
            await services.GetRequiredService<NearMissStore>().EnsureCreatedAsync(cancellationToken);
            Console.WriteLine(await services.GetRequiredService<ReaderDirectory>().AllowDomainAsync(result.GetValue(domain)!, cancellationToken));
            return 0;
        });

        var request = new Argument<string>("request-id") { Description = "The id of a sign-in request (q-…), from the staff e-mail or `nearmiss readers requests`" };
        var approve = new Command("approve", "Approve a reader's sign-in request: its address may then read the library, whatever its domain.") { request };
        approve.SetAction(async (result, cancellationToken) =>
        {
            await using var services = AdminServices.Create();
            await services.GetRequiredService<NearMissStore>().EnsureCreatedAsync(cancellationToken);
            if (await services.GetRequiredService<ReaderDirectory>().ApproveRequestAsync(result.GetValue(request)!, cancellationToken) is not { } approved)
            {
                await Console.Error.WriteLineAsync("nearmiss readers approve: no sign-in request has that id (see `nearmiss readers requests`)");
                return 1;
            }

            Console.WriteLine($"{approved.Reader.Id}\t{approved.Email}");
            return 0;
        });

        var requests = new Command("requests", "List the sign-in requests waiting for approval: request id, address.");
        requests.SetAction(async (_, cancellationToken) =>
        {
            await using var services = AdminServices.Create();
            await services.GetRequiredService<NearMissStore>().EnsureCreatedAsync(cancellationToken);
            foreach (var pending in await services.GetRequiredService<ReaderDirectory>().PendingRequestsAsync(cancellationToken))
            {
                Console.WriteLine($"{pending.RequestId}\t{pending.Email}");
            }

            return 0;
        });

        var disallowed = new Argument<string>("domain") { Description = "An allowed e-mail domain" };
        var disallowDomain = new Command("disallow-domain", "Take a domain off the allowed list: its readers are signed out at their next request, unless approved one by one.") { disallowed };
        disallowDomain.SetAction(async (result, cancellationToken) =>
        {
            if (ReaderDirectory.NormaliseDomain(result.GetValue(disallowed)) is null)
            {
                await Console.Error.WriteLineAsync("nearmiss readers disallow-domain: DOMAIN is not a domain name");
                return 2;
            }

            await using var services = AdminServices.Create();
            await services.GetRequiredService<NearMissStore>().EnsureCreatedAsync(cancellationToken);
            if (!await services.GetRequiredService<ReaderDirectory>().DisallowDomainAsync(result.GetValue(disallowed)!, cancellationToken))
            {
                await Console.Error.WriteLineAsync("nearmiss readers disallow-domain: that domain is not allowed");
                return 1;
            }

            Console.WriteLine("disallowed");
            return 0;
        });

        var removed = new Argument<string>("email") { Description = "The reader's e-mail address" };
        var remove = new Command("remove", "Remove a reader account: its sessions end at its next request.") { removed };
        remove.SetAction(async (result, cancellationToken) =>
        {
            await using var services = AdminServices.Create();
            await services.GetRequiredService<NearMissStore>().EnsureCreatedAsync(cancellationToken);
            if (!await services.GetRequiredService<ReaderDirectory>().RemoveAsync(result.GetValue(removed)!, cancellationToken))
            {
                await Console.Error.WriteLineAsync("nearmiss readers remove: no reader has that address");
                return 1;
            }

            Console.WriteLine("removed");
            return 0;
        });

        var list = new Command("list", "List the reader accounts: id, address, approved or not, and whether they may read now.");
        list.SetAction(async (_, cancellationToken) =>
        {
            await using var services = AdminServices.Create();
            await services.GetRequiredService<NearMissStore>().EnsureCreatedAsync(cancellationToken);
            foreach (var (account, mayRead) in await services.GetRequiredService<ReaderDirectory>().ListAsync(cancellationToken))
            {
                Console.WriteLine($"{account.Id}\t{account.Email}\t{(account.Approved ? "approved" : "not-approved")}\t{(mayRead ? "may-read" : "may-not-read")}");
            }

            return 0;
        });

        var domains = new Command("domains", "List the allowed domains.");
        domains.SetAction(async (_, cancellationToken) =>
        {
            await using var services = AdminServices.Create();
            await services.GetRequiredService<NearMissStore>().EnsureCreatedAsync(cancellationToken);
            foreach (var allowed in await services.GetRequiredService<ReaderDirectory>().ListDomainsAsync(cancellationToken))
            {
                Console.WriteLine(allowed);
            }

            return 0;
        });

        return new Command("readers", "Manage who may read the library.") { allowDomain, disallowDomain, approve, requests, remove, domains, list };
    }
}
