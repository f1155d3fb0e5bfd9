using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Broker;

/// <summary>
/// The delivery guarantees, under generated schedules and consumer crashes: with manual acks
/// nothing is lost and a message is delivered again only marked redelivered (at-least-once); with
/// autoack a crash loses exactly what was pushed to the consumer and not taken (at-most-once); a
/// consumer never holds more than its prefetch; one consumer without requeues gets the queue in
/// publish order. The kernel's invariants (conservation) are checked after every step as well.
/// </summary>
public sealed class BrokerDeliveryProperties
{
    private static string Script(int messages, string consume, int consumers = 2) => $$"""
        broker rabbit capacity 4
        exchange x type direct
        bqueue q bind x key "k"
        thread producer:
            for i in 1..{{messages}}:
                publish x, "k", "m{i}"
        thread consumer * {{consumers}}:
            consume q{{consume}}
            repeat {{messages}}:
                receive q -> v, tag
                print v
                {{(consume == ", autoack" ? "pass" : "ack tag")}}
        """;

    private static Gen<(int Messages, int Prefetch, int CrashAt, int Victim, int[] Choices)> Runs =>
        from messages in Gen.Choose(1, 5)
        from prefetch in Gen.Choose(0, 2)
        from crashAt in Gen.Choose(-1, 40)
        from victim in Gen.Choose(0, 1)
        from choices in KernelTestKit.Choices.Generator
        select (messages, prefetch, crashAt, victim, choices);

    /// <summary>Runs to the end under the generated choices, crashing consumer-(victim+1) once the run has taken <c>crashAt</c> steps (never, for -1).</summary>
    private static Kernel RunWith(int[] choices, string script, int crashAt, int victim, Action<Kernel>? beforeCrash = null, Action<Kernel>? afterStep = null)
    {
        var kernel = KernelTestKit.NewKernel(script, KernelTestKit.Options with { MaxSteps = 3_000 });
        var target = kernel.Program.ThreadIdOf($"consumer-{victim + 1}");
        var crashed = false;
        KernelTestKit.Drive(kernel, new ChoiceScheduler(choices, []), k =>
        {
            afterStep?.Invoke(k);
            if (!crashed && crashAt >= 0 && k.StepCount >= crashAt && k.WhyCannotCrash(target) is null && !k.IsOver)
            {
                crashed = true;
                beforeCrash?.Invoke(k);
                k.InjectCrash(target);
                afterStep?.Invoke(k);
            }
        });
        return kernel;
    }

    [Fact]
    public void ManualAck_ConsumerCrashAnywhere_NothingLostAndEveryRepeatIsMarkedRedelivered()
    {
        Prop.ForAll(Runs.ToArbitrary(), r =>
        {
            var kernel = RunWith(r.Choices, Script(r.Messages, $", {r.Prefetch}"), r.CrashAt, r.Victim);
            var queue = KernelTestKit.ObjectId(kernel, "q");
            var acked = Bodies(kernel, EventKind.MessageAcked);
            var inBroker = kernel.BrokerQueueReady(queue).Concat(kernel.BrokerQueueConsumers(queue).SelectMany(c => c.Held)).Select(m => m.Body)
                .Concat(kernel.BrokerInbox(KernelTestKit.ObjectId(kernel, "rabbit")).Select(m => m.Body)).ToList();
            var published = Enumerable.Range(1, r.Messages).Select(i => $"m{i}").ToArray();
            Assert.True(published.Order().SequenceEqual(acked.Concat(inBroker).Order()), $"published {string.Join(",", published)}; acked {string.Join(",", acked)}; still in the broker {string.Join(",", inBroker)}\n{KernelTestKit.Trace(kernel)}");
            foreach (var body in published)
            {
                var deliveries = kernel.Events.Where(e => e.Kind is EventKind.MessagePushed or EventKind.MessageRedelivered && kernel.Strings[e.Value] == body).Select(e => e.Kind).ToArray();
                Assert.True(deliveries.Skip(1).All(k => k == EventKind.MessageRedelivered) && deliveries.Take(1).All(k => k == EventKind.MessagePushed),
                    $"{body} was delivered as {string.Join(", ", deliveries)}\n{KernelTestKit.Trace(kernel)}");
            }
        }).Check(KernelTestKit.Config(150));
    }

