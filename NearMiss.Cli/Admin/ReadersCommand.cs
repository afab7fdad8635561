using System.CommandLine;

using Microsoft.Extensions.DependencyInjection;

using NearMiss.Core.Accounts;
using NearMiss.Core.Library;
using NearMiss.Core.Storage;

namespace NearMiss.Cli.Admin;

/// <summary><c>nearmiss readers allow-domain DOMAIN</c>, <c>nearmiss readers approve EMAIL</c> and <c>nearmiss readers domains</c>.</summary>
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

        var email = new Argument<string>("email") { Description = "The reader's e-mail address" };
        var approve = new Command("approve", "Let one address sign in to the library, whatever its domain.") { email };
        approve.SetAction(async (result, cancellationToken) =>
        {
            if (ReviewerDirectory.NormaliseAddress(result.GetValue(email)) is null)
            {
                await Console.Error.WriteLineAsync("nearmiss readers approve: EMAIL is not an e-mail address");
                return 2;
            }

            await using var services = AdminServices.Create();
            await services.GetRequiredService<NearMissStore>().EnsureCreatedAsync(cancellationToken);
            var reader = await services.GetRequiredService<ReaderDirectory>().ApproveAsync(result.GetValue(email)!, cancellationToken);
            Console.WriteLine(reader.Id);
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

        return new Command("readers", "Manage who may read the library.") { allowDomain, approve, domains };
    }
}
