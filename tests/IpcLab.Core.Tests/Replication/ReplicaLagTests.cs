using System.Text;
using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Objects.Topic;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Replication;

/// <summary>
/// <c>replicalag N</c>: a follower that has not caught up with the leader's log end within N of the
/// leader's appends leaves the ISR, is no longer counted for the high-water mark or acks(all), and
/// rejoins once its log end reaches the mark.
/// </summary>
public sealed class ReplicaLagTests
{
    [Fact]
    public void Append_FollowerBehindForMoreThanTheLag_LeavesTheIsrAndTheMarkMovesWithoutIt()
    {
        var k = KernelTestKit.NewKernel("topic t retain 8 replicas 3 minisr 2 replicalag 2\nthread p:\n    repeat 3:\n        produce t, 1, acks(1)\n");
        KernelTestKit.StepAll(k, "p", "p", "t-2", "p", "t-2", "p", "p");
        Assert.Equal([true, true, true], k.TopicReplicas(0)[0].InSync);

        KernelTestKit.StepAll(k, "p");
        var sentences = KernelTestKit.Sentences(k);
        Assert.Contains("t-3 leaves the ISR of t partition 0: it has not caught up with the leader's log end within 2 of its appends (replicalag, Kafka's replica.lag.time.max.ms counted in appends); its log ends at 0; 2 in-sync replicas left", sentences);
        var partition = k.TopicReplicas(0)[0];
        Assert.False(partition.InSync[2]);
        Assert.Equal(0L, partition.LogEnds[2]);
        Assert.True(partition.HighWaterMark > 0, "the mark stayed with the follower out of the ISR");
        Assert.Equal(partition.LogEnds[1], partition.HighWaterMark);

        while (k.TopicReplicas(0)[0].LogEnds[1] < 3)
        {
            KernelTestKit.StepAll(k, "t-2");
        }

        Assert.Equal(3L, k.TopicReplicas(0)[0].HighWaterMark);
    }

    [Fact]
    public void Fetch_FollowerOutOfTheIsrByLag_RejoinsWhenItsLogEndReachesTheMark()
    {
        var k = KernelTestKit.NewKernel("topic t retain 8 replicas 2 minisr 1 replicalag 1\nthread p:\n    repeat 2:\n        produce t, 1, acks(1)\n");
        KernelTestKit.StepAll(k, "p", "p", "p", "p");
        Assert.False(k.TopicReplicas(0)[0].InSync[1]);
        Assert.Equal(2L, k.TopicReplicas(0)[0].HighWaterMark);

        KernelTestKit.StepAll(k, "t-2");
        Assert.False(k.TopicReplicas(0)[0].InSync[1]);
        KernelTestKit.StepAll(k, "t-2");
        Assert.Equal("t-2 rejoins the ISR of t partition 0: its log end 2 reached the high-water mark; 2 in-sync replicas", KernelTestKit.Sentences(k)[^1]);
    }

    [Fact]
    public void Produce_AcksAllWhoseAppendDropsAFollowerBelowMinInSync_FailsAfterTheAppend()
    {
        var k = KernelTestKit.NewKernel("topic t retain 8 replicas 2 minisr 2 replicalag 1\nthread p:\n    produce t, 1, acks(1)\n    produce t, 2, acks(all) -> o\n    print o\n");
        KernelTestKit.StepAll(k, "p", "p");

        Assert.Contains("p's produce of 2 fails (NotEnoughReplicasAfterAppend): it is at offset 1 of t partition 0, but the ISR fell to 1, below min.insync.replicas 2; its offset is -1, and a retry may append it twice", KernelTestKit.Sentences(k));
        Assert.DoesNotContain(k.Events, e => e.Kind == EventKind.ProduceAcknowledged && (ProduceAcks)e.Other == ProduceAcks.All);
    }

    [Theory]
    [InlineData("topic t retain 2 replicalag 2\n", 1, 29, "`replicalag` says when a follower leaves the ISR, and t has none: add `replicas 2` or more")]
    [InlineData("topic t retain 2 replicas 2 replicalag 0\n", 1, 40, "`replicalag` is a whole number of the leader's appends from 1 to 100")]
    public void Compile_ReplicaLagMistake_ReportsPositionAndWhatWasExpected(string source, int line, int column, string message) =>
        Compilation.ScriptErrorAssert.At(source, line, column, message);

    private static Arbitrary<(int Replicas, int MinInSync, int Lag, int Producers, int[] Choices)> Runs =>
        (from replicas in Gen.Choose(2, 3)
         from minInSync in Gen.Choose(1, 2)
         from lag in Gen.Choose(1, 3)
         from producers in Gen.Choose(1, 2)
         from choices in ArbMap.Default.GeneratorFor<int[]>()
         select (replicas, minInSync, lag, producers, choices)).ToArbitrary();

