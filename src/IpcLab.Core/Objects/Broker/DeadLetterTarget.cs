using IpcLab.Core.Script;

namespace IpcLab.Core.Objects.Broker;

/// <summary>
/// A broker queue's dead-letter exchange (<c>dlx EXCHANGE</c>) and, when it sets one, the routing
/// key its dead letters get (<c>dlkey "KEY"</c>; otherwise each keeps its own key).
/// <see cref="ExchangeId"/> is -1 until the broker's topology is resolved.
/// </summary>
public sealed record DeadLetterTarget(string Exchange, string? Key, SourcePos Pos)
{
    public int ExchangeId { get; init; } = -1;
}
