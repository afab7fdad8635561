using System.CommandLine;
using System.Globalization;

using Microsoft.Extensions.DependencyInjection;

using NearMiss.Core.Accounts;
using NearMiss.Core.Reports;
using NearMiss.Core.Storage;

namespace NearMiss.Cli.Admin;

/// <summary><c>nearmiss reviewers add EMAIL --stages 1,2</c>, <c>nearmiss reviewers remove EMAIL</c> and <c>nearmiss reviewers list</c>.</summary>
public static class ReviewersCommand
{
    public static Command Create()
    {
        var email = new Argument<string>("email") { Description = "The reviewer's e-mail address" };
        var stages = new Option<string>("--stages")
        {
            Description = "The review stages the reviewer may act in: 1, 2 or 1,2",
            Required = true,
        };
        var add = new Command("add", "Add a reviewer, or set the stages of an existing one.") { email, stages };
        add.SetAction(async (result, cancellationToken) =>
        {
            if (ParseStages(result.GetValue(stages)) is not { } parsed)
            {
                await Console.Error.WriteLineAsync("nearmiss reviewers add: --stages must be 1, 2 or 1,2");
                return 2;
            }

            if (ReviewerDirectory.NormaliseAddress(result.GetValue(email)) is null)
            {
                await Console.Error.WriteLineAsync("nearmiss reviewers add: EMAIL is not an e-mail address");
                return 2;
            }

            await using var services = AdminServices.Create();
            await services.GetRequiredService<NearMissStore>().EnsureCreatedAsync(cancellationToken);
            var reviewer = await services.GetRequiredService<ReviewerDirectory>().AddAsync(result.GetValue(email)!, parsed, cancellationToken);
            Console.WriteLine(Format(reviewer));
            return 0;
        });

        var removed = new Argument<string>("email") { Description = "The reviewer's e-mail address" };
        var remove = new Command("remove", "Remove a reviewer: their sessions end at their next request, and they get no more notices.") { removed };
        remove.SetAction(async (result, cancellationToken) =>
        {
            await using var services = AdminServices.Create();
            await services.GetRequiredService<NearMissStore>().EnsureCreatedAsync(cancellationToken);
            if (!await services.GetRequiredService<ReviewerDirectory>().RemoveAsync(result.GetValue(removed)!, cancellationToken))
            {
                await Console.Error.WriteLineAsync("nearmiss reviewers remove: no reviewer has that address");
                return 1;
            }

            Console.WriteLine("removed");
            return 0;
        });

        var stage = new Option<int?>("--stage") { Description = "Only reviewers holding this stage" };
        var list = new Command("list", "List the reviewers: id, address, stages, and \"demo\" for demo and seed accounts (sent no notices).") { stage };
        list.SetAction(async (result, cancellationToken) =>
        {
            await using var services = AdminServices.Create();
            await services.GetRequiredService<NearMissStore>().EnsureCreatedAsync(cancellationToken);
            var directory = services.GetRequiredService<ReviewerDirectory>();
            var reviewers = result.GetValue(stage) switch
            {
                null => await directory.ListAsync(cancellationToken),
                { } number when Stage.TryParse(number, out var only) => await directory.ListByStageAsync(only, cancellationToken),
                _ => [],
            };
            foreach (var reviewer in reviewers)
            {
                Console.WriteLine(Format(reviewer));
            }

            return 0;
        });

        return new Command("reviewers", "Manage reviewer accounts.") { add, remove, list };
    }

    public static IReadOnlySet<Stage>? ParseStages(string? value)
    {
        var stages = new HashSet<Stage>();
        foreach (var part in (value ?? "").Split(',', StringSplitOptions.TrimEntries))
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var number) || !Stage.TryParse(number, out var stage))
            {
                return null;
            }

            stages.Add(stage);
        }

        return stages.Count > 0 ? stages : null;
    }

    private static string Format(Reviewer reviewer) =>
        $"{reviewer.Id}\t{reviewer.Email}\t{string.Join(',', reviewer.Stages.Order())}" + (reviewer.Demo ? "\tdemo" : "");
}
