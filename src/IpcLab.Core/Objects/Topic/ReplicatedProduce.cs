using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Topic;

/// <summary>
/// A produce to a replicated topic with its <c>acks</c>: <c>acks(0)</c> and <c>acks(1)</c> move on
/// in the step that appends (acks(0) does not even learn the offset); <c>acks(all)</c> is refused
/// at once while the ISR is below min.insync.replicas, else appends and waits, blocked on the
/// topic, until the high-water mark passes its record or the record can no longer get there. A
/// retry (a <c>retry</c> statement, or the step after a lost reply) sends the thread's last record
/// again and is answered as that produce was: an idempotent producer's record whose sequence number
/// the leader holds is not appended again, and its acks(all) retry waits for the record it has.
/// </summary>
internal static class ReplicatedProduce
{
    /// <summary>The acks a produce instruction asks for (<see cref="ProduceAcks.All"/> when it does not say).</summary>
    public static ProduceAcks AcksOf(Instr instr) => instr.Args is [ConstExpr acks] ? (ProduceAcks)acks.Value : ProduceAcks.All;

    /// <summary>
    /// Produces <paramref name="value"/> to partition <paramref name="p"/>; returns true when the
    /// statement is done, false when the thread waits for its reply (blocked: its step completes
    /// later, see <see cref="Finish"/>) or its reply was lost (it sends again with its next step).
    /// </summary>
    public static bool Produce(IKernelServices k, int t, int pc, Instr instr, ObjectInfo topic, int p, bool hasKey, long key, long value)
    {
        var acks = AcksOf(instr);
        if (Refused(k, t, pc, instr, topic, p, value, acks))
        {
            return true;
        }

        var offset = TopicModule.Append(k, t, pc, topic, p, hasKey, key, value, EventKind.RecordAppended, acks);
        return Answer(k, t, pc, instr, topic, p, offset, value, acks, appended: true);
    }

    /// <summary>
    /// Sends the thread's last record to the topic again, to the same partition with the same
    /// sequence number and acks; returns as <see cref="Produce"/>. The leader appends it unless its
    /// producers are idempotent and it holds that sequence number already: then the retry is a
    /// duplicate, answered with the offset the record has.
    /// </summary>
    public static bool Resend(IKernelServices k, int t, int pc, Instr instr, ObjectInfo topic)
    {
        var (p, hasKey, key, value, sequence, acks) = Producers.LastSend(k, t, topic);
        Producers.SetLoss(k, topic, t, AckLoss.None);
        if (Refused(k, t, pc, instr, topic, p, value, acks))
        {
            return true;
        }

        if (TopicSettings.IdempotentProducers(topic) && ProducerSequences.LeaderHas(k, topic, p, t, sequence, out var offset))
        {
            k.Emit(LogFields.Record(EventKind.RetryDeduplicated, t, pc, topic.Id, (int)sequence, value, p, offset, hasKey ? key + 1 : 0));
            return Answer(k, t, pc, instr, topic, p, offset, value, acks, appended: false);
        }

        offset = TopicModule.Append(k, t, pc, topic, p, hasKey, key, value, EventKind.RecordRetried, acks);
        return Answer(k, t, pc, instr, topic, p, offset, value, acks, appended: true);
    }

    /// <summary>The leader refuses the record before appending it: the partition is offline, or an acks(all) record finds the ISR below min.insync.replicas.</summary>
    private static bool Refused(IKernelServices k, int t, int pc, Instr instr, ObjectInfo topic, int p, long value, ProduceAcks acks)
    {
        if (WhyRefused(k, topic, p, acks) is not { } refused)
        {
            return false;
        }

        Replication.TryCells(k, topic, out var replicas);
        SetResults(k, t, instr, -1, p);
        k.Emit(LogFields.Record(EventKind.ProduceRefused, t, pc, topic.Id, (int)refused, value, p, -1, replicas.InSyncCount(p)));
        return true;
    }

