using IpcLab.Core.Model;
using IpcLab.Core.Objects.DatagramSocket;
using IpcLab.Core.Objects.StreamSocket;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Descriptors;

/// <summary>
/// What belongs to processes rather than to one socket: each process's descriptor table, and the
/// operations on a descriptor, which may name either kind of socket. It resolves the number,
/// checks the operation applies, and hands the step to the socket's module; close and select are
/// its own. Blocking and waking on sockets is here too (<see cref="SocketWaits"/>), since a select
/// waits on descriptors of both kinds. When a process ends, the kernel closes what it left open.
/// </summary>
internal sealed class DescriptorsModule : KernelModule
{
    public override string Name => "descriptors";

    public override IReadOnlyList<OpSpec> Operations { get; } =
    [
        new(OpCode.Accept, "accept"),
        new(OpCode.Send, "send"),
        new(OpCode.Recv, "recv"),
        new(OpCode.Shutdown, "shutdown"),
        new(OpCode.Close, "close"),
        new(OpCode.Select, "select", "poll"),
    ];

    public override IReadOnlyList<EventSpec> Events { get; } =
    [
        new(EventKind.SocketBlocked, EventClass.Block, "blocked"),
        new(EventKind.SocketWoken, EventClass.Wake, "woken"),
        new(EventKind.SocketClosed, EventClass.Other, "closed") { ChangesObject = true },
        new(EventKind.Selected, EventClass.Other, "selected") { ChangesObject = true },
    ];

    internal override void Step(IKernelServices k, int t, int pc, Instr instr)
    {
        if (instr.Op == OpCode.Select)
        {
            SelectStep.Run(k, t, pc, instr);
            return;
        }

        var fd = k.Eval(t, instr.E1!);
        var word = Word(instr.Op);
        var d = DescriptorTables.Resolve(k, t, fd, word);
        switch (instr.Op)
        {
            case OpCode.Accept when d.Kind != DescriptorKind.Listener:
                throw new ThreadFaultException($"accept on fd {fd}: it is not a listening socket (listen gives one)");
            case OpCode.Accept:
                StreamConnections.Accept(k, t, pc, instr, fd, d.Socket);
                break;
            case OpCode.Send or OpCode.Shutdown when d.Kind != DescriptorKind.Connection:
                throw new ThreadFaultException($"{word} on fd {fd}: it is not a connected socket ({DescriptorTables.KindText(d.Kind)})");
            case OpCode.Send:
                StreamConnections.Send(k, t, pc, instr, fd, d);
                break;
            case OpCode.Shutdown:
                StreamConnections.Shutdown(k, t, pc, instr, fd, d);
                break;
            case OpCode.Recv:
                Recv(k, t, pc, instr, fd, d);
                break;
            default:
                Close(k, t, pc, instr, fd);
                break;
        }
    }

    private static string Word(OpCode op) => op switch
    {
        OpCode.Accept => "accept",
        OpCode.Send => "send",
        OpCode.Recv => "recv",
        OpCode.Shutdown => "shutdown",
        _ => "close",
    };

    private static void Recv(IKernelServices k, int t, int pc, Instr instr, long fd, DescriptorCells d)
    {
        var max = instr.E2 is null ? long.MaxValue : k.Eval(t, instr.E2);
        if (max < 1)
        {
            throw new ThreadFaultException($"recv on fd {fd} of {max} bytes: the count must be 1 or more");
        }

        switch (d.Kind)
        {
            case DescriptorKind.Connection:
                StreamConnections.Recv(k, t, pc, instr, fd, d, max);
                break;
            case DescriptorKind.DatagramReceiver:
                DatagramSocketModule.Recv(k, t, pc, instr, fd, d.Socket, max);
                break;
            default:
                throw new ThreadFaultException($"recv on fd {fd}: it is a listening socket, which has no data (accept takes connections from it)");
        }
    }

    private static void Close(IKernelServices k, int t, int pc, Instr instr, long fd)
    {
        var process = k.ProcessOf(t);
        k.Emit(CloseDescriptor(k, process, fd, SocketEvent.Of(k, EventKind.SocketClosed, t, pc, -1, fd)));
        k.MoveTo(t, instr.Next);
        SocketWaits.WakeWaiters(k);
    }

