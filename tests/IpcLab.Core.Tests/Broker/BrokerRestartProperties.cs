using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Broker;

/// <summary>
/// Broker restarts under generated schedules, injected at generated steps together with consumer
/// crashes: with durable queues, persistent messages, publisher confirms and manual acks nothing is
/// lost and a message is delivered again only marked redelivered (at-least-once); a transient queue
/// loses everything it holds at each restart. The kernel's invariants (conservation across the
/// restart) are checked after every step as well.
/// </summary>
public sealed class BrokerRestartProperties
{
    private static string Script(int messages, int prefetch, bool durable) => $$"""
        broker rabbit capacity 4
        exchange x type direct{{(durable ? " durable true" : "")}}
        bqueue q bind x key "k"{{(durable ? " durable true" : "")}}
        process pub:
            thread producer:
                for i in 1..{{messages}}:
                    publish x, "k", "m{i}"{{(durable ? ", persistent, confirm" : "")}}
        process c1:
            thread consumer1:
                consume q, {{prefetch}}
                repeat {{messages}}:
                    receive q -> v, tag
                    print v
                    ack tag
        process c2:
            thread consumer2:
                consume q, {{prefetch}}
                repeat {{messages}}:
                    receive q -> v, tag
                    print v
                    ack tag
        """;

    private static Gen<(int Messages, int Prefetch, int[] RestartsAt, int CrashAt, int[] Choices)> Runs =>
        from messages in Gen.Choose(1, 5)
        from prefetch in Gen.Choose(0, 2)
        from restarts in Gen.Choose(0, 40).ArrayOf().Select(a => a.Take(3).Order().ToArray())
        from crashAt in Gen.Choose(-1, 40)
        from choices in KernelTestKit.Choices.Generator
        select (messages, prefetch, restarts, crashAt, choices);

    /// <summary>Runs to the end under the generated choices, crashing the broker (down until its own step restarts it) once the run has taken each of <c>restartsAt</c> steps, and crashing consumer1's process at <c>crashAt</c>.</summary>
    private static Kernel RunWith(int[] choices, string script, int[] restartsAt, int crashAt, Action<Kernel>? beforeRestart = null)
    {
        var kernel = KernelTestKit.NewKernel(script, KernelTestKit.Options with { MaxSteps = 3_000 });
        var brokerProcess = kernel.Program.Processes.ToList().FindIndex(p => p.Name == "rabbit");
        var victim = kernel.Program.Processes.ToList().FindIndex(p => p.Name == "c1");
        var (next, crashed) = (0, false);
        KernelTestKit.Drive(kernel, new ChoiceScheduler(choices, []), k =>
        {
            // A broker that is down (crashed, not restarted yet by its own step) cannot crash again.
            while (next < restartsAt.Length && k.StepCount >= restartsAt[next] && !k.IsOver && k.WhyCannotCrashProcess(brokerProcess) is null)
            {
                next++;
                beforeRestart?.Invoke(k);
                k.InjectProcessCrash(brokerProcess);
            }

            if (!crashed && crashAt >= 0 && k.StepCount >= crashAt && k.WhyCannotCrashProcess(victim) is null && !k.IsOver)
            {
                crashed = true;
                k.InjectProcessCrash(victim);
            }
        });
        return kernel;
    }

