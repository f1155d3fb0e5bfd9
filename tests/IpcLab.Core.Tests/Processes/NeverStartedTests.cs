using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.Cli;
using IpcLab.Core.Tests.KernelTests;
using IpcLab.Core.Tests.Regressions;

namespace IpcLab.Core.Tests.Processes;

/// <summary>
/// A process that only processes which never start would spawn can never start itself: two
/// processes that spawn each other, and whatever only they spawn. That is a finding, reported when
/// the run ends, with words that say who would have spawned it.
/// </summary>
public sealed class NeverStartedTests
{
    private const string SpawnEachOther = "process a:\n    thread ta:\n        spawn b\nprocess b:\n    thread tb:\n        spawn a\n";

    [Fact]
    public void Run_TwoProcessesThatSpawnEachOther_ReportsThatNeitherEverStarts()
    {
        var kernel = KernelTestKit.NewKernel(SpawnEachOther);

        var result = KernelTestKit.Drive(kernel, new RoundRobinScheduler());

        Assert.Equal(RunOutcome.Finding, result.Outcome);
        Assert.Equal(
            ["process a never started: only b spawns it, and b never started", "process b never started: only a spawns it, and a never started"],
            result.Findings.Select(f => f.Text));
        Assert.All(result.Findings, f => Assert.Equal(FindingKind.NeverStarted, f.Kind));
        Assert.All(result.Findings, f => Assert.Equal("process never started", f.KindText));
    }

    [Fact]
    public void Run_ChainOfSpawnsFromAProcessThatStartsOnItsOwn_IsNoFinding()
    {
        var kernel = KernelTestKit.NewKernel("process a:\n    thread ta:\n        spawn c\nprocess c:\n    thread tc:\n        pass\nprocess d:\n    thread td:\n        spawn a\n");

        var result = KernelTestKit.Drive(kernel, new RoundRobinScheduler());

        Assert.Equal(ThreadStatus.Finished, kernel.StatusOf(KernelTestKit.ThreadId(kernel, "tc")));
        Assert.Empty(result.Findings);
    }

    [Fact]
    public void Run_ProcessWhoseSpawnersAllNeverStart_NamesThemAll()
    {
        var kernel = KernelTestKit.NewKernel(SpawnEachOther.Replace("spawn b\n", "spawn b\n        spawn c\n", StringComparison.Ordinal)
            .Replace("spawn a\n", "spawn a\n        spawn c\n", StringComparison.Ordinal)
            + "process c:\n    thread tc:\n        pass\nthread main_thread:\n    pass\n");

        var result = KernelTestKit.Drive(kernel, new RoundRobinScheduler());

        Assert.Equal(ThreadStatus.Finished, kernel.StatusOf(KernelTestKit.ThreadId(kernel, "main_thread")));
        Assert.Contains("process c never started: only a and b spawn it, and none of them ever started", result.Findings.Select(f => f.Text));
        Assert.Equal(3, result.Findings.Count);
    }

    [Fact]
    public void RunAndCheck_SpawnEachOther_BothReportTheFindingAndExitOne()
    {
        var path = Path.Combine(RegressionInputTests.Folder, "processes-spawn-each-other.ipl");

        var run = CliRun.Of("run", path);
        var check = CliRun.Of("check", path, "--runs", "5");

        Assert.Equal(1, run.Exit);
        Assert.Contains("  - step 0: process a never started: only b spawns it, and b never started", run.Out, StringComparison.Ordinal);
        Assert.DoesNotContain("result: ok", run.Out, StringComparison.Ordinal);
        Assert.Equal(1, check.Exit);
        Assert.Contains("FOUND process never started in 5 of 5 runs", check.Out, StringComparison.Ordinal);
    }
}
