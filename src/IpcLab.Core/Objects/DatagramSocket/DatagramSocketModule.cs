using IpcLab.Core.Model;
using IpcLab.Core.Objects.Descriptors;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;

namespace IpcLab.Core.Objects.DatagramSocket;

/// <summary>
/// A Unix datagram socket named by a path: one process binds it and receives on the descriptor it
/// gets; anyone sends to the path. Its queue keeps message boundaries: a recv takes one whole
/// message (cut, and the rest lost, when it asks for fewer bytes). sendto blocks while the queue
/// is full and recv while it is empty, as on Linux; see <see cref="StreamSocket.StreamSocketModule"/>
/// for how blocked socket threads are woken.
/// </summary>
internal sealed class DatagramSocketModule : ObjectModule
{
    public override ObjectKind Kind => ObjectKind.DatagramSocket;

    public override string DeclarationWord => "dgram";

    public override string KindWord => "datagram socket";

    /// <summary><c>dgram logd path "/tmp/log" capacity 4</c></summary>
    internal override ObjectInfo Declare(Declaration d)
    {
        var path = SocketDeclaration.Path(d, "dgram", "a datagram socket", $"`dgram {d.Name} path \"/tmp/{d.Name}\" capacity 4`", ["path", "capacity"]);
        var spec = new SocketSpec(path, 0, SocketDeclaration.Number(d, "capacity", 4, Compiler.MaxCapacity), 0);
        return SocketDeclaration.Add(d, d.Object(Kind, spec.Buffer, 0, ValueKind.Str) with { Socket = spec });
    }

    internal override string ValueHint(ObjectInfo o) => $" (a descriptor is a number: `bind {o.Name} -> fd` gives one)";

    public override IReadOnlyList<OpSpec> Operations { get; } =
    [
        new(OpCode.Bind, "bind") { Shape = new("bind logd -> fd", ObjectKind.DatagramSocket, 0, ValueKind.Int) },
        new(OpCode.SendTo, "sendto"),
    ];

    public override IReadOnlyList<EventSpec> Events { get; } =
    [
        new(EventKind.SocketBound, EventClass.Other, "bound") { ChangesObject = true },
        new(EventKind.DatagramSent, EventClass.Deliver, "datagram-sent"),
        new(EventKind.DatagramReceived, EventClass.Deliver, "datagram-received"),
    ];

    public override int CellCount(ObjectInfo o) => DatagramCells.CellsFor(o.Socket!.Buffer);

    private static DatagramCells Cells(IKernelServices k, int socket) => new(k.Cells(socket));

    internal override void Step(IKernelServices k, int t, int pc, Instr instr)
    {
        var socket = instr.A;
        var cells = Cells(k, socket);
        var path = k.Program.Objects[socket].Socket!.Path;
        if (instr.Op == OpCode.Bind)
        {
            if (cells.Bound != 0)
            {
                var (p, fd) = DescriptorTables.Find(k, DescriptorKind.DatagramReceiver, socket, 0);
                throw new ThreadFaultException($"bind to {path}: address already in use (process {k.Program.Processes[p].Name} receives on it as fd {fd})");
            }

            var mine = DescriptorTables.Allocate(k, k.ProcessOf(t), DescriptorKind.DatagramReceiver, socket, 0, "bind");
            cells.Bound = 1;
            k.Local(t, instr.B) = mine;
            k.Emit(SocketEvent.Of(k, EventKind.SocketBound, t, pc, socket, mine));
            k.MoveTo(t, instr.Next);
            SocketWaits.WakeWaiters(k);
            return;
        }

        if (cells.Bound == 0)
        {
            throw new ThreadFaultException($"sendto {path}: connection refused (nobody is bound to it)");
        }

        var queue = cells.Queue;
        if (queue.IsFull)
        {
            k.JoinWaitQueue(t, socket, ThreadStatus.Blocked);
            k.Emit(SocketEvent.Of(k, EventKind.SocketBlocked, t, pc, socket) with { Count = queue.Count });
            return;
        }

        var message = k.Eval(t, instr.E1!);
        queue.Append(message);
        k.Emit(SocketEvent.Of(k, EventKind.DatagramSent, t, pc, socket) with { Value = message, Count = queue.Count });
        k.MoveTo(t, instr.Next);
        SocketWaits.WakeWaiters(k);
    }

