namespace IpcLab.Tui.Views.Broker;

/// <summary>A consumer of a queue, the messages it holds unacknowledged, and whether one was delivered to it in the last step.</summary>
internal sealed record DiagramConsumer(string Name, IReadOnlyList<InFlight> Held, bool Lit);
