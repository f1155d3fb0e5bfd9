using IpcLab.Core.Objects.Topic;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Log;

/// <summary>The retained log step by step: retention, hand-over, range assignment, commits, seeks and misuse.</summary>
public sealed class LogKernelTests
{
    private static Kernel Start(string source) => KernelTestKit.NewKernel(source);

    private static string Last(Kernel k) => KernelTestKit.Sentences(k)[^1];

    [Fact]
    public void Produce_FullPartition_RetentionDeletesTheOldestAndALaggingMemberJumpsToTheLogStart()
    {
        var k = Start("topic t retain 2\nconsumers g on t\nthread p:\n    for i in 1..4:\n        produce t, i\nthread c:\n    subscribe g\n    poll g -> x\n");
        KernelTestKit.StepAll(k, "c", "p", "p", "p", "p", "p", "p", "p", "p");

        var log = k.TopicPartitions(KernelTestKit.ObjectId(k, "t"))[0];
        Assert.Equal((2L, 4L), (log.Start, log.End));
        Assert.Equal([3L, 4L], log.Records.Select(r => r.Value));
        Assert.Contains("partition 0 of t keeps 2 records: retention deletes the oldest, 2 at offset 1; the log now starts at 2", KernelTestKit.Sentences(k));

        k.Step(KernelTestKit.ThreadId(k, "c"));
        var sentences = KernelTestKit.Sentences(k);
        var reset = Array.IndexOf(sentences, "c's position in partition 0 of t fell below the log start 2: retention deleted 2 records it never read; it jumps to 2");
        Assert.True(reset >= 0, string.Join("\n", sentences));
        Assert.Equal("c polls g: reads 3 from t partition 0 at offset 2; its position is now 3", sentences[reset + 1]);
    }

    [Fact]
    public void Tick_TopicWithExpire_DeletesARecordItsNumberOfStepsAfterTheStepThatAppendedIt()
    {
        var k = Start("topic t retain 4 expire 3\nthread p:\n    produce t, 1\n    produce t, 2\n    pass\n    pass\n    pass\n");
        KernelTestKit.StepAll(k, "p", "p", "p");
        Assert.Equal((0L, 2L), (k.TopicPartitions(0)[0].Start, k.TopicPartitions(0)[0].End));

        k.Step(0);
        Assert.Equal("1 at offset 0 of t partition 0 expires: appended at step 1, it has been kept 3 steps (expire 3); the log now starts at 1", Last(k));
        k.Step(0);
        Assert.Equal((2L, 2L), (k.TopicPartitions(0)[0].Start, k.TopicPartitions(0)[0].End));
    }

    [Fact]
    public void Produce_CompactingTopic_RemovesTheOlderRecordsOfTheKeyAndAPollSkipsThem()
    {
        var k = Start("topic t retain 4 cleanup compact\nconsumers g on t\nthread p:\n    produce t, \"a\", 1\n    produce t, \"b\", 2\n    produce t, \"a\", 3\nthread c:\n    subscribe g\n    poll g -> x\n    poll g -> y\n    pass\n");
        KernelTestKit.StepAll(k, "p", "p", "p");

        Assert.Equal("compaction of t: 1 (key \"a\") at offset 0 of partition 0 is removed, the newer value of its key is the one kept; offset 0 stays empty", KernelTestKit.Sentences(k)[^2]);
        Assert.Equal([true, false, false], k.TopicPartitions(0)[0].Records.Select(r => r.Compacted));

        KernelTestKit.StepAll(k, "c", "c", "c");
        Assert.Equal("c polls g: reads 3 (key \"a\") from t partition 0 at offset 2; its position is now 3", Last(k));
        Assert.Equal("c polls g: reads 2 (key \"b\") from t partition 0 at offset 1; its position is now 2", KernelTestKit.Sentences(k)[^2]);
    }

