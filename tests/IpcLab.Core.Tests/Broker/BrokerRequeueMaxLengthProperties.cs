using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Broker;

/// <summary>
/// A requeue into a queue at its maximum length, as RabbitMQ's classic queue does it: the message
/// goes back to its place, then overflow drop-head drops heads until the queue is within its
/// length (the requeued message itself when it is the head), while reject-publish keeps it and
/// stays over its length, by requeued messages only, refusing new copies until consumers catch up.
/// </summary>
public sealed class BrokerRequeueMaxLengthProperties
{
    private static Gen<(int Max, bool DropHead, int Messages, int NackMask, int[] Choices)> Runs =>
        from max in Gen.Choose(1, 3)
        from dropHead in ArbMap.Default.GeneratorFor<bool>()
        from messages in Gen.Choose(1, 6)
        from mask in Gen.Choose(0, 15)
        from choices in KernelTestKit.Choices.Generator
        select (max, dropHead, messages, mask, choices);

    // Two consumers with prefetch 2 hold messages while the producer fills the queue; each nacks
    // (requeue) or rejects (requeue) the deliveries the mask picks, and acks the others.
    private static string Script((int Max, bool DropHead, int Messages, int NackMask, int[] Choices) r) => $$"""
        broker rabbit capacity 8
        exchange x type direct
        bqueue q bind x key "k" maxlength {{r.Max}} overflow {{(r.DropHead ? "drop-head" : "reject-publish")}}
        thread producer:
            for i in 1..{{r.Messages}}:
                publish x, "k", "m{i}"
        thread consumer * 2:
            consume q, 2
            for i in 0..2:
                receive q -> v, tag
                if ({{r.NackMask}} / (1 + i)) % 2 == 1:
                    nack tag
                else:
                    ack tag
        """;

    [Fact]
    public void Requeue_IntoAFullQueue_DropHeadStaysWithinTheLengthAndRejectPublishGoesOverOnlyByRequeues()
    {
        Prop.ForAll(Runs.ToArbitrary(), r =>
        {
            var kernel = KernelTestKit.NewKernel(Script(r), KernelTestKit.Options with { MaxSteps = 600 });
            var q = KernelTestKit.ObjectId(kernel, "q");
            KernelTestKit.Drive(kernel, new ChoiceScheduler(r.Choices, []), k =>
            {
                var ready = k.BrokerQueueReady(q);
                var over = ready.Count - r.Max;
                Assert.True(over <= (r.DropHead ? 0 : ready.Count(m => m.Deliveries > 0)), $"q holds {ready.Count} ready, over {r.Max}");
            });
            var (routed, acked, _, _) = kernel.BrokerQueueBooks(q);
            var (_, _, dropped, refused) = kernel.BrokerQueueLimits(q);
            var held = kernel.BrokerQueueConsumers(q).Sum(c => c.Held.Count);
            Assert.Equal(routed, kernel.BrokerQueueReady(q).Count + held + acked + dropped + refused);
            Assert.Equal(0, r.DropHead ? refused : dropped);
        }).Check(KernelTestKit.Config(200));
    }

    [Theory]
    [InlineData("drop-head", "the requeue puts q over its maximum length (1): the broker drops its head \"m1\" (overflow drop-head, as RabbitMQ does after a requeue)", new[] { "m2" })]
    [InlineData("reject-publish", null, new[] { "m1", "m2" })]
    public void Requeue_HeldMessageIntoAFullQueue_FollowsTheOverflow(string overflow, string? dropped, string[] ready)
    {
        var kernel = KernelTestKit.NewKernel($$"""
            broker rabbit capacity 4
            exchange x type direct
            bqueue q bind x key "k" maxlength 1 overflow {{overflow}}
            thread worker:
                get q -> v, tag
                while tag == 0:
                    get q -> v, tag
                publish x, "k", "m2"
                repeat 3:
                    pass
                nack tag
            thread producer:
                publish x, "k", "m1"
            """);
        KernelTestKit.Drive(kernel, new RoundRobinScheduler());
        var q = KernelTestKit.ObjectId(kernel, "q");

        Assert.Equal(ready, kernel.BrokerQueueReady(q).Select(m => m.Body));
        var drops = kernel.Events.Where(e => e.Kind == EventKind.MessageDroppedHead).Select(e => KernelTestKit.Describe(kernel, e)).ToArray();
        Assert.Equal(dropped is null ? [] : [dropped], drops);
        Assert.Empty(kernel.Findings);
    }
}
