using IpcLab.Conformance.Scenarios;
using static IpcLab.Conformance.Catalog.Build;

namespace IpcLab.Conformance.Catalog;

/// <summary>
/// A broker restart: only durable queues, exchanges and bindings with both ends durable, only
/// persistent messages in durable queues. One scenario for all of it, since a restart of the real
/// node takes seconds.
/// </summary>
public static class RestartScenarios
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("restart-durability", "across a restart only durable queues and exchanges survive, only bindings whose both ends are durable, only persistent messages in durable queues; an unacked one comes back redelivered")
        {
            Exchanges = [new("dx", "fanout", Durable: true), new("tx", "fanout")],
            Queues = [Queue("keep", ("dx", ""), ("tx", "")) with { Durable = true }, Queue("temp", ("dx", ""))],
            Actions =
            [
                Pub("dx", "", "disk1") with { Persistent = true }, Pub("dx", "", "plain"), Pub("dx", "", "disk2") with { Persistent = true },
                Get("keep", "a"), new Restart("ops"), new Count("after", "keep"), new Count("after", "temp"),
                Pub("tx", "", "via-transient", channel: "late") with { Persistent = true }, new Drain("after", "keep"),
            ],
        },
    ];
}
