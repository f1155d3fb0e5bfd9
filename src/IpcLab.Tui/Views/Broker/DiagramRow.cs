namespace IpcLab.Tui.Views.Broker;

/// <summary>One binding: its key as drawn, the queue, its ready messages, its consumers; lit when a message was routed along it in the last step.</summary>
internal sealed record DiagramRow(string Key, string Queue, IReadOnlyList<InFlight> Ready, IReadOnlyList<DiagramConsumer> Consumers, bool Lit, bool Repeated);
