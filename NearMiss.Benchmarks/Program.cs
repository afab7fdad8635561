using BenchmarkDotNet.Running;

using NearMiss.Benchmarks;

if (args.Length > 0 && args[0] == "compare-pii")
{
    return PiiBuildComparison.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
