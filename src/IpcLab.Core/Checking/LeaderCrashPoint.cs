using IpcLab.Core.Model;
using IpcLab.Core.Objects;
using IpcLab.Core.Objects.Topic;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Checking;

/// <summary>
/// The broker leader's crash point: right after a produce to a replicated topic appended its
/// record, the process of the partition's leader crashes, before any follower could copy it. It
/// is the moment that tells acks(1) from acks(all): an acks(1) record is already acknowledged and
/// is lost; an acks(all) one is not acknowledged yet and is refused, so its producer sends it again.
/// </summary>
internal static class LeaderCrashPoint
{
    /// <summary>The thread of the live leader of the partition <paramref name="producer"/>'s step just appended to, or -1.</summary>
    public static int LeaderAfter(Kernel kernel, int producer, Instr instr)
    {
        if (instr.Op != OpCode.Produce || !TopicSettings.IsReplicated(kernel.Program.Objects[instr.A]))
        {
            return -1;
        }

        var topic = kernel.Program.Objects[instr.A];
        var events = kernel.Events;
        for (var i = events.Count - 1; i >= 0 && events[i].Step == kernel.StepCount; i--)
        {
            if (events[i].Kind != EventKind.RecordAppended || events[i].Thread != producer || events[i].Object != topic.Id)
            {
                continue;
            }

            var k = (IKernelServices)kernel;
            Replication.TryCells(k, topic, out var replicas);
            var p = LogFields.Partition(events[i]);
            var leader = Replication.ThreadOf(k, topic, (int)replicas.Leader(p));
            return replicas.Offline(p) == 0 && kernel.WhyCannotCrash(leader) is null ? leader : -1;
        }

        return -1;
    }
}