    /// <summary>Every record expired: the log start is the log end, so a member behind it has nothing to read and blocks (it once read the empty slot at the end).</summary>
    [Fact]
    public void Poll_EveryRecordExpiredBehindThePosition_Blocks()
    {
        var k = Start("topic t retain 4 expire 1\nconsumers g on t\nthread c:\n    subscribe g\n    pass\n    pass\n    poll g -> x\nthread p:\n    produce t, \"gone\"\n");
        KernelTestKit.StepAll(k, "c", "p", "c", "c");
        Assert.Equal((1L, 1L), (k.TopicPartitions(0)[0].Start, k.TopicPartitions(0)[0].End));

        k.Step(KernelTestKit.ThreadId(k, "c"));

        Assert.Equal(ThreadStatus.Blocked, k.StatusOf(KernelTestKit.ThreadId(k, "c")));
        Assert.Equal("c blocks on g: no record at its positions in t", KernelTestKit.Sentences(k).First(s => s.StartsWith("c blocks", StringComparison.Ordinal)));
    }

    [Fact]
    public void Produce_MemberBlockedInPoll_GetsTheRecordInTheProducersStep()
    {
        var k = Start("topic t retain 2\nconsumers g on t\nthread p:\n    produce t, \"k\", \"hi\"\nthread c:\n    subscribe g\n    poll g -> x, key\n");
        KernelTestKit.StepAll(k, "c", "c");
        Assert.Equal(ThreadStatus.Blocked, k.StatusOf(KernelTestKit.ThreadId(k, "c")));
        Assert.Equal("c waits on consumers g: no record at its positions (partition 0 at 0)", k.DescribeWait(KernelTestKit.ThreadId(k, "c")));

        k.Step(KernelTestKit.ThreadId(k, "p"));

        Assert.Equal(ThreadStatus.Finished, k.StatusOf(KernelTestKit.ThreadId(k, "c")));
        Assert.Equal("c was waiting in poll and gets \"hi\" (key \"k\") from partition 0 at offset 0 at once", KernelTestKit.Sentences(k).First(s => s.Contains("was waiting", StringComparison.Ordinal)));
    }

    [Fact]
    public void Subscribe_SecondMemberOfThreePartitions_RangeAssignmentGivesTheFirstTwoAndTheLast()
    {
        var k = Start("topic t partitions 3 retain 2\nconsumers g on t\nthread a:\n    subscribe g\n    pass\nthread b:\n    subscribe g\n    unsubscribe g\n    pass\n");
        var g = KernelTestKit.ObjectId(k, "g");
        var (a, b) = (KernelTestKit.ThreadId(k, "a"), KernelTestKit.ThreadId(k, "b"));
        k.Step(b);
        Assert.Equal([b, b, b], k.ConsumerGroupPartitions(g).Select(p => p.Owner));

        k.Step(a);
        Assert.Equal([a, a, b], k.ConsumerGroupPartitions(g).Select(p => p.Owner));
        Assert.Contains("rebalance of g: partition 1 of t moves from b to a, which starts at the log start 0 (nothing committed: auto.offset.reset=earliest)", KernelTestKit.Sentences(k));

        k.Step(b);
        Assert.Equal([a, a, a], k.ConsumerGroupPartitions(g).Select(p => p.Owner));
        Assert.Equal(3, k.ConsumerGroupGeneration(g));
    }

