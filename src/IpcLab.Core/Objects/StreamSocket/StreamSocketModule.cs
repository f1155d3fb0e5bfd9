using IpcLab.Core.Model;
using IpcLab.Core.Objects.Descriptors;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;

namespace IpcLab.Core.Objects.StreamSocket;

/// <summary>
/// A Unix stream socket named by a path: listen, connect, then accept, send, recv and shutdown on
/// descriptors (which the descriptors module resolves and hands here). Each connection has two
/// bounded byte buffers, so reads and writes may be partial.
/// <para>
/// Blocking is Mesa style, like a condition variable: a thread that cannot go on (accept with an
/// empty backlog, recv from an empty buffer, send into a full one, connect to a full backlog)
/// blocks on the socket and its instruction stays pending. After every step that changes a
/// socket, every blocked socket thread whose operation could now make progress is woken and
/// retries it (<see cref="SocketWaits.WakeWaiters"/>). No wake-up can be lost: the kernel checks
/// after every step that no thread blocked on a socket could proceed (<see cref="CanProceed"/>).
/// </para>
/// </summary>
internal sealed class StreamSocketModule : ObjectModule
{
    public override ObjectKind Kind => ObjectKind.StreamSocket;

    public override string DeclarationWord => "socket";

    public override string KindWord => "stream socket";

    /// <summary><c>socket echo path "/tmp/echo" backlog 2 buffer 4 connections 3</c></summary>
    internal override ObjectInfo Declare(Declaration d)
    {
        var path = SocketDeclaration.Path(d, "socket", "a stream socket", $"`socket {d.Name} path \"/tmp/{d.Name}\" backlog 2 buffer 8`", ["path", "backlog", "buffer", "connections"]);
        var spec = new SocketSpec(path, SocketDeclaration.Number(d, "backlog", 2, SocketDeclaration.MaxBacklog), SocketDeclaration.Number(d, "buffer", 8, Compiler.MaxCapacity), SocketDeclaration.Number(d, "connections", 4, SocketDeclaration.MaxConnections));
        return SocketDeclaration.Add(d, d.Object(Kind, spec.Buffer, 0, ValueKind.Str) with { Socket = spec });
    }

    internal override string ValueHint(ObjectInfo o) => $" (a descriptor is a number: `listen {o.Name} -> fd` or `connect {o.Name} -> fd` gives one)";

    public override IReadOnlyList<OpSpec> Operations { get; } =
    [
        new(OpCode.Listen, "listen") { Shape = new("listen echo -> lfd", ObjectKind.StreamSocket, 0, ValueKind.Int) },
        new(OpCode.Connect, "connect") { Shape = new("connect echo -> fd", ObjectKind.StreamSocket, 0, ValueKind.Int) },
    ];

    public override IReadOnlyList<EventSpec> Events { get; } =
    [
        new(EventKind.SocketListened, EventClass.Other, "listened") { ChangesObject = true },
        new(EventKind.SocketConnected, EventClass.Other, "connected") { ChangesObject = true },
        new(EventKind.SocketAccepted, EventClass.Other, "accepted") { ChangesObject = true },
        new(EventKind.SocketSent, EventClass.Deliver, "sent"),
        new(EventKind.SocketReceived, EventClass.Deliver, "received"),
        new(EventKind.SocketEndOfFile, EventClass.Other, "end-of-file") { ChangesObject = true },
        new(EventKind.SocketShutdown, EventClass.Other, "shutdown") { ChangesObject = true },
    ];

    public override int CellCount(ObjectInfo o) => StreamSocketCells.CellsFor(o.Socket!);

    internal static StreamSocketCells Cells(IKernelServices k, int socket) => new(k.Cells(socket), k.Program.Objects[socket].Socket!);

    internal override void Step(IKernelServices k, int t, int pc, Instr instr)
    {
        if (instr.Op == OpCode.Listen)
        {
            Listen(k, t, pc, instr);
        }
        else
        {
            Connect(k, t, pc, instr);
        }
    }

