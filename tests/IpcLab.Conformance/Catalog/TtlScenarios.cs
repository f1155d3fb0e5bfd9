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
