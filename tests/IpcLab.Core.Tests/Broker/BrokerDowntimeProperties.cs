using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Broker;

/// <summary>
/// A broker that is down between its crash and its restart, under generated schedules and crash
/// steps (injected crashes of the broker's thread or process, and a scripted <c>crash rabbit</c>):
/// nothing is routed, pushed or taken while it is down, every publish and get in the downtime
/// fails with its event, the restart is the broker's own step, publishes with confirms lose
/// nothing (at-least-once) and every publish without confirms is accounted for. The kernel checks
/// conservation after every step, through the downtime too.
/// </summary>
public sealed class BrokerDowntimeProperties
{
    private static string Script(int messages, int prefetch, bool scriptedCrash) => $$"""
        broker rabbit capacity 4
        exchange x type direct durable true
        bqueue q bind x key "k" durable true
        process pub:
            thread confirmer:
                for i in 1..{{messages}}:
                    publish x, "k", "c{i}", persistent, confirm
            thread firer:
                for i in 1..{{messages}}:
                    publish x, "k", "f{i}", persistent
        process c1:
            thread consumer:
                consume q, {{prefetch}}
                repeat {{messages}}:
                    receive q -> v, tag
                    ack tag
        process c2:
            thread poller:
                repeat {{messages}}:
                    get q -> v, tag
                    if tag != 0:
                        ack tag
        process ops:
            thread admin:
                {{(scriptedCrash ? "crash rabbit" : "pass")}}
        """;

    private static Gen<(int Messages, int Prefetch, bool Scripted, int[] CrashesAt, int[] Choices)> Runs =>
        from messages in Gen.Choose(1, 4)
        from prefetch in Gen.Choose(0, 2)
        from scripted in Gen.Elements(true, false)
        from crashes in Gen.Choose(0, 50).ArrayOf().Select(a => a.Take(3).Order().ToArray())
        from choices in KernelTestKit.Choices.Generator
        select (messages, prefetch, scripted, crashes, choices);

    /// <summary>Runs to the end, crashing the broker once the run has taken each of <c>crashesAt</c> steps (its thread and its process in turn) when it is up.</summary>
    private static Kernel RunWith((int Messages, int Prefetch, bool Scripted, int[] CrashesAt, int[] Choices) r)
    {
        var kernel = KernelTestKit.NewKernel(Script(r.Messages, r.Prefetch, r.Scripted), KernelTestKit.Options with { MaxSteps = 3_000 });
        var process = kernel.Program.Processes.ToList().FindIndex(p => p.Name == "rabbit");
        var thread = kernel.Program.ThreadIdOf("rabbit");
        var next = 0;
        KernelTestKit.Drive(kernel, new ChoiceScheduler(r.Choices, []), k =>
        {
            if (next < r.CrashesAt.Length && k.StepCount >= r.CrashesAt[next] && !k.IsOver && k.WhyCannotCrashProcess(process) is null)
            {
                if (next++ % 2 == 0)
                {
                    k.InjectCrash(thread);
                }
                else
                {
                    k.InjectProcessCrash(process);
                }
            }
        });
        return kernel;
    }

    [Fact]
    public void Downtime_GeneratedCrashesAndSchedules_NothingMovesWhileDownAndEveryClientCallFails()
    {
        Prop.ForAll(Runs.ToArbitrary(), r =>
        {
            var kernel = RunWith(r);
            var trace = KernelTestKit.Trace(kernel);
            var down = false;
            var crashes = 0;
            foreach (var e in kernel.Events)
            {
                switch (e.Kind)
                {
                    case EventKind.BrokerCrashed:
                        Assert.False(down, trace);
                        (down, crashes) = (true, crashes + 1);
                        break;
                    case EventKind.BrokerBackUp:
                        Assert.True(down, trace);
                        Assert.Equal(kernel.Program.ThreadIdOf("rabbit"), e.Thread);
                        down = false;
                        break;
                    case EventKind.MessagePublished or EventKind.MessageRouted or EventKind.MessagePushed or EventKind.MessageRedelivered
                        or EventKind.DeliveryTaken or EventKind.GetTook or EventKind.GetEmpty or EventKind.MessageAcked or EventKind.PublishConfirmed:
                        Assert.False(down, $"{e.Kind} while rabbit is down\n{trace}");
                        break;
                    case EventKind.PublishRefused or EventKind.GetRefused:
                        Assert.True(down, $"{e.Kind} while rabbit is up\n{trace}");
                        break;
                }
            }

            Assert.Equal(kernel.BrokerRestarts(KernelTestKit.ObjectId(kernel, "rabbit")).Restarts, crashes);

            // A run never ends with the broker down: its restart is a step it can always take.
            Assert.False(down, trace);
        }).Check(KernelTestKit.Config(200));
    }

    [Fact]
    public void Downtime_ConfirmedAndFireAndForgetPublishes_ConfirmedOnesAreNeverLostTheOthersAreAccountedFor()
    {
        Prop.ForAll(Runs.ToArbitrary(), r =>
        {
            var kernel = RunWith(r);
            var trace = KernelTestKit.Trace(kernel);
            var queue = KernelTestKit.ObjectId(kernel, "q");
            var acked = Bodies(kernel, e => e.Kind == EventKind.MessageAcked);
            var ready = kernel.BrokerQueueReady(queue).Select(m => m.Body).ToList();
            var inBroker = ready.Concat(kernel.BrokerQueueConsumers(queue).SelectMany(c => c.Held).Select(m => m.Body)).ToList();
            Assert.Equal(0, kernel.BrokerQueueBooks(queue).Lost);

            // At-least-once for the publisher with confirms: each is acked or still in the broker.
            foreach (var body in Enumerable.Range(1, r.Messages).Select(i => $"c{i}"))
            {
                Assert.True(acked.Contains(body) || inBroker.Contains(body), $"{body} vanished\n{trace}");
            }

            // Without confirms a message is acked, still in the broker, refused while rabbit was
            // down, or lost from its inbox by a crash: each of them exactly one of those.
            var refused = Bodies(kernel, e => e.Kind == EventKind.PublishRefused && e.Count == 0);
            var lostInFlight = Bodies(kernel, e => e.Kind == EventKind.MessageLostInRestart && e.Other == (int)RestartLoss.InFlight);
            foreach (var body in Enumerable.Range(1, r.Messages).Select(i => $"f{i}"))
            {
                var fates = new[] { acked.Contains(body) || inBroker.Contains(body), refused.Contains(body), lostInFlight.Contains(body) };
                Assert.True(fates.Count(f => f) == 1, $"{body}: acked or in the broker {fates[0]}, refused {fates[1]}, lost in flight {fates[2]}\n{trace}");
            }

            // A publish with confirms that was refused is published again once rabbit is back.
            var events = kernel.Events;
            for (var i = 0; i < events.Count; i++)
            {
                if (events[i].Kind == EventKind.PublishRefused && events[i].Count == 1)
                {
                    var (who, body) = (events[i].Thread, events[i].Value);
                    Assert.True(events.Skip(i).Any(e => e.Kind == EventKind.MessagePublished && e.Thread == who && e.Value == body), $"{kernel.Strings[body]} was not published again\n{trace}");
                }
            }
        }).Check(KernelTestKit.Config(200));
    }

    private static List<string> Bodies(Kernel kernel, Func<KernelEvent, bool> which) =>
        kernel.Events.Where(which).Select(e => kernel.Strings[e.Value]).ToList();
}
