using IpcLab.Core.Model;
using IpcLab.Core.Objects.DatagramSocket;
using IpcLab.Core.Objects.StreamSocket;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Descriptors;

/// <summary>
/// Threads blocked on sockets: whether each could go on (the one predicate that both wakes them
/// and lets the kernel check no wake-up was lost), and what each waits for, in words. A blocked
/// socket operation is retried when woken, so the question is always "would it make progress or
/// fault if it ran now?", asked of the operation the thread is at.
/// </summary>
internal static class SocketWaits
{
    /// <summary>Why the socket operation <paramref name="t"/> is at could go on now, or <see cref="WakeReason.None"/>.</summary>
    public static WakeReason WhyCanProceed(IKernelServices k, int t)
    {
        var instr = k.Program.Threads[t].Code[k.PcOf(t)];
        try
        {
            return instr.Op switch
            {
                OpCode.Connect => StreamSocketModule.ConnectReady(k, instr.A),
                OpCode.SendTo => DatagramSocketModule.SendToReady(k, instr.A),
                OpCode.Select => SelectStep.Ready(k, t, instr),
                _ => DescriptorReady(k, t, instr.Op, k.Eval(t, instr.E1!)),
            };
        }
        catch (ThreadFaultException)
        {
            return new(WakeCause.OperandGone);
        }
    }

    private static WakeReason DescriptorReady(IKernelServices k, int t, OpCode op, long fd)
    {
        var table = DescriptorTables.Of(k, k.ProcessOf(t));
        if (!table.IsOpen(fd))
        {
            return new(WakeCause.FdClosed, fd);
        }

        var d = table[fd];
        return op == OpCode.Send && d.Kind == DescriptorKind.Connection ? StreamConnections.SendReady(k, d, fd) : Readable(k, d, fd);
    }

    /// <summary>
    /// Readable in the sense of select: a listening socket with a pending connection, a connection
    /// with bytes to read or at end-of-file, a datagram socket with a queued message.
    /// </summary>
    public static WakeReason Readable(IKernelServices k, DescriptorCells d, long fd) =>
        d.Kind == DescriptorKind.DatagramReceiver ? DatagramSocketModule.Readable(k, d.Socket, fd) : StreamConnections.Readable(k, d, fd);

    /// <summary>Wakes every thread blocked on a socket whose pending operation can now make progress; it retries that operation.</summary>
    public static void WakeWaiters(IKernelServices k)
    {
        // Called after every step that changes a socket or a descriptor, the only steps that can
        // let a blocked socket operation go on (its own locals cannot change while it waits). It
        // asks the same question as the kernel's check after the step (CanProceed), so a thread
        // left blocked here could not go on: no wake-up is lost.
        for (var t = 0; t < k.Program.Threads.Count; t++)
        {
            if (k.StatusOf(t) != ThreadStatus.Blocked || !IsSocket(k, k.WaitObjectOf(t)))
            {
                continue;
            }

            var why = WhyCanProceed(k, t);
            if (why.CanProceed)
            {
                var socket = k.WaitObjectOf(t);
                k.Wake(t);
                var pc = k.PcOf(t);
                k.Emit(SocketEvent.Of(k, EventKind.SocketWoken, t, pc, socket, why.Fd) with { Value = (long)why.Cause, Count = why.Count });
            }
        }
    }

    private static bool IsSocket(IKernelServices k, int obj) =>
        obj >= 0 && k.Program.Objects[obj].Kind is ObjectKind.StreamSocket or ObjectKind.DatagramSocket;

    /// <summary>What a thread blocked on a socket waits for, after its name: "waits in recv on fd 4 for data from its peer (fd 3 of process client)".</summary>
    public static string DescribeWait(IKernelServices k, int t)
    {
        var instr = k.Program.Threads[t].Code[k.PcOf(t)];
        var socket = k.WaitObjectOf(t);
        return instr.Op switch
        {
            OpCode.Select => SelectStep.DescribeWait(k, t, instr),
            OpCode.SendTo => DatagramSocketModule.DescribeWait(k, t, instr, socket),
            OpCode.Recv when DescriptorTables.Of(k, k.ProcessOf(t))[k.Eval(t, instr.E1!)].Kind == DescriptorKind.DatagramReceiver =>
                DatagramSocketModule.DescribeWait(k, t, instr, socket),
            _ => StreamSentences.DescribeWait(k, t, instr, socket),
        };
    }
}
