using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using Runner = IpcLab.Core.Scheduling.Runner;
using IpcLab.Core.Sessions;

namespace IpcLab.Core.Tests.Sessions;

public sealed class SessionTests
{
    private static readonly Config Quick = Config.QuickThrowOnFailure.WithMaxTest(150).WithQuietOnSuccess(true).WithReplay(20_261_122UL, 0x9E3779B97F4A7C15UL);

    private static CompiledProgram Lesson(string name) =>
        Core.Script.Compiler.CompileText(name, File.ReadAllText(Cli.RepoFiles.Lesson(name)));

    /// <summary>
    /// The state a fresh kernel reaches by replaying the first <paramref name="steps"/> entries, by
    /// content (a fresh kernel numbers its strings in its own order).
    /// </summary>
    private static string Replayed(CompiledProgram program, IReadOnlyList<ScheduleEntry> timeline, int steps)
    {
        var kernel = new Runtime.Kernel(program);
        Assert.Null(Runner.TryApply(kernel, timeline, steps));
        return StateDump.Of(kernel);
    }

    [Fact]
    public void StepBack_TwentyThenForwardTwenty_GivesIdenticalStates()
    {
        var session = new Session(Lesson("bounded-buffer.ipl"));
        session.UseScheduler(SchedulerKind.Random, 5);
        var forward = new List<long[]>();
        for (var i = 0; i < 20; i++)
        {
            Assert.Null(session.Step());
            forward.Add(session.Kernel.RawState.ToArray());
        }

        var eventsAt20 = session.Kernel.Events.Select(e => EventText.Describe(e, session.Program, session.Kernel.Strings)).ToArray();
        session.StepBack(20);
        Assert.Equal(0, session.Position);
        for (var i = 0; i < 20; i++)
        {
            Assert.Null(session.Step());
            Assert.Equal(forward[i], session.Kernel.RawState.ToArray());
        }

        Assert.Equal(eventsAt20, session.Kernel.Events.Select(e => EventText.Describe(e, session.Program, session.Kernel.Strings)));
    }

    [Fact]
    public void StepThread_BlockedThread_IsRefusedWithTheReason()
    {
        var session = new Session(Lesson("bounded-buffer.ipl"));
        var producer1 = session.Program.ThreadIdOf("producer-1");
        var producer2 = session.Program.ThreadIdOf("producer-2");
        Assert.Null(session.StepThread(producer1)); // for i in 1..3
        Assert.Null(session.StepThread(producer1)); // lock m
        Assert.Null(session.StepThread(producer2)); // for
        Assert.Null(session.StepThread(producer2)); // lock m: blocks

        var why = session.StepThread(producer2);

        Assert.Equal("producer-2 waits on mutex m held by producer-1", why);
        Assert.Equal(4, session.Position);
    }

    [Fact]
    public void StepThread_InThePast_DiscardsTheOldFuture()
    {
        var session = new Session(Lesson("bounded-buffer.ipl"));
        session.GoTo(10);
        session.StepBack(5);
        var other = Enumerable.Range(0, session.Program.Threads.Count).First(t => session.Kernel.CanRun(t) && t != session.Timeline[5].Thread);

        Assert.Null(session.StepThread(other));

        Assert.Equal(6, session.Timeline.Count);
        Assert.Equal(other, session.Timeline[5].Thread);
    }

    [Fact]
    public void WakeChoices_SignalWithTwoWaiters_LetsTheLearnerPickTheSecond()
    {
        var program = Core.Script.Compiler.CompileText("x.ipl", "mutex m\ncond c\nthread w * 2:\n    lock m\n    wait c, m\n    unlock m\nthread s:\n    lock m\n    signal c\n    unlock m\n");
        var session = new Session(program);
        int W(int i) => program.ThreadIdOf($"w-{i}");
        var s = program.ThreadIdOf("s");
        foreach (var t in new[] { W(1), W(1), W(2), W(2), s })
        {
            Assert.Null(session.StepThread(t));
        }

        Assert.Equal([W(1), W(2)], session.WakeChoices(s));
        Assert.Null(session.StepThread(s, wakeChoice: W(2)));

        Assert.Equal(ThreadStatus.Ready, session.Kernel.StatusOf(W(2)));
        Assert.Equal(ThreadStatus.Waiting, session.Kernel.StatusOf(W(1)));
        Assert.Equal(W(2), session.Timeline[^1].Woken);
    }