    private static string Script(int replicas, int minInSync, int lag, int producers)
    {
        var sb = new StringBuilder($"topic t retain 16 replicas {replicas} minisr {minInSync} replicalag {lag}\nconsumers g on t\n");
        sb.Append($"thread producer * {producers}:\n    for i in 1..4:\n        offset = -1\n        while offset < 0:\n            produce t, \"{{self}}.{{i}}\", acks(all) -> offset\n");
        sb.Append("process readers:\n    thread reader:\n        subscribe g\n        while true:\n            poll g -> v\n");
        return sb.ToString();
    }

    /// <summary>Runs the schedule; after every step checks the mark against the ISR and every acks(all) acknowledgement against the replicas then in it. Returns how many acknowledgements some live follower out of the ISR lacked.</summary>
    private static int RunChecking(string script, int minInSync, int[] choices)
    {
        var kernel = KernelTestKit.NewKernel(script, KernelTestKit.Options with { MaxSteps = 2000 });
        var scheduler = new ChoiceScheduler(choices, []);
        var runnable = new int[kernel.Layout.ThreadCount];
        var uncounted = 0;
        while (kernel.StepCount < kernel.Options.MaxSteps && kernel.CollectRunnable(runnable) is var n and > 0)
        {
            kernel.Step(scheduler.ChooseThread(kernel, runnable.AsSpan(0, n)), scheduler);
            var partition = kernel.TopicReplicas(0)[0];
            var inSync = Enumerable.Range(0, partition.InSync.Length).Where(r => partition.InSync[r]).ToArray();

            // The mark is the lowest log end of the ISR alone: a follower out of it does not hold it back.
            Assert.Equal(inSync.Min(r => partition.LogEnds[r]), partition.HighWaterMark);
            foreach (var ack in KernelTestKit.EventsOfStep(kernel, kernel.StepCount).Where(e => e.Kind == EventKind.ProduceAcknowledged && (ProduceAcks)e.Other == ProduceAcks.All))
            {
                Assert.True(inSync.Length >= minInSync, $"{KernelTestKit.Describe(kernel, ack)} with {inSync.Length} in sync, below minisr {minInSync}");
                Assert.All(inSync, r => Assert.True(partition.LogEnds[r] > LogFields.Offset(ack), $"{KernelTestKit.Describe(kernel, ack)}, but in-sync t-{r + 1} ends at {partition.LogEnds[r]}"));
                uncounted += Enumerable.Range(0, partition.InSync.Length).Count(r => !partition.InSync[r] && partition.LogEnds[r] <= LogFields.Offset(ack));
            }
        }

        return uncounted;
    }

    [Fact]
    public void ReplicaLag_AnySchedule_TheMarkAndAcksAllCountOnlyTheIsr()
    {
        Prop.ForAll(Runs, run =>
        {
            RunChecking(Script(run.Replicas, run.MinInSync, run.Lag, run.Producers), run.MinInSync, run.Choices);
        }).Check(KernelTestKit.Config(150));
    }

    [Fact]
    public void ReplicaLag_SomeSchedules_AcknowledgeARecordAFollowerOutOfTheIsrLacks()
    {
        var uncounted = 0;
        for (var seed = 0; seed < 40 && uncounted == 0; seed++)
        {
            var choices = Enumerable.Range(0, 400).Select(i => (int)((seed * 7919L) + (i * 104729L)) & 0xffff).ToArray();
            uncounted += RunChecking(Script(3, 2, 1, 2), 2, choices);
        }

        Assert.True(uncounted > 0, "no acks(all) acknowledgement went ahead without a lagging follower");
    }

    [Fact]
    public void LogIsrLagProgram_RandomSchedules_EndsWellAndDropsAndRejoinsAFollowerInSome()
    {
        var program = KernelTestKit.CompileLesson("log-isr-lag.ipl");
        var droppedAndRejoined = 0;
        for (ulong seed = 1; seed <= 100; seed++)
        {
            var kernel = KernelTestKit.NewKernel(program);

            Assert.Equal(RunOutcome.Completed, Scheduling.Runner.Run(kernel, new RandomScheduler(seed)).Outcome);
            var kinds = kernel.Events.Select(e => e.Kind).ToList();
            droppedAndRejoined += kinds.Contains(EventKind.ReplicaLagged) && kinds.LastIndexOf(EventKind.ReplicaRejoined) > kinds.IndexOf(EventKind.ReplicaLagged) ? 1 : 0;
        }

        Assert.InRange(droppedAndRejoined, 1, 100);
    }
}
