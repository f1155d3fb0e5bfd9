using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using static IpcLab.Core.Tests.KernelTests.KernelTestKit;

namespace IpcLab.Core.Tests.KernelTests;

public class KernelSemanticsTests
{
    private const string ThreeLockers = """
        mutex m

        thread a:
            lock m
            unlock m

        thread b:
            lock m
            unlock m

        thread c:
            lock m
            unlock m
        """;

    private const string WaitAndSignal = """
        mutex m
        cond c

        thread w:
            lock m
            wait c, m
            unlock m

        thread s:
            lock m
            signal c
            unlock m
        """;

    private const string TwoWaiters = """
        mutex m
        cond c

        thread w * 2:
            lock m
            wait c, m
            unlock m

        thread s:
            lock m
            signal c
            unlock m
        """;

    private const string TwoIncrements = """
        shared count = 0

        thread a:
            count = count + 1

        thread b:
            count = count + 1

        expect count == 2, "both increments count"
        """;

    [Fact]
    public void Lock_HeldMutex_BlocksAndNamesHolder()
    {
        var k = NewKernel(ThreeLockers);
        var m = ObjectId(k, "m");
        StepAll(k, "a", "b");

        Assert.Equal(2, k.StepCount);
        Assert.Equal(0, k.MutexOwner(m));
        Assert.Equal(ThreadStatus.Blocked, k.StatusOf(1));
        Assert.False(k.CanRun(1));
        var blocked = Assert.Single(EventsOfStep(k, 2));
        Assert.Equal(EventKind.BlockedOnMutex, blocked.Kind);
        Assert.Equal((1, m, 0), (blocked.Thread, blocked.Object, blocked.Other));
        Assert.Equal("b blocks on m: held by a", Describe(k, blocked));
        Assert.Equal("b waits on mutex m held by a", k.WhyCannotRun(1));
        var error = Assert.Throws<InvalidOperationException>(() => k.Step(1));
        Assert.Equal("b waits on mutex m held by a", error.Message);
        Assert.Equal(2, k.StepCount);
    }

    [Fact]
    public void Unlock_QueuedThreads_HandsMutexOverInFifoOrder()
    {
        var k = NewKernel(ThreeLockers);
        var m = ObjectId(k, "m");
        StepAll(k, "a", "c", "b");
        Assert.Equal([2, 1], k.WaitersOf(m));

        StepAll(k, "a"); // a unlocks: c, first in line, holds m without a step of its own
        Assert.Equal(2, k.MutexOwner(m));
        Assert.Equal(ThreadStatus.Ready, k.StatusOf(2));
        Assert.Equal(OpCode.Unlock, k.NextInstruction(2)!.Op);
        Assert.Equal([1], k.WaitersOf(m));
        Assert.Equal(ThreadStatus.Blocked, k.StatusOf(1));
        var handed = EventsOfStep(k, 4);
        Assert.Equal([EventKind.HandedOff, EventKind.Finished], handed.Select(e => e.Kind));
        Assert.Equal("a unlocks m; c was first in line and now holds it", Describe(k, handed[0]));

        StepAll(k, "c");
        Assert.Equal(1, k.MutexOwner(m));
        Assert.Empty(k.WaitersOf(m));
        StepAll(k, "b");
        Assert.Equal(-1, k.MutexOwner(m));
        Assert.Equal("b unlocks m", Describe(k, EventsOfStep(k, 6)[0]));
        Assert.True(k.IsOver);
        Assert.Equal(RunOutcome.Completed, Runner.Run(k, new RoundRobinScheduler()).Outcome);
    }