    /// <summary>Why the leader of partition <paramref name="p"/> would refuse a record before appending it, or null when it would take it.</summary>
    public static ProduceRefusal? WhyRefused(IKernelServices k, ObjectInfo topic, int p, ProduceAcks acks)
    {
        Replication.TryCells(k, topic, out var replicas);
        return replicas.Offline(p) != 0 ? ProduceRefusal.Offline
            : acks == ProduceAcks.All && replicas.InSyncCount(p) < TopicSettings.MinInSyncOf(topic) ? ProduceRefusal.NotEnoughReplicas
            : null;
    }

    /// <summary>The reply to a record the leader has at <paramref name="offset"/>: at once for acks 0 and 1, or when the high-water mark passed it; else the thread waits.</summary>
    private static bool Answer(IKernelServices k, int t, int pc, Instr instr, ObjectInfo topic, int p, long offset, long value, ProduceAcks acks, bool appended)
    {
        Replication.TryCells(k, topic, out var replicas);

        // The append itself may have dropped a lagging follower (replicalag) below min.insync.replicas.
        if (appended && acks == ProduceAcks.All && replicas.InSyncCount(p) < TopicSettings.MinInSyncOf(topic))
        {
            if (Lose(k, t, pc, topic, p, offset, value))
            {
                return false;
            }

            SetResults(k, t, instr, -1, p);
            k.Emit(LogFields.Record(EventKind.ProduceRefused, t, pc, topic.Id, (int)ProduceRefusal.NotEnoughReplicasAfterAppend, value, p, offset, replicas.InSyncCount(p)));
            return true;
        }

        if (acks != ProduceAcks.All || replicas.HighWaterMark(p) > offset)
        {
            if (Lose(k, t, pc, topic, p, offset, value))
            {
                return false;
            }

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

    /// <summary>The <c>acks(all)</c> produce of blocked thread <paramref name="t"/> is answered: acknowledged (<paramref name="refusal"/> null) or refused; it moves on, unless the reply is lost.</summary>
    public static void Finish(IKernelServices k, int t, ObjectInfo topic, int p, long offset, ProduceRefusal? refusal)
    {
        Replication.TryCells(k, topic, out var replicas);
        var instr = k.Program.Threads[t].Code[k.PcOf(t)];
        var log = TopicModule.CellsOf(k, topic);
        var pc = k.PcOf(t);

        // Retention may have deleted a record still waiting for its followers (a tiny `retain`): its value is the send's own.
        var value = offset < log.End(p) && offset >= log.Start(p) ? log.Value(p, offset)
            : instr.E1 is null ? Producers.LastSend(k, t, topic).Value
            : k.Eval(t, instr.E1);
        replicas.StopWaiting(t);
        k.Wake(t);
        if (Lose(k, t, pc, topic, p, offset, value))
        {
            return;
        }

        SetResults(k, t, instr, refusal is null ? offset : -1, p);
        k.Emit(refusal is { } refused
            ? LogFields.Record(EventKind.ProduceRefused, t, pc, topic.Id, (int)refused, value, p, offset, replicas.InSyncCount(p))
            : LogFields.Record(EventKind.ProduceAcknowledged, t, pc, topic.Id, (int)ProduceAcks.All, value, p, offset, replicas.HighWaterMark(p) + 1));
        k.MoveTo(t, instr.Next);
    }

    /// <summary>When the guarantee checker loses this reply, the thread does not hear it: it stays at its produce, and sends the record again with its next step. Returns true then.</summary>
    private static bool Lose(IKernelServices k, int t, int pc, ObjectInfo topic, int p, long offset, long value)
    {
        if (Producers.LossOf(k, topic, t) != AckLoss.WillBeLost)
        {
            return false;
        }

        Producers.SetLoss(k, topic, t, AckLoss.Lost);
        k.Emit(LogFields.Record(EventKind.ReplyLost, t, pc, topic.Id, 0, value, p, offset, 0));
        return true;
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
