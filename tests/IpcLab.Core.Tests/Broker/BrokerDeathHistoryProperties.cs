using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Broker;

/// <summary>
/// The death history (RabbitMQ's x-death) over generated dead-letter topologies, cycles included,
/// and schedules: every live message's history equals the one a reference written here from the
/// events builds (one entry per queue and reason, counted, moved to the front when counted again,
/// with the exchange and key of its first death), every dead-lettering carries its reason, and a
/// dead letter is kept out of a queue exactly when the reference's cycle rule says so.
/// </summary>
public sealed class BrokerDeathHistoryProperties
{
    private sealed record Shape(int Ttl1, int Ttl2, int Max1, string Dlx1, string Dlx2, string DlKey2, int Messages, int RejectMask);

    private static Gen<Shape> Shapes =>
        from ttl1 in Gen.Choose(0, 4)
        from ttl2 in Gen.Choose(0, 4)
        from max1 in Gen.Choose(0, 2)
        from dlx1 in Gen.Elements("a", "b")
        from dlx2 in Gen.Elements("a", "b")
        from dlkey2 in Gen.Elements("", "k", "other")
        from messages in Gen.Choose(1, 4)
        from mask in Gen.Choose(0, 63)
        select new Shape(ttl1, ttl2, max1, dlx1, dlx2, dlkey2, messages, mask);

    // Exchange a routes to q1, b to q2; each queue dead-letters to a or b, so a message may go
    // round q1 → q2 → q1, or from a queue back into itself. The consumer rejects (without requeue)
    // the gets the mask picks, and acks the others.
    private static string Script(Shape s) => $$"""
        broker rabbit capacity 6
        exchange x type direct
        exchange a type direct
        exchange b type direct
        bqueue q1 bind x key "k" bind a key "k"{{(s.Ttl1 > 0 ? $" ttl {s.Ttl1}" : "")}}{{(s.Max1 > 0 ? $" maxlength {s.Max1}" : "")}} dlx {{s.Dlx1}}
        bqueue q2 bind b key "k" bind b key "other"{{(s.Ttl2 > 0 ? $" ttl {s.Ttl2}" : "")}} dlx {{s.Dlx2}}{{(s.DlKey2.Length > 0 ? $" dlkey \"{s.DlKey2}\"" : "")}}
        thread producer:
            for i in 1..{{s.Messages}}:
                publish x, "k", "m{i}"
        thread consumer:
            for i in 0..5:
                if i % 2 == 0:
                    get q1 -> v, tag
                else:
                    get q2 -> v, tag
                if tag != 0:
                    if ({{s.RejectMask}} / (1 + i * i)) % 2 == 1:
                        reject tag, discard
                    else:
                        ack tag
        """;

    [Fact]
    public void DeathHistory_AnyTopologyAndSchedule_MatchesTheReferenceBuiltFromTheEvents()
    {
        var runs = from shape in Shapes
                   from choices in KernelTestKit.Choices.Generator
                   select (shape, choices);
        Prop.ForAll(runs.ToArbitrary(), run =>
        {
            var (shape, choices) = run;
            var kernel = KernelTestKit.NewKernel(Script(shape), KernelTestKit.Options with { MaxSteps = 400 });
            KernelTestKit.Drive(kernel, new ChoiceScheduler(choices, []), _ => { });
            var reference = Reference(kernel);

            var broker = KernelTestKit.ObjectId(kernel, "rabbit");
            var live = kernel.BrokerInbox(broker)
                .Concat(kernel.Program.Objects.Where(o => o.Kind == Model.ObjectKind.BrokerQueue)
                    .SelectMany(q => kernel.BrokerQueueReady(q.Id).Concat(kernel.BrokerQueueConsumers(q.Id).SelectMany(c => c.Held))));
            foreach (var m in live)
            {
                Assert.Equal(reference[m.Body], m.History);
                Assert.Equal(m.History.Sum(d => d.Count), m.Deaths);
                Assert.Equal(m.History.Count == 0 ? DeathReason.None : m.History[0].Reason, m.LastDeath);
            }

            Assert.Empty(kernel.Findings);
        }).Check(KernelTestKit.Config(300));
    }

