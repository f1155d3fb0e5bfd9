using IpcLab.Core.Persistence;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Processes;

public sealed class ProcessKernelTests
{
    private const string TwoProcessesOneGuard = """
        shm s size 2
        mutex guard in s

        process a:
            thread ta:
                map s
                lock guard -> died
                s[0] += 1
                unlock guard

        process b:
            thread tb:
                map s
                lock guard -> died
                s[0] += 1
                unlock guard
        """;

    [Fact]
    public void Step_ReadWithoutMap_FaultsAndSaysToMapFirst()
    {
        var kernel = KernelTestKit.NewKernel("shm s size 2\nthread t:\n    s[0] += 1\n");
        kernel.Step(0);

        Assert.Equal(ThreadStatus.Faulted, kernel.StatusOf(0));
        Assert.Equal("reads s[0], but its process has not mapped s (write `map s` first)", kernel.FaultOf(0));
    }

    [Fact]
    public void Step_IndexOutsideTheSegment_Faults()
    {
        var kernel = KernelTestKit.NewKernel("shm s size 2\nthread t:\n    map s\n    s[2] = 1\n");
        KernelTestKit.StepAll(kernel, "t", "t");

        Assert.Equal("writes s[2]: outside the segment (its words are s[0] to s[1])", kernel.FaultOf(0));
    }

    [Fact]
    public void Step_LockOfAMutexInAnUnmappedSegment_Faults()
    {
        var kernel = KernelTestKit.NewKernel("shm s size 1\nmutex m in s\nthread t:\n    lock m\n");
        kernel.Step(0);

        Assert.Equal("uses m, which lives in segment s, but its process has not mapped s (write `map s` first)", kernel.FaultOf(0));
    }

    [Fact]
    public void Step_MapAndIncrement_TellsEachHalfInWords()
    {
        var kernel = KernelTestKit.NewKernel("shm s size 2\nthread t:\n    map s\n    s[1] += 5\n");
        KernelTestKit.StepAll(kernel, "t", "t", "t");

        Assert.Equal(5, kernel.SegmentWords(KernelTestKit.ObjectId(kernel, "s"))[1]);
        Assert.Equal(
            ["t maps s into process main", "t reads s[1] = 0 into a register", "t writes 5 to s[1]", "t finishes"],
            KernelTestKit.Sentences(kernel));
    }

    [Fact]
    public void Step_RangeWriteAndRangeRead_AreOneStepEach()
    {
        var kernel = KernelTestKit.NewKernel("shm s size 4\nthread t:\n    map s\n    s[0..3] = 7\n    s[1] = 2\n    snap = s[0..2]\n    s[2..1] = 0\n");
        KernelTestKit.StepAll(kernel, "t", "t", "t", "t", "t", "t");

        Assert.Equal([7, 2, 7, 7], kernel.SegmentWords(KernelTestKit.ObjectId(kernel, "s")));
        Assert.Equal(
            ["t maps s into process main", "t writes 7 to s[0..3] (4 words) in one step", "t writes 2 to s[1]",
             "t reads s[0..2] = [7, 2, 7] in one step", "t sets snap = \"[7, 2, 7]\"",
             "t faults at line 7: writes s[2..1]: the range runs backwards"],
            KernelTestKit.Sentences(kernel));
    }

    [Fact]
    public void InjectProcessCrash_WhileHoldingARobustMutex_NextLockerTakesItOverAndIsTold()
    {
        var kernel = KernelTestKit.NewKernel(TwoProcessesOneGuard);
        KernelTestKit.StepAll(kernel, "ta", "tb", "ta"); // both map; ta locks guard
        kernel.InjectProcessCrash(0);
        KernelTestKit.StepAll(kernel, "tb");

        var guard = KernelTestKit.ObjectId(kernel, "guard");
        Assert.Equal(KernelTestKit.ThreadId(kernel, "tb"), kernel.MutexOwner(guard));
        Assert.Equal(1, kernel.LocalValue(1, 0));
        Assert.Contains(
            "tb locks guard: its owner ta died holding it, so tb takes it over (EOWNERDEAD: what guard guards may be half-updated)",
            KernelTestKit.Sentences(kernel));
    }

    [Fact]
    public void InjectProcessCrash_WithAWaiterQueued_HandsTheRobustMutexToTheWaiter()
    {
        var kernel = KernelTestKit.NewKernel(TwoProcessesOneGuard);
        KernelTestKit.StepAll(kernel, "ta", "tb", "ta", "tb"); // ta holds guard, tb blocks on it
        Assert.Equal(ThreadStatus.Blocked, kernel.StatusOf(1));

        kernel.InjectProcessCrash(0);

        Assert.Equal(ThreadStatus.Ready, kernel.StatusOf(1));
        Assert.Equal(1, kernel.MutexOwner(KernelTestKit.ObjectId(kernel, "guard")));
        Assert.Equal(1, kernel.LocalValue(1, 0));
        Assert.Equal(ThreadStatus.Faulted, kernel.StatusOf(0));
        Assert.Equal("crashed: process a crashed", kernel.FaultOf(0));
        Assert.Equal([1], kernel.MappedBy(KernelTestKit.ObjectId(kernel, "s")));
    }

