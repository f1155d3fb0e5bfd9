namespace IpcLab.Conformance.Scenarios;

/// <summary>
/// A conformance scenario: a topology and the actions of its clients, in the order they happen.
/// Written once, run on the model and on RabbitMQ, and the observations compared line by line.
/// </summary>
/// <param name="Point">The point of RabbitMQ's semantics it checks, in words.</param>
public sealed record Scenario(string Name, string Point)
{
    public IReadOnlyList<ExchangeDecl> Exchanges { get; init; } = [];

    public IReadOnlyList<QueueDecl> Queues { get; init; } = [];

    public IReadOnlyList<ClientAction> Actions { get; init; } = [];

    /// <summary>
    /// A documented difference between the model and RabbitMQ: the observation lines where the two
    /// sides differ, exactly (model line, RabbitMQ line). Empty: the two must agree on every line.
    /// </summary>
    public IReadOnlyList<(string Model, string Rabbit)> KnownDifferences { get; init; } = [];

    public override string ToString() => Name;
}
