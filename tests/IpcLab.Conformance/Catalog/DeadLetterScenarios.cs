using IpcLab.Conformance.Scenarios;
using static IpcLab.Conformance.Catalog.Build;

namespace IpcLab.Conformance.Catalog;

/// <summary>Dead letters: the routing key kept or replaced, x-death entries per (queue, reason) with counts, cycles.</summary>
public static class DeadLetterScenarios
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("deadletter-key-kept-unless-dlkey", "dead-lettering keeps the original routing key unless the queue sets a dead-letter routing key")
        {
            Exchanges = [new("work", "direct"), new("dead", "direct")],
            Queues =
            [
                Queue("keep", ("work", "resize")) with { DeadLetterExchange = "dead" },
                Queue("rekey", ("work", "resize")) with { DeadLetterExchange = "dead", DeadLetterKey = "stale" },
                Queue("byoriginal", ("dead", "resize")), Queue("bydlkey", ("dead", "stale")),
            ],
            Actions =
            [
                Pub("work", "resize", "photo"), Get("keep", "a"), Get("rekey", "b"), Reject("a", requeue: false), Nack("b", requeue: false),
                Drain("byoriginal"), Drain("bydlkey"), Count("keep"), Count("rekey"),
            ],
        },
        new("xdeath-one-entry-per-queue-and-reason", "each dead-lettering adds to x-death: one entry per (queue, reason) with a count, newest first")
        {
            Exchanges = [new("work", "direct"), new("retry", "direct")],
            Queues =
            [
                Queue("jobs", ("work", "resize")) with { DeadLetterExchange = "retry" },
                Queue("later", ("retry", "resize")) with { MessageTtl = TtlMapping.Short, DeadLetterExchange = "work" },
            ],
            Actions =
            [
                Pub("work", "resize", "cat.png"), Get("jobs", "a"), Reject("a", requeue: false), Count("later"),
                Get("jobs", "b"), Reject("b", requeue: false), Drain("jobs"),
            ],
        },
        new("deadletter-cycle-dropped", "a dead-letter cycle with no rejection in it drops the message for that queue; other queues still get it")
        {
            Exchanges = [new("loop", "fanout")],
            Queues = [Queue("ring", ("loop", "")) with { MessageTtl = TtlMapping.Short, DeadLetterExchange = "loop" }, Queue("witness", ("loop", ""))],
            Actions = [Pub("", "ring", "round"), Count("ring"), Drain("ring"), Drain("witness")],
        },
        new("deadletter-cycle-with-rejection-goes-round", "a rejection is a decision: a message rejected in the loop goes round as often as it is rejected")
        {
            Exchanges = [new("loop", "direct")],
            Queues = [Queue("jobs", ("loop", "job")) with { DeadLetterExchange = "loop" }],
            Actions = [Pub("loop", "job", "again"), Get("jobs", "a"), Reject("a", requeue: false), Get("jobs", "b"), Nack("b", requeue: false), Drain("jobs")],
        },
    ];
}
