using IpcLab.Conformance.Scenarios;
using static IpcLab.Conformance.Catalog.Build;

namespace IpcLab.Conformance.Catalog;

/// <summary>A TTL that passes during the scenario: observed before it (at once) and after it (behind an await), see <see cref="TtlMapping"/>.</summary>
public static class TtlClockScenarios
{
    private const int Medium = TtlMapping.Medium;

    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("ttl-expires-in-its-time", "a message TTL that has not passed yet keeps the message; once it has, the head is dead-lettered `expired` while a message without TTL stays")
        {
            Exchanges = [new("dead", "fanout")],
            Queues = [Queue("jobs") with { DeadLetterExchange = "dead" }, Queue("graveyard", ("dead", ""))],
            Actions =
            [
                Pub("", "jobs", "soon") with { Ttl = Medium }, Pub("", "jobs", "stays"), Count("jobs"), Count("graveyard"),
                new AwaitReady("obs", "jobs", 1), Drain("graveyard"), Drain("jobs"),
            ],
        },
        new("ttl-queue-requeue-keeps-clock", "a queue TTL: a message taken and requeued before it expires is back, redelivered, and still expires, dead-lettered `expired`")
        {
            Exchanges = [new("dead", "fanout")],
            Queues = [Queue("jobs") with { MessageTtl = Medium, DeadLetterExchange = "dead" }, Queue("graveyard", ("dead", ""))],
            Actions =
            [
                Pub("", "jobs", "m1"), Get("jobs", "a"), Count("jobs"), Nack("a"), Count("jobs"),
                new AwaitReady("obs", "jobs", 0), Drain("graveyard"),
            ],
        },
    ];
}