    [Fact]
    public void DurablePersistentConfirmAck_BrokerRestartsAndConsumerCrash_NothingLostAndEveryRepeatIsMarkedRedelivered()
    {
        Prop.ForAll(Runs.ToArbitrary(), r =>
        {
            var kernel = RunWith(r.Choices, Script(r.Messages, r.Prefetch, durable: true), r.RestartsAt, r.CrashAt);
            var queue = KernelTestKit.ObjectId(kernel, "q");
            var broker = KernelTestKit.ObjectId(kernel, "rabbit");
            var acked = Bodies(kernel, EventKind.MessageAcked);
            var inBroker = kernel.BrokerQueueReady(queue).Concat(kernel.BrokerQueueConsumers(queue).SelectMany(c => c.Held))
                .Concat(kernel.BrokerInbox(broker)).Select(m => m.Body).ToList();
            var published = Enumerable.Range(1, r.Messages).Select(i => $"m{i}").ToArray();
            var trace = $"restarts at {string.Join(",", r.RestartsAt)}, crash at {r.CrashAt}\n{KernelTestKit.Trace(kernel)}";
            Assert.True(published.Order().SequenceEqual(acked.Concat(inBroker).Order()),
                $"published {string.Join(",", published)}; acked {string.Join(",", acked)}; still in the broker {string.Join(",", inBroker)}\n{trace}");
            Assert.Equal(0, kernel.BrokerQueueBooks(queue).Lost);

            // Only the inbox loses anything, and each message it lost was published again.
            Assert.All(kernel.Events.Where(e => e.Kind == EventKind.MessageLostInRestart), e => Assert.Equal((int)RestartLoss.InFlight, e.Other));
            Assert.Equal(kernel.Events.Count(e => e.Kind == EventKind.MessageLostInRestart), kernel.Events.Count(e => e.Kind == EventKind.PublishUnconfirmed));
            foreach (var body in published)
            {
                var deliveries = kernel.Events.Where(e => e.Kind is EventKind.MessagePushed or EventKind.MessageRedelivered && kernel.Strings[e.Value] == body).Select(e => e.Kind).ToArray();
                Assert.True(deliveries.Skip(1).All(k => k == EventKind.MessageRedelivered) && deliveries.Take(1).All(k => k == EventKind.MessagePushed),
                    $"{body} was delivered as {string.Join(", ", deliveries)}\n{trace}");
            }
        }).Check(KernelTestKit.Config(200));
    }

    [Fact]
    public void TransientQueue_BrokerRestart_LosesEveryCopyItHeldAndComesBackEmpty()
    {
        Prop.ForAll(Runs.ToArbitrary(), r =>
        {
            var expected = new List<int>();
            var kernel = RunWith(r.Choices, Script(r.Messages, r.Prefetch, durable: false), r.RestartsAt, r.CrashAt, beforeRestart: k =>
            {
                var q = KernelTestKit.ObjectId(k, "q");
                expected.Add(k.BrokerQueueReady(q).Count + k.BrokerQueueConsumers(q).Sum(c => c.Held.Count) + k.BrokerInbox(KernelTestKit.ObjectId(k, "rabbit")).Count);
            });
            var restarts = kernel.Events.Select((e, i) => (e, i)).Where(x => x.e.Kind == EventKind.BrokerCrashed).Select(x => x.i).ToArray();
            Assert.Equal(expected.Count, restarts.Length);
            for (var i = 0; i < restarts.Length; i++)
            {
                var lost = kernel.Events.Skip(restarts[i]).TakeWhile(e => e.Kind != EventKind.BrokerWentDown).Count(e => e.Kind == EventKind.MessageLostInRestart);
                var recovered = kernel.Events.Skip(restarts[i]).First(e => e.Kind == EventKind.BrokerWentDown);
                Assert.Equal(expected[i], lost);
                Assert.Equal(expected[i], recovered.Other);
                Assert.Equal(0, recovered.Value);
            }

            var queue = KernelTestKit.ObjectId(kernel, "q");
            var broker = KernelTestKit.ObjectId(kernel, "rabbit");
            Assert.Equal(kernel.BrokerQueueBooks(queue).Lost + kernel.BrokerRestarts(broker).InboxLost, expected.Sum());
        }).Check(KernelTestKit.Config(200));
    }

    private static List<string> Bodies(Kernel kernel, EventKind kind) =>
        kernel.Events.Where(e => e.Kind == kind).Select(e => kernel.Strings[e.Value]).ToList();
}