    [Fact]
    public void Wait_HeldMutex_ReleasesAndJoinsQueueInOneStepThenReacquiresInAnother()
    {
        var k = NewKernel(WaitAndSignal);
        var m = ObjectId(k, "m");
        var c = ObjectId(k, "c");
        StepAll(k, "w", "w");

        Assert.Equal(2, k.StepCount);
        Assert.Equal(-1, k.MutexOwner(m));
        Assert.Equal(ThreadStatus.Waiting, k.StatusOf(0));
        Assert.Equal([0], k.WaitersOf(c));
        Assert.Equal(OpCode.Reacquire, k.NextInstruction(0)!.Op);
        Assert.Equal(
            ["w waits on c: joins its queue and releases m, in one step", "w releases m (nobody is waiting for it)"],
            EventsOfStep(k, 2).Select(e => Describe(k, e)));
        Assert.Equal([EventKind.Waiting, EventKind.Released], EventsOfStep(k, 2).Select(e => e.Kind));

        StepAll(k, "s", "s"); // s locks m and signals: w wakes but does not hold m
        Assert.Equal(
            ["s signals c: wakes w", "w wakes up from c and must re-acquire its mutex"],
            EventsOfStep(k, 4).Select(e => Describe(k, e)));
        Assert.Equal(ThreadStatus.Ready, k.StatusOf(0));
        Assert.Empty(k.WaitersOf(c));
        Assert.Equal(1, k.MutexOwner(m));
        Assert.Equal(OpCode.Reacquire, k.NextInstruction(0)!.Op);

        StepAll(k, "w"); // re-acquiring is a step of its own, and m is still held by s
        Assert.Equal(ThreadStatus.Blocked, k.StatusOf(0));
        Assert.Equal("w woke up but m is held by s: blocks until it is handed over", Describe(k, Assert.Single(EventsOfStep(k, 5))));

        StepAll(k, "s");
        Assert.Equal(0, k.MutexOwner(m));
        Assert.Equal(OpCode.Unlock, k.NextInstruction(0)!.Op);
        StepAll(k, "w");
        Assert.True(k.IsOver);
    }

    [Fact]
    public void Wait_ReacquireWhenFree_IsItsOwnStep()
    {
        var k = NewKernel(WaitAndSignal);
        var m = ObjectId(k, "m");
        StepAll(k, "w", "w", "s", "s", "s");
        Assert.Equal(-1, k.MutexOwner(m));
        Assert.Equal(OpCode.Reacquire, k.NextInstruction(0)!.Op);

        StepAll(k, "w");
        Assert.Equal(0, k.MutexOwner(m));
        Assert.Equal("w re-acquires m", Describe(k, Assert.Single(EventsOfStep(k, 6))));
        Assert.Equal(OpCode.Unlock, k.NextInstruction(0)!.Op);
    }

    [Fact]
    public void Signal_NoWaiter_IsLost()
    {
        var k = NewKernel(WaitAndSignal);
        StepAll(k, "s", "s", "s", "w", "w");

        var lost = Assert.Single(EventsOfStep(k, 2));
        Assert.Equal(EventKind.SignalLost, lost.Kind);
        Assert.Equal("s signals c: nobody is waiting, the signal is lost", Describe(k, lost));

        // w waits after the signal was lost: nobody is left to wake it.
        Assert.True(k.IsOver);
        k.Conclude();
        var deadlock = Assert.Single(k.Findings);
        Assert.Equal(FindingKind.Deadlock, deadlock.Kind);
        Assert.Equal("deadlock: no thread can run: w waits on c", deadlock.Text);
    }

    [Fact]
    public void Signal_TwoWaitersNoChooser_WakesFirstInLineAndRecordsIt()
    {
        var k = NewKernel(TwoWaiters);
        var c = ObjectId(k, "c");
        StepAll(k, "w-2", "w-2", "w-1", "w-1", "s");
        Assert.Equal([1, 0], k.WaitersOf(c));

        StepAll(k, "s");
        Assert.Equal("s signals c: wakes w-2", Describe(k, EventsOfStep(k, 6)[0]));
        Assert.Equal(ThreadStatus.Ready, k.StatusOf(1));
        Assert.Equal(ThreadStatus.Waiting, k.StatusOf(0));
        Assert.Equal(ScheduleEntry.Run(2, woken: 1), k.Schedule[^1]);
    }

