using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

// POSIX-style message queues: bounded, ordered by priority, blocking on both sides.
//
// Blocking is by hand-over, like the mutex: a blocked thread never retries. A sender that finds
// the queue full parks its message (value and priority) in its own thread fields and blocks; the
// receiver that makes room moves the first parked message in and moves that sender past its
// send. A receiver that finds the queue empty blocks; the next send hands its message straight
// to the first such receiver. So no wake-up can be lost: whoever changes the state that a blocked
// thread waits for completes that thread's operation in the same step. Senders and receivers
// never wait on the same queue at once (one side waits only when it is full, the other only when
// it is empty, and the capacity is at least 1).
public sealed partial class Kernel
{
    /// <summary>Priorities go from 0 to this, as POSIX guarantees at least 32 of them.</summary>
    public const int MaxPriority = 31;

    private void DoSendMessage(int t, int pc, Instr instr, bool tryOnly)
    {
        var q = instr.A;
        var value = Eval(t, instr.E1!);
        var priority = instr.E2 is null ? 0 : Eval(t, instr.E2);
        if (priority is < 0 or > MaxPriority)
        {
            throw new ThreadFaultException($"sends to {ObjectName(q)} with priority {priority}; a priority goes from 0 to {MaxPriority}");
        }

        var receiver = FirstWaiter(q);
        if (receiver >= 0 && IsReceiveOp(_code[receiver][PcOf(receiver)].Op))
        {
            SetOk(t, instr, tryOnly, true);
            HandToReceiver(t, pc, q, receiver, value, priority);
            MoveTo(t, instr.Next);
            return;
        }

        var b = Layout.Messaging.MessageQueueBase(SlotOf(q));
        var capacity = Program.Objects[q].Capacity;
        if (_data[b] < capacity)
        {
            SetOk(t, instr, tryOnly, true);
            InsertByPriority(q, value, priority);
            Emit(EventKind.MessageSent, t, pc, q, (int)priority, value);
            MoveTo(t, instr.Next);
            return;
        }

        if (tryOnly)
        {
            SetOk(t, instr, tryOnly, false);
            Emit(EventKind.MessageTryFailed, t, pc, q, value: capacity);
            MoveTo(t, instr.Next);
            return;
        }

        if (instr.Op == OpCode.TimedSendMessage)
        {
            var timeout = Eval(t, instr.Args[0]);
            if (timeout < 0)
            {
                throw new ThreadFaultException($"sends to {ObjectName(q)} with a negative timeout ({timeout} steps)");
            }

            _data[Layout.Messaging.ThreadField(t, MessagingLayout.DeadlineField)] = DeadlineAfter(timeout, $"sends to {ObjectName(q)}");
        }

        _data[Layout.Messaging.ThreadField(t, MessagingLayout.PendingQueueField)] = q + 1;
        _data[Layout.Messaging.ThreadField(t, MessagingLayout.PendingValueField)] = value;
        _data[Layout.Messaging.ThreadField(t, MessagingLayout.PendingPriorityField)] = priority;
        JoinWaitQueue(t, q, ThreadStatus.Blocked);
        Emit(EventKind.SendBlocked, t, pc, q, -1, capacity);
    }

    private void DoMessageQueueReceive(int t, int pc, Instr instr)
    {
        var q = instr.A;
        var b = Layout.Messaging.MessageQueueBase(SlotOf(q));
        var count = (int)_data[b];
        if (count == 0)
        {
            BlockOrFailReceive(t, pc, instr);
            return;
        }

        var value = _data[b + 1];
        var priority = _data[b + 2];
        Array.Copy(_data, b + 3, _data, b + 1, 2 * (count - 1));
        _data[b + (2 * count) - 1] = 0;
        _data[b + (2 * count)] = 0;
        _data[b] = count - 1;
        SetReceived(t, instr, value, priority);
        Emit(EventKind.MessageReceived, t, pc, q, (int)priority, value);

        // Room now: the first blocked sender's parked message goes in and that sender moves on.
        var sender = FirstWaiter(q);
        if (sender >= 0)
        {
            var pendingValue = _data[Layout.Messaging.ThreadField(sender, MessagingLayout.PendingValueField)];
            var pendingPriority = _data[Layout.Messaging.ThreadField(sender, MessagingLayout.PendingPriorityField)];
            ClearPending(sender);
            InsertByPriority(q, pendingValue, pendingPriority);
            SetOk(sender, _code[sender][PcOf(sender)], tryOnly: false, ok: true);
            _data[Layout.Messaging.ThreadField(sender, MessagingLayout.DeadlineField)] = 0;
            Wake(sender);
            Emit(EventKind.SenderResumed, t, pc, q, sender, pendingValue);
            MoveTo(sender, _code[sender][PcOf(sender)].Next);
        }

        MoveTo(t, instr.Next);
    }

