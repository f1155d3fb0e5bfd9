using IpcLab.Core.Persistence;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;
using FsCheck;
using FsCheck.Fluent;
using Runner = IpcLab.Core.Scheduling.Runner;

namespace IpcLab.Core.Tests.Messaging;

public sealed class MessagingReplayProperties
{
    private static readonly string[] _lessons = ["delivery-patterns.ipl", "mqueue-priorities.ipl", "slow-subscriber.ipl"];

    [Fact]
    public void Replay_SavedRunsWithCrashesOfEachMessagingLesson_SameSentencesStateAndHash()
    {
        foreach (var lesson in _lessons)
        {
            var program = KernelTestKit.CompileLesson(lesson);
            Prop.ForAll(KernelTestKit.Choices, KernelTestKit.Choices, (threads, injections) =>
            {
                var original = KernelTestKit.NewKernel(program);
                MessagingDriver.Run(original, new ChoiceScheduler(threads, []), injections, _ => 0, (_, _, _) => { });

                var copy = KernelTestKit.NewKernel(program);
                Runner.Replay(copy, original.Schedule.ToArray());
                AssertSame(original, copy);

                // Saved runs do not store process crashes yet, so only the others go through JSON.
                if (original.Schedule.All(e => e.Kind != ScheduleEntryKind.ProcessCrash))
                {
                    var saved = SavedRun.Parse("saved.json", SavedRun.From(original, "generated").ToJson());
                    var reloaded = KernelTestKit.NewKernel(KernelTestKit.Compile(saved.Script, saved.ScriptFile));
                    Runner.Replay(reloaded, saved.ResolveSchedule(reloaded.Program, "saved.json"));
                    AssertSame(original, reloaded);
                }
            }).Check(KernelTestKit.Config(60));
        }
    }

    [Fact]
    public void Restore_SnapshotAtAGeneratedStep_SameStateHashAndSameFuture()
    {
        foreach (var lesson in _lessons)
        {
            var program = KernelTestKit.CompileLesson(lesson);
            Prop.ForAll(KernelTestKit.Choices, ArbMap.Default.ArbFor<byte>(), (threads, at) =>
            {
                var kernel = KernelTestKit.NewKernel(program);
                KernelTestKit.Drive(kernel, new ChoiceScheduler(threads, []));
                var schedule = kernel.Schedule.ToArray();
                var cut = at % (schedule.Length + 1);

                var fresh = KernelTestKit.NewKernel(program);
                Runner.Replay(fresh, schedule, cut);
                var snapshot = fresh.Snapshot();
                var (dump, hash) = (StateDump.Of(fresh), fresh.StateHash());
                RunFrom(fresh, schedule, cut);
                var (endDump, endSentences) = (StateDump.Of(fresh), KernelTestKit.Sentences(fresh));

                fresh.Restore(snapshot);
                Assert.Equal((dump, hash), (StateDump.Of(fresh), fresh.StateHash()));
                RunFrom(fresh, schedule, cut);
                Assert.Equal(endDump, StateDump.Of(fresh));
                Assert.Equal(endSentences, KernelTestKit.Sentences(fresh));
                Assert.Equal(KernelTestKit.Sentences(kernel), endSentences);
            }).Check(KernelTestKit.Config(60));
        }
    }

    private static void AssertSame(Kernel original, Kernel copy)
    {
        Assert.Equal(KernelTestKit.Sentences(original), KernelTestKit.Sentences(copy));
        Assert.Equal(StateDump.Of(original), StateDump.Of(copy));
        Assert.Equal(original.StateHash(), copy.StateHash());
    }

    private static void RunFrom(Kernel kernel, ScheduleEntry[] schedule, int from)
    {
        for (var i = from; i < schedule.Length; i++)
        {
            kernel.Apply(schedule[i]);
        }

        kernel.Conclude();
    }

    [Fact]
    public void StateHash_SameStateDifferentTimeLeft_Differs()
    {
        const string script = "mqueue q capacity 1\nthread r:\n    timedreceive q, 5 -> x, ok\nthread a:\n    pass\n    pass\n";
        var early = KernelTestKit.NewKernel(script);
        var late = KernelTestKit.NewKernel(script);

        KernelTestKit.StepAll(early, "r", "a");
        KernelTestKit.StepAll(late, "a", "r");

        Assert.NotEqual(early.StateHash(), late.StateHash());
        Assert.Equal(early.DeadlineOf(0) - early.Clock + 1, late.DeadlineOf(0) - late.Clock);
    }
}
