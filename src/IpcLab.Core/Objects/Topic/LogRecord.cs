namespace IpcLab.Core.Objects.Topic;

/// <summary>One retained record of a partition, as the views and the tests read it.</summary>
/// <param name="Key">The key's string id, or -1 for a record without one.</param>
/// <param name="Compacted">True when compaction removed it (a newer record of its key came): its offset stays, nobody reads it.</param>
/// <param name="Producer">The thread that produced it, for a topic of idempotent producers; else -1.</param>
/// <param name="Sequence">Its sequence number for that producer and partition, or -1.</param>
public readonly record struct LogRecord(long Offset, long Key, long Value, bool Compacted, int Producer = -1, long Sequence = -1);

/// <summary>One partition of a topic: its log start and end offsets and the records between them.</summary>
public sealed record LogPartition(long Start, long End, LogRecord[] Records);

/// <summary>One partition as a consumer group sees it: who owns it (-1: nobody), that owner's position, the group's committed offset (-1: none).</summary>
public readonly record struct GroupPartition(int Owner, long Position, long Committed);
