using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace IpcLab.Benchmarks;

/// <summary>A short job (an exploration takes up to seconds) with the states-per-second columns.</summary>
public sealed class ExploreBenchConfig : ManualConfig
{
    public ExploreBenchConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(2)
            .WithIterationCount(5)
            .WithId("Explore")
            .AsDefault());
        AddColumn(ExploreRateColumn.States, ExploreRateColumn.StatesPerSecond, ExploreRateColumn.BytesPerState, ExploreRateColumn.KeptPerState);
    }
}
