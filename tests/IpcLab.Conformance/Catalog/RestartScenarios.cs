using IpcLab.Conformance.Scenarios;
using static IpcLab.Conformance.Catalog.Build;

namespace IpcLab.Conformance.Catalog;

/// <summary>A broker restart: only durable queues, exchanges and bindings with both ends durable, only persistent messages in durable queues.</summary>
public static class RestartScenarios
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("restart-keeps-durable-persistent", "across a restart only durable queues keep messages, and only persistent ones; unacked ones come back redelivered")
        {
            Exchanges = [new("x", "fanout", Durable: true)],
            Queues = [Queue("keep", ("x", "")) with { Durable = true }],
            Actions =
            [
                Pub("x", "", "plain"), Pub("x", "", "disk1") with { Persistent = true }, Pub("x", "", "disk2") with { Persistent = true },
                Get("keep", "a"), new Restart("ops"), new Drain("after", "keep"),
            ],
        },
    ];
}
