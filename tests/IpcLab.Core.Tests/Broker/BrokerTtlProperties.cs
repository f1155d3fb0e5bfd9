using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Broker;

/// <summary>
/// A queue with a message TTL, under generated schedules: no message is pushed to a consumer after
/// its TTL has passed, every copy ends acknowledged, expired or still in the broker (never both
/// acknowledged and expired), and an idle broker sleeps until the next expiry when nothing else
/// can run.
/// </summary>
public sealed class BrokerTtlProperties
{
    private static Gen<(int Ttl, int Messages, int Busy, int[] Choices)> Runs =>
        from ttl in Gen.Choose(1, 8)
        from messages in Gen.Choose(1, 4)
        from busy in Gen.Choose(0, 6)
        from choices in KernelTestKit.Choices.Generator
        select (ttl, messages, busy, choices);

    private static string Script((int Ttl, int Messages, int Busy, int[] Choices) r) => $$"""
        broker rabbit capacity 4
        exchange x type fanout
        bqueue q bind x ttl {{r.Ttl}}
        thread producer:
            for i in 1..{{r.Messages}}:
                publish x, "", "m{i}"
        thread consumer:
            repeat {{r.Busy}}:
                pass
            consume q, 1
            while acked(q) + expired(q) < {{r.Messages}}:
                receive q -> v, tag
                ack tag
        """;

    [Fact]
    public void Ttl_AnySchedule_NothingPushedStaleAndEveryCopyAckedOrExpiredOnce()
    {
        Prop.ForAll(Runs.ToArbitrary(), r =>
        {
            var kernel = KernelTestKit.NewKernel(Script(r), KernelTestKit.Options with { MaxSteps = 2_000 });
            var q = KernelTestKit.ObjectId(kernel, "q");
            var seen = 0;
            KernelTestKit.Drive(kernel, new ChoiceScheduler(r.Choices, []), k =>
            {
                foreach (var e in k.Events.Skip(seen).Where(e => e.Kind is EventKind.MessagePushed or EventKind.MessageRedelivered))
                {
                    var pushed = k.BrokerQueueConsumers(q).SelectMany(c => c.Held).Single(m => m.Tag == e.Count);
                    Assert.True(pushed.EnqueuedAt + r.Ttl >= k.Clock, $"{pushed.Body} entered at {pushed.EnqueuedAt} and was pushed at clock {k.Clock - 1}, past its TTL {r.Ttl}");
                }

                seen = k.Events.Count;
            });
            var acked = kernel.Events.Where(e => e.Kind == EventKind.MessageAcked).Select(e => kernel.Strings[e.Value]).ToArray();
            var expired = kernel.Events.Where(e => e.Kind == EventKind.MessageExpired).Select(e => kernel.Strings[e.Value]).ToArray();
            Assert.Empty(acked.Intersect(expired));
            Assert.Equal(Enumerable.Range(1, r.Messages).Select(i => $"m{i}").Order(), acked.Concat(expired).Order());

            // The consumer's loop may check its condition just before the last copy expires, then
            // wait for a delivery that will never come: the script's race, reported as a deadlock.
            Assert.All(kernel.Findings, f => Assert.Equal(FindingKind.Deadlock, f.Kind));
        }).Check(KernelTestKit.Config(200));
    }

    [Fact]
    public void Ttl_NothingElseCanRun_TheIdleBrokerSleepsUntilTheExpiry()
    {
        var kernel = KernelTestKit.NewKernel("""
            broker rabbit capacity 2
            exchange x type fanout
            bqueue q bind x ttl 30
            thread p:
                publish x, "", "m"
            expect expired(q) == 1
            """);

        KernelTestKit.Drive(kernel, new ChoiceScheduler([], []));

        Assert.Empty(kernel.Findings);
        Assert.Equal((30, 1L), kernel.BrokerQueueTtl(KernelTestKit.ObjectId(kernel, "q")));
        Assert.Contains(kernel.Events, e => e.Kind == EventKind.ClockAdvanced);
        Assert.True(kernel.IsIdleDaemon(kernel.Program.ThreadIdOf("rabbit")));
    }
}
