using IpcLab.Conformance.Scenarios;
using static IpcLab.Conformance.Catalog.Build;

namespace IpcLab.Conformance.Catalog;

/// <summary>The default exchange "" as a dead-letter exchange (by the dead-letter key), and as an alternate exchange, which RabbitMQ 3.10 accepts but routes nothing through.</summary>
public static class DefaultExchangeScenarios
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("deadletter-default-exchange-dlkey", "an empty dead-letter exchange sends a dead letter to the queue its dead-letter routing key names")
        {
            Queues = [Queue("jobs") with { DeadLetterExchange = "", DeadLetterKey = "failed" }, Queue("failed")],
            Actions = [Pub("", "jobs", "bad"), Pub("", "jobs", "good"), Get("jobs", "a"), Reject("a", requeue: false), Count("jobs"), Drain("failed"), Drain("jobs")],
        },
        new("alternate-default-exchange", "an empty alternate exchange is accepted but routes nothing: what no binding matches is unroutable (returned when mandatory), even when its key names a queue")
        {
            Exchanges = [new("shop", "direct", Alternate: "")],
            Queues = [Queue("orders", ("shop", "order")), Queue("leftovers")],
            Actions =
            [
                Pub("shop", "order", "o1"), Pub("shop", "leftovers", "r1") with { Mandatory = true, KeyNamesQueue = true },
                Pub("shop", "nosuch", "r2") with { Mandatory = true, KeyNamesQueue = true }, Drain("orders"), Drain("leftovers"),
            ],
        },
    ];
}
