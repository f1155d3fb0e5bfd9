using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;

namespace IpcLab.Core.Objects.MessageQueue;

/// <summary>
/// A POSIX-style message queue: bounded, ordered by priority, blocking on both sides, with try and
/// timed forms. Blocking is by hand-over, like the mutex: a blocked thread never retries. A sender
/// that finds the queue full parks its message (see <see cref="ParkedSend"/>) and blocks; the
/// receiver that makes room moves the first parked message in and moves that sender past its send.
/// A receiver that finds the queue empty blocks; the next send hands its message straight to the
/// first such receiver. So no wake-up can be lost: whoever changes the state a blocked thread waits
/// for completes that thread's operation in the same step. Senders and receivers never wait on the
/// same queue at once (one side waits only when it is full, the other only when it is empty, and
/// the capacity is at least 1).
/// </summary>
internal sealed class MessageQueueModule : ObjectModule
{
    /// <summary>Priorities go from 0 to this, as POSIX guarantees at least 32 of them.</summary>
    public const int MaxPriority = 31;

    // A receive that finds nothing, as on every channel.
    private static readonly EmptyReceive Empty = new(OpCode.TryReceive, OpCode.TimedReceive, EventKind.MessageTryFailed, EventKind.ReceiveBlocked);

    public override ObjectKind Kind => ObjectKind.MessageQueue;

    public override string DeclarationWord => "mqueue";

    public override string KindWord => "message queue";

    /// <summary><c>mqueue jobs capacity 4</c></summary>
    internal override ObjectInfo Declare(Declaration d) =>
        d.Object(Kind, d.Capacity("mqueue", "a message queue", []), 0, ValueKind.Int);

    public override IReadOnlyList<string> Functions => QueueFuncs.Names;

    internal override CExpr Function(string name, ObjectInfo o) => new MessageQueueFuncExpr(QueueFuncs.Of(name), o.Id, o.Capacity);

    public override IReadOnlyList<OpSpec> Operations { get; } =
    [
        new(OpCode.SendMessage, "send"),
        new(OpCode.TrySendMessage, "trysend"),
        new(OpCode.TimedSendMessage, "timedsend"),
        new(OpCode.Receive, "receive"),
        new(OpCode.TryReceive, "tryreceive"),
        new(OpCode.TimedReceive, "timedreceive"),
    ];

    public override IReadOnlyList<EventSpec> Events => MessageQueueSentences.Specs;

    public override int CellCount(CompiledProgram program, ObjectInfo o) => MessageQueueCells.CellsFor(o.Capacity, program.Threads.Count);

    internal override bool UsesClock => true;

    internal static MessageQueueCells CellsOf(IKernelServices k, ObjectInfo q) => new(k.Cells(q.Id), q.Capacity);

    internal override void Step(IKernelServices k, int t, int pc, Instr instr)
    {
        if (instr.Op is OpCode.Receive or OpCode.TryReceive or OpCode.TimedReceive)
        {
            Receive(k, t, pc, instr);
        }
        else
        {
            Send(k, t, pc, instr);
        }
    }

    private static void Send(IKernelServices k, int t, int pc, Instr instr)
    {
        var q = k.Program.Objects[instr.A];
        var tryOnly = instr.Op == OpCode.TrySendMessage;
        var value = k.Eval(t, instr.E1!);
        var priority = instr.E2 is null ? 0 : k.Eval(t, instr.E2);
        if (priority is < 0 or > MaxPriority)
        {
            throw new ThreadFaultException($"sends to {q.Name} with priority {priority}; a priority goes from 0 to {MaxPriority}");
        }

        var receiver = k.FirstWaiter(q.Id);
        if (receiver >= 0 && IsBlockingReceive(NextOf(k, receiver).Op))
        {
            SetSent(k, t, instr, true);
            HandToReceiver(k, t, pc, q, receiver, value, priority);
            k.MoveTo(t, instr.Next);
            return;
        }

        var cells = CellsOf(k, q);
        if (!cells.IsFull)
        {
            SetSent(k, t, instr, true);
            cells.Insert(value, priority);
            k.Emit(EventKind.MessageSent, t, pc, q.Id, (int)priority, value);
            k.MoveTo(t, instr.Next);
            return;
        }

        if (tryOnly)
        {
            SetSent(k, t, instr, false);
            k.Emit(EventKind.MessageTryFailed, t, pc, q.Id, value: q.Capacity);
            k.MoveTo(t, instr.Next);
            return;
        }

        if (instr.Op == OpCode.TimedSendMessage)
        {
            var timeout = k.Eval(t, instr.Args[0]);
            k.SetTimeout(t, timeout, $"sends to {q.Name}");
        }

        cells.Parked(t).Park(value, priority);
        k.JoinWaitQueue(t, q.Id, ThreadStatus.Blocked);
        k.Emit(EventKind.SendBlocked, t, pc, q.Id, -1, q.Capacity);
    }

