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
        return instr is not null && LostAcks.CanLose(Program, instr)
            ? null
            : $"{ThreadName(thread)}'s next statement is not a produce to a topic whose producers retry (`producers retrying` or `idempotent`, without replicas): it has no acknowledgement to lose";
    }

    /// <summary>
    /// Runs the thread's produce (a step of its own) and loses its acknowledgement: the producer
    /// sends the record again in the same step (see <see cref="LostAcks"/>).
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
