using IpcLab.Core.Objects.Broker;

namespace IpcLab.Tui.Views.Broker;

/// <summary>One copy of a message in flight: its label (<see cref="MessageLabels"/>), the copy, and the queue it belongs to (-1 in the inbox).</summary>
internal sealed record InFlight(int Label, BrokerMessageInfo Message, int Queue)
{
    /// <summary>The mark drawn on the diagram's edge or in the queue: "●3".</summary>
    public string Mark => MessageLabels.Mark(Label);
}
