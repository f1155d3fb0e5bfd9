using System.Text;
using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Broker;

/// <summary>
/// Broker crashes over generated topologies of durable and transient fanout exchanges and queues,
/// bound at random, with persistent and transient publishes, under generated schedules: after a
/// crash exactly the durable exchanges and queues exist, only the persistent copies of durable
/// queues are still there (held ones back as ready), every copy lost has its event, and afterwards
/// a message published to a surviving exchange reaches exactly the durable queues bound to it (a
/// binding survives only when both its ends are durable).
/// </summary>
public sealed class BrokerTopologyRestartProperties
{
    private sealed record Topology(bool[] DurableExchanges, bool[] DurableQueues, int[] Bindings, (int Exchange, bool Persistent)[][] Publishes)
    {
        public bool Bound(int queue, int exchange) => (Bindings[queue] & (1 << exchange)) != 0;

        public string Script()
        {
            var sb = new StringBuilder("broker rabbit capacity 40\n");
            for (var x = 0; x < DurableExchanges.Length; x++)
            {
                sb.Append($"exchange x{x} type fanout{(DurableExchanges[x] ? " durable true" : "")}\n");
            }

            for (var q = 0; q < DurableQueues.Length; q++)
            {
                sb.Append($"bqueue q{q}");
                for (var x = 0; x < DurableExchanges.Length; x++)
                {
                    sb.Append(Bound(q, x) ? $" bind x{x}" : "");
                }

                sb.Append(DurableQueues[q] ? " durable true\n" : "\n");
            }

            sb.Append("process c:\n    thread consumer:\n        consume q0, 1\n        repeat 2:\n            receive q0 -> v, tag\n            ack tag\n");
            for (var p = 0; p < Publishes.Length; p++)
            {
                sb.Append($"process p{p}:\n    thread publisher{p}:\n");
                for (var i = 0; i < Publishes[p].Length; i++)
                {
                    var (x, persistent) = Publishes[p][i];
                    sb.Append($"        publish x{x}, \"\", \"m{p}.{i}\"{(persistent ? ", persistent" : "")}\n");
                }

                sb.Append(Publishes[p].Length == 0 ? "        pass\n" : "");
            }

            return sb.ToString();
        }
    }

    private static Gen<Topology> Topologies =>
        from exchanges in Gen.Choose(1, 3)
        from queues in Gen.Choose(1, 3)
        from durableExchanges in Gen.Elements(true, false).ArrayOf(exchanges)
        from durableQueues in Gen.Elements(true, false).ArrayOf(queues)
        from bindings in Gen.Choose(0, (1 << exchanges) - 1).ArrayOf(queues)
        from publishes in Gen.Zip(Gen.Choose(0, exchanges - 1), Gen.Elements(true, false)).ArrayOf().Select(a => a.Take(4).ToArray()).ArrayOf(2)
        select new Topology(durableExchanges, durableQueues, bindings, publishes);

    private static Gen<(Topology Topology, int[] CrashesAt, int[] Choices)> Runs =>
        from topology in Topologies
        from crashes in Gen.Choose(0, 30).ArrayOf().Select(a => a.Take(3).Order().ToArray())
        from choices in KernelTestKit.Choices.Generator
        select (topology, crashes, choices);

