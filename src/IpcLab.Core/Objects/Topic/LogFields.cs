using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Topic;

/// <summary>
/// Where a log event keeps what a record event needs beyond the common fields: the partition in
/// <see cref="KernelEvent.Process"/>, the offset in <see cref="KernelEvent.Count"/>, and the key
/// (a string id + 1, 0 for none) or, for a moved partition, its previous owner + 1, or, for an
/// expired record, the step that appended it + 1, in
/// <see cref="KernelEvent.PeerProcess"/>. The event record keeps its size; only log events read
/// these fields so.
/// </summary>
internal static class LogFields
{
    public static KernelEvent Record(EventKind kind, int thread, int pc, int objectId, int other, long value, int partition, long offset, long keyPlusOne) =>
        new(0, kind, thread, pc, objectId, other, value)
        {
            Process = partition,
            Count = offset,
            PeerProcess = checked((int)keyPlusOne),
            Fd = -1,
            PeerFd = -1,
        };

    public static int Partition(in KernelEvent e) => e.Process;

    public static long Offset(in KernelEvent e) => e.Count;

    /// <summary>The key's string id, or -1 when the record has none.</summary>
    public static long Key(in KernelEvent e) => e.PeerProcess - 1;

    /// <summary>" (key "alice")", or "" for a record without a key.</summary>
    public static string KeyText(in EventWords w) => Key(w.Event) < 0 ? "" : $" (key \"{w.TextOf(Key(w.Event))}\")";

    public static void Write(in EventWords w, EventFieldWriter fields, bool hasKey)
    {
        fields.Number("partition", Partition(w.Event));
        fields.Number("offset", Offset(w.Event));
        if (hasKey && Key(w.Event) >= 0)
        {
            fields.Text("key", w.TextOf(Key(w.Event)));
        }
    }
}