    [Fact]
    public void InjectProcessCrash_OfAPlainMutexHolder_LeavesTheWaiterInADeadlockThatNamesTheDeadOwner()
    {
        var kernel = KernelTestKit.NewKernel(TwoProcessesOneGuard.Replace("mutex guard in s", "mutex guard", StringComparison.Ordinal)
            .Replace(" -> died", "", StringComparison.Ordinal));
        KernelTestKit.StepAll(kernel, "ta", "tb", "ta", "tb");
        kernel.InjectProcessCrash(0);
        kernel.Conclude();

        var finding = Assert.Single(kernel.Findings);
        Assert.Equal(FindingKind.Deadlock, finding.Kind);
        Assert.Contains("tb waits on mutex guard held by ta (which has crashed and will never unlock it)", finding.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Spawn_ThreadsWaitNotStartedUntilSpawned_AndASecondSpawnFaults()
    {
        var kernel = KernelTestKit.NewKernel("""
            process parent:
                thread p:
                    spawn child
                    spawn child
            process child:
                thread c:
                    pass
            """);
        var c = KernelTestKit.ThreadId(kernel, "c");
        Assert.Equal(ThreadStatus.NotStarted, kernel.StatusOf(c));
        Assert.Equal("c has not started: its process child waits to be spawned", kernel.WhyCannotRun(c));

        kernel.Step(0);
        Assert.Equal(ThreadStatus.Ready, kernel.StatusOf(c));
        kernel.Step(0);

        Assert.Equal("spawns child, which has already been spawned (a process starts once)", kernel.FaultOf(0));
        Assert.Contains("p spawns process child (1 thread start)", KernelTestKit.Sentences(kernel));
    }

    [Fact]
    public void Exit_StopsTheOtherThreadsOfTheProcessAndTakesThemOutOfWaitQueues()
    {
        var kernel = KernelTestKit.NewKernel("""
            semaphore never = 0
            thread sleeper:
                P never
            thread leaver:
                exit
            """);
        KernelTestKit.StepAll(kernel, "sleeper", "leaver");

        Assert.All([0, 1], t => Assert.Equal(ThreadStatus.Finished, kernel.StatusOf(t)));
        Assert.Equal(-1, kernel.WaitObjectOf(0));
        Assert.Contains("leaver exits: process main ends, 1 other thread stop, its descriptors close", KernelTestKit.Sentences(kernel));
        Assert.True(kernel.IsOver);
    }

    [Fact]
    public void EventJson_ProcessAndSharedMemoryEvents_NameTheProcessTheWordAndTheDeadOwner()
    {
        var kernel = KernelTestKit.NewKernel(TwoProcessesOneGuard);
        KernelTestKit.StepAll(kernel, "ta", "tb", "ta", "tb");
        kernel.InjectProcessCrash(0);
        KernelTestKit.StepAll(kernel, "tb", "tb");

        var lines = EventJson.ToLines(kernel);

        Assert.Contains("\"kind\":\"process-crashed\",\"process\":\"a\"", lines, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"owner-died\",\"thread\":\"tb\",\"line\":14,\"object\":\"guard\",\"other\":\"ta\"", lines, StringComparison.Ordinal);
        Assert.Contains("\"kind\":\"shm-write\",\"thread\":\"tb\",\"line\":15,\"object\":\"s\",\"word\":0,\"value\":1", lines, StringComparison.Ordinal);
    }

    [Fact]
    public void SavedRun_WithAProcessCrash_ReplaysToTheSameEventsAndState()
    {
        var program = KernelTestKit.Compile(TwoProcessesOneGuard);
        var kernel = KernelTestKit.NewKernel(program);
        KernelTestKit.StepAll(kernel, "ta", "tb", "ta", "tb");
        kernel.InjectProcessCrash(0);
        Runner.Run(kernel, new RoundRobinScheduler());

        var json = SavedRun.From(kernel, "test").ToJson();
        Assert.Contains("\"crash-process\": \"a\"", json, StringComparison.Ordinal);
        var saved = SavedRun.Parse("run.json", json);
        var replayed = KernelTestKit.NewKernel(program);
        Runner.Replay(replayed, saved.ResolveSchedule(program, "run.json"));

        Assert.Equal(KernelTestKit.Sentences(kernel), KernelTestKit.Sentences(replayed));
        Assert.Equal(kernel.StateHash(), replayed.StateHash());
    }
}
