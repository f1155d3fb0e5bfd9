using IpcLab.Conformance.Scenarios;
using static IpcLab.Conformance.Catalog.Build;

namespace IpcLab.Conformance.Catalog;

/// <summary>A requeued message goes back to its original position, whether nacked, rejected or left by a closing channel.</summary>
public static class RequeueScenarios
{
    private static readonly Publish[] Three = [Pub("", "jobs", "m1"), Pub("", "jobs", "m2"), Pub("", "jobs", "m3")];

    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("requeue-nack-original-position", "nack with requeue puts the message back at its original position, redelivered")
        {
            Queues = [Queue("jobs")],
            Actions = [.. Three, Get("jobs", "a"), Get("jobs", "b"), Nack("b"), Nack("a"), Get("jobs", "again"), Ack("again"), Drain("jobs")],
        },
        new("requeue-reject-original-position", "reject with requeue puts the message back at its original position, redelivered")
        {
            Queues = [Queue("jobs")],
            Actions = [.. Three, Get("jobs", "a"), Get("jobs", "b"), Reject("a"), Count("jobs"), Reject("b"), Drain("jobs")],
        },
        new("requeue-channel-close", "a closing channel returns its unacknowledged messages to their original positions")
        {
            Queues = [Queue("jobs")],
            Actions = [.. Three, Get("jobs", "a", "worker"), Get("jobs", "b", "worker"), Ack("a", "worker"), Get("jobs", "c", "worker"), new CloseChannel("worker"), Count("jobs"), Drain("jobs")],
        },
        new("prefetch-window", "a consumer with prefetch N holds at most N unacknowledged deliveries; an ack opens the window")
        {
            Queues = [Queue("jobs")],
            Actions =
            [
                .. Three, Pub("", "jobs", "m4"), new Consume("c", "jobs", 2), new Receive("c", "jobs", "a"), new Receive("c", "jobs", "b"),
                Count("jobs"), Ack("a"), new Receive("c", "jobs", "c1"), Count("jobs"), Nack("b"), new Receive("c", "jobs", "d"), Count("jobs"),
            ],
        },
    ];
}
