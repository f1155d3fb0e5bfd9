using IpcLab.Core.Explore;
using IpcLab.Core.Persistence;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Script;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Replication;

/// <summary>A crashed broker is down until its own step restarts it: it comes back as a follower, truncates to the high-water mark it knew, catches up and rejoins the ISR.</summary>
public sealed class ReplicaRestartTests
{
    private const string Replicated = "topic t retain 8 replicas 3 minisr 2\nconsumers g on t\n";

    private static int Broker(Kernel k, string name) => k.Program.Processes.Single(p => p.Name == name).Id;

    /// <summary>x at 0 on every replica, y at 1 only on the leader t-1, which crashes; the new leader t-2 gets z at 1, which t-3 copies.</summary>
    private static Kernel DivergedLeaderDown()
    {
        var k = KernelTestKit.NewKernel(Replicated + "thread p:\n    produce t, \"x\", acks(1)\n    produce t, \"y\", acks(1)\n    produce t, \"z\", acks(1)\n");
        KernelTestKit.StepAll(k, "p", "t-2", "t-3", "p");
        k.InjectProcessCrash(Broker(k, "t-1"));
        KernelTestKit.StepAll(k, "p", "t-3");
        return k;
    }

    [Fact]
    public void Restart_LeaderThatHadARecordAlone_TruncatesToItsCheckpointAndRejoinsOnceCaughtUp()
    {
        var k = DivergedLeaderDown();
        Assert.Contains("\"y\" at offset 1 of t partition 0 is gone: only the dead leader had it, the new leader t-2 never copied it", KernelTestKit.Sentences(k));
        Assert.Equal(2L, k.TopicReplicas(0)[0].HighWaterMark);

        KernelTestKit.StepAll(k, "t-1");
        var sentences = KernelTestKit.Sentences(k);
        Assert.Equal("t-1 restarts as a follower of t partition 0 (its log ends at 2): out of the ISR until its log end reaches the high-water mark", sentences[^2]);
        Assert.Equal("t-1 truncates its log of t partition 0 from 2 to 1, the high-water mark it knew when it went down, as a Kafka broker does on becoming a follower: above it, its records may not be the leader's (a record only it had is gone); it fetches again from 1", sentences[^1]);
        var partition = k.TopicReplicas(0)[0];
        Assert.Equal((1, 1L, false), (partition.Leader, partition.LogEnds[0], partition.InSync[0]));

        KernelTestKit.StepAll(k, "t-1");
        sentences = KernelTestKit.Sentences(k);
        Assert.Equal("t-1 copies \"z\" (offset 1 of t partition 0) from the leader: its log now ends at 2; the high-water mark is 2", sentences[^2]);
        Assert.Equal("t-1 rejoins the ISR of t partition 0: its log end 2 reached the high-water mark; 3 in-sync replicas", sentences[^1]);
        Assert.Equal([true, true, true], k.TopicReplicas(0)[0].InSync);
    }

    [Fact]
    public void Restart_FollowerBehindTheMark_StaysOutOfTheIsrUntilItsLogEndReachesIt()
    {
        var k = KernelTestKit.NewKernel(Replicated + "thread p:\n    produce t, 1, acks(1)\n    produce t, 2, acks(1)\n");
        k.InjectProcessCrash(Broker(k, "t-3"));
        KernelTestKit.StepAll(k, "p", "t-2", "p", "t-2", "t-3");
        Assert.Equal((0L, false, 2L), (k.TopicReplicas(0)[0].LogEnds[2], k.TopicReplicas(0)[0].InSync[2], k.TopicReplicas(0)[0].HighWaterMark));

        KernelTestKit.StepAll(k, "t-3");
        Assert.False(k.TopicReplicas(0)[0].InSync[2]);
        Assert.Equal("t-3 copies 1 (offset 0 of t partition 0) from the leader: its log now ends at 1; the high-water mark is 2", KernelTestKit.Sentences(k)[^1]);

        KernelTestKit.StepAll(k, "t-3");
        Assert.True(k.TopicReplicas(0)[0].InSync[2]);
    }

