using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Broker;

/// <summary>
/// A queue with a maximum length, under generated schedules: it never holds more ready messages
/// than that; with nobody reading, drop-head keeps the newest and reject-publish the oldest, and
/// every copy that reached it is ready or counted dropped or refused.
/// </summary>
public sealed class BrokerMaxLengthProperties
{
    private static Gen<(int Max, bool DropHead, int Messages, bool Consumer, int[] Choices)> Runs =>
        from max in Gen.Choose(1, 3)
        from dropHead in ArbMap.Default.GeneratorFor<bool>()
        from messages in Gen.Choose(1, 6)
        from consumer in ArbMap.Default.GeneratorFor<bool>()
        from choices in KernelTestKit.Choices.Generator
        select (max, dropHead, messages, consumer, choices);

    private static string Script((int Max, bool DropHead, int Messages, bool Consumer, int[] Choices) r) => $$"""
        broker rabbit capacity 8
        exchange x type direct
        bqueue q bind x key "k" maxlength {{r.Max}} overflow {{(r.DropHead ? "drop-head" : "reject-publish")}}
        thread producer:
            for i in 1..{{r.Messages}}:
                publish x, "k", "m{i}"
        {{(r.Consumer ? "thread consumer:\n    consume q, 1\n    repeat 2:\n        receive q -> v, tag\n        ack tag\n" : "")}}
        """;

    [Fact]
    public void MaxLength_AnySchedule_NeverExceededAndEveryCopyAccountedFor()
    {
        Prop.ForAll(Runs.ToArbitrary(), r =>
        {
            var kernel = KernelTestKit.NewKernel(Script(r), KernelTestKit.Options with { MaxSteps = 2_000 });
            var q = KernelTestKit.ObjectId(kernel, "q");
            KernelTestKit.Drive(kernel, new ChoiceScheduler(r.Choices, []), k =>
                Assert.True(k.BrokerQueueReady(q).Count <= r.Max, $"q holds {k.BrokerQueueReady(q).Count} ready, over {r.Max}"));
            var (routed, acked, _, _) = kernel.BrokerQueueBooks(q);
            var (_, _, dropped, refused) = kernel.BrokerQueueLimits(q);
            var held = kernel.BrokerQueueConsumers(q).Sum(c => c.Held.Count);
            Assert.Equal(routed, kernel.BrokerQueueReady(q).Count + held + acked + dropped + refused);
            Assert.Equal(0, r.DropHead ? refused : dropped);
        }).Check(KernelTestKit.Config(200));
    }

    [Fact]
    public void MaxLength_NobodyReads_DropHeadKeepsTheNewestAndRejectPublishTheOldest()
    {
        Prop.ForAll(Runs.ToArbitrary(), r =>
        {
            var run = r with { Consumer = false };
            var kernel = KernelTestKit.NewKernel(Script(run));
            KernelTestKit.Drive(kernel, new ChoiceScheduler(run.Choices, []));
            var all = Enumerable.Range(1, run.Messages).Select(i => $"m{i}").ToArray();
            var kept = run.DropHead ? all.TakeLast(run.Max) : all.Take(run.Max);
            Assert.Equal(kept, kernel.BrokerQueueReady(KernelTestKit.ObjectId(kernel, "q")).Select(m => m.Body));
        }).Check(KernelTestKit.Config(200));
    }
}
