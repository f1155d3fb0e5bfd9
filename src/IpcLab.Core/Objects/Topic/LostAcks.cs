using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Topic;

/// <summary>
/// A lost acknowledgement, injected by the guarantee checker: a produce reaches the log, its
/// acknowledgement never reaches the producer, and a retrying producer's client sends the same
/// record again to the same partition. A retrying producer's record is appended a second time; an
/// idempotent producer's carries the sequence number already appended, so it is acknowledged and
/// not appended. On a topic without replicas the produce is answered in its own step, and the
/// retry is made in that step too. On a replicated topic the reply comes when the produce's acks
/// are met, an acks(all) one in a later step: the reply is lost then (<see cref="AckLoss"/>), and
/// the producer's next step is the retry, answered as the produce was (see <see cref="ReplicatedProduce.Resend"/>).
/// </summary>
internal static class LostAcks
{
    /// <summary>Why thread <paramref name="t"/>'s next statement <paramref name="instr"/> has no acknowledgement to lose, or null when it has one.</summary>
    public static string? WhyCannotLose(IKernelServices k, int t, Instr instr)
    {
        if (instr.Op != OpCode.Produce || !TopicSettings.RetryingProducers(k.Program.Objects[instr.A]))
        {
            return "is not a produce to a topic whose producers retry (`producers retrying` or `idempotent`): it has no acknowledgement to lose";
        }

        var topic = k.Program.Objects[instr.A];
        if (!TopicSettings.IsReplicated(topic))
        {
            return null;
        }

        var acks = ReplicatedProduce.AcksOf(instr);
        return acks == ProduceAcks.None ? "is a produce with acks(0): the leader sends no acknowledgement to lose"
            : Producers.LossOf(k, topic, t) == AckLoss.Lost ? "sends again a record whose acknowledgement was lost already"
            : ReplicatedProduce.WhyRefused(k, topic, PartitionOf(k, t, instr, topic), acks) is { } refusal ? $"is a produce the leader refuses before appending it ({refusal}): a refusal is not lost"
            : null;
    }

    /// <summary>Carries out the produce <paramref name="instr"/> of thread <paramref name="t"/>, and loses its acknowledgement.</summary>
    public static void Produce(IKernelServices k, int t, int pc, Instr instr, KernelModule module)
    {
        var topic = k.Program.Objects[instr.A];
        if (TopicSettings.IsReplicated(topic))
        {
            Producers.SetLoss(k, topic, t, AckLoss.WillBeLost);
            module.Step(k, t, pc, instr);
            return;
        }

        // The partition is worked out before the produce moves the keyless turn on: the retry goes
        // where the first send went, as a client resends the same batch to the same partition.
        var p = PartitionOf(k, t, instr, topic);
        var hasKey = instr.E2 is not null;
        module.Step(k, t, pc, instr);
        var cells = TopicModule.CellsOf(k, topic);
        var offset = cells.End(p) - 1;
        var (key, value) = (cells.Key(p, offset), cells.Value(p, offset));
        if (!TopicSettings.IdempotentProducers(topic))
        {
            TopicModule.Append(k, t, pc, topic, p, hasKey, key, value, EventKind.RecordRetried, ProduceAcks.All);
            return;
        }

        var (_, sequence) = Producers.StampOf(k, topic, p, offset);
        k.Emit(LogFields.Record(EventKind.RetryDeduplicated, t, pc, topic.Id, (int)sequence, value, p, offset, hasKey ? key + 1 : 0));
    }

    /// <summary>The partition the produce goes to: its key's, or the keyless turn's.</summary>
    private static int PartitionOf(IKernelServices k, int t, Instr instr, ObjectInfo topic)
    {
        var cells = TopicModule.CellsOf(k, topic);
        return instr.E2 is not null ? KeyHash.Partition(k.Strings[k.Eval(t, instr.E2)], cells.Partitions) : (int)cells.NextPartition;
    }
}
