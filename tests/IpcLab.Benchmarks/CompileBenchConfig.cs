using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace IpcLab.Benchmarks;

/// <summary>
/// The configuration of <see cref="CompileDeclarationsBenchmarks"/> and <see cref="CompileThreadsBenchmarks"/>: 1 launch, 3 warm-up and 10 measured iterations
/// (the largest program takes a fraction of a second to compile, so this stays within a minute or
/// two), marked as the default job so a job named on the command line replaces it.
/// </summary>
public sealed class CompileBenchConfig : ManualConfig
{
    public CompileBenchConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithId("Compile")
            .AsDefault());
        AddColumn(new PerItemColumn());
    }
}
