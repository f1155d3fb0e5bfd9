using IpcLab.Core.Objects.Topic;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Replication;

/// <summary>
/// Retries on a replicated topic: a retry waits for its acks as the produce did, the idempotent
/// producer's sequence numbers travel with the records to the followers and are rolled back with
/// a truncation, and a lost reply makes the producer's next step a retry.
/// </summary>
public sealed class ReplicatedProducerTests
{
    private static int Broker(Kernel k, string name) => k.Program.Processes.Single(p => p.Name == name).Id;

    private static string[] Values(Kernel k) =>
        [.. k.TopicPartitions(KernelTestKit.ObjectId(k, "t"))[0].Records.Select(r => k.Strings[r.Value])];

    [Fact]
    public void Retry_AcksAllOnAReplicatedTopic_WaitsUntilTheInSyncReplicasHaveIt()
    {
        var k = KernelTestKit.NewKernel("topic t retain 8 replicas 2 minisr 2\nthread shop:\n    produce t, \"a\", acks(all)\n    retry t\n");
        KernelTestKit.StepAll(k, "shop", "t-2", "shop");

        Assert.Equal(ThreadStatus.Blocked, k.StatusOf(KernelTestKit.ThreadId(k, "shop")));
        Assert.Equal(["a", "a"], Values(k));
        Assert.Equal("shop appended \"a\" at offset 1 of t partition 0 with acks(all): it waits until every in-sync replica has it (2 in sync, high-water mark 1)", KernelTestKit.Sentences(k)[^1]);

        KernelTestKit.StepAll(k, "t-2");
        Assert.True(k.HasEnded(KernelTestKit.ThreadId(k, "shop")) || k.StatusOf(KernelTestKit.ThreadId(k, "shop")) != ThreadStatus.Blocked);
        Assert.Equal(2, k.Events.Count(e => e.Kind == EventKind.ProduceAcknowledged));
    }

    [Fact]
    public void Retry_IsrBelowMinIsr_IsRefusedBeforeAppendingAsTheProduceWouldBe()
    {
        var k = KernelTestKit.NewKernel("topic t retain 8 replicas 2 minisr 2\nthread shop:\n    produce t, \"a\", acks(all)\n    retry t\n");
        KernelTestKit.StepAll(k, "shop");
        k.InjectProcessCrash(Broker(k, "t-2"));
        KernelTestKit.StepAll(k, "shop");

        var refusals = k.Events.Where(e => e.Kind == EventKind.ProduceRefused).Select(e => (ProduceRefusal)e.Other).ToArray();
        Assert.Equal([ProduceRefusal.NotEnoughReplicasAfterAppend, ProduceRefusal.NotEnoughReplicas], refusals);
        Assert.Equal(["a"], Values(k));
    }

    [Fact]
    public void Resend_LostAckThenLeaderCrash_NewLeaderKnowsTheSequenceAndDoesNotAppendAgain()
    {
        var k = KernelTestKit.NewKernel("topic t retain 8 replicas 2 minisr 1 producers idempotent\nthread shop:\n    produce t, \"a\", acks(all) -> offset\n");
        var shop = KernelTestKit.ThreadId(k, "shop");
        k.InjectLostAck(shop);
        KernelTestKit.StepAll(k, "t-2");
        Assert.Contains("\"a\" is in t partition 0 at offset 0, but the reply to shop's produce is lost on its way back: shop does not move on, and sends the record again with its next step", KernelTestKit.Sentences(k));
        Assert.Equal(ThreadStatus.Ready, k.StatusOf(shop));

        k.InjectProcessCrash(Broker(k, "t-1"));
        KernelTestKit.StepAll(k, "shop");

        Assert.Equal(1, k.TopicReplicas(0)[0].Leader);
        Assert.Equal(["a"], Values(k));
        Assert.Contains("shop retries \"a\" (its acknowledgement was lost): partition 0 of t already has sequence 0 of producer shop, at offset 0; acknowledged again, not appended", KernelTestKit.Sentences(k));
        Assert.True(k.HasEnded(shop));
        Assert.Equal(0L, k.LocalValue(shop, 0));
    }

