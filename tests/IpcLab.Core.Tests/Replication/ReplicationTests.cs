using IpcLab.Core.Checking;
using IpcLab.Core.Explore;
using IpcLab.Core.Objects.Topic;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Replication;

/// <summary>Replication step by step: fetches and the high-water mark, acks, min.insync.replicas, elections, and the compiler's checks.</summary>
public sealed class ReplicationTests
{
    private const string Replicated = "topic t retain 8 replicas 3 minisr 2\nconsumers g on t\n";

    private static string[] Sentences(Kernel k) => KernelTestKit.Sentences(k);

    [Fact]
    public void Compile_ReplicatedTopic_AddsABrokerProcessAndADaemonThreadPerReplica()
    {
        var k = KernelTestKit.NewKernel(Replicated + "thread p:\n    produce t, 1\n");

        Assert.Equal(["main", "t-1", "t-2", "t-3"], k.Program.Processes.Select(p => p.Name));
        Assert.Equal(["p", "t-1", "t-2", "t-3"], k.Program.Threads.Select(t => t.Name));
        var partition = Assert.Single(k.TopicReplicas(0));
        Assert.Equal((0, 0L, false), (partition.Leader, partition.HighWaterMark, partition.Offline));
        Assert.Equal([true, true, true], partition.InSync);
    }

    [Fact]
    public void Poll_RecordOnlyOnTheLeader_WaitsUntilEveryInSyncFollowerCopiedIt()
    {
        var k = KernelTestKit.NewKernel(Replicated + "thread p:\n    produce t, 7, acks(1) -> o\nthread c:\n    subscribe g\n    poll g -> x\n    print x\n");
        KernelTestKit.StepAll(k, "c", "c", "p");

        Assert.Contains("p's produce of 7 is acknowledged by the leader alone (acks(1)): offset 0 of t partition 0, high-water mark 0, so a follower may not have it yet", Sentences(k));
        Assert.Equal(ThreadStatus.Blocked, k.StatusOf(KernelTestKit.ThreadId(k, "c")));

        KernelTestKit.StepAll(k, "t-2");
        Assert.Equal("t-2 copies 7 (offset 0 of t partition 0) from the leader: its log now ends at 1; the high-water mark is 0", Sentences(k)[^1]);
        Assert.Equal(ThreadStatus.Blocked, k.StatusOf(KernelTestKit.ThreadId(k, "c")));

        KernelTestKit.StepAll(k, "t-3");
        Assert.Equal("t-3 copies 7 (offset 0 of t partition 0) from the leader: its log now ends at 1; the high-water mark is 1", Sentences(k)[^2]);
        Assert.Equal("c was waiting in poll and gets 7 from partition 0 at offset 0 at once", Sentences(k)[^1]);
        Assert.Equal(1L, k.TopicReplicas(0)[0].HighWaterMark);
    }

    [Fact]
    public void Produce_AcksAll_WaitsForTheHighWaterMarkAndThenLearnsItsOffset()
    {
        var k = KernelTestKit.NewKernel(Replicated + "thread p:\n    produce t, 7, acks(all) -> o\n    print o\n");
        KernelTestKit.StepAll(k, "p");

        Assert.Equal("p appended 7 at offset 0 of t partition 0 with acks(all): it waits until every in-sync replica has it (3 in sync, high-water mark 0)", Sentences(k)[^1]);
        Assert.Equal(ThreadStatus.Blocked, k.StatusOf(0));

        KernelTestKit.StepAll(k, "t-2", "t-3");
        Assert.Equal("p's produce of 7 is acknowledged (acks(all)): the high-water mark of t partition 0 is 1, past offset 0, so every in-sync replica has it", Sentences(k)[^1]);
        KernelTestKit.StepAll(k, "p");
        Assert.Contains("p prints: 0", Sentences(k));
    }

    [Fact]
    public void Produce_AcksAllWithTheIsrBelowMinInSync_IsRefusedAndAppendsNothing()
    {
        var k = KernelTestKit.NewKernel("topic t retain 8 replicas 2 minisr 2\nthread p:\n    produce t, 7, acks(all) -> o\n    print o\n");
        k.InjectProcessCrash(k.Program.Processes.Single(p => p.Name == "t-2").Id);
        Assert.Contains("t-2 leaves the ISR of t partition 0: its broker is down (its log ended at 0); 1 in-sync replica left", Sentences(k));

        KernelTestKit.StepAll(k, "p", "p");
        Assert.Contains("p's produce of 7 to t partition 0 is refused (NotEnoughReplicas): 1 in-sync replica, fewer than min.insync.replicas 2; nothing is appended, its offset is -1", Sentences(k));
        Assert.Contains("p prints: -1", Sentences(k));
        Assert.Equal(0L, k.TopicPartitions(0)[0].End);
    }

