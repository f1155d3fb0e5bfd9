using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

// Unix stream sockets: descriptor tables, listen, connect, accept.
//
// Blocking is Mesa style, like a condition variable: a thread that cannot go on (accept with an
// empty backlog, recv from an empty buffer, send into a full one, ...) blocks on the socket
// object and its instruction stays pending. After every step that changes a socket, every
// blocked socket thread whose instruction could now make progress is woken and retries it
// (WakeSocketWaiters). No wake-up can be lost: the invariants check after every step that no
// thread blocked on a socket could proceed (AssertSocketInvariants).
public sealed partial class Kernel
{
    private SocketLayout Sk => Layout.Sockets;

    private int ProcessOfThread(int t) => Program.Threads[t].Process;

    private string ProcessName(int process) => Program.Processes[process].Name;

    private string PathOf(int objectId) => Program.Objects[objectId].Socket!.Path;

    private void DoListen(int t, int pc, Instr instr)
    {
        var s = SlotOf(instr.A);
        var sb = Sk.StreamBase(s);
        if (_data[sb] != 0)
        {
            var (p, fd) = FindDescriptor(DescriptorKind.Listener, s, 0);
            throw new ThreadFaultException($"listen on {PathOf(instr.A)}: address already in use (process {ProcessName(p)} listens on it as fd {fd})");
        }

        var mine = AllocDescriptor(ProcessOfThread(t), DescriptorKind.Listener, s, 0, "listen");
        _data[sb] = 1;
        _data[Layout.LocalBase(t) + instr.B] = mine;
        EmitSocket(EventKind.SocketListened, t, pc, instr.A, () => $"listens on {PathOf(instr.A)}: gets fd {mine} (backlog {Program.Objects[instr.A].Socket!.Backlog})");
        MoveTo(t, instr.Next);
        WakeSocketWaiters();
    }

    private void DoConnect(int t, int pc, Instr instr)
    {
        var obj = instr.A;
        var s = SlotOf(obj);
        var spec = Program.Objects[obj].Socket!;
        if (_data[Sk.StreamBase(s)] == 0)
        {
            throw new ThreadFaultException($"connect to {spec.Path}: connection refused (nobody listens on it)");
        }

        var pending = PendingCount(s);
        if (pending >= spec.Backlog)
        {
            JoinWaitQueue(t, obj, ThreadStatus.Blocked);
            EmitSocket(EventKind.SocketBlocked, t, pc, obj, () => $"blocks in connect to {spec.Path}: the backlog is full ({pending} of {spec.Backlog} connections wait to be accepted)");
            return;
        }

        var conn = -1;
        for (var k = 0; k < spec.Connections && conn < 0; k++)
        {
            if (_data[Sk.ConnBase(s, k)] == (long)ConnState.Free)
            {
                conn = k;
            }
        }

        if (conn < 0)
        {
            throw new ThreadFaultException($"connect to {spec.Path}: all {spec.Connections} connection slots of {Program.Objects[obj].Name} are in use (declare more with `connections N`)");
        }

        var fd = AllocDescriptor(ProcessOfThread(t), DescriptorKind.Connection, s, conn * 2, "connect");
        var cb = Sk.ConnBase(s, conn);
        _data[cb] = (long)ConnState.Pending;
        _data[cb + 1] = ++_data[Sk.StreamBase(s) + 1];
        _data[cb + 2] = 1;
        _data[cb + 3] = 1;
        _data[Layout.LocalBase(t) + instr.B] = fd;
        EmitSocket(EventKind.SocketConnected, t, pc, obj, () => $"connects to {spec.Path}: gets fd {fd}; the connection waits in the backlog ({pending + 1} of {spec.Backlog}) until it is accepted");
        MoveTo(t, instr.Next);
        WakeSocketWaiters();
    }

