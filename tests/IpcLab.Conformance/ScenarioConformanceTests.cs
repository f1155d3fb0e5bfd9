using IpcLab.Conformance.Catalog;
using IpcLab.Conformance.Model;
using IpcLab.Conformance.Rabbit;
using IpcLab.Conformance.Scenarios;
using Xunit.Abstractions;

namespace IpcLab.Conformance;

/// <summary>Each scenario on the model and on RabbitMQ: the observations agree, or differ exactly as documented.</summary>
public sealed class ScenarioConformanceTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(ScenarioCatalog.OrdinaryNames), MemberType = typeof(ScenarioCatalog))]
    public async Task Scenario_OnModelAndRabbitMq_ObservationsAgree(string name)
    {
        var scenario = ScenarioCatalog.Named(name);
        var model = ModelRunner.Run(scenario);
        var rabbit = await RabbitRunner.RunAsync(scenario, model);
        output.WriteLine($"{scenario.Name}: {scenario.Point}\n{Comparison.SideBySide(model, rabbit)}");
        Comparison.AssertConforms(scenario, model, rabbit);
    }
}
