using IpcLab.Core.Objects.Broker;

namespace IpcLab.Core.Objects.BrokerQueue;

/// <summary>A thread as a consumer of one broker queue: how it consumes, its prefetch, and the copies it holds unacknowledged (by delivery tag).</summary>
public sealed record ConsumerInfo(int Thread, ConsumerMode Mode, long Prefetch, IReadOnlyList<BrokerMessageInfo> Held);
