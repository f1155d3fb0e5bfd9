using IpcLab.Conformance.Catalog;
using IpcLab.Conformance.Model;
using IpcLab.Conformance.Rabbit;
using IpcLab.Conformance.Scenarios;
using Xunit.Abstractions;

namespace IpcLab.Conformance;

/// <summary>The scenarios that restart the node: alone, since a restart closes every connection of every other test.</summary>
[Collection(NodeRestarts.Name)]
public sealed class RestartConformanceTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(ScenarioCatalog.RestartingNames), MemberType = typeof(ScenarioCatalog))]
    public async Task Scenario_AcrossANodeRestart_ObservationsAgree(string name)
    {
        var scenario = ScenarioCatalog.Named(name);
        var model = ModelRunner.Run(scenario);
        var rabbit = await RabbitRunner.RunAsync(scenario, model);
        output.WriteLine($"{scenario.Name}: {scenario.Point}\n{Comparison.SideBySide(model, rabbit)}");
        Comparison.AssertConforms(scenario, model, rabbit);
    }
}
