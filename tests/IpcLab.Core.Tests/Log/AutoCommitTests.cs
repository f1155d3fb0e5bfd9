using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Checking;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Log;

/// <summary>Auto-commit (<c>commit auto</c>): each poll first commits the member's positions, and so does unsubscribe.</summary>
public sealed class AutoCommitTests
{
    private const string Group = "topic t retain 4\nconsumers g on t commit auto\n";

    [Fact]
    public void Poll_AutoCommitGroup_CommitsWhereThePreviousPollLeftBeforeReading()
    {
        var k = KernelTestKit.NewKernel(Group + "thread p:\n    produce t, 1\n    produce t, 2\nthread c:\n    subscribe g\n    poll g -> a\n    poll g -> b\n    pass\n");
        KernelTestKit.StepAll(k, "p", "p", "c", "c");
        var g = KernelTestKit.ObjectId(k, "g");
        Assert.Equal(0, k.ConsumerGroupPartitions(g)[0].Committed);

        k.Step(KernelTestKit.ThreadId(k, "c"));

        Assert.Equal(1, k.ConsumerGroupPartitions(g)[0].Committed);
        Assert.Equal(2, k.ConsumerGroupPartitions(g)[0].Position);
        Assert.Contains("c auto-commits offset 1 for partition 0 in g (was 0), as its poll starts: every record polled before counts as processed, handled or not", KernelTestKit.Sentences(k));
    }

    [Fact]
    public void Unsubscribe_AutoCommitGroup_CommitsAsItLeavesButAnEndedMemberDoesNot()
    {
        var k = KernelTestKit.NewKernel(Group + "thread p:\n    produce t, 1\nthread c:\n    subscribe g\n    poll g -> a\n    unsubscribe g\nthread d:\n    subscribe g\n    poll g -> a\n");
        KernelTestKit.StepAll(k, "p", "c", "c", "c");
        var g = KernelTestKit.ObjectId(k, "g");
        Assert.Equal(1, k.ConsumerGroupPartitions(g)[0].Committed);
        Assert.Contains("c auto-commits offset 1 for partition 0 in g (was 0), as it leaves the group", KernelTestKit.Sentences(k));
    }

    [Fact]
    public void Poll_ManualGroup_CommitsNothing()
    {
        var k = KernelTestKit.NewKernel("topic t retain 4\nconsumers g on t\nthread p:\n    produce t, 1\n    produce t, 2\nthread c:\n    subscribe g\n    poll g -> a\n    poll g -> b\n");
        KernelTestKit.StepAll(k, "p", "p", "c", "c", "c");

        Assert.Equal(-1, k.ConsumerGroupPartitions(KernelTestKit.ObjectId(k, "g"))[0].Committed);
    }

    [Fact]
    public void Compile_UnknownCommitMode_ReportsPositionAndTheTwoModes() =>
        Compilation.ScriptErrorAssert.At("topic t retain 2\nconsumers g on t commit sometimes\n", 2, 25, "unknown commit 'sometimes'; expected manual (the default: only `commit` commits) or auto (each poll first commits the positions of the polls before it)");

    /// <summary>Under the guarantee checker's crashes: an auto-committed offset never passes the owner's position and never goes backwards.</summary>
    [Fact]
    public void AutoCommit_AnySeedAndCrashPoint_CommittedNeverPassesThePositionNorGoesBack()
    {
        var program = KernelTestKit.CompileLesson("guarantee-log-autocommit.ipl");
        Prop.ForAll(
            (from seed in Gen.Choose(1, 100_000) from point in Gen.Choose(0, 40) select ((ulong)seed, point)).ToArbitrary(),
            run =>
            {
                var kernel = new Kernel(program, new KernelOptions { MaxSteps = 10_000, CheckInvariants = true });
                CrashingRun.Run(kernel, new Scheduling.RandomScheduler(run.Item1, false), run.Item2);
                var committed = -1L;
                var offsets = kernel.Events.Where(e => e.Kind == EventKind.OffsetAutoCommitted).Select(e => IpcLab.Core.Objects.Topic.LogFields.Offset(e)).ToArray();
                foreach (var offset in offsets)
                {
                    Assert.True(offset >= committed, $"auto-commit went back from {committed} to {offset}");
                    committed = offset;
                }

                var polled = kernel.Events.Count(e => e.Kind is EventKind.RecordPolled or EventKind.PollHandedOver);
                Assert.True(committed <= polled, $"committed {committed} with {polled} records polled");
                Assert.DoesNotContain(kernel.Events, e => e.Kind == EventKind.OffsetCommitted);
            }).Check(KernelTestKit.Config(150));
    }
}
