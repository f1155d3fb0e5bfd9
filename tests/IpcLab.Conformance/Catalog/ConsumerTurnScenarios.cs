using IpcLab.Conformance.Scenarios;
using static IpcLab.Conformance.Catalog.Build;

namespace IpcLab.Conformance.Catalog;

/// <summary>Consumers: autoack, ack and nack `multiple`, cancel with deliveries held, turns among consumers, a channel closed with pushes not yet taken.</summary>
public static class ConsumerTurnScenarios
{
    private static readonly Publish[] Four = [Pub("", "jobs", "m1"), Pub("", "jobs", "m2"), Pub("", "jobs", "m3"), Pub("", "jobs", "m4")];

    private static Receive Take(string name, string channel = "c") => new(channel, "jobs", name);

    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("autoack-forgets-at-push", "an autoack consumer gets every message at once whatever its prefetch, and what it had not taken when its channel closes is lost")
        {
            Queues = [Queue("jobs")],
            Actions =
            [
                .. Four[..3], new Consume("c", "jobs", 1) { AutoAck = true }, Take("a"), Count("jobs"), Take("b"), new CloseChannel("c"),
                Count("jobs"), Drain("jobs"),
            ],
        },
        new("ack-and-nack-multiple", "ack multiple settles every earlier unacknowledged delivery of the channel; nack multiple requeues them all at their places")
        {
            Queues = [Queue("jobs")],
            Actions =
            [
                .. Four, Get("jobs", "a"), Get("jobs", "b"), Get("jobs", "c"), Get("jobs", "d"), Ack("b") with { Multiple = true }, Count("jobs"),
                Nack("d") with { Multiple = true }, Count("jobs"), Drain("jobs"),
            ],
        },
        new("cancel-keeps-unacked", "a cancelled consumer gets no more pushes; what it was pushed stays with its channel, to take and settle, and goes back only when the channel closes")
        {
            Queues = [Queue("jobs")],
            Actions =
            [
                .. Four, new Consume("c", "jobs", 2), Take("a"), Count("jobs"), new Cancel("c", "jobs"), Count("jobs"), Take("b"), Ack("a"), Count("jobs"),
                new CloseChannel("c"), Count("jobs"), Drain("jobs"),
            ],
        },
        new("consumers-take-turns", "consumers of one queue take turns (round-robin among those whose prefetch window is open); a requeued message goes to the one with room")
        {
            Queues = [Queue("jobs")],
            Actions =
            [
                new Consume("c1", "jobs", 2), new Consume("c2", "jobs", 2), .. Four,
                Take("a", "c1"), Take("b", "c2"), Take("c", "c1"), Take("d", "c2"),
                Ack("a", "c1"), Pub("", "jobs", "m5"), Pub("", "jobs", "m6"), Count("jobs"),
                Nack("b", channel: "c2"), Take("e", "c2"), Take("f", "c1"), Count("jobs"), Drain("jobs"),
            ],
        },
        new("close-with-pushes-untaken", "a closing channel returns what it was pushed and its program never took, with what it took and did not ack, all redelivered at their places")
        {
            Queues = [Queue("jobs")],
            Actions = [.. Four[..3], new Consume("c", "jobs", 0), Take("a"), new CloseChannel("c"), Count("jobs"), Drain("jobs")],
        },
    ];
}
