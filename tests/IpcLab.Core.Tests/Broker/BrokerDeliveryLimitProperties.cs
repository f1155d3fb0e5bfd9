using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Broker;

/// <summary>
/// A queue with <c>delivery-limit L</c> and a dead-letter exchange, under generated schedules and
/// consumer crashes: no copy is delivered more than L + 1 times; a copy is taken out of the queue
/// exactly when it comes back for the (L + 1)-th time, whether a consumer rejects it or crashes
/// holding it; it reaches the dead-letter queue carrying the reason delivery_limit; and every
/// message ends acknowledged, in the dead-letter queue, or still in the broker.
/// </summary>
public sealed class BrokerDeliveryLimitProperties
{
    private static Gen<(int Limit, int Messages, int Prefetch, int[] Choices, int[] Crashes)> Runs =>
        from limit in Gen.Choose(1, 3)
        from messages in Gen.Choose(1, 3)
        from prefetch in Gen.Choose(0, 2)
        from choices in KernelTestKit.Choices.Generator
        from crashes in KernelTestKit.Choices.Generator
        select (limit, messages, prefetch, choices, crashes);

    // m1 is the poison message: the worker always rejects it; the others are acked.
    private static string Script((int Limit, int Messages, int Prefetch, int[] Choices, int[] Crashes) r) => $$"""
        broker rabbit capacity 6
        exchange x type fanout
        exchange dead type fanout
        bqueue q bind x delivery-limit {{r.Limit}} dlx dead
        bqueue dlq bind dead
        thread producer:
            for i in 1..{{r.Messages}}:
                publish x, "", "m{i}"
        process workers:
            thread worker:
                consume q, {{r.Prefetch}}
                repeat 8:
                    receive q -> v, tag
                    if v == "m1":
                        reject tag
                    else:
                        ack tag
        """;

    [Fact]
    public void DeliveryLimit_AnyScheduleAndCrashes_PoisonedAfterLimitPlusOneDeliveriesWithItsReason()
    {
        Prop.ForAll(Runs.ToArbitrary(), r =>
        {
            var kernel = KernelTestKit.NewKernel(Script(r), KernelTestKit.Options with { MaxSteps = 2_000 });
            KernelTestKit.DriveWithInjections(kernel, new ChoiceScheduler(r.Choices, []), r.Crashes);
            var events = kernel.Events.ToList();
            string Body(KernelEvent e) => kernel.Strings[e.Value];

            var deliveries = events.Where(e => e.Kind is EventKind.MessagePushed or EventKind.MessageRedelivered).GroupBy(Body).ToDictionary(g => g.Key, g => g.Count());
            Assert.All(deliveries, d => Assert.True(d.Value <= r.Limit + 1, $"{d.Key} was delivered {d.Value} times with delivery-limit {r.Limit}"));

            foreach (var e in events.Where(e => e.Kind == EventKind.MessagePoisoned))
            {
                Assert.Equal(r.Limit + 1, e.Count);
                Assert.Equal(r.Limit + 1, deliveries[Body(e)]);
            }

            var poisoned = events.Where(e => e.Kind == EventKind.MessagePoisoned).Select(Body).ToList();
            var diverted = events.Where(e => e.Kind == EventKind.MessageDeadLettered && e.Other >= 0).ToList();
            Assert.Equal(poisoned, diverted.Select(Body));
            Assert.All(diverted, e => Assert.Equal(DeathReason.DeliveryLimit, (DeathReason)(e.Count & 0xF)));
            var dlq = KernelTestKit.ObjectId(kernel, "dlq");
            Assert.All(kernel.BrokerQueueReady(dlq), m => Assert.Equal(DeathReason.DeliveryLimit, m.LastDeath));

            // Nothing vanishes: acked, still somewhere in the broker (the dead-letter queue included),
            // or lost, with an event, by a restart of the broker (its process crashed: these queues are transient).
            var acked = events.Where(e => e.Kind is EventKind.MessageAcked or EventKind.MessageLostInRestart).Select(Body);
            var q = KernelTestKit.ObjectId(kernel, "q");
            var held = new[] { q, dlq }.SelectMany(id => kernel.BrokerQueueReady(id).Concat(kernel.BrokerQueueConsumers(id).SelectMany(c => c.Held)));
            var inBroker = held.Concat(kernel.BrokerInbox(KernelTestKit.ObjectId(kernel, "rabbit"))).Select(m => m.Body);
            var published = events.Where(e => e.Kind == EventKind.MessagePublished).Select(Body);
            Assert.Equal(published.Order(), acked.Concat(inBroker).Order());
        }).Check(KernelTestKit.Config(300));
    }
}
