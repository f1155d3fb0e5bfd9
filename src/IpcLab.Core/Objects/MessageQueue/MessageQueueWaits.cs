using IpcLab.Core.Model;

namespace IpcLab.Core.Objects.MessageQueue;

/// <summary>What a thread blocked on a message queue waits for: a message (the queue is empty) or room (it is full).</summary>
internal static class MessageQueueWaits
{
    /// <summary>Could the thread go on now: a receiver finds a message, a sender finds room.</summary>
    public static bool CanProceed(IKernelServices k, ObjectInfo q, int thread) =>
        IsReceiving(k, thread) ? !MessageQueueModule.CellsOf(k, q).IsEmpty : !MessageQueueModule.CellsOf(k, q).IsFull;

    /// <summary>"waits on mqueue jobs: empty", "waits on mqueue jobs: full (3 of 3) (gives up at step 9)".</summary>
    public static string DescribeWait(IKernelServices k, ObjectInfo q, int thread) => IsReceiving(k, thread)
        ? $"waits on mqueue {q.Name}: empty{Deadlines.Until(k, thread)}"
        : $"waits on mqueue {q.Name}: full ({q.Capacity} of {q.Capacity}){Deadlines.Until(k, thread)}";

    /// <summary>"blocked on mqueue jobs: empty, waits for a message", "blocked on mqueue jobs: full (3 of 3), "report 3" waits for a receiver".</summary>
    public static string WaitState(IKernelServices k, ObjectInfo q, int thread)
    {
        if (IsReceiving(k, thread))
        {
            return $"blocked on mqueue {q.Name}: empty, waits for a message{Deadlines.Until(k, thread)}";
        }

        var parked = MessageQueueModule.CellsOf(k, q).Parked(thread);
        return $"blocked on mqueue {q.Name}: full ({q.Capacity} of {q.Capacity}), {k.Format(q.ValueKind, parked.Value)} waits for a receiver{Deadlines.Until(k, thread)}";
    }

    private static bool IsReceiving(IKernelServices k, int thread) => MessageQueueModule.IsBlockingReceive(MessageQueueModule.NextOf(k, thread).Op);
}
