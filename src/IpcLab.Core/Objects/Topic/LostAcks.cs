using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Topic;

/// <summary>
/// A lost acknowledgement, injected by the guarantee checker: a produce reaches the log, its
/// acknowledgement never reaches the producer, and a retrying producer's client sends the same
/// record again to the same partition, all in the step of the produce. A retrying producer's
/// record is appended a second time; an idempotent producer's carries the sequence number already
/// appended, so it is acknowledged and not appended. Only a topic without replicas, whose produce
/// is acknowledged in its own step: an acks(all) produce waits for its acknowledgement in another.
/// </summary>
internal static class LostAcks
{
    /// <summary>True when the statement is a produce whose acknowledgement can be lost: to a topic without replicas whose producers retry.</summary>
    public static bool CanLose(CompiledProgram program, Instr instr) =>
        instr.Op == OpCode.Produce && program.Objects[instr.A] is var topic
        && TopicSettings.RetryingProducers(topic) && !TopicSettings.IsReplicated(topic);

    /// <summary>Carries out the produce <paramref name="instr"/> of thread <paramref name="t"/>, then its retry after the acknowledgement was lost.</summary>
    public static void Produce(IKernelServices k, int t, int pc, Instr instr, KernelModule module)
    {
        var topic = k.Program.Objects[instr.A];
        var cells = TopicModule.CellsOf(k, topic);
        var hasKey = instr.E2 is not null;

        // The partition is worked out before the produce moves the keyless turn on: the retry goes
        // where the first send went, as a client resends the same batch to the same partition.
        var p = hasKey ? KeyHash.Partition(k.Strings[k.Eval(t, instr.E2!)], cells.Partitions) : (int)cells.NextPartition;
        module.Step(k, t, pc, instr);
        cells = TopicModule.CellsOf(k, topic);
        var offset = cells.End(p) - 1;
        var (key, value) = (cells.Key(p, offset), cells.Value(p, offset));
        if (!TopicSettings.IdempotentProducers(topic))
        {
            TopicModule.Append(k, t, pc, topic, p, hasKey, key, value, EventKind.RecordRetried);
            return;
        }

        var (_, sequence) = Producers.StampOf(k, topic, p, offset);
        k.Emit(LogFields.Record(EventKind.RetryDeduplicated, t, pc, topic.Id, (int)sequence, value, p, offset, hasKey ? key + 1 : 0));
    }
}
