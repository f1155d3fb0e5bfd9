using System.Text;
using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Objects.Topic;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Replication;

/// <summary>
/// Retrying producers on a replicated topic, over generated programs and schedules with one lost
/// acknowledgement and one crash of a partition's leader at any step: an idempotent producer with
/// acks(all) and min.insync.replicas 2 neither loses nor duplicates an acknowledged record; a
/// producer that retries without idempotence appends the record of a lost acknowledgement twice.
/// Every step also checks the kernel's invariants, among them that each live replica holds the
/// producers' sequence numbers of its own log.
/// </summary>
public sealed class ReplicatedProducerProperties
{
    /// <summary>The producers and reader of <see cref="ReplicaRestartProperties.Script"/>, on three replicas, of producer kind <paramref name="kind"/>.</summary>
    private static string Script(int partitions, int producers, string kind, string acks) =>
        ReplicaRestartProperties.Script(partitions, 3, producers, acks, $" producers {kind}");

    private static Arbitrary<(int Partitions, int Producers, int LoseAt, int CrashAt, int[] Choices)> Runs =>
        (from partitions in Gen.Choose(1, 2)
         from producers in Gen.Choose(1, 2)
         from loseAt in Gen.Choose(0, 5)
         from crashAt in Gen.Choose(-1, 50)
         from choices in ArbMap.Default.GeneratorFor<int[]>()
         select (partitions, producers, loseAt, crashAt, choices)).ToArbitrary();

    /// <summary>
    /// Runs the program under the choices. The reply to the <paramref name="loseAt"/>-th produce
    /// the scheduler picks whose reply can be lost (counting from 0) is lost; every record is
    /// produced at least once, so a run without a crash loses one when <paramref name="loseAt"/> is
    /// below the records. At step <paramref name="crashAt"/> (-1: never) the broker leading
    /// partition 0 crashes (its own next step restarts it).
    /// </summary>
    private static Kernel Run(string script, int loseAt, int crashAt, int[] choices)
    {
        var kernel = KernelTestKit.NewKernel(script, KernelTestKit.Options with { MaxSteps = 3000 });
        var topic = KernelTestKit.ObjectId(kernel, "t");
        var scheduler = new ChoiceScheduler(choices, []);
        var runnable = new int[kernel.Layout.ThreadCount];
        var losable = 0;
        while (kernel.StepCount < kernel.Options.MaxSteps)
        {
            if (kernel.StepCount == crashAt)
            {
                var leader = kernel.Program.Processes.Single(p => p.Name == $"t-{kernel.TopicReplicas(topic)[0].Leader + 1}").Id;
                if (kernel.WhyCannotCrashProcess(leader) is null)
                {
                    kernel.InjectProcessCrash(leader);
                }
            }

            var n = kernel.CollectRunnable(runnable);
            if (n == 0)
            {
                break;
            }

            var thread = scheduler.ChooseThread(kernel, runnable.AsSpan(0, n));
            if (kernel.NextInstruction(thread)?.Op == Model.OpCode.Produce && kernel.WhyCannotLoseAck(thread) is null && losable++ == loseAt)
            {
                kernel.InjectLostAck(thread);
                continue;
            }

            kernel.Step(thread, scheduler);
        }

        kernel.Conclude();
        return kernel;
    }

    private static string[] LogValues(Kernel kernel) =>
        [.. kernel.TopicPartitions(KernelTestKit.ObjectId(kernel, "t")).SelectMany(p => p.Records).Select(r => kernel.Strings[r.Value])];

    private static string[] Acknowledged(Kernel kernel) =>
        [.. kernel.Events.Where(e => e.Kind == EventKind.ProduceAcknowledged).Select(e => kernel.Strings[e.Value]).Distinct()];

    [Fact]
    public void IdempotentProducer_AcksAllMinIsr2WithALostAckAndOneLeaderCrash_NoAcknowledgedRecordLostOrDuplicated()
    {
        Prop.ForAll(Runs, run =>
        {
            var kernel = Run(Script(run.Partitions, run.Producers, "idempotent", "all"), run.LoseAt, run.CrashAt, run.Choices);
            var log = LogValues(kernel);

            Assert.All(Acknowledged(kernel), value => Assert.Single(log, value));
            Assert.Equal(log.Length, log.Distinct().Count());
            Assert.Equal(run.Producers * 3, log.Length);
        }).Check(KernelTestKit.Config(200));
    }