    /// <summary>recv on the descriptor bound to <paramref name="socket"/>: one whole message, cut to <paramref name="max"/> bytes.</summary>
    internal static void Recv(IKernelServices k, int t, int pc, Instr instr, long fd, int socket, long max)
    {
        var queue = Cells(k, socket).Queue;
        if (queue.IsEmpty)
        {
            k.JoinWaitQueue(t, socket, ThreadStatus.Blocked);
            k.Emit(SocketEvent.Of(k, EventKind.SocketBlocked, t, pc, socket, fd));
            return;
        }

        var message = queue.RemoveFirst();
        var whole = k.Strings[message];
        k.Local(t, instr.B) = k.Strings.Intern(whole.Length > max ? whole[..(int)max] : whole);
        k.Emit(SocketEvent.Of(k, EventKind.DatagramReceived, t, pc, socket, fd) with { Value = message, Count = queue.Count, Other = StreamSocket.StreamConnections.Requested(max) });
        k.MoveTo(t, instr.Next);
        SocketWaits.WakeWaiters(k);
    }

    /// <summary>The receiver closed its descriptor: nobody is bound any more and the queued messages are gone. Returns how many.</summary>
    internal static long Unbind(IKernelServices k, int socket)
    {
        var cells = Cells(k, socket);
        var queue = cells.Queue;
        var queued = queue.Count;
        cells.Bound = 0;
        while (!queue.IsEmpty)
        {
            queue.RemoveFirst();
        }

        return queued;
    }

    internal static bool IsBound(IKernelServices k, int socket) => Cells(k, socket).Bound == 1;

    /// <summary>Could sendto go on: nobody is bound any more (it will be refused), or the queue has room.</summary>
    internal static WakeReason SendToReady(IKernelServices k, int socket)
    {
        var cells = Cells(k, socket);
        return cells.Bound == 0 ? new(WakeCause.NobodyBound)
            : !cells.Queue.IsFull ? new(WakeCause.QueueHasRoom)
            : WakeReason.None;
    }

    /// <summary>Readable in the sense of select: a message is queued.</summary>
    internal static WakeReason Readable(IKernelServices k, int socket, long fd)
    {
        var queued = Cells(k, socket).Queue.Count;
        return queued > 0 ? new(WakeCause.MessagesToRead, fd, queued) : WakeReason.None;
    }

    /// <summary>The messages queued, oldest first.</summary>
    internal static IReadOnlyList<string> Messages(IKernelServices k, int socket)
    {
        var queue = Cells(k, socket).Queue;
        var list = new string[queue.Count];
        for (var i = 0; i < list.Length; i++)
        {
            list[i] = k.Strings[queue[i]];
        }

        return list;
    }

    internal override bool CanBlockAt(OpCode op) => op is OpCode.SendTo or OpCode.Recv or OpCode.Select;

    internal override bool CanProceed(IKernelServices k, ObjectInfo o, int thread) => SocketWaits.WhyCanProceed(k, thread).CanProceed;

    internal override string DescribeWait(IKernelServices k, ObjectInfo o, int thread) => SocketWaits.DescribeWait(k, thread);

    // Bound exactly when one descriptor receives on it; its queue a well-formed ring of strings,
    // empty while nobody is bound.
    internal override void AssertInvariants(IKernelServices k, ObjectInfo o)
    {
        var cells = Cells(k, o.Id);
        var queue = cells.Queue;
        var receivers = DescriptorTables.Count(k, DescriptorKind.DatagramReceiver, o.Id, 0);
        Require(cells.Bound is 0 or 1 && receivers == cells.Bound, $"datagram socket {o.Name} is bound={cells.Bound} with {receivers} receivers");
        Require(queue.IsWellFormed(), $"datagram socket {o.Name} holds {queue.Count} of {queue.Capacity} messages (head {queue.Head}, tail {queue.Tail}), or a stale message in a free cell");
        Require(cells.Bound == 1 || queue.IsEmpty, $"unbound datagram socket {o.Name} holds messages");
        for (var i = 0; i < queue.Count; i++)
        {
            Require(k.IsValue(ValueKind.Str, queue[i]), $"datagram socket {o.Name} holds a message that is no known string ({queue[i]})");
        }
    }

