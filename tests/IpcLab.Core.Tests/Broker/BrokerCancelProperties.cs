using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Broker;

/// <summary>
/// <c>cancel</c> (basic.cancel) under generated schedules: the broker pushes nothing to a consumer
/// after its cancel; what it held stays with its channel, to be acked, nacked back, or requeued
/// when the channel closes; and a drain that pulls afterwards makes every message processed
/// exactly once.
/// </summary>
public sealed class BrokerCancelProperties
{
    private sealed record Shape(int Messages, int Prefetch, bool Settle, int NackMask);

    private static Gen<Shape> Shapes =>
        from messages in Gen.Choose(1, 5)
        from prefetch in Gen.Choose(0, 3)
        from settle in ArbMap.Default.GeneratorFor<bool>()
        from mask in Gen.Choose(0, 15)
        select new Shape(messages, prefetch, settle, mask);

    private static string Script(Shape s) => $$"""
        broker rabbit capacity 8
        exchange x type direct
        bqueue q bind x key "k"
        semaphore queued, done
        thread producer:
            for i in 1..{{s.Messages}}:
                publish x, "k", "m{i}", confirm
            V queued
        thread worker:
            P queued
            consume q, {{s.Prefetch}}
            receive q -> v, tag
            ack tag
            cancel q
        {{(s.Settle ? $"    for i in 0..5:\n        if unacked(q) > 0:\n            receive q -> w, t2\n            if ({s.NackMask} / (1 + i)) % 2 == 1:\n                nack t2\n            else:\n                ack t2\n" : "")}}    V done
        thread drain:
            P done
            while ready(q) > 0:
                get q -> v, tag
                ack tag
        """;

    [Fact]
    public void Cancel_AnySchedule_NoPushAfterItAndEveryMessageProcessedOnce()
    {
        var runs = from shape in Shapes
                   from choices in KernelTestKit.Choices.Generator
                   select (shape, choices);
        Prop.ForAll(runs.ToArbitrary(), run =>
        {
            var (shape, choices) = run;
            var kernel = KernelTestKit.NewKernel(Script(shape), KernelTestKit.Options with { MaxSteps = 1_000 });
            KernelTestKit.Drive(kernel, new ChoiceScheduler(choices, []), _ => { });
            var worker = KernelTestKit.ThreadId(kernel, "worker");
            var events = kernel.Events;
            var cancelled = events.ToList().FindIndex(e => e.Kind == EventKind.ConsumeCancelled);
            Assert.True(cancelled >= 0, "the worker cancels");
            Assert.DoesNotContain(events.Skip(cancelled), e => e.Kind is EventKind.MessagePushed or EventKind.MessageRedelivered && e.Other == worker);

            // What it held at the cancel is settled by the worker, or goes back when its channel closes.
            var heldAtCancel = events[cancelled].Value;
            var settledAfter = events.Skip(cancelled).Count(e => e.Thread == worker && e.Kind is EventKind.MessageAcked or EventKind.MessageRequeued);
            Assert.Equal(heldAtCancel, settledAfter);
            Assert.Equal(shape.Settle ? 0 : heldAtCancel, events.Count(e => e.Kind == EventKind.MessageRequeued && e.Other == 2));

            var acked = events.Where(e => e.Kind == EventKind.MessageAcked).Select(e => kernel.Strings[e.Value]).Order(StringComparer.Ordinal);
            Assert.Equal(Enumerable.Range(1, shape.Messages).Select(i => $"m{i}").Order(StringComparer.Ordinal), acked);
            Assert.Empty(kernel.Findings);
        }).Check(KernelTestKit.Config(300));
    }

    [Theory]
    [InlineData("thread t:\n    cancel q\n", "cancels its consumer of q, but it does not consume from it: NOT_FOUND, the broker closes the channel")]
    [InlineData("thread t:\n    consume q\n    cancel q\n    cancel q\n", "cancels its consumer of q, but it does not consume from it any more (cancelled already): NOT_FOUND, the broker closes the channel")]
    [InlineData("thread t:\n    consume q\n    cancel q\n    receive q -> v, tag\n", "receives from q after cancelling its consumer, and nothing pushed before is left: the broker pushes it nothing more (consume again, or pull with `get`)")]
    public void Cancel_Misuse_FaultsTheThreadWithAClearReason(string thread, string fault)
    {
        var kernel = KernelTestKit.NewKernel("broker b capacity 2\nexchange x type direct\nbqueue q bind x\n" + thread);
        KernelTestKit.Drive(kernel, new Scheduling.RoundRobinScheduler());

        var finding = Assert.Single(kernel.Findings);
        Assert.Equal(FindingKind.Fault, finding.Kind);
        Assert.Contains(fault, finding.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void Compile_CancelWithoutAQueue_ReportsPosition() =>
        Compilation.ScriptErrorAssert.At("broker b capacity 2\nexchange x type direct\nbqueue q bind x\nthread t:\n    cancel x\n", 5, 12, "cancel expects a broker queue, but x is a broker exchange (declared at line 2)");
}