    [Fact]
    public void Load_SavedScheduleAtStep_ShowsThatStepWithTheRestToRedo()
    {
        var program = Lesson("cargill-deadlock.ipl");
        var kernel = new Runtime.Kernel(program);
        Runner.Run(kernel, new RandomScheduler(15));
        var schedule = kernel.Schedule.ToArray();
        var session = new Session(program);

        session.Load(schedule, at: 20);

        Assert.Equal(20, session.Position);
        Assert.Equal(schedule.Length, session.Timeline.Count);
        Assert.Equal(Replayed(program, schedule, 20), StateDump.Of(session.Kernel));
        session.GoTo(schedule.Length);
        Assert.Equal(kernel.StateHash(), session.Kernel.StateHash());
    }

    [Fact]
    public void Load_DeadlockedRunAtItsEnd_ReportsTheDeadlock()
    {
        var program = Core.Script.Compiler.CompileText("x.ipl", "mutex m\ncond c\nthread w:\n    lock m\n    wait c, m\n");
        var kernel = new Runtime.Kernel(program);
        Runner.Run(kernel, new RoundRobinScheduler());
        Assert.Equal(FindingKind.Deadlock, Assert.Single(kernel.Findings).Kind);
        var session = new Session(program);

        session.Load(kernel.Schedule.ToArray());

        Assert.True(session.IsOver);
        Assert.Equal(FindingKind.Deadlock, Assert.Single(session.Kernel.Findings).Kind);
    }

    [Fact]
    public void StepThread_LastStepBeforeDeadlock_ReportsTheDeadlockAtOnce()
    {
        var program = Core.Script.Compiler.CompileText("x.ipl", "mutex m\ncond c\nthread w:\n    lock m\n    wait c, m\n");
        var session = new Session(program);
        Assert.Null(session.StepThread(0));

        Assert.Null(session.StepThread(0));

        Assert.Equal(FindingKind.Deadlock, Assert.Single(session.Kernel.Findings).Kind);
        Assert.True(session.IsOver);
    }

    [Fact]
    public void RunUntil_NextBlock_StopsAtTheStepThatBlocked()
    {
        var session = new Session(Lesson("bounded-buffer.ipl"));

        Assert.True(session.RunUntil(e => e.Kind == EventKind.BlockedOnMutex));

        Assert.Equal(EventKind.BlockedOnMutex, session.Kernel.Events.Last(e => e.Step == session.Position).Kind);
        Assert.Equal(ThreadStatus.Blocked, session.Kernel.StatusOf(session.LastThread));
    }

    /// <summary>
    /// Whatever mix of steps, chosen threads, step-backs and jumps a learner makes, the session's
    /// state is always exactly what a fresh kernel reaches by replaying its timeline up to there.
    /// </summary>
    [Fact]
    public void Session_AnyActions_StateEqualsReplayOfTimelinePrefix()
    {
        var program = Lesson("bounded-buffer-if.ipl");
        var actions = Gen.ListOf(Gen.Choose(0, 99).Zip(Gen.Choose(0, 40)));
        Prop.ForAll(actions.ToArbitrary(), (Action<IList<(int Kind, int Arg)>>)(list =>
        {
            var session = new Session(program);
            session.UseScheduler(SchedulerKind.Random, 3);
            foreach (var (kind, arg) in list)
            {
                switch (kind % 5)
                {
                    case 0: session.Step(); break;
                    case 1: session.StepBack(arg % 7); break;
                    case 2: session.GoTo(arg); break;
                    case 3: session.StepThread(arg % program.Threads.Count); break;
                    default: session.Step(); session.Step(); break;
                }

                Assert.Equal(Replayed(program, session.Timeline, session.Position), StateDump.Of(session.Kernel));
            }
        })).Check(Quick);
    }
}
