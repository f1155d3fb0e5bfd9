using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

// The wait queues every object uses: a waiting thread holds a ticket, the queue is ticket order.
public sealed partial class Kernel
{
    private void JoinWaitQueue(int t, int obj, ThreadStatus status)
    {
        SetStatus(t, status);
        _data[Layout.ThreadField(t, StateLayout.WaitObjectField)] = obj;
        _data[Layout.ThreadField(t, StateLayout.TicketField)] = _data[StateLayout.TicketSlot]++;
    }

    /// <summary>Takes a thread out of its wait queue and makes it ready.</summary>
    private void Wake(int t)
    {
        LeaveWaitQueue(t);
        SetStatus(t, ThreadStatus.Ready);
    }

    private void LeaveWaitQueue(int t)
    {
        _data[Layout.ThreadField(t, StateLayout.WaitObjectField)] = -1;
        _data[Layout.ThreadField(t, StateLayout.TicketField)] = 0;

        // A deadline belongs to a wait: woken, handed what it waited for, timed out or ended, the thread has none.
        if (Layout.HasClock)
        {
            _data[Layout.DeadlineIndex(t)] = 0;
        }
    }

    /// <summary>The thread with the lowest ticket queued on an object, or -1.</summary>
    private int FirstWaiter(int obj) => FirstWaiterAndCount(obj).First;

    /// <summary>The thread first in an object's wait queue (-1 when empty) and how many wait, in one pass.</summary>
    private (int First, int Count) FirstWaiterAndCount(int obj)
    {
        var best = -1;
        var bestTicket = long.MaxValue;
        var count = 0;
        for (var t = 0; t < Layout.ThreadCount; t++)
        {
            if (_data[Layout.ThreadField(t, StateLayout.WaitObjectField)] == obj)
            {
                count++;
                var ticket = _data[Layout.ThreadField(t, StateLayout.TicketField)];
                if (ticket < bestTicket)
                {
                    bestTicket = ticket;
                    best = t;
                }
            }
        }

        return (best, count);
    }
}
