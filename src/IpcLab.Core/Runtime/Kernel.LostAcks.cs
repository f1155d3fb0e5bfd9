using IpcLab.Core.Objects;
using IpcLab.Core.Objects.Topic;

namespace IpcLab.Core.Runtime;

// Lost acknowledgements: a produce whose acknowledgement never reaches its producer.
public sealed partial class Kernel
{
    /// <summary>Why the thread's next step cannot be a produce whose acknowledgement is lost, in words; null when it can.</summary>
    public string? WhyCannotLoseAck(int thread)
    {
        if (WhyCannotRun(thread) is { } why)
        {
            return why;
        }

        var instr = NextInstruction(thread);
        return instr is null
            ? $"{ThreadName(thread)} has no next statement: it has no acknowledgement to lose"
            : LostAcks.WhyCannotLose(this, thread, instr) is { } reason ? $"{ThreadName(thread)}'s next statement {reason}" : null;
    }

    /// <summary>
    /// Runs the thread's produce (a step of its own) and loses its acknowledgement: the producer
    /// sends the record again, in the same step on a topic without replicas, with its next step on
    /// a replicated one once the reply was due (see <see cref="LostAcks"/>).
    /// </summary>
    public void InjectLostAck(int thread)
    {
        if (WhyCannotLoseAck(thread) is { } why)
        {
            throw new InvalidOperationException(why);
        }

        StepCount++;
        _pendingWoken = -1;
        var pc = PcOf(thread);
        var instr = _code[thread][pc];
        try
        {
            LostAcks.Produce(this, thread, pc, instr, ObjectModules.OwnerOf(instr.Op)!);
        }
        catch (ThreadFaultException fault)
        {
            FaultThread(thread, pc, FindingKind.Fault, EventKind.Faulted, fault.Message);
        }

        PassTime();
        RecordEntry(new ScheduleEntry(ScheduleEntryKind.LostAck, thread));
        AssertInvariantsIfEnabled();
    }
}
