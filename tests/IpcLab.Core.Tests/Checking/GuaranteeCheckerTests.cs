using IpcLab.Core.Checking;
using IpcLab.Core.Explore;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Checking;

/// <summary>The guarantee each program of lessons/guarantee-*.ipl shows under injected crashes, judged by outcome.</summary>
public sealed class GuaranteeCheckerTests
{
    private static GuaranteeReport Check(string lesson, int runs = 300) =>
        GuaranteeChecker.Check(KernelTestKit.CompileLesson(lesson), new CheckOptions { Runs = runs });

    [Theory]
    [InlineData("guarantee-log-commit-before.ipl", GuaranteeKind.AtMostOnce)]
    [InlineData("guarantee-log-commit-after.ipl", GuaranteeKind.AtLeastOnce)]
    [InlineData("guarantee-exactly-once.ipl", GuaranteeKind.ExactlyOnce)]
    [InlineData("guarantee-log-autocommit.ipl", GuaranteeKind.None)]
    [InlineData("guarantee-broker-ack.ipl", GuaranteeKind.AtLeastOnce)]
    [InlineData("guarantee-broker-autoack.ipl", GuaranteeKind.AtMostOnce)]
    [InlineData("guarantee-mqueue.ipl", GuaranteeKind.AtMostOnce)]
    public void Check_GuaranteeProgram_ShowsItsGuarantee(string lesson, GuaranteeKind expected)
    {
        var report = Check(lesson);

        Assert.Equal(expected, report.Kind);
        Assert.Equal(300, report.Runs);
        Assert.Equal(4, report.Messages.Count);
    }

    [Fact]
    public void Check_CommitBefore_CountsEachLossOnceInTheMessagesAndTheTotal()
    {
        var report = Check("guarantee-log-commit-before.ipl");

        Assert.True(report.Lost > 0);
        Assert.Equal(0, report.Duplicated);
        Assert.Equal(report.Lost, report.Messages.Sum(m => m.Lost));
        Assert.Equal("at-most-once", report.KindWord);
        Assert.StartsWith($"at-most-once: {report.Lost} lost, 0 duplicated in 300 runs with crashes", report.Verdict, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_SameSeeds_SameReport()
    {
        var first = Check("guarantee-log-commit-after.ipl", 100);
        var second = Check("guarantee-log-commit-after.ipl", 100);

        Assert.Equal(first.Verdict, second.Verdict);
        Assert.Equal(first.Messages, second.Messages);
        Assert.Equal(first.Shrunk!.Schedule, second.Shrunk!.Schedule);
    }

    [Theory]
    [InlineData("guarantee-log-commit-before.ipl")]
    [InlineData("guarantee-log-commit-after.ipl")]
    [InlineData("guarantee-broker-autoack.ipl")]
    public void Check_ShrunkRun_ReplaysToTheSameLossOrDuplicate(string lesson)
    {
        var program = KernelTestKit.CompileLesson(lesson);
        var report = GuaranteeChecker.Check(program, new CheckOptions { Runs = 200 });
        var shrunk = report.Shrunk!;
        var kernel = new Kernel(program, new KernelOptions { MaxSteps = 10_000 });

        Runner.Replay(kernel, shrunk.Schedule);
        var tally = MessageTally.Of(kernel.Events);

        Assert.True(shrunk.Schedule.Count <= report.Shortest!.Schedule.Count);
        Assert.Contains(kernel.Schedule, e => e.Kind is ScheduleEntryKind.ProcessCrash or ScheduleEntryKind.Crash);
        Assert.Equal(shrunk.Duplicated, tally.Duplicated.Select(m => kernel.Strings[m]));
        Assert.All(shrunk.Lost, m => Assert.Equal(0, tally.TimesHandled(kernel.Strings.Intern(m))));
    }

    [Fact]
    public void Check_ProgramWithoutCrashPoint_JudgesNoRun()
    {
        var program = KernelTestKit.Compile("thread t:\n    x = 1\n    handle x\n");

        var report = GuaranteeChecker.Check(program, new CheckOptions { Runs = 10 });

        // The one handle is a crash point, but no other process could take over: no crash is injected.
        Assert.Equal(0, report.Runs);
        Assert.Equal(GuaranteeKind.ExactlyOnce, report.Kind);
    }
}
