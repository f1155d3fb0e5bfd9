using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Broker;

/// <summary>
/// A queue with a TTL, a maximum length and a dead-letter exchange, under generated schedules:
/// every copy ends acknowledged or is still somewhere in the broker (nothing vanishes, whatever
/// expired, overflowed or was rejected), and every message in the dead-letter queue carries the
/// reason its dead-letter event gave.
/// </summary>
public sealed class BrokerDeadLetterProperties
{
    private static Gen<(int Ttl, int Max, bool RejectPublish, int Messages)> Shapes =>
        from ttl in Gen.Choose(0, 8)
        from max in Gen.Choose(0, 3)
        from rejectPublish in Gen.Elements(false, true)
        from messages in Gen.Choose(1, 5)
        select (ttl, max, rejectPublish, messages);

    private static string Script((int Ttl, int Max, bool RejectPublish, int Messages) r) => $$"""
        broker rabbit capacity 6
        exchange x type fanout
        exchange dead type direct
        bqueue q bind x{{(r.Ttl > 0 ? $" ttl {r.Ttl}" : "")}}{{(r.Max > 0 ? $" maxlength {r.Max} overflow {(r.RejectPublish ? "reject-publish-dlx" : "drop-head")}" : "")}} dlx dead dlkey "d"
        bqueue dlq bind dead key "d"
        thread producer:
            for i in 1..{{r.Messages}}:
                publish x, "", "m{i}"
        thread consumer:
            repeat {{r.Messages}}:
                get q -> v, tag
                if tag != 0:
                    if v == "m1":
                        reject tag, discard
                    else:
                        ack tag
        """;

    [Fact]
    public void DeadLetters_AnySchedule_NothingVanishesAndEachCarriesItsReason()
    {
        var runs = from shape in Shapes
                   from choices in KernelTestKit.Choices.Generator
                   select (shape, choices);
        Prop.ForAll(runs.ToArbitrary(), run =>
        {
            var (r, choices) = run;
            var kernel = KernelTestKit.NewKernel(Script(r), KernelTestKit.Options with { MaxSteps = 2_000 });
            KernelTestKit.Drive(kernel, new ChoiceScheduler(choices, []), _ => { });
            var broker = KernelTestKit.ObjectId(kernel, "rabbit");
            var (q, dlq) = (KernelTestKit.ObjectId(kernel, "q"), KernelTestKit.ObjectId(kernel, "dlq"));
            var acked = kernel.Events.Where(e => e.Kind == EventKind.MessageAcked).Select(e => kernel.Strings[e.Value]);
            var inBroker = kernel.BrokerInbox(broker).Concat(kernel.BrokerQueueReady(q)).Concat(kernel.BrokerQueueReady(dlq)).Select(m => m.Body);
            Assert.Equal(Enumerable.Range(1, r.Messages).Select(i => $"m{i}").Order(), acked.Concat(inBroker).Order());

            var reasons = kernel.Events.Where(e => e.Kind == EventKind.MessageDeadLettered)
                .ToDictionary(e => kernel.Strings[e.Value], e => (DeathReason)(e.Count & 0xF));
            Assert.All(kernel.BrokerQueueReady(dlq), m =>
            {
                Assert.Equal(reasons[m.Body], m.LastDeath);
                Assert.Equal(1, m.Deaths);
                Assert.Equal("d", m.Key);
            });

            // Each dead-lettering follows, in the same step, the event that ended the copy in q.
            var events = kernel.Events;
            for (var i = 0; i < events.Count; i++)
            {
                if (events[i].Kind == EventKind.MessageDeadLettered)
                {
                    var expected = events[i - 1].Kind switch
                    {
                        EventKind.MessageDiscarded => DeathReason.Rejected,
                        EventKind.MessageExpired => DeathReason.Expired,
                        EventKind.MessageDroppedHead or EventKind.MessageRefused => DeathReason.Maxlen,
                        var other => throw new InvalidOperationException($"a dead letter after {other}"),
                    };
                    Assert.Equal(expected, (DeathReason)(events[i].Count & 0xF));
                    Assert.Equal(events[i - 1].Value, events[i].Value);
                }
            }

            Assert.Empty(kernel.Findings);
        }).Check(KernelTestKit.Config(200));
    }
}
