using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Explore;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Explore;

/// <summary>Spurious wake-ups and crashes as choices of the exhaustive search.</summary>
public class InjectedChoiceTests
{
    private const string WaitWithIf = WaitWithIfProgram.Text;

    private const string TwoLockers = """
        mutex m

        thread a:
            lock m
            unlock m

        thread b:
            lock m
            unlock m
        """;

    [Fact]
    public void Explore_IfAroundWaitWithoutSpuriousWakeups_NoFinding()
    {
        var report = Explorer.Explore(KernelTestKit.Compile(WaitWithIf), new ExploreOptions());

        Assert.True(report.IsExhaustive);
        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Explore_IfAroundWaitWithSpuriousWakeups_AssertionFailsInSixSteps()
    {
        var program = KernelTestKit.Compile(WaitWithIf);

        var report = Explorer.Explore(program, new ExploreOptions { SpuriousWakeups = true });

        // lock, check, wait, the spurious wake-up, re-acquire, assert.
        var found = Assert.Single(report.Findings);
        Assert.Equal(FindingKind.AssertionFailed, found.Kind);
        Assert.Equal(6, found.Schedule.Count);
        Assert.Equal(ScheduleEntryKind.SpuriousWakeup, found.Schedule[3].Kind);
        var kernel = new Kernel(program);
        Assert.Equal(RunOutcome.Finding, Scheduling.Runner.Replay(kernel, found.Schedule).Outcome);
    }

    [Fact]
    public void Explore_WhileAroundWaitWithSpuriousWakeups_NoFinding()
    {
        var program = KernelTestKit.Compile(WaitWithIf.Replace("if ready == 0:", "while ready == 0:", StringComparison.Ordinal));

        var report = Explorer.Explore(program, new ExploreOptions { SpuriousWakeups = true });

        Assert.True(report.IsExhaustive);
        Assert.Empty(report.Findings);
    }

    [Fact]
    public void Explore_CrashOfTheLockHolder_OtherThreadDeadlocksInThreeSteps()
    {
        var program = KernelTestKit.Compile(TwoLockers);
        Assert.Empty(Explorer.Explore(program, new ExploreOptions()).Findings);

        var report = Explorer.Explore(program, new ExploreOptions { CrashThreads = [program.ThreadIdOf("a")] });

        // a locks, b blocks on m, a crashes holding m: b waits for ever. (Crashing a before b
        // blocks is as short; the threads' steps are tried before the injected ones.)
        var found = Assert.Single(report.Findings);
        Assert.Equal(FindingKind.Deadlock, found.Kind);
        Assert.Equal(
            [ScheduleEntry.Run(0), ScheduleEntry.Run(1), new ScheduleEntry(ScheduleEntryKind.Crash, 0)],
            found.Schedule);
    }

    [Fact]
    public void Explore_CrashChoices_OneMoreStateForEachPlaceTheCrashCanHappen()
    {
        // Without crashes each thread is before its lock, holding m, blocked on m or ended: the
        // 4 x 4 pairs where at most one holds m, and one is blocked only while the other holds
        // it, are 10. A crash of a adds a crashed a that holds nothing (crashed before its lock or
        // while blocked: the same state) with b before its lock, holding m or ended, and a crashed
        // a holding m for ever with b before its lock, blocked, or ended (b ran first): 6 more.
        var program = KernelTestKit.Compile(TwoLockers);

        var full = Explorer.Explore(program, new ExploreOptions());
        var crashing = Explorer.Explore(program, new ExploreOptions { CrashThreads = [0] });

        Assert.Equal(10, full.States);
        Assert.Equal(16, crashing.States);
    }

    [Fact]
    public void Explore_GeneratedProgramWithSpuriousWakeups_ReductionsFindTheSame()
    {
        Prop.ForAll(SymmetricProgramSpec.Arbitrary(), spec =>
        {
            var program = KernelTestKit.Compile(spec.ToScript());
            var options = new ExploreOptions { MaxStates = 20_000, MaxSteps = 200, SpuriousWakeups = true };
            var full = Explorer.Explore(program, options);
            if (!full.IsExhaustive)
            {
                return;
            }

            var reduced = Explorer.Explore(program, options with { Symmetry = true, PartialOrder = true });
            Assert.True(reduced.IsExhaustive);
            Assert.Equal(Verdict(full), Verdict(reduced));
        }).QuickCheckThrowOnFailure();
    }

    private static string Verdict(ExploreReport report) =>
        string.Join(", ", report.Findings.Select(f => $"{f.Kind} in {f.Schedule.Count}").Order(StringComparer.Ordinal));
}