    /// <summary>
    /// A process that ended leaves its descriptors to the kernel, which closes each as if the
    /// process had called close, naming the last thread when it exited. A last thread that faults
    /// or is crashed alone leaves them open: the deadlock report then says the peer's threads have
    /// all stopped. (Not a thread-end hook: the kernel runs those again for every thread of a
    /// process that crashes, and a thread that finished earlier would then be named as the one
    /// that ended it.)
    /// </summary>
    internal override void OnProcessEnd(IKernelServices k, int process, int lastThread) => CloseAll(k, process, lastThread);

    /// <summary>Closes every open descriptor of a process that ended: <paramref name="finished"/> is its last thread, or -1 when it crashed.</summary>
    private static void CloseAll(IKernelServices k, int process, int finished)
    {
        var closed = false;
        var end = DescriptorTables.Of(k, process).EndFd;
        for (var fd = DescriptorTable.FirstFd; fd < end; fd++)
        {
            if (DescriptorTables.Of(k, process).IsOpen(fd))
            {
                var by = SocketEvent.Of(k, EventKind.SocketClosed, -1, -1, -1, fd) with { Process = process, Other = finished };
                k.Emit(CloseDescriptor(k, process, fd, by));
                closed = true;
            }
        }

        if (closed)
        {
            SocketWaits.WakeWaiters(k);
        }
    }

    /// <summary>Frees a descriptor and closes what it refers to; returns the closed event with what that did.</summary>
    private static KernelEvent CloseDescriptor(IKernelServices k, int process, long fd, KernelEvent closed)
    {
        var d = DescriptorTables.Of(k, process)[fd];
        var (kind, socket, reference) = (d.Kind, d.Socket, d.Reference);
        d.Clear();
        closed = closed with { Object = socket, Value = (long)kind };
        switch (kind)
        {
            case DescriptorKind.Listener:
                return closed with { Count = StreamConnections.CloseListener(k, socket) };
            case DescriptorKind.Connection:
                var (peer, peerFd) = DescriptorTables.Find(k, DescriptorKind.Connection, socket, reference ^ 1);
                if (StreamSocketModule.Cells(k, socket).Connection(reference / 2).State == ConnState.Pending)
                {
                    peerFd = SocketEvent.NotAccepted;
                }

                var discarded = StreamConnections.CloseEnd(k, socket, reference / 2, reference % 2);
                return closed with { Count = discarded, PeerProcess = peer, PeerFd = peerFd };
            default:
                return closed with { Count = DatagramSocketModule.Unbind(k, socket) };
        }
    }

    public override string Describe(in EventWords w) => w.Event.Kind switch
    {
        EventKind.SocketBlocked => w.Instr!.Op == OpCode.Select ? SelectStep.Blocked(w)
            : w.Object!.Kind == ObjectKind.DatagramSocket ? DatagramSocketModule.Blocked(w)
            : StreamSentences.Blocked(w),
        EventKind.SocketWoken =>
            $"{w.Who} wakes up: {WakeReason.Of(w.Event).Text(w.Object!.Socket!.Path)}; it will try its {w.Instr!.Op.ToString().ToLowerInvariant()} again",
        EventKind.SocketClosed => ClosedSentences.Describe(w),
        EventKind.Selected => SelectStep.Describe(w),
        _ => NotMine(w),
    };

    public override void WriteFields(in EventWords w, EventFieldWriter fields)
    {
        var e = w.Event;
        SocketEvent.WriteFd(w, fields);
        switch (e.Kind)
        {
            case EventKind.SocketBlocked when w.Instr!.Op == OpCode.Select:
                fields.Text("watched", w.Text);
                break;
            case EventKind.SocketBlocked when w.Instr!.Op == OpCode.SendTo:
                fields.Number("queued", e.Count);
                break;
            case EventKind.SocketBlocked:
                StreamSentences.WriteBlockedFields(w, fields);
                break;
            case EventKind.SocketWoken:
                fields.Text("reason", WakeReason.Of(e).Name);
                if (e.Count > 0)
                {
                    fields.Number("count", e.Count);
                }

                break;
            case EventKind.SocketClosed:
                ClosedSentences.WriteFields(w, fields);
                break;
            case EventKind.Selected:
                fields.Number("ready", e.Count);
                break;
        }
    }
}
