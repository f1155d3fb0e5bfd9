using IpcLab.Conformance.Scenarios;
using static IpcLab.Conformance.Catalog.Build;

namespace IpcLab.Conformance.Catalog;

/// <summary>A restart that catches a publish before its confirm: the publisher publishes it again, and the queue holds it once.</summary>
public static class UnconfirmedRestartScenarios
{
    public static IReadOnlyList<Scenario> All { get; } =
    [
        new("restart-unconfirmed-publish", "a restart while a publish waits for its confirm: the confirm never comes, the publisher publishes again and gets it; the queue holds the message once, after what was confirmed before")
        {
            Queues = [Queue("keep") with { Durable = true }],
            Actions =
            [
                Pub("", "keep", "confirmed") with { Persistent = true }, Pub("", "keep", "caught") with { Persistent = true, Pending = true },
                new Restart("ops"), new AwaitConfirm("p", "caught"), new Drain("after", "keep"),
            ],
        },
    ];
}