    [Fact]
    public void IdempotentProducer_AcksOneWithALostAckAndOneLeaderCrash_NoRecordTwiceAndOnlyATruncationLoses()
    {
        Prop.ForAll(Runs, run =>
        {
            var kernel = Run(Script(run.Partitions, run.Producers, "idempotent", "1"), run.LoseAt, run.CrashAt, run.Choices);
            var log = LogValues(kernel);
            var truncated = kernel.Events.Where(e => e.Kind == EventKind.RecordTruncated).Select(e => kernel.Strings[e.Value]).ToHashSet();

            Assert.Equal(log.Length, log.Distinct().Count());
            Assert.All(Acknowledged(kernel).Except(log), value => Assert.Contains(value, truncated));
        }).Check(KernelTestKit.Config(200));
    }

    [Fact]
    public void RetryingProducer_ALostAckWithoutACrash_TheRecordIsAppendedTwice()
    {
        Prop.ForAll(Runs, run =>
        {
            var kernel = Run(Script(run.Partitions, run.Producers, "retrying", "all"), run.LoseAt % (run.Producers * 3), -1, run.Choices);
            var log = LogValues(kernel);
            var lost = kernel.Events.Where(e => e.Kind == EventKind.ReplyLost).Select(e => kernel.Strings[e.Value]).ToArray();

            Assert.Single(lost);
            Assert.Equal(lost, log.GroupBy(v => v).Where(g => g.Count() > 1).Select(g => g.Key));
            Assert.Equal(2, log.Count(v => v == lost[0]));
            Assert.Equal(run.Producers * 3, log.Distinct().Count());
        }).Check(KernelTestKit.Config(200));
    }

    [Fact]
    public void IdempotentProducer_ALostAckWithoutACrash_TheRetryIsDeduplicatedWithTheOffsetItHas()
    {
        Prop.ForAll(Runs, run =>
        {
            var kernel = Run(Script(run.Partitions, run.Producers, "idempotent", "all"), run.LoseAt % (run.Producers * 3), -1, run.Choices);
            var lost = kernel.Events.Single(e => e.Kind == EventKind.ReplyLost);
            var retried = kernel.Events.Single(e => e.Kind == EventKind.RetryDeduplicated);

            Assert.Equal((lost.Thread, lost.Value, LogFields.Partition(lost), LogFields.Offset(lost)), (retried.Thread, retried.Value, LogFields.Partition(retried), LogFields.Offset(retried)));
            Assert.Equal(run.Producers * 3, LogValues(kernel).Length);
        }).Check(KernelTestKit.Config(200));
    }

    /// <summary>
    /// Retention smaller than a follower's lag (a follower starts over at the log start), `retry`
    /// after some sends, and crashes of brokers, producers and whole processes at generated steps:
    /// the invariants (checked after every step) say each live replica holds its log's sequence
    /// numbers, whatever truncated, restarted or started it over; and no record is in a partition twice.
    /// </summary>
    [Fact]
    public void IdempotentProducer_TinyRetentionRetriesAndCrashes_NoRecordTwiceInAPartition()
    {
        var gen =
            from replicas in Gen.Choose(2, 3)
            from retries in Gen.ArrayOf(ArbMap.Default.GeneratorFor<bool>(), 8)
            from acks in Gen.Elements("0", "1", "all")
            from choices in ArbMap.Default.GeneratorFor<int[]>()
            from injections in ArbMap.Default.GeneratorFor<int[]>()
            select (replicas, retries, acks, choices, injections);
        Prop.ForAll(gen.ToArbitrary(), run =>
        {
            var sb = new StringBuilder($"topic t partitions 2 retain 2 replicas {run.replicas} minisr 1 producers idempotent\n");
            for (var p = 1; p <= 2; p++)
            {
                sb.Append($"process shop{p}:\n    thread producer{p}:\n");
                for (var i = 0; i < 4; i++)
                {
                    sb.Append($"        produce t, \"{p}.{i}\", acks({run.acks})\n");
                    sb.Append(run.retries[((p - 1) * 4) + i] ? "        retry t\n" : "");
                }
            }

            var kernel = KernelTestKit.NewKernel(sb.ToString(), KernelTestKit.Options with { MaxSteps = 400 });
            KernelTestKit.DriveWithInjections(kernel, new ChoiceScheduler(run.choices, []), run.injections);
            var truncated = kernel.Events.Where(e => e.Kind == EventKind.RecordTruncated).CountBy(e => e.Value).ToDictionary();

            // Of each value, at most one append outlives the truncations: a retry appends only what a truncation took.
            Assert.All(
                kernel.Events.Where(e => e.Kind is EventKind.RecordAppended or EventKind.RecordRetried).CountBy(e => e.Value),
                appended => Assert.True(appended.Value - truncated.GetValueOrDefault(appended.Key) <= 1, $"{kernel.Strings[appended.Key]} appended {appended.Value} times, truncated {truncated.GetValueOrDefault(appended.Key)}"));
        }).Check(KernelTestKit.Config(200));
    }
}
