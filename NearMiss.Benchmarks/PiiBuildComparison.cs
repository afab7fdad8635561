using System.Diagnostics;
using System.Runtime.Loader;
using System.Text.Json;

namespace NearMiss.Benchmarks;

/// <summary>
/// <c>compare-pii BUILD_A BUILD_B CORPUS [ROUNDS]</c>: the local detector of two builds (folders holding
/// NearMiss.Core.dll, such as NearMiss.Cli/bin/Release/net10.0 of two checkouts), each in its own load context, run
/// over the same texts in alternating passes on one thread (decision 055). Alternating cancels most of what a
/// shared machine's neighbours do to timings taken minutes apart; the ratio of the medians is the figure to read.
/// </summary>
public static class PiiBuildComparison
{
    public static int Run(string[] args)
    {
        if (args.Length is < 3 or > 4 || !Directory.Exists(args[0]) || !Directory.Exists(args[1]) || !File.Exists(args[2]))
        {
            Console.Error.WriteLine("usage: compare-pii BUILD_A BUILD_B CORPUS.jsonl [ROUNDS]  (builds are folders holding NearMiss.Core.dll)");
            return 2;
        }

        var texts = File.ReadLines(args[2])
            .Where(static line => line.Length > 0)
            .Select(static line => JsonDocument.Parse(line).RootElement.GetProperty("text").GetString() ?? "")
            .ToArray();
        var chars = texts.Sum(static text => (long)text.Length);
        var rounds = args.Length == 4 ? int.Parse(args[3], System.Globalization.CultureInfo.InvariantCulture) : 20;
        Func<string, object>[] builds = [Load(args[0]), Load(args[1])];
        foreach (var detect in builds)
        {
            foreach (var text in texts)
            {
                detect(text);
            }
        }

        List<double>[] seconds = [[], []];
        for (var round = 0; round < rounds; round++)
        {
            for (var turn = 0; turn < 2; turn++)
            {
                var build = (turn + round) % 2; // A first in even rounds, B first in odd ones
                var clock = Stopwatch.StartNew();
                foreach (var text in texts)
                {
                    builds[build](text);
                }

                seconds[build].Add(clock.Elapsed.TotalSeconds);
            }
        }

        for (var build = 0; build < 2; build++)
        {
            Console.WriteLine($"{(build == 0 ? 'A' : 'B')} {args[build]}: median {Median(seconds[build]):F3} s, fastest {seconds[build].Min():F3} s per pass = {chars / Median(seconds[build]) / 1e6:F2} M chars/s");
        }

        Console.WriteLine($"{texts.Length} texts, {chars} chars, {rounds} rounds; A's time over B's: median {Median(seconds[0]) / Median(seconds[1]):F2}, fastest {seconds[0].Min() / seconds[1].Min():F2}");
        return 0;
    }

    private static double Median(List<double> values) => values.Order().ElementAt(values.Count / 2);

    private static Func<string, object> Load(string folder)
    {
        var root = Path.GetFullPath(folder);
        var context = new AssemblyLoadContext(root);
        context.Resolving += (loader, name) => Path.Combine(root, name.Name + ".dll") is var path && File.Exists(path) ? loader.LoadFromAssemblyPath(path) : null;
        var type = context.LoadFromAssemblyPath(Path.Combine(root, "NearMiss.Core.dll")).GetType("NearMiss.Core.Pii.LocalPiiDetector", throwOnError: true)!;
        var detect = type.GetMethod("Detect", [typeof(string)]) ?? throw new InvalidOperationException("No LocalPiiDetector.Detect(string) in " + root);
        return detect.CreateDelegate<Func<string, object>>(Activator.CreateInstance(type));
    }
}
