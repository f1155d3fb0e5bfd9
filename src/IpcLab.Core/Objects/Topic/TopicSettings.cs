using IpcLab.Core.Model;

namespace IpcLab.Core.Objects.Topic;

/// <summary>
/// A topic's settings, packed into <see cref="ObjectInfo.Initial"/> so the object record stays one
/// shape: the partition count in the low 7 bits, whether it compacts in the 8th, whether its
/// producers are idempotent in the 9th, the expiry in steps in the 31 bits above them (0: never),
/// then the replicas - 1 and the min.insync.replicas - 1 in 4 bits each (zeros: one replica, as every
/// topic declared without them), then whether its plain producers retry a send whose acknowledgement
/// was lost, then its replica lag in 7 bits (0: none). Its retention by count is <see cref="ObjectInfo.Capacity"/>.
/// </summary>
public static class TopicSettings
{
    private const int ReplicasShift = 40;
    private const int MinInSyncShift = 44;
    private const long RetryingBit = 1L << 48;
    private const int ReplicaLagShift = 49;

    public static long Pack(int partitions, long expire, bool compact, bool idempotent = false, int replicas = 1, int minInSync = 1, bool retrying = false, int replicaLag = 0) =>
        (long)partitions | (compact ? 0x80L : 0) | (idempotent ? 0x100L : 0) | (expire << 9)
        | ((long)(replicas - 1) << ReplicasShift) | ((long)(minInSync - 1) << MinInSyncShift) | (retrying ? RetryingBit : 0)
        | ((long)replicaLag << ReplicaLagShift);

    public static int PartitionsOf(ObjectInfo topic) => (int)(topic.Initial & 0x7f);

    /// <summary>True for a topic declared <c>cleanup compact</c>: a keyed record removes the older ones of its key.</summary>
    public static bool Compacts(ObjectInfo topic) => (topic.Initial & 0x80) != 0;

    /// <summary>How many steps a record of the topic lives (retention by time, counted in steps), or 0 for ever.</summary>
    public static long ExpireOf(ObjectInfo topic) => (topic.Initial >> 9) & 0x7fff_ffff;

    /// <summary>True for a topic declared <c>producers idempotent</c>: each record carries its producer and a sequence number, and a retried send is not appended twice.</summary>
    public static bool IdempotentProducers(ObjectInfo topic) => (topic.Initial & 0x100) != 0;

    /// <summary>
    /// True when the topic's producers send a record again when its acknowledgement was lost
    /// (Kafka's retries above 0): declared <c>producers retrying</c>, or <c>producers idempotent</c>,
    /// whose retries the sequence numbers deduplicate. A plain producer does not retry: a lost
    /// acknowledgement is an error it gives up on, and the record stays in the log once.
    /// </summary>
    public static bool RetryingProducers(ObjectInfo topic) => IdempotentProducers(topic) || (topic.Initial & RetryingBit) != 0;

    /// <summary>How many replicas each partition has (Kafka's replication.factor): 1 for a topic declared without <c>replicas</c>.</summary>
    public static int ReplicasOf(ObjectInfo topic) => (int)((topic.Initial >> ReplicasShift) & 0xf) + 1;

    /// <summary>The topic's min.insync.replicas: an <c>acks(all)</c> produce is refused while the ISR is smaller.</summary>
    public static int MinInSyncOf(ObjectInfo topic) => (int)((topic.Initial >> MinInSyncShift) & 0xf) + 1;

    /// <summary>
    /// The topic's <c>replicalag</c>: an in-sync follower that has not caught up with the leader's log
    /// end within this many of the leader's appends leaves the ISR (Kafka's replica.lag.time.max.ms,
    /// its time counted in appends); 0 when not said: followers leave the ISR only when their broker dies.
    /// </summary>
    public static int ReplicaLagOf(ObjectInfo topic) => (int)((topic.Initial >> ReplicaLagShift) & 0x7f);

    /// <summary>True for a topic whose partitions have followers (declared <c>replicas</c> 2 or more).</summary>
    public static bool IsReplicated(ObjectInfo topic) => ReplicasOf(topic) > 1;
}
