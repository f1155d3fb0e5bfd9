using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.MessageQueue;

/// <summary>What must hold of a message queue after every step, and the one spelling of its state.</summary>
internal static class MessageQueueState
{
    /// <summary>
    /// The messages are in delivery order with zeros after them; a thread has a parked message in
    /// the queue exactly while it is blocked sending to it; a waiter waits at an operation that can
    /// block, with a deadline exactly when that operation is timed. That a waiter could not go on
    /// now (no lost wake-up) the kernel checks for every kind through CanProceed.
    /// </summary>
    public static void AssertInvariants(IKernelServices k, ObjectInfo q)
    {
        var cells = MessageQueueModule.CellsOf(k, q);
        Require(cells.IsWellFormed(MessageQueueModule.MaxPriority),
            $"mqueue {q.Name} holds {cells.Count} of {q.Capacity}, out of priority order or with a stale message in a free slot");
        for (var i = 0; i < cells.Count; i++)
        {
            Require(IsValue(k, q, cells.Value(i)), $"mqueue {q.Name} holds {cells.Value(i)}, which is not a string of the run");
        }

        for (var t = 0; t < k.Program.Threads.Count; t++)
        {
            var name = k.ThreadName(t);
            var parked = cells.Parked(t);
            Require(parked.IsWellFormed(MessageQueueModule.MaxPriority), $"{name} has a stale or malformed parked message in {q.Name}");
            Require(!parked.IsParked || IsValue(k, q, parked.Value), $"{name}'s parked message {parked.Value} for {q.Name} is not a string of the run");
            var queued = k.WaitObjectOf(t) == q.Id;
            var op = queued ? MessageQueueModule.NextOf(k, t).Op : OpCode.Pass;
            Require(!queued || MessageQueueModule.IsBlockingReceive(op) || MessageQueueModule.IsBlockingSend(op), $"{name} is blocked on {q.Name} at a {op}");
            Require(parked.IsParked == (queued && MessageQueueModule.IsBlockingSend(op)), $"{name} is {k.StatusOf(t)} at a {op} and has{(parked.IsParked ? "" : " no")} parked message for {q.Name}");
            Require(!queued || (k.DeadlineOf(t) > 0) == (op is OpCode.TimedReceive or OpCode.TimedSendMessage), $"{name} waits on {q.Name} at a {op} with deadline {k.DeadlineOf(t)}");
        }
    }

    /// <summary>"messages ["fire alarm" prio 5 "report 2" prio 0] parked [dispatcher "report 3" prio 0]".</summary>
    public static void Write(IKernelServices k, ObjectInfo q, StateWriter w)
    {
        var cells = MessageQueueModule.CellsOf(k, q);
        w.Label("messages");
        w.BeginList(cells.Count);
        for (var i = 0; i < cells.Count; i++)
        {
            w.Value(q.ValueKind, cells.Value(i));
            w.Label("prio");
            w.Int(cells.Priority(i));
        }

        w.EndList();
        var senders = 0;
        for (var t = 0; t < k.Program.Threads.Count; t++)
        {
            senders += cells.Parked(t).IsParked ? 1 : 0;
        }

        w.Label("parked");
        w.BeginList(senders);
        for (var t = 0; t < k.Program.Threads.Count; t++)
        {
            var parked = cells.Parked(t);
            if (parked.IsParked)
            {
                w.Thread(t);
                w.Value(q.ValueKind, parked.Value);
                w.Label("prio");
                w.Int(parked.Priority);
            }
        }

        w.EndList();
    }

    /// <summary>A message of a queue of strings is a string of the run; any number is a message of a queue of numbers.</summary>
    internal static bool IsValue(IKernelServices k, ObjectInfo o, long value) => k.IsValue(o.ValueKind, value);

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new KernelInvariantException("kernel invariant violated: " + message);
        }
    }
}
