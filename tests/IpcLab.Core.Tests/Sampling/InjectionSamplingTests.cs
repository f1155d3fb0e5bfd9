using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Explore;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;
using Runner = IpcLab.Core.Scheduling.Runner;

namespace IpcLab.Core.Tests.Sampling;

/// <summary>The sampler's injected spurious wake-ups and crashes: found only with them, replayed from the seed, and kept to the fewest by the shrinker.</summary>
public sealed class InjectionSamplingTests
{
    /// <summary>An <c>if</c> around a wait with a single waiter: only a wake-up without a signal lets it on before the flag is set.</summary>
    private static readonly Lazy<Model.CompiledProgram> _waitWithIf = new(() => KernelTestKit.Compile("""
        shared ready = 0
        mutex m
        cond changed

        thread waiter:
            lock m
            if ready == 0:
                wait changed, m
            assert ready == 1, "woke up before it was ready"
            unlock m

        thread setter:
            lock m
            ready = 1
            signal changed
            unlock m
        """));

    private static Arbitrary<(ulong Seed, SamplingStrategy Strategy)> Seeds =>
        (from seed in Gen.Choose(1, 1_000_000)
         from strategy in Gen.Elements(SamplingStrategy.Random, SamplingStrategy.Pct, SamplingStrategy.Sticky, SamplingStrategy.Portfolio)
         select ((ulong)seed, strategy)).ToArbitrary();

    [Fact]
    public void Check_IfAroundAWaitWithOneWaiter_FoundWithSpuriousWakeupsAndNotWithout()
    {
        var plain = Checker.Check(_waitWithIf.Value, new CheckOptions());
        var spurious = Checker.Check(_waitWithIf.Value, new CheckOptions { SpuriousWakeups = true });

        Assert.Equal(0, plain.RunsWithFindings);
        Assert.Equal(FindingKind.AssertionFailed, spurious.First!.Main.Kind);
        Assert.Single(spurious.Shrunk!.Schedule, e => e.Kind == ScheduleEntryKind.SpuriousWakeup);
        Assert.Equal(6, spurious.Shrunk.Schedule.Count);
        Assert.Contains(Runner.Replay(KernelTestKit.NewKernel(_waitWithIf.Value), spurious.Shrunk.Schedule).Findings, f => f.Kind == FindingKind.AssertionFailed);
    }

    [Fact]
    public void Check_CrashOfTheSetter_LeavesTheWaiterWaitingOnlyWithTheCrash()
    {
        var setter = _waitWithIf.Value.ThreadIdOf("setter");
        var plain = Checker.Check(_waitWithIf.Value, new CheckOptions());
        var crashing = Checker.Check(_waitWithIf.Value, new CheckOptions { CrashThreads = [setter] });

        Assert.Equal(0, plain.RunsWithFindings);
        Assert.Contains(crashing.Shrunk!.Findings, f => f.Kind == FindingKind.Deadlock);
        Assert.Single(crashing.Shrunk.Schedule, e => e is { Kind: ScheduleEntryKind.Crash } && e.Thread == setter);
    }

    [Fact]
    public void Replay_AnySeedAndStrategyWithInjections_MakesTheRunTheCheckTallied()
    {
        var cargill = KernelTestKit.CompileLesson("cargill-deadlock.ipl");
        var consumer = cargill.ThreadIdOf("consumer-1");
        Prop.ForAll(Seeds, run =>
        {
            var options = new CheckOptions { Runs = 1, Seed = run.Seed, Strategy = run.Strategy, SpuriousWakeups = true, CrashThreads = [consumer], Workers = 1 };

            var report = Checker.Check(cargill, options);
            var first = Checker.Replay(KernelTestKit.NewKernel(cargill, KernelTestKit.Options with { MaxSteps = options.MaxSteps }), options, run.Seed);
            var kernel = KernelTestKit.NewKernel(cargill, KernelTestKit.Options with { MaxSteps = options.MaxSteps });
            var again = Checker.Replay(kernel, options, run.Seed);

            Assert.Equal(first.Steps, again.Steps);
            Assert.Equal(first.StateHash, again.StateHash);
            Assert.InRange(kernel.Schedule.Count(e => e.Kind != ScheduleEntryKind.Run), 0, 2);
            Assert.Equal(report.RunsWithFindings == 1, again.Findings.Count > 0);
            if (report.First is { } found)
            {
                Assert.Equal(found.Schedule, kernel.Schedule);
            }
        }).Check(KernelTestKit.Config(40));
    }
}
