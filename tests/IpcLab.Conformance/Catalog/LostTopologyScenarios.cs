using IpcLab.Conformance.Scenarios;
using static IpcLab.Conformance.Catalog.Build;

namespace IpcLab.Conformance.Catalog;

/// <summary>
/// What a restart leaves of the topology, seen by clients afterwards: a transient exchange and a
/// transient queue are gone (NOT_FOUND closes the channel that uses them), and so is every binding
/// or alternate exchange that reached them, so what went there is unroutable.
/// </summary>
public static class LostTopologyScenarios
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("restart-lost-topology", "after a restart a publish to a lost transient exchange and a get from a lost transient queue close the channel with 404 NOT_FOUND; a surviving exchange whose binding or alternate exchange was lost finds no route")
        {
            Exchanges = [new("spare", "fanout"), new("dx", "direct", Durable: true, Alternate: "spare"), new("tx", "fanout")],
            Queues = [Queue("keep", ("dx", "k"), ("tx", "")) with { Durable = true }, Queue("temp", ("dx", "t"), ("spare", ""))],
            Actions =
            [
                Pub("dx", "k", "before") with { Persistent = true }, new Restart("ops"), new Count("after", "keep"), new Count("after", "temp"),
                Pub("dx", "t", "to-lost-queue", channel: "p2") with { Mandatory = true, Persistent = true },
                Pub("dx", "other", "to-lost-alternate", channel: "p2") with { Mandatory = true, Persistent = true },
                Pub("", "temp", "by-name", channel: "p2") with { Mandatory = true },
                Get("temp", "g", channel: "getter"),
                Pub("tx", "", "to-lost-exchange", channel: "late") with { Persistent = true },
                new Drain("after", "keep"),
            ],
        },
    ];
}