    [Fact]
    public void Signal_TwoWaitersWithChooser_WakesChosenAndReplayRepeatsIt()
    {
        var k = NewKernel(TwoWaiters);
        var c = ObjectId(k, "c");
        StepAll(k, "w-1", "w-1", "w-2", "w-2", "s");
        Assert.Equal([0, 1], k.WaitersOf(c));

        k.Step(2, new ChoiceScheduler([], [1])); // choose the second waiter
        Assert.Equal("s signals c: wakes w-2", Describe(k, EventsOfStep(k, 6)[0]));
        Assert.Equal(ThreadStatus.Ready, k.StatusOf(1));
        Assert.Equal([0], k.WaitersOf(c));
        Assert.Equal(new ScheduleEntry(ScheduleEntryKind.Run, 2, 1), k.Schedule[^1]);

        // The recorded choice is part of the schedule: a replay without a chooser wakes w-2 again.
        var copy = NewKernel(k.Program);
        Runner.Replay(copy, k.Schedule.ToArray());
        Assert.Equal(Sentences(k), Sentences(copy));
        Assert.Equal(k.StateHash(), copy.StateHash());
        Assert.Equal(ThreadStatus.Waiting, copy.StatusOf(0));
    }

    [Fact]
    public void Broadcast_ThreeWaiters_WakesAll()
    {
        var k = NewKernel("""
            mutex m
            cond c

            thread w * 3:
                lock m
                wait c, m
                unlock m

            thread b:
                lock m
                broadcast c
                unlock m
            """);
        var c = ObjectId(k, "c");
        StepAll(k, "w-1", "w-1", "w-2", "w-2", "w-3", "w-3", "b", "b");

        Assert.Equal(
            ["b broadcasts c: wakes 3 threads", "w-1 wakes up from c and must re-acquire its mutex", "w-2 wakes up from c and must re-acquire its mutex", "w-3 wakes up from c and must re-acquire its mutex"],
            EventsOfStep(k, 8).Select(e => Describe(k, e)));
        Assert.Empty(k.WaitersOf(c));
        Assert.All([0, 1, 2], t => Assert.Equal(ThreadStatus.Ready, k.StatusOf(t)));
        Assert.Equal(RunOutcome.Completed, Runner.Run(k, new RoundRobinScheduler()).Outcome);
    }

    [Fact]
    public void InjectSpuriousWakeup_WaitingThread_BecomesReadyAndIsRecorded()
    {
        var k = NewKernel(WaitAndSignal);
        var c = ObjectId(k, "c");
        Assert.Throws<InvalidOperationException>(() => k.InjectSpuriousWakeup(0));
        StepAll(k, "w", "w");

        k.InjectSpuriousWakeup(0);
        Assert.Equal(3, k.StepCount);
        Assert.Equal(ThreadStatus.Ready, k.StatusOf(0));
        Assert.Empty(k.WaitersOf(c));
        Assert.Equal("w wakes up from c without a signal (spurious wake-up)", Describe(k, Assert.Single(EventsOfStep(k, 3))));
        Assert.Equal(new ScheduleEntry(ScheduleEntryKind.SpuriousWakeup, 0), k.Schedule[^1]);

        StepAll(k, "w");
        Assert.Equal("w re-acquires m", Describe(k, Assert.Single(EventsOfStep(k, 4))));
    }