    [Fact]
    public void DeathHistory_CycleThroughTwoQueues_CountsEachQueueAndDropsTheMessageAtTheQueueItDiedIn()
    {
        var kernel = KernelTestKit.NewKernel("""
            broker rabbit capacity 2
            exchange a type direct
            exchange b type direct
            bqueue q1 bind a key "k" ttl 2 dlx b
            bqueue q2 bind b key "k" ttl 2 dlx a
            thread publisher:
                publish a, "k", "m"
                repeat 20:
                    pass
            """);
        KernelTestKit.Drive(kernel, new RoundRobinScheduler());
        var (q1, q2) = (KernelTestKit.ObjectId(kernel, "q1"), KernelTestKit.ObjectId(kernel, "q2"));
        var deaths = kernel.Events.Where(e => e.Kind == EventKind.MessageDeadLettered).ToArray();
        Assert.Equal([(q1, KernelTestKit.ObjectId(kernel, "b")), (q2, KernelTestKit.ObjectId(kernel, "a"))], deaths.Select(e => (e.Object, e.Other)));
        var cycle = Assert.Single(kernel.Events, e => e.Kind == EventKind.DeadLetterCycle);
        Assert.Equal(q1, cycle.Object);
        Assert.Equal(
            "rabbit does not route \"m\" from a into q1: it died in q1 before (expired, x1) and no death since was a rejection, a dead-letter cycle, so q1 never gets it back",
            KernelTestKit.Describe(kernel, cycle));
        Assert.Empty(kernel.BrokerQueueReady(q1).Concat(kernel.BrokerQueueReady(q2)));
        Assert.Empty(kernel.Findings);
    }

    [Fact]
    public void DeathHistory_RejectionInTheCycle_LetsTheMessageGoRoundAndCountsEachDeath()
    {
        var kernel = KernelTestKit.NewKernel("""
            broker rabbit capacity 2
            exchange a type direct
            bqueue q1 bind a key "k" dlx a
            thread publisher:
                publish a, "k", "m"
            thread consumer:
                repeat 3:
                    get q1 -> v, tag
                    while tag == 0:
                        get q1 -> v, tag
                    reject tag, discard
            """);
        KernelTestKit.Drive(kernel, new RoundRobinScheduler());
        var q1 = KernelTestKit.ObjectId(kernel, "q1");
        var m = Assert.Single(kernel.BrokerQueueReady(q1));
        Assert.Equal([new DeathEntry(q1, DeathReason.Rejected, 3, KernelTestKit.ObjectId(kernel, "a"), "k")], m.History);
        Assert.DoesNotContain(kernel.Events, e => e.Kind == EventKind.DeadLetterCycle);
    }

    /// <summary>Each message's x-death as RabbitMQ would build it from what the events say happened to it; the cycle rule checked on the way.</summary>
    private static Dictionary<string, IReadOnlyList<DeathEntry>> Reference(Kernel kernel)
    {
        var history = new Dictionary<string, List<DeathEntry>>();
        var exchange = new Dictionary<string, int>();
        var key = new Dictionary<string, string>();
        foreach (var e in kernel.Events)
        {
            var body = MessagePath.IsHop(e.Kind) ? kernel.Strings[e.Value] : null;
            switch (e.Kind)
            {
                case EventKind.MessagePublished:
                    (history[body!], exchange[body!], key[body!]) = ([], e.Object, kernel.Strings[e.Other]);
                    break;
                case EventKind.MessageDeadLettered when e.Other >= 0:
                    var h = history[body!];
                    var reason = (DeathReason)(e.Count & 0xF);
                    var at = h.FindIndex(d => d.Queue == e.Object && d.Reason == reason);
                    var entry = at < 0 ? new DeathEntry(e.Object, reason, 1, exchange[body!], key[body!]) : h[at] with { Count = h[at].Count + 1 };
                    if (at >= 0)
                    {
                        h.RemoveAt(at);
                    }

                    h.Insert(0, entry);
                    Assert.Equal(entry.Count, e.Count >> 4);
                    exchange[body!] = e.Other;
                    if (kernel.Program.Objects[e.Object].DeadLetter!.Key is { } dlkey)
                    {
                        key[body!] = dlkey;
                    }

                    break;
                case EventKind.MessageRouted when history[body!].Count > 0:
                    Assert.False(IsCycle(history[body!], e.Object), $"{body} was routed into {e.Object} through a dead-letter cycle");
                    break;
                case EventKind.DeadLetterCycle:
                    Assert.True(IsCycle(history[body!], e.Object), $"{body} was kept out of {e.Object} but that is no cycle");
                    break;
            }
        }

        return history.ToDictionary(p => p.Key, p => (IReadOnlyList<DeathEntry>)p.Value);
    }

    // Written from RabbitMQ's rule, not from the kernel's code: the newest death was no
    // rejection, the queue is in the history, and no entry up to its newest one is a rejection.
    private static bool IsCycle(List<DeathEntry> history, int queue)
    {
        var upTo = history.FindIndex(d => d.Queue == queue);
        return upTo >= 0 && history.Take(upTo + 1).All(d => d.Reason != DeathReason.Rejected);
    }
}