    private void DoAccept(int t, int pc, Instr instr)
    {
        var lfd = Eval(t, instr.E1!);
        var at = ResolveDescriptor(t, lfd, "accept");
        if ((DescriptorKind)_data[at] != DescriptorKind.Listener)
        {
            throw new ThreadFaultException($"accept on fd {lfd}: it is not a listening socket (listen gives one)");
        }

        var s = (int)_data[at + 1];
        var obj = IdOf(ObjectKind.StreamSocket, s);
        var conn = FirstPending(s);
        if (conn < 0)
        {
            JoinWaitQueue(t, obj, ThreadStatus.Blocked);
            EmitSocket(EventKind.SocketBlocked, t, pc, obj, () => $"blocks in accept on fd {lfd}: no connection waits on {PathOf(obj)}");
            return;
        }

        var fd = AllocDescriptor(ProcessOfThread(t), DescriptorKind.Connection, s, (conn * 2) + 1, "accept");
        _data[Sk.ConnBase(s, conn)] = (long)ConnState.Accepted;
        _data[Sk.ConnBase(s, conn) + 1] = 0;
        _data[Layout.LocalBase(t) + instr.B] = fd;
        EmitSocket(EventKind.SocketAccepted, t, pc, obj, () => $"accepts a connection on fd {lfd}: gets fd {fd}, {PeerText(s, conn, 0)}");
        MoveTo(t, instr.Next);
        WakeSocketWaiters();
    }

    /// <summary>"connected to fd 3 of process client", "whose other end is closed".</summary>
    private string PeerText(int s, int conn, int side)
    {
        var (p, fd) = FindDescriptor(DescriptorKind.Connection, s, (conn * 2) + side);
        return p >= 0 ? $"connected to fd {fd} of process {ProcessName(p)}" : "whose other end is already closed";
    }

    private long PendingCount(int s)
    {
        var n = 0L;
        for (var k = 0; k < Sk.Streams[s].Socket!.Connections; k++)
        {
            if (_data[Sk.ConnBase(s, k)] == (long)ConnState.Pending)
            {
                n++;
            }
        }

        return n;
    }

    /// <summary>The pending connection that connected first (the backlog is FIFO), or -1.</summary>
    private int FirstPending(int s)
    {
        var best = -1;
        var order = long.MaxValue;
        for (var k = 0; k < Sk.Streams[s].Socket!.Connections; k++)
        {
            var cb = Sk.ConnBase(s, k);
            if (_data[cb] == (long)ConnState.Pending && _data[cb + 1] < order)
            {
                order = _data[cb + 1];
                best = k;
            }
        }

        return best;
    }

    /// <summary>Takes the lowest free descriptor number of a process (as POSIX does).</summary>
    private int AllocDescriptor(int process, DescriptorKind kind, int slot, int reference, string op)
    {
        for (var i = 0; i < SocketLayout.MaxDescriptors; i++)
        {
            var at = Sk.Descriptor(process, i);
            if (_data[at] == (long)DescriptorKind.Free)
            {
                _data[at] = (long)kind;
                _data[at + 1] = slot;
                _data[at + 2] = reference;
                return SocketLayout.FirstFd + i;
            }
        }

        throw new ThreadFaultException($"{op}: too many open descriptors (a process can have {SocketLayout.MaxDescriptors}; close one first)");
    }

    /// <summary>The state index of an open descriptor of the thread's process; a fault when it is not open.</summary>
    private int ResolveDescriptor(int t, long fd, string op)
    {
        var at = DescriptorIndex(ProcessOfThread(t), fd);
        if (at < 0 || _data[at] == (long)DescriptorKind.Free)
        {
            throw new ThreadFaultException($"{op} on fd {fd}: bad file descriptor (not an open descriptor of process {ProcessName(ProcessOfThread(t))})");
        }

        return at;
    }

    private int DescriptorIndex(int process, long fd) =>
        fd < SocketLayout.FirstFd || fd >= SocketLayout.FirstFd + SocketLayout.MaxDescriptors
            ? -1
            : Sk.Descriptor(process, (int)fd - SocketLayout.FirstFd);

    /// <summary>The process and number of the descriptor that refers to (kind, slot, reference), or (-1, -1).</summary>
    private (int Process, int Fd) FindDescriptor(DescriptorKind kind, int slot, int reference)
    {
        for (var p = 0; p < Sk.Processes; p++)
        {
            for (var i = 0; i < SocketLayout.MaxDescriptors; i++)
            {
                var at = Sk.Descriptor(p, i);
                if (_data[at] == (long)kind && _data[at + 1] == slot && _data[at + 2] == reference)
                {
                    return (p, SocketLayout.FirstFd + i);
                }
            }
        }

        return (-1, -1);
    }

    /// <summary>Emits a socket event whose sentence detail is Value (a string made only when events are recorded).</summary>
    private void EmitSocket(EventKind kind, int t, int pc, int obj, Func<string> detail)
    {
        if (Options.RecordEvents)
        {
            Emit(kind, t, pc, obj, value: Strings.Intern(detail()));
        }
    }
}
