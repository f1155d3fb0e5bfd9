using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Lessons;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using Runner = IpcLab.Core.Scheduling.Runner;
using IpcLab.Core.Script;
using static IpcLab.Core.Tests.Lessons.LessonText;

namespace IpcLab.Core.Tests.Lessons;

public sealed class ChallengeJudgeTests
{
    private static readonly Lesson Race = Parse(Front + Adders
        + "```challenge\ngoal: reach finding check\nwithin: 4\ntask: t\nsolution: adder-1, adder-2, adder-1, adder-2\nconcepts: race\n```\n"
        + "```challenge\ngoal: fix\nruns: 200\ntask: t\nsolution: fixed.ipl\nconcepts: race\n```\n"
        + "```challenge\ngoal: reach 2 threads in lines 3-3\nwithin: 2\ntask: t\nsolution: adder-1\nconcepts: race\n```\n");

    private static readonly Core.Model.CompiledProgram Program = Race.Programs.Single().Compiled;

    [Fact]
    public void Reach_LosingSchedule_MeetsTheGoalAtItsLastStep()
    {
        var verdict = ChallengeJudge.Reach(Program, Race.Challenges.First(), ["adder-1", "adder-2", "adder-1", "adder-2"]);

        Assert.True(verdict.Met);
        Assert.StartsWith("step 4: final check `count == 2`", verdict.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("adder-1,adder-1,adder-2,adder-2", "after the 4 steps of the schedule the goal (finding check) is not reached and the run is over")]
    [InlineData("adder-1,adder-1,adder-1", "step 3: adder-1 cannot run: adder-1 has finished")]
    [InlineData("adder-9", "there is no thread named 'adder-9'")]
    public void Reach_OtherSchedules_AreRefusedWithTheReason(string schedule, string reason)
    {
        var verdict = ChallengeJudge.Reach(Program, Race.Challenges.First(), schedule.Split(','));

        Assert.False(verdict.Met);
        Assert.StartsWith(reason, verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reach_GoalReachedAfterTheLimit_IsNotMet()
    {
        var strict = Race.Challenges.First() with { Within = 3 };

        var verdict = ChallengeJudge.Reach(Program, strict, ["adder-1", "adder-2", "adder-1", "adder-2"]);

        Assert.False(verdict.Met);
        Assert.Contains("reached at step 4, but the challenge allows at most 3 steps", verdict.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Reach_TwoThreadsInTheSection_CountsThreadsAboutToRunTheLines()
    {
        var together = Race.Challenges.Last();

        Assert.True(ChallengeJudge.Reach(Program, together, []).Met);
        Assert.Equal("the goal (2 threads in lines 3-3) holds before any step", ChallengeJudge.Reach(Program, together, []).Reason);
    }

    [Fact]
    public void Fix_LockedProgram_PassesAndTheOriginalDoesNot()
    {
        var fix = Race.Challenges.ElementAt(1);

        Assert.True(ChallengeJudge.Fix(Program, fix, Compiler.CompileText("f.ipl", Fixed)).Met);
        var same = ChallengeJudge.Fix(Program, fix, Program);
        Assert.False(same.Met);
        Assert.StartsWith("check still finds final check failed in", same.Reason, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("shared count = 0\nthread adder:\n    count = 2\nexpect count == 2, \"lost\"\n", "the fix must keep the program's threads (adder-1, adder-2); it has adder")]
    [InlineData("shared count = 0\nthread adder * 2:\n    pass\n", "the fix must keep the final check `expect count == 2`")]
    public void Fix_ThatDropsThreadsOrChecks_IsRefused(string text, string reason)
    {
        var verdict = ChallengeJudge.Fix(Program, Race.Challenges.ElementAt(1), Compiler.CompileText("f.ipl", text));

        Assert.False(verdict.Met);
        Assert.StartsWith(reason, verdict.Reason, StringComparison.Ordinal);
    }

    /// <summary>
    /// Over every seeded schedule: the judge, replaying the schedule by thread names, meets the
    /// "lose an update" goal exactly when the same schedule run by the kernel ends with count 1.
    /// </summary>
    [Fact]
    public void Reach_AnySeededSchedule_AgreesWithTheRunOfTheSameSchedule()
    {
        Prop.ForAll(Arb.From(Gen.Choose(1, 100_000)), seed =>
        {
            var kernel = new Kernel(Program);
            Runner.Run(kernel, new RandomScheduler((ulong)seed));
            var names = kernel.Schedule.Select(e => kernel.ThreadName(e.Thread)).ToArray();
            var lost = kernel.SharedValue(0) == 1;
            return ChallengeJudge.Reach(Program, Race.Challenges.First(), names).Met == lost;
        }).Check(KernelTests.KernelTestKit.Config(200));
    }
}
