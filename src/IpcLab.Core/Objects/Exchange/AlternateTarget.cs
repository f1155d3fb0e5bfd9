using IpcLab.Core.Script;

namespace IpcLab.Core.Objects.Exchange;

/// <summary>
/// An exchange's alternate exchange (<c>alternate EXCHANGE</c>, RabbitMQ's <c>alternate-exchange</c>
/// argument): where a message goes that none of its bindings match. <see cref="ExchangeId"/> is -1
/// until the broker's topology is resolved.
/// </summary>
public sealed record AlternateTarget(string Exchange, SourcePos Pos)
{
    public int ExchangeId { get; init; } = -1;
}
