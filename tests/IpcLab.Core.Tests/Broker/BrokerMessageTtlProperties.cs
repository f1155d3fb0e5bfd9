using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Broker;

/// <summary>
/// Per-message TTL (<c>publish ..., ttl(N)</c>) together with a queue's TTL, under generated
/// schedules: the lower of the two applies; a message never leaves for its TTL before that many
/// steps in its queue, nor is fetched after; expired messages leave only from the head of their
/// queue (one behind a live head waits, counted in the queue's length); and every message ends
/// acknowledged, expired or still ready, exactly one of them.
/// </summary>
public sealed class BrokerMessageTtlProperties
{
    private static Gen<(int QueueTtl, int[] Ttls, int Busy, int[] Choices)> Runs =>
        from queueTtl in Gen.Choose(0, 8)
        from ttls in Gen.ArrayOf(Gen.Choose(0, 8), 3)
        from busy in Gen.Choose(0, 8)
        from choices in KernelTestKit.Choices.Generator
        select (queueTtl, ttls, busy, choices);

    private static string Script((int QueueTtl, int[] Ttls, int Busy, int[] Choices) r) =>
        $"""
        broker rabbit capacity 4
        exchange x type fanout
        bqueue q bind x{(r.QueueTtl > 0 ? $" ttl {r.QueueTtl}" : "")}
        thread producer:
        {string.Concat(r.Ttls.Select((ttl, i) => $"    publish x, \"\", \"m{i}\"{(ttl > 0 ? $", ttl({ttl})" : "")}\n"))}
        thread consumer:
            repeat {r.Busy}:
                pass
            repeat 6:
                get q -> v, tag
                if tag != 0:
                    ack tag
        """;

    private static int Applies(int queueTtl, int own) => (queueTtl, own) switch
    {
        (0, _) => own,
        (_, 0) => queueTtl,
        _ => Math.Min(queueTtl, own),
    };

    [Fact]
    public void MessageTtl_AnySchedule_TheLowerTtlAppliesAtTheHeadOnlyAndEachMessageEndsOnce()
    {
        Prop.ForAll(Runs.ToArbitrary(), r =>
        {
            var kernel = KernelTestKit.NewKernel(Script(r), KernelTestKit.Options with { MaxSteps = 2_000 });
            var q = KernelTestKit.ObjectId(kernel, "q");
            var enteredAt = new Dictionary<string, long>();
            var before = kernel.BrokerQueueReady(q).Select(m => m.Body).ToList();
            var seen = 0;
            KernelTestKit.Drive(kernel, new ChoiceScheduler(r.Choices, []), k =>
            {
                var events = k.Events.Skip(seen).ToList();
                seen = k.Events.Count;
                var expired = events.Where(e => e.Kind == EventKind.MessageExpired).Select(e => k.Strings[e.Value]).ToList();
                Assert.True(before.Take(expired.Count).SequenceEqual(expired), $"expired [{string.Join(", ", expired)}] but the queue's head was [{string.Join(", ", before)}]");
                foreach (var e in events.Where(e => e.Kind == EventKind.MessageExpired))
                {
                    var body = k.Strings[e.Value];
                    var ttl = Applies(r.QueueTtl, r.Ttls[body[1] - '0']);
                    Assert.Equal(ttl, e.Count);
                    Assert.True(k.Clock - 1 >= enteredAt[body] + ttl, $"{body} expired at clock {k.Clock} after entering at {enteredAt[body]} with TTL {ttl}");
                }

                var fetched = events.Where(e => e.Kind == EventKind.GetTook).Select(e => k.Strings[e.Value]).ToHashSet();
                foreach (var m in k.BrokerQueueConsumers(q).SelectMany(c => c.Held).Where(m => fetched.Contains(m.Body)))
                {
                    Assert.True(m.Ttl == 0 || m.EnqueuedAt + m.Ttl > k.Clock - 1, $"{m.Body} was fetched at clock {k.Clock - 1}, past its TTL {m.Ttl} from {m.EnqueuedAt}");
                }

                var ready = k.BrokerQueueReady(q);
                foreach (var m in ready)
                {
                    Assert.Equal(Applies(r.QueueTtl, r.Ttls[m.Body[1] - '0']), m.Ttl);
                    enteredAt.TryAdd(m.Body, m.EnqueuedAt);
                }

                before = [.. ready.Select(m => m.Body)];
            });

            var acked = kernel.Events.Where(e => e.Kind == EventKind.MessageAcked).Select(e => kernel.Strings[e.Value]).ToList();
            var gone = kernel.Events.Where(e => e.Kind == EventKind.MessageExpired).Select(e => kernel.Strings[e.Value]).ToList();
            var left = kernel.BrokerQueueReady(q).Select(m => m.Body).Concat(kernel.BrokerInbox(KernelTestKit.ObjectId(kernel, "rabbit")).Select(m => m.Body));
            Assert.Equal(["m0", "m1", "m2"], acked.Concat(gone).Concat(left).Order());
        }).Check(KernelTestKit.Config(300));
    }
}
