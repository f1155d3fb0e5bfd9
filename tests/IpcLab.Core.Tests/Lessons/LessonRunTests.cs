using IpcLab.Core.Lessons;
using static IpcLab.Core.Tests.Lessons.LessonText;

namespace IpcLab.Core.Tests.Lessons;

public sealed class LessonRunTests
{
    [Fact]
    public void RunTo_Step_StopsAfterThatManySteps()
    {
        var run = new LessonRun(Parse(Front + Adders).Programs.Single());

        Assert.Null(run.RunTo(new PausePoint(PauseKind.Step) { Step = 3 }));
        Assert.Equal(3, run.Kernel.StepCount);
        Assert.Contains("past step 1", run.RunTo(new PausePoint(PauseKind.Step) { Step = 1 }), StringComparison.Ordinal);
    }

    [Fact]
    public void RunTo_FirstEvent_CountsOnlyEventsSinceThePreviousPause()
    {
        var run = new LessonRun(Parse(Front + Adders.Replace("name=p", "name=p schedule=adder-1,adder-1", StringComparison.Ordinal)).Programs.Single());
        var stored = new PausePoint(PauseKind.FirstEvent) { Event = "stored" };

        Assert.Null(run.RunTo(stored));
        Assert.Equal(2, run.Kernel.StepCount);
        Assert.Null(run.RunTo(stored));
        Assert.Equal(4, run.Kernel.StepCount);
        Assert.Contains("ended at step 4", run.RunTo(stored), StringComparison.Ordinal);
    }

    [Fact]
    public void RunTo_LineOfThread_StopsBeforeTheThreadRunsIt()
    {
        var files = new Dictionary<string, string> { ["p.ipl"] = Fixed };
        var run = new LessonRun(Parse(Front + "```ipl file=p.ipl schedule=adder-1,adder-2\n```\n", files).Programs.Single());

        Assert.Null(run.RunTo(new PausePoint(PauseKind.Line) { Line = 5, Thread = "adder-2" }));

        // adder-2 blocked on m at step 2; it reaches line 5 when adder-1 unlocks at step 5 and hands m over.
        Assert.Equal(5, run.Kernel.NextInstruction(1)!.Pos.Line);
        Assert.Equal(Core.Runtime.ThreadStatus.Ready, run.Kernel.StatusOf(1));
        Assert.Equal(5, run.Kernel.StepCount);
    }

    [Fact]
    public void RunTo_ScheduleNamesAThreadThatCannotRun_SaysWhy()
    {
        var files = new Dictionary<string, string> { ["p.ipl"] = Fixed };
        var run = new LessonRun(Parse(Front + "```ipl file=p.ipl schedule=adder-1,adder-2,adder-2\n```\n", files).Programs.Single());

        var problem = run.RunToEnd();

        Assert.Contains("names adder-2 for step 3, but it cannot run: adder-2 waits on mutex m held by adder-1", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void RunToEnd_RoundRobin_ConcludesTheRunWithItsFinalChecks()
    {
        var run = new LessonRun(Parse(Front + Adders).Programs.Single());

        Assert.Null(run.RunToEnd());
        Assert.True(run.Kernel.IsConcluded);
    }
}