    /// <summary>Puts a message after every message of the same or a higher priority.</summary>
    private void InsertByPriority(int q, long value, long priority)
    {
        var b = Layout.Messaging.MessageQueueBase(SlotOf(q));
        var count = (int)_data[b];
        var at = 0;
        while (at < count && _data[b + 2 + (2 * at)] >= priority)
        {
            at++;
        }

        Array.Copy(_data, b + 1 + (2 * at), _data, b + 3 + (2 * at), 2 * (count - at));
        _data[b + 1 + (2 * at)] = value;
        _data[b + 2 + (2 * at)] = priority;
        _data[b] = count + 1;
    }

    /// <summary>A receiver found nothing: a try fails at once, a timed receive blocks with a deadline, a plain one just blocks.</summary>
    private void BlockOrFailReceive(int t, int pc, Instr instr)
    {
        if (instr.Op == OpCode.TryReceive)
        {
            _data[Layout.LocalBase(t) + instr.C] = 0;
            Emit(EventKind.MessageTryFailed, t, pc, instr.A);
            MoveTo(t, instr.Next);
            return;
        }

        long timeout = -1;
        if (instr.Op == OpCode.TimedReceive)
        {
            timeout = Eval(t, instr.E1!);
            if (timeout < 0)
            {
                throw new ThreadFaultException($"waits on {ObjectName(instr.A)} with a negative timeout ({timeout} steps)");
            }

            _data[Layout.Messaging.ThreadField(t, MessagingLayout.DeadlineField)] = DeadlineAfter(timeout, $"waits on {ObjectName(instr.A)}");
        }

        JoinWaitQueue(t, instr.A, ThreadStatus.Blocked);
        Emit(EventKind.ReceiveBlocked, t, pc, instr.A, -1, timeout);
    }

    /// <summary>Gives a message straight to a thread blocked in a receive on <paramref name="source"/>, and moves it on.</summary>
    private void HandToReceiver(int t, int pc, int source, int receiver, long value, long priority)
    {
        var rInstr = _code[receiver][PcOf(receiver)];
        SetReceived(receiver, rInstr, value, priority);
        _data[Layout.Messaging.ThreadField(receiver, MessagingLayout.DeadlineField)] = 0;
        Wake(receiver);
        Emit(EventKind.MessageHandedOver, t, pc, source, receiver, value);
        MoveTo(receiver, rInstr.Next);
    }

    /// <summary>Stores a received message into the receive's results: the value, and the priority or ok when asked for.</summary>
    private void SetReceived(int t, Instr instr, long value, long priority)
    {
        var locals = Layout.LocalBase(t);
        _data[locals + instr.B] = value;
        if (instr.C >= 0)
        {
            _data[locals + instr.C] = instr.Op == OpCode.Receive ? priority : 1;
        }
    }

    private void SetOk(int t, Instr instr, bool tryOnly, bool ok)
    {
        if (tryOnly || instr.Op == OpCode.TimedSendMessage)
        {
            _data[Layout.LocalBase(t) + instr.B] = ok ? 1 : 0;
        }
    }

    private void ClearPending(int t)
    {
        _data[Layout.Messaging.ThreadField(t, MessagingLayout.PendingQueueField)] = 0;
        _data[Layout.Messaging.ThreadField(t, MessagingLayout.PendingValueField)] = 0;
        _data[Layout.Messaging.ThreadField(t, MessagingLayout.PendingPriorityField)] = 0;
    }

    private static bool IsReceiveOp(OpCode op) => op is OpCode.Receive or OpCode.TimedReceive;

    private static bool IsMessageSendOp(OpCode op) => op is OpCode.SendMessage or OpCode.TimedSendMessage;

    private static bool IsGroupSendOp(OpCode op) => op is OpCode.Publish or OpCode.GroupBroadcast or OpCode.Anycast or OpCode.Unicast;
}