    private static void Receive(IKernelServices k, int t, int pc, Instr instr)
    {
        var q = k.Program.Objects[instr.A];
        var cells = CellsOf(k, q);
        if (cells.IsEmpty)
        {
            Empty.BlockOrFail(k, t, pc, instr, q);
            return;
        }

        var (value, priority) = cells.RemoveFirst();
        SetReceived(k, t, instr, value, priority);
        k.Emit(EventKind.MessageReceived, t, pc, q.Id, (int)priority, value);

        // Room now: the first blocked sender's parked message goes in and that sender moves on.
        var sender = k.FirstWaiter(q.Id);
        if (sender >= 0)
        {
            var parked = cells.Parked(sender);
            var (parkedValue, parkedPriority) = (parked.Value, parked.Priority);
            parked.Clear();
            cells.Insert(parkedValue, parkedPriority);
            var send = NextOf(k, sender);
            SetSent(k, sender, send, true);
            k.Wake(sender);
            k.Emit(EventKind.SenderResumed, t, pc, q.Id, sender, parkedValue);
            k.MoveTo(sender, send.Next);
        }

        k.MoveTo(t, instr.Next);
    }

    /// <summary>Gives a message straight to a thread blocked in a receive on <paramref name="q"/>, and moves it on.</summary>
    private static void HandToReceiver(IKernelServices k, int t, int pc, ObjectInfo q, int receiver, long value, long priority)
    {
        var receive = NextOf(k, receiver);
        SetReceived(k, receiver, receive, value, priority);
        k.Wake(receiver);
        k.Emit(EventKind.MessageHandedOver, t, pc, q.Id, receiver, value);
        k.MoveTo(receiver, receive.Next);
    }

    /// <summary>Stores a received message into the receive's results: the value, and the priority or ok when asked for.</summary>
    private static void SetReceived(IKernelServices k, int t, Instr instr, long value, long priority)
    {
        k.Local(t, instr.B) = value;
        if (instr.C >= 0)
        {
            k.Local(t, instr.C) = instr.Op == OpCode.Receive ? priority : 1;
        }
    }

    /// <summary>The ok of a trysend or a timedsend.</summary>
    private static void SetSent(IKernelServices k, int t, Instr instr, bool ok)
    {
        if (instr.Op is OpCode.TrySendMessage or OpCode.TimedSendMessage)
        {
            k.Local(t, instr.B) = ok ? 1 : 0;
        }
    }

    internal override void TimeOut(IKernelServices k, ObjectInfo o, int thread)
    {
        var pc = k.PcOf(thread);
        var instr = NextOf(k, thread);

        // A timed send's ok is B and its parked message never entered the queue; a timed receive's ok is C.
        var sending = instr.Op == OpCode.TimedSendMessage;
        k.Local(thread, sending ? instr.B : instr.C) = 0;
        if (sending)
        {
            CellsOf(k, o).Parked(thread).Clear();
        }

        k.Wake(thread);
        k.Emit(EventKind.ReceiveTimedOut, thread, pc, o.Id);
        k.MoveTo(thread, instr.Next);
    }

    /// <summary>A sender that ended while blocked (crashed, or its process ended) took its parked message with it: it never was in the queue.</summary>
    internal override void OnClockTick(IKernelServices k)
    {
        for (var t = 0; t < k.Program.Threads.Count; t++)
        {
            if (k.StatusOf(t) == ThreadStatus.Blocked)
            {
                continue;
            }

            foreach (var q in k.Program.Objects)
            {
                if (q.Kind != ObjectKind.MessageQueue)
                {
                    continue;
                }

                var parked = CellsOf(k, q).Parked(t);
                if (parked.IsParked)
                {
                    k.Emit(EventKind.PendingLost, t, -1, q.Id, value: parked.Value);
                    parked.Clear();
                }
            }
        }
    }

    internal static Instr NextOf(IKernelServices k, int thread) => k.Program.Threads[thread].Code[k.PcOf(thread)];

    /// <summary>The receives that can block (a tryreceive never does).</summary>
    internal static bool IsBlockingReceive(OpCode op) => op is OpCode.Receive or OpCode.TimedReceive;

    internal static bool IsBlockingSend(OpCode op) => op is OpCode.SendMessage or OpCode.TimedSendMessage;

    internal override bool CanProceed(IKernelServices k, ObjectInfo o, int thread) => MessageQueueWaits.CanProceed(k, o, thread);

    internal override string DescribeWait(IKernelServices k, ObjectInfo o, int thread) => MessageQueueWaits.DescribeWait(k, o, thread);

    internal override string WaitState(IKernelServices k, ObjectInfo o, int thread) => MessageQueueWaits.WaitState(k, o, thread);

    internal override void AssertInvariants(IKernelServices k, ObjectInfo o) => MessageQueueState.AssertInvariants(k, o);

    internal override void WriteState(IKernelServices k, ObjectInfo o, StateWriter w) => MessageQueueState.Write(k, o, w);

    public override string Describe(in EventWords w) => MessageQueueSentences.Describe(w) ?? NotMine(w);
}
