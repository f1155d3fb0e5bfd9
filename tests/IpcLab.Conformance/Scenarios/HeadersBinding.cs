using IpcLab.Core.Objects.Exchange;

namespace IpcLab.Conformance.Scenarios;

/// <summary>A binding to a headers exchange: its arguments "k=v,k=v" (string values, as the model has them) and its x-match.</summary>
public sealed record HeadersBinding(string Exchange, string Arguments, HeadersMatch Match);