    [Fact]
    public void InjectCrash_ThreadHoldingMutex_KeepsItAndDeadlockNamesCrashedHolder()
    {
        var k = NewKernel("""
            mutex m

            thread a:
                lock m
                pass
                unlock m

            thread b:
                lock m
                unlock m
            """);
        var m = ObjectId(k, "m");
        StepAll(k, "a");
        k.InjectCrash(0);

        Assert.Equal(ThreadStatus.Faulted, k.StatusOf(0));
        Assert.Equal(0, k.MutexOwner(m));
        Assert.Equal("a crashes (still holding m)", Describe(k, Assert.Single(EventsOfStep(k, 2))));
        Assert.Equal(new ScheduleEntry(ScheduleEntryKind.Crash, 0), k.Schedule[^1]);
        Assert.Empty(k.Findings); // a crash is a choice of the schedule, not a finding
        Assert.Throws<InvalidOperationException>(() => k.InjectCrash(0));

        StepAll(k, "b");
        Assert.True(k.IsOver);
        k.Conclude();
        var deadlock = Assert.Single(k.Findings);
        Assert.Equal(FindingKind.Deadlock, deadlock.Kind);
        Assert.Equal("deadlock: no thread can run: b waits on mutex m held by a (which has crashed and will never unlock it)", deadlock.Text);
    }

    [Fact]
    public void Unlock_MutexNotHeld_FaultsAndOthersRunOn()
    {
        var k = NewKernel("""
            mutex m

            thread a:
                unlock m

            thread b:
                lock m
                unlock m
                unlock m
            """);
        StepAll(k, "a");
        var fault = Assert.Single(k.Findings);
        Assert.Equal(FindingKind.Fault, fault.Kind);
        Assert.Equal((1, 0), (fault.Step, fault.Thread));
        Assert.Equal("a faults at line 4: unlocks m, which it does not hold (nobody holds it)", fault.Text);
        Assert.Equal(ThreadStatus.Faulted, k.StatusOf(0));
        Assert.Equal("unlocks m, which it does not hold (nobody holds it)", k.FaultOf(0));

        StepAll(k, "b", "b", "b");
        Assert.Equal(2, k.Findings.Count);
        Assert.Contains("which it does not hold", k.Findings[1].Text, StringComparison.Ordinal);
        Assert.True(k.IsOver);
    }

    [Fact]
    public void Unlock_MutexHeldByAnother_FaultNamesTheHolder()
    {
        var k = NewKernel("""
            mutex m

            thread a:
                lock m
                unlock m

            thread b:
                unlock m
            """);
        StepAll(k, "a", "b");
        Assert.Equal("b faults at line 8: unlocks m, which it does not hold (a holds it)", Assert.Single(k.Findings).Text);
        Assert.Equal(0, k.MutexOwner(ObjectId(k, "m")));
    }

    [Fact]
    public void Wait_WithoutHoldingMutex_Faults()
    {
        var k = NewKernel("""
            mutex m
            cond c

            thread w:
                wait c, m
            """);
        StepAll(k, "w");
        var fault = Assert.Single(k.Findings);
        Assert.Equal(FindingKind.Fault, fault.Kind);
        Assert.Equal("w faults at line 5: waits on c without holding m", fault.Text);
        Assert.Empty(k.WaitersOf(ObjectId(k, "c")));
        Assert.Equal(ThreadStatus.Faulted, k.StatusOf(0));
    }

    [Fact]
    public void Put_FullQueue_Faults()
    {
        var k = NewKernel("""
            queue q capacity 1

            thread p:
                put q, 1
                put q, 2
            """);
        StepAll(k, "p", "p");
        var fault = Assert.Single(k.Findings);
        Assert.Equal(FindingKind.Fault, fault.Kind);
        Assert.Equal("p faults at line 5: put on full queue q (1 of 1 slots used)", fault.Text);
        Assert.Equal([1L], k.QueueItems(ObjectId(k, "q")));
    }

    [Fact]
    public void Take_EmptyQueue_Faults()
    {
        var k = NewKernel("""
            queue q capacity 2

            thread t:
                put q, 7
                take q -> x
                take q -> y
            """);
        StepAll(k, "t", "t");
        Assert.Equal("t takes 7 from q", Describe(k, Assert.Single(EventsOfStep(k, 2))));
        StepAll(k, "t");
        var fault = Assert.Single(k.Findings);
        Assert.Equal(FindingKind.Fault, fault.Kind);
        Assert.Equal("t faults at line 6: take from empty queue q", fault.Text);
        Assert.Empty(k.QueueItems(ObjectId(k, "q")));
    }