    [Fact]
    public void Resend_LeaderCrashTruncatedTheRecord_AppendedAgainWithItsSequenceNumber()
    {
        var k = KernelTestKit.NewKernel("topic t retain 8 replicas 2 minisr 1 producers idempotent\nthread shop:\n    produce t, \"a\", acks(1) -> offset\n");
        var shop = KernelTestKit.ThreadId(k, "shop");
        k.InjectLostAck(shop);
        k.InjectProcessCrash(Broker(k, "t-1"));
        Assert.Contains("\"a\" at offset 0 of t partition 0 is gone: only the dead leader had it, the new leader t-2 never copied it", KernelTestKit.Sentences(k));

        KernelTestKit.StepAll(k, "shop", "t-1", "t-1");

        var log = k.TopicPartitions(0)[0];
        Assert.Equal([("a", 0, 0L)], log.Records.Select(r => (k.Strings[r.Value], r.Producer, r.Sequence)));
        Assert.Contains("shop retries \"a\" (its acknowledgement was lost): the leader of t partition 0 does not hold sequence 0 of producer shop (a leader's crash truncated it), so the retry is appended, at offset 0", KernelTestKit.Sentences(k));
        Assert.Equal([1L, 1L], k.TopicReplicas(0)[0].LogEnds);
    }

    [Fact]
    public void Restart_FollowerThatCopiedARecordAboveItsCheckpoint_RollsItsSequencesBack()
    {
        var k = KernelTestKit.NewKernel("topic t retain 8 replicas 3 minisr 1 producers idempotent\nthread shop:\n    produce t, \"a\", acks(1)\n");
        KernelTestKit.StepAll(k, "shop", "t-2");

        // Per replica (t-1, t-2, t-3, then the log start), each thread's last sequence held and its offset: shop, t-1, t-2, t-3.
        Assert.Contains("sequences [[0 0 -1 0 -1 0 -1 0] [0 0 -1 0 -1 0 -1 0] [-1 0 -1 0 -1 0 -1 0] [-1 0 -1 0 -1 0 -1 0]]", KernelTestKit.LogicalState(k), StringComparison.Ordinal);

        k.InjectProcessCrash(Broker(k, "t-2"));
        KernelTestKit.StepAll(k, "t-2");

        Assert.Contains("t-2 truncates its log of t partition 0 from 1 to 0", KernelTestKit.Sentences(k)[^1], StringComparison.Ordinal);
        Assert.Contains("sequences [[0 0 -1 0 -1 0 -1 0] [-1 0 -1 0 -1 0 -1 0] [-1 0 -1 0 -1 0 -1 0] [-1 0 -1 0 -1 0 -1 0]]", KernelTestKit.LogicalState(k), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("acks(0)", "is a produce with acks(0): the leader sends no acknowledgement to lose")]
    [InlineData("acks(all)", "is a produce the leader refuses before appending it (NotEnoughReplicas): a refusal is not lost")]
    public void InjectLostAck_NoReplyToLose_RefusedWithTheReason(string acks, string reason)
    {
        var k = KernelTestKit.NewKernel($"topic t retain 8 replicas 2 minisr 2 producers retrying\nthread shop:\n    produce t, \"a\", {acks}\n");
        k.InjectProcessCrash(Broker(k, "t-2"));

        var error = Assert.Throws<InvalidOperationException>(() => k.InjectLostAck(KernelTestKit.ThreadId(k, "shop")));

        Assert.Equal($"shop's next statement {reason}", error.Message);
    }

    [Fact]
    public void Compile_IdempotentOrRetryingProducersOnAReplicatedTopic_Compiles()
    {
        Assert.True(TopicSettings.IdempotentProducers(KernelTestKit.Compile("topic t retain 8 replicas 3 minisr 2 producers idempotent\n").Objects[0]));
        Assert.True(TopicSettings.RetryingProducers(KernelTestKit.Compile("topic t retain 8 replicas 3 minisr 2 producers retrying\n").Objects[0]));
    }
}
