using System.CommandLine;
using Microsoft.Extensions.Hosting;

using NearMiss.LocalHost;

namespace NearMiss.Cli.Serve;

public static class ServeCommand
{
    public static Command Create()
    {
        var urls = new Option<string?>("--urls")
        {
            Description = $"Where to listen (default {ServeApp.DefaultUrl}, or ASPNETCORE_URLS).",
        };
        var command = new Command("serve", "Run the function classes, timers and the static site locally.") { urls };
        command.SetAction(async (parse, cancellationToken) =>
        {
            var given = parse.GetValue(urls);
            try
            {
                var app = ServeApp.Build(given is null ? [] : ["--urls", given]);
                await using (app)
                {
                    await ((IHost)app).RunAsync(cancellationToken);
                }

                return 0;
            }
            catch (Exception exception) when (exception is not OperationCanceledException)
            {
                await Console.Error.WriteLineAsync($"nearmiss serve: {exception.Message}");
                return 1;
            }
        });
        return command;
    }
}