    [Fact]
    public void Step_SharedIncrement_IsLoadThenStore()
    {
        var k = NewKernel(TwoIncrements);
        var count = k.Program.Objects.Single(o => o.Name == "count");
        StepAll(k, "a");
        Assert.Equal(0, k.SharedValue(count.Slot));
        Assert.Equal(
            "a reads count = 0 (into a register; the write comes in a later step)",
            Describe(k, Assert.Single(EventsOfStep(k, 1), e => e.Kind == EventKind.Loaded)));
        Assert.Equal(ThreadStatus.Ready, k.StatusOf(0));

        StepAll(k, "a");
        Assert.Equal(1, k.SharedValue(count.Slot));
        Assert.Equal([EventKind.Stored, EventKind.Finished], EventsOfStep(k, 2).Select(e => e.Kind));
        Assert.Equal("a writes count = 1", Describe(k, EventsOfStep(k, 2)[0]));

        StepAll(k, "b", "b");
        k.Conclude();
        Assert.Empty(k.Findings);
        Assert.Equal(2, k.SharedValue(count.Slot));
        Assert.Equal("final check `count == 2` holds", Describe(k, k.Events[^1]));
    }

    [Fact]
    public void Conclude_UnguardedIncrementsInterleaved_LosesUpdateAndExpectFails()
    {
        var k = NewKernel(TwoIncrements);
        StepAll(k, "a", "b", "a", "b");
        Assert.Equal(1, k.SharedValue(k.Program.Objects.Single(o => o.Name == "count").Slot));
        Assert.True(k.IsOver);
        Assert.Empty(k.Findings);

        k.Conclude();
        var failed = Assert.Single(k.Findings);
        Assert.Equal(FindingKind.ExpectFailed, failed.Kind);
        Assert.Equal("final check `count == 2` (line 9) failed: both increments count — count is 1", failed.Text);
        Assert.Equal(RunOutcome.Finding, RunResult.Of(k).Outcome);
    }

    [Fact]
    public void Conclude_CargillDeadlock_ListsEachWaitingThread()
    {
        var program = CompileLesson("cargill-deadlock.ipl");
        var all = Enumerable.Range(0, 2000)
            .Select(seed =>
            {
                var k = NewKernel(program);
                Runner.Run(k, new RandomScheduler((ulong)seed));
                return k;
            })
            .First(k => k.Findings.Any(f => f.Kind == FindingKind.Deadlock)
                && Enumerable.Range(0, 3).All(t => k.StatusOf(t) == ThreadStatus.Waiting));

        var deadlock = Assert.Single(all.Findings);
        Assert.Equal(FindingKind.Deadlock, deadlock.Kind);
        Assert.Equal(
            "deadlock: no thread can run: producer waits on changed; consumer-1 waits on changed; consumer-2 waits on changed",
            deadlock.Text);
        Assert.Equal(deadlock.Text, Describe(all, all.Events[^1]));
        Assert.Equal([0, 1, 2], all.WaitersOf(ObjectId(all, "changed")).Order());
        Assert.Equal(-1, all.MutexOwner(ObjectId(all, "m")));
    }

