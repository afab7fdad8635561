using System.CommandLine;

using Microsoft.Extensions.DependencyInjection;

using NearMiss.Core.Accounts;
using NearMiss.Core.Storage;
using NearMiss.Core.Trends;

namespace NearMiss.Cli.Admin;

/// <summary><c>nearmiss agencies add CODE --contact EMAIL</c> and <c>nearmiss agencies list</c>.</summary>
public static class AgenciesCommand
{
    public static Command Create()
    {
        var code = new Argument<string>("code") { Description = "The agency code reporters enter" };
        var contact = new Option<string>("--contact") { Description = "Who receives the agency's monthly analysis", Required = true };
        var add = new Command("add", "Add a participating agency, or change its contact.") { code, contact };
        add.SetAction(async (result, cancellationToken) =>
        {
            if (AgencyDirectory.NormaliseCode(result.GetValue(code)) is null)
            {
                await Console.Error.WriteLineAsync("nearmiss agencies add: CODE must be 1 to 20 characters without / \\ # ? | ~");
                return 2;
            }

            if (ReviewerDirectory.NormaliseAddress(result.GetValue(contact)) is null)
            {
                await Console.Error.WriteLineAsync("nearmiss agencies add: --contact is not an e-mail address");
                return 2;
            }

            await using var services = AdminServices.Create();
            await services.GetRequiredService<NearMissStore>().EnsureCreatedAsync(cancellationToken);
            var agency = await services.GetRequiredService<AgencyDirectory>().AddAsync(result.GetValue(code)!, result.GetValue(contact)!, cancellationToken);
            Console.WriteLine($"{agency.Code}\t{agency.Contact}");
            return 0;
        });

        var list = new Command("list", "List the participating agencies: code, contact.");
        list.SetAction(async (_, cancellationToken) =>
        {
            await using var services = AdminServices.Create();
            await services.GetRequiredService<NearMissStore>().EnsureCreatedAsync(cancellationToken);
            foreach (var agency in await services.GetRequiredService<AgencyDirectory>().ListAsync(cancellationToken))
            {
                Console.WriteLine($"{agency.Code}\t{agency.Contact}");
            }

            return 0;
        });

        return new Command("agencies", "Manage participating agencies.") { add, list };
    }
}
