using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Topic;

/// <summary>
/// A produce to a replicated topic with its <c>acks</c>: <c>acks(0)</c> and <c>acks(1)</c> move on
/// in the step that appends (acks(0) does not even learn the offset); <c>acks(all)</c> is refused
/// at once while the ISR is below min.insync.replicas, else appends and waits, blocked on the
/// topic, until the high-water mark passes its record or the record can no longer get there.
/// </summary>
internal static class ReplicatedProduce
{
    /// <summary>The acks a produce instruction asks for (<see cref="ProduceAcks.All"/> when it does not say).</summary>
    public static ProduceAcks AcksOf(Instr instr) => instr.Args is [ConstExpr acks] ? (ProduceAcks)acks.Value : ProduceAcks.All;

    /// <summary>
    /// Produces <paramref name="value"/> to partition <paramref name="p"/>; returns false when the
    /// thread is blocked waiting for its acknowledgement (its step completes later, see <see cref="Finish"/>).
    /// </summary>
    public static bool Produce(IKernelServices k, int t, int pc, Instr instr, ObjectInfo topic, int p, bool hasKey, long key, long value)
    {
        Replication.TryCells(k, topic, out var replicas);
        var acks = AcksOf(instr);
        var refusal = replicas.Offline(p) != 0 ? ProduceRefusal.Offline
            : acks == ProduceAcks.All && replicas.InSyncCount(p) < TopicSettings.MinInSyncOf(topic) ? ProduceRefusal.NotEnoughReplicas
            : (ProduceRefusal?)null;
        if (refusal is { } refused)
        {
            SetResults(k, t, instr, -1, p);
            k.Emit(LogFields.Record(EventKind.ProduceRefused, t, pc, topic.Id, (int)refused, value, p, -1, replicas.InSyncCount(p)));
            return true;
        }

        var offset = TopicModule.Append(k, t, pc, topic, p, hasKey, key, value, EventKind.RecordAppended);
        Replication.TryCells(k, topic, out replicas);

        // The append itself may have dropped a lagging follower (replicalag) below min.insync.replicas.
        if (acks == ProduceAcks.All && replicas.InSyncCount(p) < TopicSettings.MinInSyncOf(topic))
        {
            SetResults(k, t, instr, -1, p);
            k.Emit(LogFields.Record(EventKind.ProduceRefused, t, pc, topic.Id, (int)ProduceRefusal.NotEnoughReplicasAfterAppend, value, p, offset, replicas.InSyncCount(p)));
            return true;
        }

        if (acks != ProduceAcks.All || replicas.HighWaterMark(p) > offset)
        {
            SetResults(k, t, instr, acks == ProduceAcks.None ? -1 : offset, p);
            if (acks != ProduceAcks.None)
            {
                k.Emit(LogFields.Record(EventKind.ProduceAcknowledged, t, pc, topic.Id, (int)acks, value, p, offset, replicas.HighWaterMark(p) + 1));
            }

            return true;
        }

        replicas.Wait(t, p, offset);
        k.JoinWaitQueue(t, topic.Id, ThreadStatus.Blocked);
        k.Emit(LogFields.Record(EventKind.ProduceAwaitingReplicas, t, pc, topic.Id, replicas.InSyncCount(p), value, p, offset, replicas.HighWaterMark(p) + 1));
        return false;
    }

    /// <summary>The <c>acks(all)</c> produce of blocked thread <paramref name="t"/> is answered: acknowledged (<paramref name="refusal"/> null) or refused; it moves on.</summary>
    public static void Finish(IKernelServices k, int t, ObjectInfo topic, int p, long offset, ProduceRefusal? refusal)
    {
        Replication.TryCells(k, topic, out var replicas);
        var instr = k.Program.Threads[t].Code[k.PcOf(t)];
        var log = TopicModule.CellsOf(k, topic);
        var pc = k.PcOf(t);

        // Retention may have deleted a record still waiting for its followers (a tiny `retain`): its value is the produce's own.
        var value = offset < log.End(p) && offset >= log.Start(p) ? log.Value(p, offset) : k.Eval(t, instr.E1!);
        replicas.StopWaiting(t);
        SetResults(k, t, instr, refusal is null ? offset : -1, p);
        k.Wake(t);
        k.Emit(refusal is { } refused
            ? LogFields.Record(EventKind.ProduceRefused, t, pc, topic.Id, (int)refused, value, p, offset, replicas.InSyncCount(p))
            : LogFields.Record(EventKind.ProduceAcknowledged, t, pc, topic.Id, (int)ProduceAcks.All, value, p, offset, replicas.HighWaterMark(p) + 1));
        k.MoveTo(t, instr.Next);
    }

    private static void SetResults(IKernelServices k, int t, Instr instr, long offset, int p)
    {
        if (instr.B >= 0)
        {
            k.Local(t, instr.B) = offset;
        }

        if (instr.C >= 0)
        {
            k.Local(t, instr.C) = p;
        }
    }
}