    [Fact]
    public void Crash_MemberThatCommitted_TheNewOwnerStartsAtTheCommittedOffset()
    {
        var k = Start("topic t retain 4\nconsumers g on t\nthread p:\n    produce t, 1\n    produce t, 2\n    produce t, 3\nthread a:\n    subscribe g\n    poll g -> x\n    commit g\n    poll g -> y\n    pass\nthread b:\n    pass\n    subscribe g\n    poll g -> z\n    pass\n");
        KernelTestKit.StepAll(k, "a", "p", "p", "p", "a", "a", "a", "b", "b");
        var (a, b) = (KernelTestKit.ThreadId(k, "a"), KernelTestKit.ThreadId(k, "b"));

        k.InjectCrash(a);

        var g = k.ConsumerGroupPartitions(KernelTestKit.ObjectId(k, "g"))[0];
        Assert.Equal(new GroupPartition(b, 1, 1), g);
        Assert.Contains("a has crashed and leaves consumer group g", KernelTestKit.Sentences(k));
        Assert.Equal("rebalance of g: partition 0 of t moves from a to b, which starts at the committed offset 1", Last(k));

        // Record 2 was read by a, never committed: b reads it again (at-least-once).
        k.Step(b);
        Assert.Equal("b polls g: reads 2 from t partition 0 at offset 1; its position is now 2", Last(k));
    }

    [Fact]
    public void Seek_BeginningThenCommit_MovesTheCommittedOffsetBack()
    {
        var k = Start("topic t retain 4\nconsumers g on t\nthread p:\n    produce t, 1\n    produce t, 2\nthread a:\n    subscribe g\n    poll g -> x\n    poll g -> y\n    commit g\n    seek g, beginning\n    commit g\n    seek g, 0, 1\n    seek g, end\n    pass\n");
        var g = KernelTestKit.ObjectId(k, "g");
        KernelTestKit.StepAll(k, "p", "p", "a", "a", "a", "a");
        Assert.Equal(2, k.ConsumerGroupPartitions(g)[0].Committed);

        KernelTestKit.StepAll(k, "a", "a");
        Assert.Equal("a commits offset 0 for partition 0 in g (was 2)", Last(k));
        KernelTestKit.StepAll(k, "a");
        Assert.Equal("a seeks partition 0 of t to offset 1 (its position was 0); the committed offset stays until it commits", Last(k));
        KernelTestKit.StepAll(k, "a");
        Assert.Equal(new GroupPartition(KernelTestKit.ThreadId(k, "a"), 2, 0), k.ConsumerGroupPartitions(g)[0]);
    }

    [Theory]
    [InlineData("thread a:\n    poll g -> x\n", "polls g without being a member; `subscribe g` first")]
    [InlineData("thread a:\n    subscribe g\n    subscribe g\n", "subscribes to g, which it has already joined")]
    [InlineData("thread a:\n    subscribe g\n    seek g, 0, 5\n", "seeks to offset 5 of partition 0 of t; an offset goes from 0 to the log end 0")]
    [InlineData("thread a:\n    subscribe g\n    seek g, 1, 0\n", "seeks in partition 1 of t, which is not assigned to it in g (its partitions: 0)")]
    [InlineData("thread a:\n    commit g\n", "commits to g without being a member")]
    public void Step_Misuse_FaultsTheThreadWithAReason(string threads, string fault)
    {
        var k = Start("topic t retain 2\nconsumers g on t\n" + threads);
        Runner.Run(k, new RoundRobinScheduler());

        Assert.Contains(fault, k.FaultOf(0), StringComparison.Ordinal);
    }

    [Fact]
    public void Produce_KeyAndNoKey_HashPicksThePartitionAndKeylessRecordsTakeTurns()
    {
        var k = Start("topic t partitions 2 retain 4\nthread p:\n    produce t, \"ab\", 1 -> o1, p1\n    produce t, 2 -> o2, p2\n    produce t, 3 -> o3, p3\n    assert p1 == 1 and p2 == 0 and p3 == 1 and o3 == 1\n");
        Runner.Run(k, new RoundRobinScheduler());

        Assert.Empty(k.Findings);
        Assert.Equal("p appends 1 to t partition 1 (key \"ab\": hash 195, 195 mod 2 = 1) at offset 0", KernelTestKit.Sentences(k)[0]);
        Assert.Equal("p appends 2 to t partition 0 (no key: the partitions in turn) at offset 0", KernelTestKit.Sentences(k)[1]);
    }
}