    [Fact]
    public void Crash_GeneratedTopology_OnlyDurableObjectsAndBindingsAndPersistentCopiesInDurableQueuesSurvive()
    {
        Prop.ForAll(Runs.ToArbitrary(), r =>
        {
            var t = r.Topology;
            var kernel = KernelTestKit.NewKernel(t.Script(), KernelTestKit.Options with { MaxSteps = 2_000 });
            var exchanges = Enumerable.Range(0, t.DurableExchanges.Length).Select(x => KernelTestKit.ObjectId(kernel, $"x{x}")).ToArray();
            var queues = Enumerable.Range(0, t.DurableQueues.Length).Select(q => KernelTestKit.ObjectId(kernel, $"q{q}")).ToArray();
            var broker = KernelTestKit.ObjectId(kernel, "rabbit");
            var brokerProcess = kernel.Program.Processes.ToList().FindIndex(p => p.Name == "rabbit");
            var next = 0;
            var firstCrash = -1;
            KernelTestKit.Drive(kernel, new ChoiceScheduler(r.Choices, []), k =>
            {
                while (next < r.CrashesAt.Length && k.StepCount >= r.CrashesAt[next] && !k.IsOver && k.WhyCannotCrashProcess(brokerProcess) is null)
                {
                    next++;
                    var copies = queues.Select(q => k.BrokerQueueReady(q).Concat(k.BrokerQueueConsumers(q).SelectMany(c => c.Held)).ToArray()).ToArray();
                    var inbox = k.BrokerInbox(broker).Count;
                    var eventsBefore = k.Events.Count;
                    firstCrash = firstCrash < 0 ? eventsBefore : firstCrash;
                    k.InjectProcessCrash(brokerProcess);
                    var trace = $"crash at step {k.StepCount}\n{t.Script()}\n{KernelTestKit.Trace(k)}";

                    // Exactly the durable exchanges and queues are left.
                    for (var x = 0; x < exchanges.Length; x++)
                    {
                        Assert.True(k.BrokerObjectIsGone(exchanges[x]) != t.DurableExchanges[x], $"x{x} (durable {t.DurableExchanges[x]}) gone {k.BrokerObjectIsGone(exchanges[x])}\n{trace}");
                    }

                    var survivors = 0;
                    for (var q = 0; q < queues.Length; q++)
                    {
                        Assert.True(k.BrokerObjectIsGone(queues[q]) != t.DurableQueues[q], $"q{q} (durable {t.DurableQueues[q]}) gone {k.BrokerObjectIsGone(queues[q])}\n{trace}");
                        var kept = copies[q].Where(m => t.DurableQueues[q] && (m.Flags & PublishFlags.Persistent) != 0).Select(m => m.Id).Order().ToArray();
                        Assert.True(kept.SequenceEqual(k.BrokerQueueReady(queues[q]).Select(m => m.Id).Order()),
                            $"q{q} kept {string.Join(",", k.BrokerQueueReady(queues[q]).Select(m => m.Body))}, expected ids {string.Join(",", kept)}\n{trace}");
                        survivors += kept.Length;
                    }

                    // Every copy that did not survive, and every message in the inbox, has its event.
                    var lost = k.Events.Skip(eventsBefore).Count(e => e.Kind == EventKind.MessageLostInRestart);
                    Assert.True(copies.Sum(c => c.Length) + inbox - survivors == lost, $"{lost} lost events for {copies.Sum(c => c.Length)} copies, {inbox} in the inbox, {survivors} kept\n{trace}");
                }
            });

            if (firstCrash < 0)
            {
                return;
            }

            // After the crash every message published to a surviving exchange reaches exactly its
            // durable bound queues (none at all while the broker is down: the publish is refused).
            var fullTrace = $"{t.Script()}\n{KernelTestKit.Trace(kernel)}";
            foreach (var published in kernel.Events.Skip(firstCrash).Where(e => e.Kind == EventKind.MessagePublished))
            {
                var x = Array.IndexOf(exchanges, published.Object);
                Assert.True(t.DurableExchanges[x], $"{kernel.Strings[published.Value]} was published to the lost x{x}\n{fullTrace}");
                var reached = kernel.Events.Where(e => e.Kind == EventKind.MessageRouted && e.Message == published.Message).Select(e => Array.IndexOf(queues, e.Object)).Order();
                var lostBeforeRouting = kernel.Events.Any(e => e.Kind == EventKind.MessageLostInRestart && e.Message == published.Message && e.Other == (int)RestartLoss.InFlight);
                var expected = Enumerable.Range(0, queues.Length).Where(q => t.DurableQueues[q] && t.Bound(q, x));
                Assert.True(lostBeforeRouting || reached.SequenceEqual(expected),
                    $"{kernel.Strings[published.Value]} to x{x} reached {string.Join(",", reached)}, expected {string.Join(",", expected)}\n{fullTrace}");
            }

            // Every transient object was lost once, with its event.
            Assert.Equal(t.DurableExchanges.Count(d => !d) + t.DurableQueues.Count(d => !d), kernel.Events.Count(e => e.Kind == EventKind.ObjectLostInRestart));
        }).Check(KernelTestKit.Config(200));
    }
}