    [Fact]
    public void Restart_LastLeaderOfAnOfflinePartition_LeadsItAgainWithItsWholeLog()
    {
        var k = KernelTestKit.NewKernel("topic t retain 8 replicas 2 minisr 1\nthread p:\n    produce t, 1, acks(1)\n");
        k.InjectProcessCrash(Broker(k, "t-2"));
        KernelTestKit.StepAll(k, "p");
        k.InjectProcessCrash(Broker(k, "t-1"));
        Assert.True(k.TopicReplicas(0)[0].Offline);

        KernelTestKit.StepAll(k, "t-1");
        Assert.Equal("t-1 restarts and leads t partition 0 again: it was the last in-sync replica when the partition went offline, and its log, ending at 1, is the partition's", KernelTestKit.Sentences(k)[^1]);
        var partition = k.TopicReplicas(0)[0];
        Assert.Equal((false, 0, 1L, 1L), (partition.Offline, partition.Leader, partition.HighWaterMark, partition.Epoch));
    }

    [Fact]
    public void InjectProcessCrash_IdleBroker_IsDownAndRunnableUntilItsOwnStepRestartsIt()
    {
        var k = KernelTestKit.NewKernel(Replicated + "thread p:\n    produce t, 1, acks(1)\n");
        KernelTestKit.StepAll(k, "t-3");
        var thread = KernelTestKit.ThreadId(k, "t-3");
        Assert.Equal(ThreadStatus.Blocked, k.StatusOf(thread));

        k.InjectProcessCrash(Broker(k, "t-3"));

        Assert.Equal("t-3 crashes: the broker is down, out of the ISR of every partition of t, until its own next step restarts it", KernelTestKit.Sentences(k)[^2]);
        Assert.Equal(ThreadStatus.Ready, k.StatusOf(thread));
        Assert.Equal("t-3 is down already: its own next step restarts it", k.WhyCannotCrashProcess(Broker(k, "t-3")));
        Assert.Equal("t-3 is down already: its own next step restarts it", k.WhyCannotCrash(thread));
        Assert.Throws<InvalidOperationException>(() => k.InjectCrash(thread));

        KernelTestKit.StepAll(k, "p", "t-2");
        Assert.Equal([true, true, false], k.TopicReplicas(0)[0].InSync);
        Assert.Equal(1L, k.TopicReplicas(0)[0].HighWaterMark);

        KernelTestKit.StepAll(k, "t-3");
        Assert.Equal("t-3 restarts as a follower of t partition 0 (its log ends at 0): out of the ISR until its log end reaches the high-water mark", KernelTestKit.Sentences(k)[^1]);
        Assert.Null(k.WhyCannotCrashProcess(Broker(k, "t-3")));
    }

    [Fact]
    public void InjectCrash_BrokerThreadAlone_TakesTheBrokerDownAsItsProcessCrashWould()
    {
        var k = KernelTestKit.NewKernel(Replicated + "thread p:\n    produce t, 1, acks(1)\n");

        k.InjectCrash(KernelTestKit.ThreadId(k, "t-1"));

        Assert.Contains("t-2 becomes the leader of t partition 0 (epoch 1), elected from the ISR as t-1 died; its log ends at 0, and what the other replicas hold beyond it is truncated", KernelTestKit.Sentences(k));
        Assert.False(k.HasEnded(KernelTestKit.ThreadId(k, "t-1")));
        KernelTestKit.StepAll(k, "t-1");
        Assert.Equal("t-1 restarts as a follower of t partition 0 (its log ends at 0): out of the ISR until its log end reaches the high-water mark", KernelTestKit.Sentences(k)[^1]);
    }

    [Fact]
    public void RestartStatement_LiveLeader_CrashesItAndBringsItBackAsAFollowerInOneStep()
    {
        var k = KernelTestKit.NewKernel(Replicated + "thread admin:\n    restart t, 1\n");
        KernelTestKit.StepAll(k, "admin");

        var sentences = KernelTestKit.Sentences(k);
        Assert.Contains("t-2 becomes the leader of t partition 0 (epoch 1), elected from the ISR as t-1 died; its log ends at 0, and what the other replicas hold beyond it is truncated", sentences);
        Assert.Equal("t-1 restarts as a follower of t partition 0 (its log ends at 0): out of the ISR until its log end reaches the high-water mark", sentences[^2]);
        Assert.Equal("admin finishes", sentences[^1]);
        Assert.Equal(ThreadStatus.Ready, k.StatusOf(KernelTestKit.ThreadId(k, "t-1")));

        KernelTestKit.StepAll(k, "t-1");
        Assert.Equal("t-1 rejoins the ISR of t partition 0: its log end 0 reached the high-water mark; 3 in-sync replicas", KernelTestKit.Sentences(k)[^1]);
    }