    [Fact]
    public void Step_MutexCycle_ReportedWhenItFormsWhileAnotherThreadRuns()
    {
        var k = NewKernel("""
            mutex x
            mutex y

            thread a:
                lock x
                lock y
                unlock y
                unlock x

            thread b:
                lock y
                lock x
                unlock x
                unlock y

            thread c:
                repeat 3:
                    pass
            """);
        StepAll(k, "a", "b", "a");
        Assert.Empty(k.Findings); // a waits for b, but b can still run

        StepAll(k, "b");
        var cycle = Assert.Single(k.Findings);
        Assert.Equal(FindingKind.DeadlockCycle, cycle.Kind);
        Assert.Equal((4, 1), (cycle.Step, cycle.Thread));
        Assert.Equal("deadlock: b, a wait for each other in a cycle: b waits on mutex x held by a; a waits on mutex y held by b", cycle.Text);
        Assert.Equal(EventKind.DeadlockCycle, k.Events[^1].Kind);
        Assert.True(k.CanRun(2));
        Assert.False(k.IsOver);
        Assert.False(k.IsConcluded);

        var result = Runner.Run(k, new RoundRobinScheduler());
        Assert.Equal(ThreadStatus.Finished, k.StatusOf(2));
        Assert.Equal(RunOutcome.Finding, result.Outcome);
        Assert.Equal([FindingKind.DeadlockCycle, FindingKind.Deadlock], result.Findings.Select(f => f.Kind));
    }

    [Fact]
    public void Step_ReacquireClosesMutexCycle_ReportsCycle()
    {
        var k = NewKernel("""
            mutex m
            mutex n
            cond c

            thread a:
                lock m
                signal c
                lock n
                unlock n
                unlock m

            thread b:
                lock n
                lock m
                wait c, m
                unlock m
                unlock n
            """);
        StepAll(k, "b", "b", "b", "a", "a", "a");
        Assert.Empty(k.Findings); // a waits for n, but b is awake and can still run

        StepAll(k, "b"); // b re-acquires m, held by a: now each waits for the other
        var cycle = Assert.Single(k.Findings);
        Assert.Equal(FindingKind.DeadlockCycle, cycle.Kind);
        Assert.Equal((7, 1), (cycle.Step, cycle.Thread));
        Assert.Equal("deadlock: b, a wait for each other in a cycle: b waits on mutex m held by a; a waits on mutex n held by b", cycle.Text);
        Assert.True(k.IsOver);
        k.Conclude();
        Assert.Equal(FindingKind.Deadlock, k.Findings[^1].Kind);
    }

    [Fact]
    public void Run_EndlessLoop_EndsWithStepBudget()
    {
        var k = NewKernel("""
            thread spin:
                while true:
                    pass
            """, Options with { MaxSteps = 50 });
        var result = Runner.Run(k, new RoundRobinScheduler());

        Assert.Equal(RunOutcome.Finding, result.Outcome);
        Assert.Equal(50, result.Steps);
        var budget = Assert.Single(result.Findings);
        Assert.Equal(FindingKind.StepBudget, budget.Kind);
        Assert.Equal("the run used its budget of 50 steps without ending (a loop that never ends?)", budget.Text);
        Assert.True(k.IsConcluded);
        Assert.False(k.CanRun(0));
        Assert.Equal(ThreadStatus.Ready, k.StatusOf(0));
        Assert.Equal("the run is over", Assert.Throws<InvalidOperationException>(() => k.Step(0)).Message);
    }

    [Fact]
    public void SemP_AtZero_BlocksAndSemVHandsUnitToFirstWaiter()
    {
        var k = NewKernel("""
            semaphore s = 1

            thread a:
                P s
                pass
                V s

            thread b:
                P s
                V s

            thread c:
                P s
                V s
            """);
        var s = ObjectId(k, "s");
        StepAll(k, "a");
        Assert.Equal(0, k.SemaphoreCount(s));
        Assert.Equal("a takes a unit of s (count now 0)", Describe(k, Assert.Single(EventsOfStep(k, 1))));

        StepAll(k, "c", "b");
        Assert.Equal(ThreadStatus.Blocked, k.StatusOf(2));
        Assert.Equal(ThreadStatus.Blocked, k.StatusOf(1));
        Assert.Equal("c blocks on s: its count is 0", Describe(k, Assert.Single(EventsOfStep(k, 2))));
        Assert.Equal([2, 1], k.WaitersOf(s));
        Assert.Equal("b waits on semaphore s (count 0)", k.WhyCannotRun(1));

        StepAll(k, "a", "a");
        Assert.Equal("a posts s; c was first in line and takes the unit", Describe(k, EventsOfStep(k, 5)[0]));
        Assert.Equal(0, k.SemaphoreCount(s));
        Assert.Equal(ThreadStatus.Ready, k.StatusOf(2));
        Assert.Equal(OpCode.SemV, k.NextInstruction(2)!.Op);
        Assert.Equal([1], k.WaitersOf(s));

        StepAll(k, "c", "b");
        Assert.Equal(1, k.SemaphoreCount(s));
        Assert.Equal("b adds a unit to s (count now 1)", Describe(k, EventsOfStep(k, 7)[0]));
        Assert.True(k.IsOver);
    }

