using FsCheck;
using FsCheck.Fluent;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Broker;

/// <summary>
/// Priorities (x-max-priority) under generated priorities, consumers and schedules: every push
/// and every get takes the head of a reference queue written here (strict priority, FIFO within a
/// level, above the maximum counts as the maximum, none counts 0, a queue without a maximum
/// ignores priorities), a nacked message goes back to its original place within its level, and
/// what is left ready at the end is the reference's queue.
/// </summary>
public sealed class BrokerPriorityProperties
{
    private sealed record Shape(int MaxPriority, int?[] Priorities, int Prefetch, int NackMask);

    private static Gen<Shape> Shapes =>
        from max in Gen.Choose(0, 4)
        from priorities in Gen.Elements<int?>(null, 0, 1, 2, 3, 5, 9).ArrayOf().Where(p => p.Length is >= 1 and <= 6)
        from prefetch in Gen.Choose(0, 2)
        from mask in Gen.Choose(0, 255)
        select new Shape(max, priorities, prefetch, mask);

    // Prefetch 0 here means the consumer pulls with get; otherwise it consumes with that prefetch.
    private static string Script(Shape s) => $$"""
        broker rabbit capacity 8
        exchange x type direct
        bqueue q bind x key "k"{{(s.MaxPriority > 0 ? $" max-priority {s.MaxPriority}" : "")}}
        thread producer:
        {{string.Concat(s.Priorities.Select((p, i) => $"    publish x, \"k\", \"m{i + 1}\"{(p is { } n ? $", priority({n})" : "")}\n"))}}
        thread consumer:
        {{(s.Prefetch > 0 ? $"    consume q, {s.Prefetch}\n" : "")}}    for i in 0..7:
                {{(s.Prefetch > 0 ? "receive q -> v, tag" : "get q -> v, tag")}}
                if tag != 0:
                    if ({{s.NackMask}} / (1 + i)) % 2 == 1:
                        nack tag
                    else:
                        ack tag
        """;

    [Fact]
    public void Priorities_AnyScheduleAndRequeues_EveryDeliveryTakesTheReferenceHead()
    {
        var runs = from shape in Shapes
                   from choices in KernelTestKit.Choices.Generator
                   select (shape, choices);
        Prop.ForAll(runs.ToArbitrary(), run =>
        {
            var (shape, choices) = run;
            var kernel = KernelTestKit.NewKernel(Script(shape), KernelTestKit.Options with { MaxSteps = 500 });
            KernelTestKit.Drive(kernel, new ChoiceScheduler(choices, []), _ => { });

            // The reference queue: (level, publish order) ascending by level descending, then order.
            var level = shape.Priorities.Select((p, i) => (Body: $"m{i + 1}", Level: Math.Min(p ?? 0, shape.MaxPriority))).ToDictionary(x => x.Body, x => x.Level);
            var order = new Dictionary<string, int>();
            var reference = new List<string>();
            void Insert(string body) =>
                reference.Insert(
                    reference.FindIndex(o => level[o] < level[body] || (level[o] == level[body] && order[o] > order[body])) is var at and >= 0 ? at : reference.Count,
                    body);

            foreach (var e in kernel.Events)
            {
                var body = MessagePathBody(kernel, e);
                switch (e.Kind)
                {
                    case EventKind.MessageRouted:
                        order[body!] = order.Count;
                        Insert(body!);
                        break;
                    case EventKind.MessagePushed or EventKind.MessageRedelivered or EventKind.GetTook:
                        Assert.Equal(reference[0], body);
                        reference.RemoveAt(0);
                        break;
                    case EventKind.MessageRequeued:
                        Insert(body!);
                        break;
                }
            }

            Assert.Equal(reference, kernel.BrokerQueueReady(KernelTestKit.ObjectId(kernel, "q")).Select(m => m.Body));

            // A pushed consumer may wait for more than comes (a deadlock of the program): never a fault.
            Assert.DoesNotContain(kernel.Findings, f => f.Kind != FindingKind.Deadlock);
        }).Check(KernelTestKit.Config(300));
    }

    [Theory]
    [InlineData("broker b capacity 2\nexchange x type direct\nbqueue q bind x max-priority 0\n", 3, 30, "a queue's maximum priority is a whole number from 1 to 255 (RabbitMQ recommends up to 10)")]
    [InlineData("broker b capacity 2\nexchange x type direct\nbqueue q bind x max-priority 256\n", 3, 30, "a queue's maximum priority is a whole number from 1 to 255")]
    [InlineData("broker b capacity 2\nexchange x type direct\nthread t:\n    publish x, \"k\", \"m\", priority(256)\n", 4, 26, "a message's priority is a whole number from 0 to 255: `priority(5)`")]
    [InlineData("broker b capacity 2\nexchange x type direct\nthread t:\n    publish x, \"k\", \"m\", priority(1), priority(2)\n", 4, 39, "`priority` is written twice")]
    public void Compile_PriorityMistake_ReportsPositionAndRange(string source, int line, int column, string message) =>
        Compilation.ScriptErrorAssert.At(source, line, column, message);

    private static string? MessagePathBody(Kernel kernel, KernelEvent e) =>
        IpcLab.Core.Objects.Broker.MessagePath.IsHop(e.Kind) ? kernel.Strings[e.Value] : null;
}
