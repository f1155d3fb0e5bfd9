namespace IpcLab.Tui.Views.Broker;

/// <summary>A queue's edge back to its dead-letter exchange: the exchange's name, the dead letters waiting in the inbox that died in this queue, and whether one went along it in the last step.</summary>
internal sealed record DiagramDeadLetter(string Exchange, IReadOnlyList<InFlight> Waiting, bool Lit);
