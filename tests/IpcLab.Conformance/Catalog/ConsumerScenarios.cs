using IpcLab.Conformance.Scenarios;
using static IpcLab.Conformance.Catalog.Build;

namespace IpcLab.Conformance.Catalog;

/// <summary>Priorities and the delivery limit.</summary>
public static class ConsumerScenarios
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("priority-strict-fifo-capped", "strict priority, FIFO within a level, above the maximum counts as the maximum, none counts as 0")
        {
            Queues = [Queue("urgent") with { MaxPriority = 5 }],
            Actions =
            [
                Pub("", "urgent", "none"), Pub("", "urgent", "p3") with { Priority = 3 }, Pub("", "urgent", "p9") with { Priority = 9 },
                Pub("", "urgent", "zero") with { Priority = 0 }, Pub("", "urgent", "p5") with { Priority = 5 }, Pub("", "urgent", "p3b") with { Priority = 3 },
                Get("urgent", "a"), Nack("a"), Drain("urgent"),
            ],
        },
        new("priority-ignored-without-max", "a queue without x-max-priority ignores priorities")
        {
            Queues = [Queue("plain")],
            Actions = [Pub("", "plain", "low") with { Priority = 1 }, Pub("", "plain", "high") with { Priority = 9 }, Drain("plain")],
        },
        new("delivery-limit-poison-message", "x-delivery-limit: a message returned more times than the limit is dead-lettered with reason delivery_limit")
        {
            Exchanges = [new("dead", "fanout", Durable: true)],
            Queues = [Queue("jobs") with { Durable = true, DeliveryLimit = 2, DeadLetterExchange = "dead" }, Queue("poison", ("dead", ""))],
            Actions =
            [
                Pub("", "jobs", "bad"), Pub("", "jobs", "good"), Get("jobs", "a"), Nack("a"), Get("jobs", "b"), Nack("b"),
                Get("jobs", "c"), Reject("c"), Count("jobs"), Drain("poison"), Drain("jobs"),
            ],
        },
    ];
}