    [Fact]
    public void TryLock_HeldMutex_ReturnsFalseWithoutBlocking()
    {
        var k = NewKernel("""
            mutex m

            thread a:
                lock m
                unlock m

            thread b:
                trylock m -> ok
                print ok
                trylock m -> ok
                print ok
            """);
        StepAll(k, "a", "b", "b");
        Assert.Equal(ThreadStatus.Ready, k.StatusOf(1));
        Assert.Equal("b tries m: held by a, gives up (false)", Describe(k, EventsOfStep(k, 2)[0]));
        Assert.Equal("b prints: false", Describe(k, EventsOfStep(k, 3)[0]));

        StepAll(k, "a", "b", "b");
        Assert.Equal(1, k.MutexOwner(ObjectId(k, "m")));
        Assert.Equal(["b locks m", "b prints: true", "b finishes while still holding m"], EventsOfStep(k, 5).Concat(EventsOfStep(k, 6)).Select(e => Describe(k, e)));
    }

    [Fact]
    public void Step_FinishedThread_ThrowsAndSaysWhy()
    {
        var k = NewKernel("""
            thread a:
                pass
            """);
        StepAll(k, "a");
        Assert.Equal(ThreadStatus.Finished, k.StatusOf(0));
        Assert.Equal(-1, k.PcOf(0));
        Assert.Null(k.NextInstruction(0));
        Assert.Equal("a has finished", Assert.Throws<InvalidOperationException>(() => k.Step(0)).Message);
        Assert.Equal(1, k.StepCount);
        Assert.Single(k.Schedule);
    }

    [Fact]
    public void Restore_SnapshotAheadOfCurrentHistory_Throws()
    {
        var k = NewKernel(ThreeLockers);
        var start = k.Snapshot();
        StepAll(k, "a", "b");
        var later = k.Snapshot();
        k.Restore(start);
        Assert.Equal(0, k.StepCount);
        Assert.Empty(k.Events);
        Assert.Throws<InvalidOperationException>(() => k.Restore(later));
        Assert.Equal(0, k.StepCount);
    }

    [Fact]
    public void Wait_MutexDeclaredAfterOtherObjects_RecordsConditionAndMutex()
    {
        // The Waiting event carries the mutex's object id in Other. (EventText.Describe reads Other
        // as a thread for this event kind and throws when that id is not a thread index; see the
        // report. This test checks the kernel's side only.)
        var k = NewKernel("""
            cond c
            shared x = 0
            queue q capacity 1
            mutex m

            thread w:
                lock m
                wait c, m
                unlock m

            thread s:
                lock m
                signal c
                unlock m
            """);
        var c = ObjectId(k, "c");
        var m = ObjectId(k, "m");
        Assert.Equal(3, m);
        StepAll(k, "w", "w");
        var waiting = Assert.Single(k.Events, e => e.Kind == EventKind.Waiting);
        Assert.Equal((0, c, m), (waiting.Thread, waiting.Object, waiting.Other));
        Assert.Equal(-1, k.MutexOwner(m));
        Assert.Equal([0], k.WaitersOf(c));

        var result = Runner.Run(k, new RoundRobinScheduler());
        Assert.Equal(RunOutcome.Completed, result.Outcome);
    }
}