    private static void Listen(IKernelServices k, int t, int pc, Instr instr)
    {
        var socket = instr.A;
        var cells = Cells(k, socket);
        if (cells.Listening != 0)
        {
            var (p, fd) = DescriptorTables.Find(k, DescriptorKind.Listener, socket, 0);
            throw new ThreadFaultException($"listen on {PathOf(k, socket)}: address already in use (process {k.Program.Processes[p].Name} listens on it as fd {fd})");
        }

        var mine = DescriptorTables.Allocate(k, k.ProcessOf(t), DescriptorKind.Listener, socket, 0, "listen");
        cells.Listening = 1;
        k.Local(t, instr.B) = mine;
        k.Emit(SocketEvent.Of(k, EventKind.SocketListened, t, pc, socket, mine));
        k.MoveTo(t, instr.Next);
        SocketWaits.WakeWaiters(k);
    }

    private static void Connect(IKernelServices k, int t, int pc, Instr instr)
    {
        var socket = instr.A;
        var o = k.Program.Objects[socket];
        var spec = o.Socket!;
        var cells = Cells(k, socket);
        if (cells.Listening == 0)
        {
            throw new ThreadFaultException($"connect to {spec.Path}: connection refused (nobody listens on it)");
        }

        var pending = cells.PendingCount();
        if (pending >= spec.Backlog)
        {
            k.JoinWaitQueue(t, socket, ThreadStatus.Blocked);
            k.Emit(SocketEvent.Of(k, EventKind.SocketBlocked, t, pc, socket) with { Count = pending });
            return;
        }

        var slot = cells.FreeSlot();
        if (slot < 0)
        {
            throw new ThreadFaultException($"connect to {spec.Path}: all {spec.Connections} connection slots of {o.Name} are in use (declare more with `connections N`)");
        }

        var fd = DescriptorTables.Allocate(k, k.ProcessOf(t), DescriptorKind.Connection, socket, slot * 2, "connect");
        var c = cells.Connection(slot);
        c.State = ConnState.Pending;
        c.Order = ++cells.ConnectionsMade;
        c.SetOpen(0, true);
        c.SetOpen(1, true);
        k.Local(t, instr.B) = fd;
        k.Emit(SocketEvent.Of(k, EventKind.SocketConnected, t, pc, socket, fd) with { Count = pending + 1 });
        k.MoveTo(t, instr.Next);
        SocketWaits.WakeWaiters(k);
    }

    /// <summary>Could connect to <paramref name="socket"/> go on: nobody listens any more (it will be refused), or the backlog has room.</summary>
    internal static WakeReason ConnectReady(IKernelServices k, int socket)
    {
        var cells = Cells(k, socket);
        return cells.Listening == 0 ? new(WakeCause.NobodyListens)
            : cells.PendingCount() < k.Program.Objects[socket].Socket!.Backlog ? new(WakeCause.BacklogHasRoom)
            : WakeReason.None;
    }

    internal static string PathOf(IKernelServices k, int socket) => k.Program.Objects[socket].Socket!.Path;

    internal override bool CanBlockAt(OpCode op) => op is OpCode.Connect or OpCode.Accept or OpCode.Send or OpCode.Recv or OpCode.Select;

    internal override bool CanProceed(IKernelServices k, ObjectInfo o, int thread) => SocketWaits.WhyCanProceed(k, thread).CanProceed;

    internal override string DescribeWait(IKernelServices k, ObjectInfo o, int thread) => SocketWaits.DescribeWait(k, thread);

    internal override void AssertInvariants(IKernelServices k, ObjectInfo o) => StreamSocketState.AssertInvariants(k, o);

    internal override void WriteState(IKernelServices k, ObjectInfo o, StateWriter w) => StreamSocketState.Write(k, o, w);

    public override string Describe(in EventWords w) => w.Event.Kind switch
    {
        EventKind.SocketListened or EventKind.SocketConnected or EventKind.SocketAccepted or EventKind.SocketSent
            or EventKind.SocketReceived or EventKind.SocketEndOfFile or EventKind.SocketShutdown => StreamSentences.Describe(w),
        _ => NotMine(w),
    };

    public override void WriteFields(in EventWords w, EventFieldWriter fields) => StreamSentences.WriteFields(w, fields);
}