    [Theory]
    [InlineData("topic t retain 8\nthread a:\n    restart t, 1\n", "test.ipl:3:13: t has no replicas to restart: declare it with `replicas 2` or more")]
    [InlineData("topic t retain 8 replicas 2\nthread a:\n    restart t, 3\n", "test.ipl:3:16: the replica to restart is a number from 1 to 2, the broker t-N's N: `restart t, 1`")]
    [InlineData("topic t retain 8 replicas 2\nthread a:\n    crash t, 3\n", "test.ipl:3:14: the replica to crash is a number from 1 to 2, the broker t-N's N: `crash t, 1`")]
    [InlineData("topic t retain 8\nthread a:\n    crash t, 1\n", "test.ipl:3:11: t has no replicas to crash: declare it with `replicas 2` or more")]
    public void RestartStatement_BadTopicOrReplica_IsACompileErrorAtItsPlace(string script, string message)
    {
        var error = Assert.Throws<ScriptError>(() => Compiler.CompileText("test.ipl", script));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void SavedRun_WithAnInjectedCrashAndTheRestartStep_ReplaysToTheSameState()
    {
        var k = DivergedLeaderDown();
        KernelTestKit.StepAll(k, "t-1", "t-1");
        var saved = SavedRun.Parse("run.json", SavedRun.From(k, "manual").ToJson());
        Assert.Contains(saved.Schedule, e => e.Kind == ScheduleEntryKind.ProcessCrash && e.Thread == "t-1");

        var replayed = KernelTestKit.NewKernel(k.Program);
        foreach (var entry in saved.ResolveSchedule(k.Program, "run.json"))
        {
            replayed.Apply(entry);
        }

        Assert.Equal(k.StateHash(), replayed.StateHash());
    }

    [Fact]
    public void Explore_CrashOfABroker_FindsARefusalFollowedByAnAcknowledgementOnlyThroughItsOwnRestartStep()
    {
        // With min.insync.replicas 2 of 2, a produce is refused while t-2 is down; only its restart
        // (and rejoin) lets a later one be acknowledged.
        var program = KernelTestKit.Compile("topic t retain 4 replicas 2 minisr 2\nthread p:\n    produce t, 1, acks(all) -> a\n    produce t, 2, acks(all) -> b\n    assert not (a < 0 and b >= 0), \"refused, then acknowledged\"\n");
        var broker = program.Processes.Single(p => p.Name == "t-2").Id;

        var report = Explorer.Explore(program, new ExploreOptions { CrashProcesses = [broker] });

        var found = Assert.Single(report.Findings);
        Assert.Equal(FindingKind.AssertionFailed, found.Kind);
        Assert.Contains(new ScheduleEntry(ScheduleEntryKind.ProcessCrash, broker), found.Schedule);
        var replayed = KernelTestKit.NewKernel(program);
        foreach (var entry in found.Schedule)
        {
            replayed.Apply(entry);
        }

        var restart = Assert.Single(replayed.Events, e => e.Kind == EventKind.ReplicaRestarted);
        Assert.Equal("t-2", replayed.ThreadName(restart.Thread));
    }

    [Fact]
    public void LogRejoinProgram_RandomSchedules_BillsEveryOrderAndTheRestartedBrokerTruncatesAndRejoinsInSome()
    {
        var program = KernelTestKit.CompileLesson("log-rejoin.ipl");
        var truncatedAndRejoined = 0;
        for (ulong seed = 1; seed <= 100; seed++)
        {
            var kernel = KernelTestKit.NewKernel(program);
            var result = Runner.Run(kernel, new RandomScheduler(seed));

            Assert.Equal(RunOutcome.Completed, result.Outcome);
            var kinds = kernel.Events.Select(e => e.Kind).ToList();
            Assert.Contains(EventKind.ReplicaRestarted, kinds);
            truncatedAndRejoined += kinds.Contains(EventKind.ReplicaLogTruncated) && kinds.IndexOf(EventKind.ReplicaRejoined) > kinds.IndexOf(EventKind.ReplicaLogTruncated) ? 1 : 0;
        }

        Assert.InRange(truncatedAndRejoined, 1, 99);
    }
}
