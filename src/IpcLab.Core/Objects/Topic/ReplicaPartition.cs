namespace IpcLab.Core.Objects.Topic;

/// <summary>
/// One partition of a replicated topic as a view or a test reads it: its leader (a replica index
/// from 0), the leader epoch, the high-water mark, whether it is offline, and per replica its log
/// end, whether it is in the ISR and whether its broker is down (a replica out of the ISR may be up
/// and catching up). Replica r is on the broker process named TOPIC-(r + 1).
/// </summary>
public sealed record ReplicaPartition(int Leader, long Epoch, long HighWaterMark, bool Offline, long[] LogEnds, bool[] InSync, bool[] Down);
