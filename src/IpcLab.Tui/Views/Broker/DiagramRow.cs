namespace IpcLab.Tui.Views.Broker;

/// <summary>
/// A queue of an exchange: the keys of its bindings to it as drawn (one row however many bind it),
/// the queue, its ready messages, its consumers, its edge back to its dead-letter exchange (or
/// null); lit when a message was routed along it in the last step; repeated when an exchange drawn
/// above binds the same queue (its messages are drawn there). A repeated row that joins above is
/// only an edge, up into the queue's row of the exchange just above; that row is joined below
/// (lit below when a message came along that edge in the last step).
/// </summary>
internal sealed record DiagramRow(string Key, string Queue, IReadOnlyList<InFlight> Ready, IReadOnlyList<DiagramConsumer> Consumers, bool Lit, bool Repeated, DiagramDeadLetter? DeadLetter)
{
    public bool JoinsAbove { get; init; }

    public bool JoinedBelow { get; init; }

    public bool LitBelow { get; init; }
}