    internal override void WriteState(IKernelServices k, ObjectInfo o, StateWriter w)
    {
        var cells = Cells(k, o.Id);
        var queue = cells.Queue;
        w.Label("bound");
        w.Int(cells.Bound);
        w.Label("messages");
        w.BeginList(queue.Count);
        for (var i = 0; i < queue.Count; i++)
        {
            w.Str(queue[i]);
        }

        w.EndList();
    }

    public override string Describe(in EventWords w)
    {
        var e = w.Event;
        if (e.Kind is not (EventKind.SocketBound or EventKind.DatagramSent or EventKind.DatagramReceived))
        {
            return NotMine(w);
        }

        var spec = w.Object!.Socket!;
        return e.Kind switch
        {
            EventKind.SocketBound => $"{w.Who} binds {spec.Path}: gets fd {e.Fd} and receives every datagram sent to it",
            EventKind.DatagramSent => $"{w.Who} sends the datagram \"{w.Text}\" to {spec.Path} ({e.Count} of {spec.Buffer} queued)",
            EventKind.DatagramReceived => Received(w),
            _ => NotMine(w),
        };
    }

    private static string Received(in EventWords w)
    {
        var e = w.Event;
        var whole = w.Text;
        return e.Other < 0 || whole.Length <= e.Other
            ? $"{w.Who} gets the datagram \"{whole}\" on fd {e.Fd} (one whole message; {e.Count} left)"
            : $"{w.Who} gets \"{whole[..e.Other]}\" on fd {e.Fd}: the datagram \"{whole}\" is longer than {e.Other} bytes, the rest is lost";
    }

    public override void WriteFields(in EventWords w, EventFieldWriter fields)
    {
        var e = w.Event;
        SocketEvent.WriteFd(w, fields);
        switch (e.Kind)
        {
            case EventKind.DatagramSent:
                fields.Text("data", w.Text);
                fields.Number("queued", e.Count);
                break;
            case EventKind.DatagramReceived:
                var truncated = e.Other >= 0 && w.Text.Length > e.Other;
                var data = truncated ? w.Text[..e.Other] : w.Text;
                fields.Text("data", data);
                fields.Number("bytes", data.Length);
                fields.Number("left", e.Count);
                fields.Flag("truncated", truncated);
                if (e.Other >= 0)
                {
                    fields.Number("requested", e.Other);
                }

                break;
        }
    }

    /// <summary>A thread that blocks on a datagram socket, at sendto or recv.</summary>
    internal static string Blocked(in EventWords w)
    {
        var spec = w.Object!.Socket!;
        return w.Instr!.Op == OpCode.SendTo
            ? $"{w.Who} blocks in sendto {spec.Path}: its queue is full ({spec.Buffer} of {spec.Buffer} messages)"
            : $"{w.Who} blocks in recv on fd {w.Event.Fd}: no datagram is queued on {spec.Path}";
    }

    /// <summary>What a thread blocked on a datagram socket waits for, at sendto or recv (after its name).</summary>
    internal static string DescribeWait(IKernelServices k, int thread, Instr instr, int socket)
    {
        var path = k.Program.Objects[socket].Socket!.Path;
        if (instr.Op == OpCode.SendTo)
        {
            var (p, fd) = DescriptorTables.Find(k, DescriptorKind.DatagramReceiver, socket, 0);
            return $"waits in sendto {path}: its queue is full until fd {fd} of process {k.Program.Processes[p].Name} receives";
        }

        return $"waits in recv on fd {k.Eval(thread, instr.E1!)} for a datagram on {path}";
    }
}
