using IpcLab.Conformance.Scenarios;

namespace IpcLab.Conformance.Catalog;

/// <summary>Every scenario of the suite by name; the restart scenarios apart, since they restart the shared node.</summary>
public static class ScenarioCatalog
{
    public static IReadOnlyList<Scenario> Ordinary { get; } =
    [
        .. RoutingScenarios.All,
        .. RequeueScenarios.All,
        .. TtlScenarios.All,
        .. DeadLetterScenarios.All,
        .. OverflowScenarios.All,
        .. ConsumerScenarios.All,
        .. DefaultExchangeScenarios.All,
        .. HeadersScenarios.All,
        .. ConsumerTurnScenarios.All,
        .. TtlClockScenarios.All,
    ];

    public static IReadOnlyList<Scenario> Restarting { get; } = [.. RestartScenarios.All, .. LostTopologyScenarios.All, .. UnconfirmedRestartScenarios.All];

    public static Scenario Named(string name) => Ordinary.Concat(Restarting).Single(s => s.Name == name);

    public static TheoryData<string> OrdinaryNames => [.. Ordinary.Select(s => s.Name)];

    public static TheoryData<string> RestartingNames => [.. Restarting.Select(s => s.Name)];
}
