using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Perfolizer.Mathematics.OutlierDetection;

namespace IpcLab.Benchmarks;

/// <summary>
/// The configuration of <see cref="GuiKeyBenchmarks"/>: three jobs, and the Median and P95 columns.
/// <list type="bullet">
/// <item><c>Bench</c>, the job of <see cref="BenchConfig"/> (1 launch, 5 warm-up and 15 measured
/// iterations of many frames each): a precise mean of a frame in a tight loop. Its Median and P95
/// are over iteration averages, not over single frames.</item>
/// <item><c>PerFrame</c>: one frame per iteration, 300 of them after 1000 warm-up frames, no
/// outlier removed and no full collection forced between them, so collections land in frames as
/// they do in the live loop. Its Median is the p50 of a single frame and its P95 the p95, once the
/// JIT has finished tiering the views up (that takes a few hundred frames: with tiered compilation
/// and dynamic PGO a method is compiled up to three times).</item>
/// <item><c>First100</c>: the same with no warm-up: the 100 frames after the first one (the
/// first is compiled and timed apart, as the live program renders one off-screen before it shows
/// anything). The p50 of the frames a student sees in the first minutes of a session.</item>
/// </list>
/// BenchmarkDotNet warns that the single-frame iterations are short and may call their distribution
/// bimodal (First100 is, by design: slower frames before the JIT tiers up, faster after).
/// It runs a default job only when no other job is configured, so none is marked as default:
/// a job named on the command line (<c>--job short</c>) runs in addition to these.
/// </summary>
public sealed class FrameBenchConfig : ManualConfig
{
    public FrameBenchConfig()
    {
        AddJob(Job.Default
            .WithLaunchCount(1)
            .WithWarmupCount(5)
            .WithIterationCount(15)
            .WithId("Bench"));
        AddJob(SingleFrames(warmup: 1000, frames: 300).WithId("PerFrame"));
        AddJob(SingleFrames(warmup: 0, frames: 100).WithId("First100"));
        AddColumn(StatisticColumn.Median, StatisticColumn.P95);
    }

    /// <summary>One frame per iteration, every frame kept (no outlier removal), no collection forced between frames.</summary>
    private static Job SingleFrames(int warmup, int frames) => Job.Default
        .WithLaunchCount(1)
        .WithInvocationCount(1)
        .WithUnrollFactor(1)
        .WithWarmupCount(warmup)
        .WithIterationCount(frames)
        .WithOutlierMode(OutlierMode.DontRemove)
        .WithGcForce(false);
}
