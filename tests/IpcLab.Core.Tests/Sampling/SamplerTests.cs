using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Explore;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;
using Runner = IpcLab.Core.Scheduling.Runner;

namespace IpcLab.Core.Tests.Sampling;

/// <summary>The checker's sampling: fast runs that the full kernel confirms, the same report on any number of workers, and what each strategy finds.</summary>
public sealed class SamplerTests
{
    private static readonly Lazy<Model.CompiledProgram> _cargill = new(() => KernelTestKit.CompileLesson("cargill-deadlock.ipl"));

    private static Arbitrary<(ulong Seed, SamplingStrategy Strategy)> Seeds =>
        (from seed in Gen.Choose(1, 1_000_000)
         from strategy in Gen.Elements(SamplingStrategy.Random, SamplingStrategy.Pct, SamplingStrategy.Sticky, SamplingStrategy.Portfolio)
         select ((ulong)seed, strategy)).ToArbitrary();

    [Fact]
    public void SchedulerFor_AnySeedAndStrategy_FastAndFullKernelsEndAlike()
    {
        Prop.ForAll(Seeds, run =>
        {
            var options = new CheckOptions { Strategy = run.Strategy };
            var fast = new Kernel(_cargill.Value, new KernelOptions { MaxSteps = options.MaxSteps, RecordEvents = false, RecordSchedule = false, CheckInvariants = false });
            var full = new Kernel(_cargill.Value, KernelTestKit.Options with { MaxSteps = options.MaxSteps });

            var quick = Runner.Run(fast, Checker.SchedulerFor(_cargill.Value, options, run.Seed));
            var checkedRun = Runner.Run(full, Checker.SchedulerFor(_cargill.Value, options, run.Seed));

            Assert.Equal(checkedRun.Steps, quick.Steps);
            Assert.Equal(checkedRun.StateHash, quick.StateHash);
            Assert.Equal(checkedRun.Findings.Select(f => (f.Kind, f.Step)), quick.Findings.Select(f => (f.Kind, f.Step)));
        }).Check(KernelTestKit.Config(60));
    }

    [Fact]
    public void Check_AnyNumberOfWorkers_SameReport()
    {
        Prop.ForAll(Seeds, Gen.Choose(2, 5).ToArbitrary(), (run, workers) =>
        {
            var options = new CheckOptions { Runs = 150, Seed = run.Seed, Strategy = run.Strategy };

            var one = Checker.Check(_cargill.Value, options with { Workers = 1 });
            var many = Checker.Check(_cargill.Value, options with { Workers = workers });

            Assert.Equal((one.Runs, one.DistinctFinalStates, one.RunsWithFindings, one.Steps), (many.Runs, many.DistinctFinalStates, many.RunsWithFindings, many.Steps));
            Assert.Equal(one.First?.Seed, many.First?.Seed);
            Assert.Equal(one.Shortest?.Seed, many.Shortest?.Seed);
            Assert.Equal(one.Shrunk?.Schedule, many.Shrunk?.Schedule);
        }).Check(KernelTestKit.Config(12));
    }

    [Fact]
    public void Check_FoundRun_ReplaysToItsFinding()
    {
        var report = Checker.Check(_cargill.Value, new CheckOptions { Runs = 200 });

        foreach (var run in new[] { report.First!, report.Shortest!, report.Shrunk! })
        {
            var kernel = KernelTestKit.NewKernel(_cargill.Value);
            var replayed = Runner.Replay(kernel, run.Schedule);
            Assert.Contains(replayed.Findings, f => f.Kind == FindingKind.Deadlock);
            Assert.Equal(run.Schedule.Count, replayed.Steps);
        }
    }

    [Fact]
    public void Check_OneConditionVariableP3C3B2_PortfolioFindsTheDeadlockWhereRandomRunsDoNot()
    {
        var program = SamplingPrograms.OneConditionVariable(p: 3, c: 3, b: 2, k: 2);

        var portfolio = Checker.Check(program, new CheckOptions());
        var random = Checker.Check(program, new CheckOptions { Strategy = SamplingStrategy.Random });

        Assert.Equal(FindingKind.Deadlock, portfolio.First!.Main.Kind);
        Assert.Equal(0, random.RunsWithFindings);
    }

    [Fact]
    public void Check_ProgramThatNeverEnds_EachRunStopsAtItsBudgetAndNothingIsShrunk()
    {
        var report = Checker.Check(SamplingPrograms.Forever, new CheckOptions { Runs = 20, MaxSteps = 5_000 });

        Assert.Equal(20, report.RunsWithFindings);
        Assert.Equal(20L * 5_000, report.Steps);
        Assert.Equal(ShrinkMethod.None, report.Shrink!.Method);
        Assert.Equal(0, report.Shrink.Steps);
    }
}
