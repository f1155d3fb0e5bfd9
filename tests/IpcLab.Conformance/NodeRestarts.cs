namespace IpcLab.Conformance;

/// <summary>The collection of tests that restart the RabbitMQ node: it never runs in parallel with any other.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class NodeRestarts
{
    public const string Name = "node restarts";
}
