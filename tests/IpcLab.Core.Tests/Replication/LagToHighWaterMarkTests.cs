using System.Text.RegularExpressions;
using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Replication;

/// <summary><c>lag(GROUP)</c> counts what a consumer can read: to the high-water mark of a replicated topic, not to the log end.</summary>
public sealed partial class LagToHighWaterMarkTests
{
    [Fact]
    public void Lag_RecordOnlyOnTheLeader_CountsNothingUntilTheMarkPassesIt()
    {
        var k = KernelTestKit.NewKernel("topic t retain 8 replicas 3 minisr 2\nconsumers g on t\nthread p:\n    produce t, 7, acks(1) -> o\n    print lag(g)\n    print lag(g)\n");
        KernelTestKit.StepAll(k, "p", "p");

        Assert.Equal("p prints: 0", KernelTestKit.Sentences(k)[^1]);
        Assert.Equal((1L, 0L), (k.TopicPartitions(0)[0].End, k.TopicReplicas(0)[0].HighWaterMark));

        KernelTestKit.StepAll(k, "t-2", "t-3", "p");
        Assert.Equal("p prints: 1", KernelTestKit.Sentences(k)[^2]);
    }

    [Fact]
    public void Lag_TopicWithoutReplicas_CountsToTheLogEnd()
    {
        var k = KernelTestKit.NewKernel("topic t retain 8\nconsumers g on t\nthread p:\n    produce t, 7\n    print lag(g)\n");
        KernelTestKit.StepAll(k, "p", "p");

        Assert.Equal("p prints: 1", KernelTestKit.Sentences(k)[^2]);
    }

    /// <summary>
    /// At every state of generated runs (a watcher reading <c>lag(g)</c> while records are produced,
    /// copied, polled and committed, and a broker may crash), the lag the script reads is the sum
    /// over the partitions of the high-water mark minus the committed offset (or the log start),
    /// as the kernel's queries give them.
    /// </summary>
    [Fact]
    public void Lag_AnyScheduleAndCrash_IsTheHighWaterMarkMinusTheCommittedOffsets()
    {
        const string script = """
            topic t partitions 2 retain 8 replicas 3 minisr 2
            consumers g on t
            thread shop:
                for i in 1..4:
                    produce t, i, acks(1)
            thread reader:
                subscribe g
                repeat 2:
                    poll g -> v
                    commit g
            thread watcher:
                repeat 12:
                    seen = lag(g)
            """;
        var program = KernelTestKit.Compile(script);
        Prop.ForAll(KernelTestKit.Choices, KernelTestKit.Choices, (choices, injections) =>
        {
            var kernel = KernelTestKit.NewKernel(program);
            var compared = 0;
            KernelTestKit.DriveWithInjections(kernel, new ChoiceScheduler(choices, []), [.. injections.Select(i => i % 31 == 30 ? i : Math.Abs(i % 28))], k =>
            {
                if (k.Events.Count == 0 || k.Events[^1].Step != k.StepCount
                    || SeenSet().Match(KernelTestKit.Describe(k, k.Events[^1])) is not { Success: true } seen)
                {
                    return;
                }

                var replicas = k.TopicReplicas(0);
                var logs = k.TopicPartitions(0);
                var expected = k.ConsumerGroupPartitions(1).Select((gp, p) => Math.Max(0, replicas[p].HighWaterMark - (gp.Committed >= 0 ? gp.Committed : logs[p].Start))).Sum();
                Assert.Equal(expected, long.Parse(seen.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture));
                compared++;
            });

            Assert.True(compared > 0 || kernel.StatusOf(KernelTestKit.ThreadId(kernel, "watcher")) != ThreadStatus.Finished);
        }).Check(KernelTestKit.Config(150));
    }

    [GeneratedRegex("^watcher sets seen = (\\d+)$")]
    private static partial Regex SeenSet();
}
