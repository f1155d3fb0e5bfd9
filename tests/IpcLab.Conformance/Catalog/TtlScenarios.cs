using IpcLab.Conformance.Scenarios;
using static IpcLab.Conformance.Catalog.Build;

namespace IpcLab.Conformance.Catalog;

/// <summary>Message TTL: expiry only at the head (still counted until then), and the lower of the queue's and the message's.</summary>
public static class TtlScenarios
{
    private const int Short = TtlMapping.Short;
    private const int Long = TtlMapping.Long;

    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("ttl-expires-at-head-only", "an expired message behind a live head stays and counts in the length until it reaches the head")
        {
            Exchanges = [new("dead", "fanout")],
            Queues = [Queue("jobs") with { DeadLetterExchange = "dead" }, Queue("graveyard", ("dead", ""))],
            Actions =
            [
                Pub("", "jobs", "live"), Pub("", "jobs", "stale") with { Ttl = Short }, Pub("", "jobs", "after"), Count("jobs"), Count("graveyard"),
                Get("jobs", "a"), Count("jobs"), Drain("jobs"), Drain("graveyard"),
            ],
        },
        new("ttl-expires-at-once-at-head", "a message whose TTL has passed when it is the head is dropped (dead-lettered expired) before any get")
        {
            Exchanges = [new("dead", "fanout")],
            Queues = [Queue("jobs") with { DeadLetterExchange = "dead" }, Queue("graveyard", ("dead", ""))],
            Actions = [Pub("", "jobs", "gone") with { Ttl = Short }, Count("jobs"), Get("jobs", "a"), Drain("graveyard")],
        },
        new("ttl-zero-to-waiting-consumer", "a message with expiration 0 still reaches a consumer that waits for it (RabbitMQ); the model's shortest TTL does not")
        {
            Queues = [Queue("jobs")],
            Actions = [new Consume("c", "jobs", 1), Pub("", "jobs", "flash") with { Ttl = Short }, new Receive("c", "jobs", "a"), Count("jobs")],

            // RabbitMQ delivers an "expiration 0" message when a consumer can take it at once. In the
            // model routing and pushing are two steps of the broker, and a TTL of 1 step has passed
            // by the second: the head expires before any push (expiry comes first), so a push never
            // happens. The model's TTL has no "0".
            KnownDifferences = [("receive jobs: nothing pushed", "receive jobs: \"flash\" (tag 1)")],
        },
        new("ttl-lower-applies", "a queue TTL and a message TTL together: the lower applies")
        {
            Queues = [Queue("slowq") with { MessageTtl = Long }, Queue("fastq") with { MessageTtl = Short }],
            Actions =
            [
                Pub("", "slowq", "msg-short") with { Ttl = Short }, Pub("", "slowq", "msg-long") with { Ttl = Long }, Pub("", "slowq", "msg-none"),
                Pub("", "fastq", "f-long") with { Ttl = Long }, Count("slowq"), Count("fastq"), Drain("slowq"), Drain("fastq"),
            ],
        },
    ];
}
