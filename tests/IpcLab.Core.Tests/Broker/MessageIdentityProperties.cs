using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Model;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Broker;

/// <summary>
/// A broker message's identity (<see cref="KernelEvent.Message"/>, <see cref="BrokerMessageInfo.Id"/>):
/// two messages with the same body are two messages, each with its own path; every copy keeps the
/// id of the message it was made from, through routing, delivery, requeues, dead-lettering and crashes.
/// </summary>
public sealed class MessageIdentityProperties
{
    private const string SameBodyTwice = """
        broker rabbit capacity 4
        exchange jobs type direct
        bqueue work bind jobs key "k"
        thread producer:
            publish jobs, "k", "resize"
            publish jobs, "k", "resize"
        thread worker:
            consume work
            receive work -> job, tag
            ack tag
        """;

    [Fact]
    public void Path_SameBodyPublishedTwice_IsTwoMessagesEachWithItsOwnPath()
    {
        var kernel = KernelTestKit.NewKernel(SameBodyTwice);
        IpcLab.Core.Scheduling.Runner.Run(kernel, new RoundRobinScheduler());
        var broker = KernelTestKit.ObjectId(kernel, "rabbit");

        var first = MessagePath.Of(kernel, broker, 1);
        var second = MessagePath.Of(kernel, broker, 2);
        Assert.Equal(EventKind.MessagePublished, first[0].Kind);
        Assert.Equal(EventKind.MessagePublished, second[0].Kind);
        Assert.Empty(first.Intersect(second));
        Assert.Equal(MessagePath.Of(kernel, "resize").Count, first.Count + second.Count);

        // The worker took the first and acked it; the second is still ready, and is message 2.
        Assert.Contains(first, e => e.Kind == EventKind.MessageAcked);
        Assert.DoesNotContain(second, e => e.Kind is EventKind.MessageAcked or EventKind.DeliveryTaken);
        Assert.Equal([2L], kernel.BrokerQueueReady(KernelTestKit.ObjectId(kernel, "work")).Select(m => m.Id));
    }

    // A direct exchange to q1 and a fanout to q1 and q2; q1 dead-letters to the fanout. Bodies
    // repeat; the consumer acks, requeues or rejects what it gets, and crashes may be injected.
    private static string Script(int messages, int mask) => $$"""
        broker rabbit capacity 8
        exchange x type direct
        exchange all type fanout
        bqueue q1 bind x key "k" bind all delivery-limit 2 dlx all
        bqueue q2 bind all
        thread producer:
            for i in 1..{{messages}}:
                publish x, "k", "m{i % 2}"
            publish all, "", "m0"
        thread consumer:
            for i in 0..7:
                if i % 2 == 0:
                    get q1 -> v, tag
                else:
                    get q2 -> v, tag
                if tag != 0:
                    if ({{mask}} / (1 + i)) % 3 == 0:
                        ack tag
                    elif ({{mask}} / (1 + i)) % 3 == 1:
                        nack tag
                    else:
                        reject tag, discard
        """;

    [Fact]
    public void Ids_AnyScheduleWithCrashes_EachCopyKeepsTheIdOfTheMessageItCameFrom()
    {
        var runs = from messages in Gen.Choose(1, 4)
                   from mask in Gen.Choose(0, 200)
                   from choices in KernelTestKit.Choices.Generator
                   from injections in KernelTestKit.Choices.Generator
                   select (messages, mask, choices, injections);
        Prop.ForAll(runs.ToArbitrary(), run =>
        {
            var kernel = KernelTestKit.NewKernel(Script(run.messages, run.mask), KernelTestKit.Options with { MaxSteps = 300 });
            KernelTestKit.DriveWithInjections(kernel, new ChoiceScheduler(run.choices, []), run.injections);
            var broker = KernelTestKit.ObjectId(kernel, "rabbit");
            var published = kernel.Events.Where(e => e.Kind == EventKind.MessagePublished).ToArray();

            // Each publish is a new message, numbered in order.
            Assert.Equal(Enumerable.Range(1, published.Length).Select(i => (long)i), published.Select(e => e.Message));
            var bodies = published.ToDictionary(e => e.Message, e => e.Value);

            // Every hop names a published message and keeps its body; each path starts with its publish.
            foreach (var e in kernel.Events.Where(e => MessagePath.IsHop(e.Kind)))
            {
                Assert.InRange(e.Message, 1, published.Length);
                Assert.Equal(bodies[e.Message], e.Value);
            }

            foreach (var id in bodies.Keys)
            {
                Assert.Equal(EventKind.MessagePublished, MessagePath.Of(kernel, broker, id)[0].Kind);
            }

            // A settled tag is the one a delivery of the same message gave, to the same thread.
            var delivered = new Dictionary<(int Thread, long Tag), long>();
            foreach (var e in kernel.Events)
            {
                switch (e.Kind)
                {
                    case EventKind.GetTook:
                        delivered[(e.Thread, e.Count)] = e.Message;
                        break;
                    case EventKind.MessageAcked or EventKind.MessageDiscarded or EventKind.MessageRequeued when e.Thread >= 0 && e.Pc >= 0:
                        Assert.Equal(delivered[(e.Thread, e.Count)], e.Message);
                        break;
                }
            }

            // Every live copy is of a published message, with its body.
            var live = kernel.BrokerInbox(broker)
                .Concat(kernel.Program.Objects.Where(o => o.Kind == ObjectKind.BrokerQueue)
                    .SelectMany(q => kernel.BrokerQueueReady(q.Id).Concat(kernel.BrokerQueueConsumers(q.Id).SelectMany(c => c.Held))));
            Assert.All(live, m => Assert.Equal(kernel.Strings[bodies[m.Id]], m.Body));
        }).QuickCheckThrowOnFailure();
    }
}