    [Fact]
    public void AutoAck_ConsumerCrash_LosesExactlyWhatWasPushedToItAndNotTaken()
    {
        Prop.ForAll(Runs.ToArbitrary(), r =>
        {
            var inFlight = -1;
            var kernel = RunWith(r.Choices, Script(r.Messages, ", autoack"), r.CrashAt, r.Victim, beforeCrash: k =>
            {
                var q = KernelTestKit.ObjectId(k, "q");
                var victim = k.Program.ThreadIdOf($"consumer-{r.Victim + 1}");
                inFlight = k.BrokerQueueConsumers(q).Where(c => c.Thread == victim).Sum(c => c.Held.Count);
            });
            var queue = KernelTestKit.ObjectId(kernel, "q");
            var lost = Bodies(kernel, EventKind.AutoackLost);
            Assert.Equal(Math.Max(inFlight, 0), lost.Count);
            Assert.Equal(lost.Count, kernel.BrokerQueueBooks(queue).Lost);
            var taken = Bodies(kernel, EventKind.DeliveryTaken);
            var ready = kernel.BrokerQueueReady(queue).Concat(kernel.BrokerQueueConsumers(queue).SelectMany(c => c.Held)).Select(m => m.Body)
                .Concat(kernel.BrokerInbox(KernelTestKit.ObjectId(kernel, "rabbit")).Select(m => m.Body));
            var published = Enumerable.Range(1, r.Messages).Select(i => $"m{i}").Order().ToArray();
            Assert.True(published.SequenceEqual(taken.Concat(lost).Concat(ready).Order()), $"taken {string.Join(",", taken)}; lost {string.Join(",", lost)}\n{KernelTestKit.Trace(kernel)}");
        }).Check(KernelTestKit.Config(150));
    }

    [Fact]
    public void Prefetch_AnyScheduleWithCrashes_NoConsumerEverHoldsMoreThanItsPrefetch()
    {
        var gen = from r in Runs
                  from prefetch in Gen.Choose(1, 3)
                  select (r, prefetch);
        Prop.ForAll(gen.ToArbitrary(), x =>
        {
            var peak = 0;
            RunWith(x.r.Choices, Script(x.r.Messages + 1, $", {x.prefetch}"), x.r.CrashAt, x.r.Victim, afterStep: k =>
            {
                foreach (var c in k.BrokerQueueConsumers(KernelTestKit.ObjectId(k, "q")))
                {
                    var held = c.Held.Count(m => (m.Flags & PublishFlags.Fetched) == 0);
                    peak = Math.Max(peak, held);
                    Assert.True(held <= x.prefetch, $"{k.ThreadName(c.Thread)} holds {held} with prefetch {x.prefetch} at step {k.StepCount}");
                }
            });
            Assert.True(peak <= x.prefetch);
        }).Check(KernelTestKit.Config(150));
    }

    [Fact]
    public void Fifo_OneConsumerNoRequeue_ReceivesInPublishOrder()
    {
        Prop.ForAll(Runs.ToArbitrary(), r =>
        {
            var kernel = RunWith(r.Choices, Script(r.Messages, r.Prefetch == 0 ? "" : $", {r.Prefetch}", consumers: 1), -1, 0);
            var printed = kernel.Events.Where(e => e.Kind == EventKind.Printed).Select(e => kernel.Strings[e.Value]).ToArray();
            Assert.Equal(Enumerable.Range(1, r.Messages).Select(i => $"m{i}"), printed);
            Assert.Empty(kernel.Findings);
        }).Check(KernelTestKit.Config(150));
    }

    private static List<string> Bodies(Kernel kernel, EventKind kind) =>
        kernel.Events.Where(e => e.Kind == kind).Select(e => kernel.Strings[e.Value]).ToList();
}