    [Fact]
    public void Crash_LeaderBeforeAFollowerCopied_ElectsAFollowerAndTruncatesTheAcks1Record()
    {
        var k = KernelTestKit.NewKernel(Replicated + "thread p:\n    produce t, 1, acks(1)\n    produce t, 2, acks(1)\n");
        KernelTestKit.StepAll(k, "p", "t-2", "t-3", "p");
        k.InjectProcessCrash(k.Program.Processes.Single(p => p.Name == "t-1").Id);

        var sentences = Sentences(k);
        Assert.Contains("t-2 becomes the leader of t partition 0 (epoch 1), elected from the ISR as t-1 died; its log ends at 1, and what the other replicas hold beyond it is truncated", sentences);
        Assert.Contains("2 at offset 1 of t partition 0 is gone: only the dead leader had it, the new leader t-2 never copied it", sentences);
        var log = k.TopicPartitions(0)[0];
        Assert.Equal([1L], log.Records.Select(r => r.Value));
        var replicas = k.TopicReplicas(0)[0];
        Assert.Equal((1, 1L, 1L), (replicas.Leader, replicas.Epoch, replicas.HighWaterMark));
        Assert.Equal([false, true, true], replicas.InSync);
    }

    [Fact]
    public void Crash_AcksAllProducerWaitingWhenItsRecordIsTruncated_IsToldItFailed()
    {
        var k = KernelTestKit.NewKernel(Replicated + "thread p:\n    produce t, 7, acks(all) -> o\n    print o\n");
        KernelTestKit.StepAll(k, "p");
        k.InjectProcessCrash(k.Program.Processes.Single(p => p.Name == "t-1").Id);

        Assert.Contains("p's produce of 7 fails: offset 0 of t partition 0 was only on the dead leader and is truncated; it was never acknowledged, its offset is -1", Sentences(k));
        KernelTestKit.StepAll(k, "p");
        Assert.Contains("p prints: -1", Sentences(k));
    }

    [Fact]
    public void Crash_EveryReplica_LeavesThePartitionOfflineAndAProduceFails()
    {
        var k = KernelTestKit.NewKernel("topic t retain 8 replicas 2\nthread p:\n    produce t, 7, acks(1) -> o\n    print o\n");
        k.InjectProcessCrash(k.Program.Processes.Single(p => p.Name == "t-2").Id);
        k.InjectProcessCrash(k.Program.Processes.Single(p => p.Name == "t-1").Id);

        Assert.Contains("t partition 0 is offline: its leader t-1 died and no in-sync replica is left to lead (unclean election is off); the high-water mark stays at 0", Sentences(k));
        KernelTestKit.StepAll(k, "p", "p");
        Assert.Contains("p prints: -1", Sentences(k));
    }

    [Theory]
    [InlineData("log-acks1.ipl", GuaranteeKind.AtMostOnce)]
    [InlineData("log-acksall.ipl", GuaranteeKind.ExactlyOnce)]
    public void Check_AcksProgram_TheCheckerFindsTheAcks1LossAndNoneWithAcksAll(string lesson, GuaranteeKind expected)
    {
        var report = GuaranteeChecker.Check(KernelTestKit.CompileLesson(lesson), new CheckOptions { Runs = 300 });

        Assert.Equal(expected, report.Kind);
        Assert.Equal(expected == GuaranteeKind.AtMostOnce, report.Lost > 0);
        Assert.Equal(expected == GuaranteeKind.AtMostOnce, report.Shortest?.Crash?.Moment == CrashMoment.LeaderAfter);
    }

    [Theory]
    [InlineData("topic t retain 2 replicas 6\n", 1, 27, "a topic has from 1 to 5 replicas per partition")]
    [InlineData("topic t retain 2 replicas 2 minisr 3\n", 1, 36, "min.insync.replicas (`minisr`) is a whole number from 1 to the topic's replicas (2)")]
    [InlineData("topic t retain 2 replicas 2 cleanup compact\n", 1, 37, "a replicated topic does not support `cleanup compact` yet")]
    [InlineData("topic t retain 2 replicas 2\nthread t * 2:\n    pass\n", 1, 7, "replica 1 of t runs as a broker process and a thread named t-1, and the name is taken")]
    [InlineData("topic t retain 2\nthread a:\n    produce t, 1, acks(2)\n", 3, 19, "acks is 0 (do not wait), 1 (the leader has it) or all (every in-sync replica has it)")]
    [InlineData("topic t retain 2\nthread a:\n    produce t, acks(1), 1\n", 3, 16, "`acks(...)` is written once, after the value")]
    public void Compile_ReplicationMistake_ReportsPositionAndWhatWasExpected(string source, int line, int column, string message) =>
        Compilation.ScriptErrorAssert.At(source, line, column, message);
}
