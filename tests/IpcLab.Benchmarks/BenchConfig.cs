using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;

namespace IpcLab.Benchmarks;

/// <summary>
/// The configuration of both benchmark classes: the steps-per-second columns, and a job sized
/// so that <c>make bench</c> stays within a few minutes on a 2-core machine (1 launch,
/// 5 warm-up and 15 measured iterations instead of BenchmarkDotNet's open-ended default).
/// The job is marked as the default, so a job named on the command line (<c>--job short</c>,
/// <c>--job medium</c>) replaces it. The default out-of-process toolchain is used: it builds and
/// runs headless here, so no <c>[InProcess]</c> is needed.
/// </summary>
public sealed class BenchConfig : ManualConfig
{
    public BenchConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(5)
            .WithIterationCount(15)
            .WithId("Bench")
            .AsDefault());
        AddColumn(StepRateColumn.StepsPerRun, StepRateColumn.NanosecondsPerStep, StepRateColumn.MegaStepsPerSecond);
    }
}
