using IpcLab.Conformance.Scenarios;
using static IpcLab.Conformance.Catalog.Build;

namespace IpcLab.Conformance.Catalog;

/// <summary>Exchanges and bindings: one copy per queue, topic words, unroutable messages, the alternate and the default exchange.</summary>
public static class RoutingScenarios
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("one-copy-per-publish", "a queue gets one copy per publish however many of its bindings match")
        {
            Exchanges = [new("logs", "topic"), new("news", "fanout")],
            Queues = [Queue("all", ("logs", "kern.*"), ("logs", "*.error"), ("logs", "#"), ("news", "")), Queue("errors", ("logs", "*.error"), ("news", ""))],
            Actions = [Pub("logs", "kern.error", "disk"), Pub("news", "x", "headline"), Pub("logs", "mail.info", "sent"), Drain("all"), Drain("errors")],
        },
        new("topic-words", "topic: `#` zero or more words (kern.# matches kern), `*` exactly one, an empty word is a word")
        {
            Exchanges = [new("logs", "topic")],
            Queues =
            [
                Queue("kern", ("logs", "kern.#")), Queue("star", ("logs", "*.error")), Queue("middle", ("logs", "a.*.b")),
                Queue("tail", ("logs", "#.error")), Queue("empty", ("logs", "")), Queue("two", ("logs", "*.*")),
            ],
            Actions =
            [
                Pub("logs", "kern", "k0"), Pub("logs", "kern.disk.error", "k2"), Pub("logs", "error", "e0"), Pub("logs", ".error", "e1"),
                Pub("logs", "a..b", "ab"), Pub("logs", "a.b", "ab2"), Pub("logs", "", "none"), Pub("logs", "kernel", "kx"),
                Drain("kern"), Drain("star"), Drain("middle"), Drain("tail"), Drain("empty"), Drain("two"),
            ],
        },
        new("unroutable-dropped-mandatory-returned", "unroutable: dropped and still confirmed; mandatory: returned, then confirmed")
        {
            Exchanges = [new("shop", "direct")],
            Queues = [Queue("orders", ("shop", "order"))],
            Actions = [Pub("shop", "nobody", "lost"), Pub("shop", "nobody", "back") with { Mandatory = true }, Pub("shop", "order", "kept") with { Mandatory = true }, Drain("orders")],
        },
        new("alternate-exchange", "an exchange's alternate exchange takes what none of its bindings match; such a message is not returned")
        {
            Exchanges = [new("spare", "fanout"), new("shop", "direct", Alternate: "spare")],
            Queues = [Queue("orders", ("shop", "order")), Queue("leftovers", ("spare", ""))],
            Actions = [Pub("shop", "order", "o1"), Pub("shop", "refund", "r1") with { Mandatory = true }, Pub("shop", "other", "r2"), Drain("orders"), Drain("leftovers")],
        },
        new("default-exchange", "the default exchange \"\" routes to the queue its key names, and nothing else")
        {
            Queues = [Queue("jobs"), Queue("other")],
            Actions = [Pub("", "jobs", "j1"), Pub("", "nosuch", "lost") with { Mandatory = true }, Pub("", "other", "o1"), Drain("jobs"), Drain("other")],
        },
    ];
}
