using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace IpcLab.Benchmarks;

/// <summary>A short job (an invocation is 2,000 runs, a fraction of a second) with the operations-per-second column: schedules a second.</summary>
public sealed class SamplingBenchConfig : ManualConfig
{
    public SamplingBenchConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(3)
            .WithIterationCount(10)
            .WithId("Sampling")
            .AsDefault());
        AddColumn(StatisticColumn.OperationsPerSecond);
    }
}
