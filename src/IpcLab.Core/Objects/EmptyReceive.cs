using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects;

/// <summary>
/// What a receive that finds nothing does, the same on every channel with the three forms
/// (<c>tryreceive</c>, <c>timedreceive</c>, <c>receive</c>): a try fails at once with ok = false, a
/// timed receive blocks with a deadline, a plain one just blocks.
/// </summary>
/// <param name="Try">The channel's tryreceive.</param>
/// <param name="Timed">The channel's timedreceive.</param>
/// <param name="TryFailed">The event of a try that found nothing.</param>
/// <param name="Blocked">The event of a receive that blocks; its value is the timeout, or -1.</param>
internal readonly record struct EmptyReceive(OpCode Try, OpCode Timed, EventKind TryFailed, EventKind Blocked)
{
    public void BlockOrFail(IKernelServices k, int t, int pc, Instr instr, ObjectInfo channel)
    {
        if (instr.Op == Try)
        {
            k.Local(t, instr.C) = 0;
            k.Emit(TryFailed, t, pc, channel.Id);
            k.MoveTo(t, instr.Next);
            return;
        }

        long timeout = -1;
        if (instr.Op == Timed)
        {
            timeout = k.Eval(t, instr.E1!);
            k.SetTimeout(t, timeout, $"waits on {channel.Name}");
        }

        k.JoinWaitQueue(t, channel.Id, ThreadStatus.Blocked);
        k.Emit(Blocked, t, pc, channel.Id, -1, timeout);
    }
}
