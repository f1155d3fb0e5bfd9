using IpcLab.Conformance.Scenarios;
using static IpcLab.Conformance.Catalog.Build;

namespace IpcLab.Conformance.Catalog;

/// <summary>Maximum length and its three overflow behaviours, seen through confirms and the dead-letter queue.</summary>
public static class OverflowScenarios
{
    private static Scenario Overflow(string overflow, string point) => new($"overflow-{overflow}", point)
    {
        Exchanges = [new("dead", "fanout")],
        Queues = [Queue("jobs") with { MaxLength = 2, Overflow = overflow, DeadLetterExchange = "dead" }, Queue("graveyard", ("dead", ""))],
        Actions = [Pub("", "jobs", "m1"), Pub("", "jobs", "m2"), Pub("", "jobs", "m3"), Count("jobs"), Drain("jobs"), Drain("graveyard")],
    };

    public static IReadOnlyList<Scenario> All { get; } =
    [
        Overflow("drop-head", "drop-head dead-letters the oldest with reason maxlen and accepts the new one"),
        Overflow("reject-publish", "reject-publish refuses the new one with a negative confirm and dead-letters nothing"),
        Overflow("reject-publish-dlx", "reject-publish-dlx refuses the new one with a negative confirm and dead-letters it"),
        new("overflow-requeue-into-full-drop-head", "a requeue into a queue at its maximum length goes back to its place, then drop-head drops heads until the queue is within its length")
        {
            Exchanges = [new("dead", "fanout")],
            Queues = [Queue("jobs") with { MaxLength = 1, DeadLetterExchange = "dead" }, Queue("graveyard", ("dead", ""))],
            Actions = [Pub("", "jobs", "m1"), Get("jobs", "a"), Pub("", "jobs", "m2"), Nack("a"), Count("jobs"), Drain("jobs"), Drain("graveyard")],
        },
        new("overflow-requeue-into-full-reject-publish", "with reject-publish a requeue into a full queue keeps it over its length, and new publishes are refused")
        {
            Queues = [Queue("jobs") with { MaxLength = 1, Overflow = "reject-publish" }],
            Actions = [Pub("", "jobs", "m1"), Get("jobs", "a"), Pub("", "jobs", "m2"), Reject("a"), Count("jobs"), Pub("", "jobs", "m3"), Drain("jobs")],
        },
        new("overflow-default-is-drop-head", "without x-overflow a full queue drops its head (dropped for good without a dead-letter exchange)")
        {
            Queues = [Queue("jobs") with { MaxLength = 1 }],
            Actions = [Pub("", "jobs", "m1"), Pub("", "jobs", "m2"), Drain("jobs")],
        },
    ];
}
