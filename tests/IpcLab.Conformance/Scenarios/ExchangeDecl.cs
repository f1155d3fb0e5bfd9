namespace IpcLab.Conformance.Scenarios;

/// <summary>An exchange a scenario declares: its type (direct, fanout, topic), durability and alternate exchange.</summary>
public sealed record ExchangeDecl(string Name, string Type, bool Durable = false, string? Alternate = null);
