namespace IpcLab.Core.Objects.Topic;

/// <summary>One retained record of a partition, as the views and the tests read it.</summary>
/// <param name="Key">The key's string id, or -1 for a record without one.</param>
/// <param name="Compacted">True when compaction removed it (a newer record of its key came): its offset stays, nobody reads it.</param>
public readonly record struct LogRecord(long Offset, long Key, long Value, bool Compacted);

/// <summary>One partition of a topic: its log start and end offsets and the records between them.</summary>
public sealed record LogPartition(long Start, long End, LogRecord[] Records);

/// <summary>One partition as a consumer group sees it: who owns it (-1: nobody), that owner's position, the group's committed offset (-1: none).</summary>
public readonly record struct GroupPartition(int Owner, long Position, long Committed);
