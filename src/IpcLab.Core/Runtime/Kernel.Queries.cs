using IpcLab.Core.Model;
using IpcLab.Core.Objects;
using IpcLab.Core.Objects.DatagramSocket;
using IpcLab.Core.Objects.Descriptors;
using IpcLab.Core.Objects.StreamSocket;

namespace IpcLab.Core.Runtime;

// Read-only questions about the current state, for schedulers, views and tests.
public sealed partial class Kernel
{
    public ThreadStatus StatusOf(int thread) => (ThreadStatus)_data[Layout.ThreadField(thread, StateLayout.StatusField)];

    /// <summary>The index of the thread's next instruction, or -1 once it has ended.</summary>
    public int PcOf(int thread) => (int)_data[Layout.ThreadField(thread, StateLayout.PcField)];

    /// <summary>The thread's next instruction (for a faulted thread, the one that faulted), or null once it has finished.</summary>
    public Instr? NextInstruction(int thread)
    {
        var pc = PcOf(thread);
        return pc >= 0 && pc < _code[thread].Length ? _code[thread][pc] : null;
    }

    /// <summary>The object a blocked or waiting thread waits on, or -1.</summary>
    public int WaitObjectOf(int thread) => (int)_data[Layout.ThreadField(thread, StateLayout.WaitObjectField)];

    /// <summary>Why a thread faulted, or null.</summary>
    public string? FaultOf(int thread)
    {
        var id = _data[Layout.ThreadField(thread, StateLayout.FaultField)];
        return id < 0 ? null : Strings[id];
    }

    public long LocalValue(int thread, int slot) => _data[Layout.LocalBase(thread) + slot];

    /// <summary>A shared variable's value, by its slot among the shared variables.</summary>
    public long SharedValue(int slot) => Objects.SharedVar.SharedVarModule.ValueOf(this, IdOf(ObjectKind.SharedVar, slot));

    /// <summary>The owner of a mutex (by object id), or -1 when free.</summary>
    public int MutexOwner(int mutexId) => Objects.Mutex.MutexModule.OwnerOf(this, mutexId);

    public long SemaphoreCount(int semaphoreId) => new Objects.Semaphore.SemaphoreCells(((IKernelServices)this).Cells(semaphoreId)).Count;

    /// <summary>A queue's items from head to tail (by object id).</summary>
    public long[] QueueItems(int queueId)
    {
        var ring = new Ring(((IKernelServices)this).Cells(queueId));
        var items = new long[ring.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = ring[i];
        }

        return items;
    }

    /// <summary>A queue's head (items taken so far) and tail (items put so far) counters.</summary>
    public (long Head, long Tail) QueueCounters(int queueId)
    {
        var ring = new Ring(((IKernelServices)this).Cells(queueId));
        return (ring.Head, ring.Tail);
    }

    /// <summary>The process and descriptor that listen on a stream socket (by object id), or (-1, -1).</summary>
    public (int Process, int Fd) StreamListener(int socketId) => DescriptorTables.Find(this, DescriptorKind.Listener, socketId, 0);

    /// <summary>The connections of a stream socket (by object id) that are in use, pending ones in backlog order first.</summary>
    public IReadOnlyList<ConnectionInfo> StreamConnections(int socketId) => StreamSocketState.Connections(this, socketId);

    /// <summary>The process and descriptor bound to receive on a datagram socket (by object id), or (-1, -1).</summary>
    public (int Process, int Fd) DatagramReceiver(int socketId) => DescriptorTables.Find(this, DescriptorKind.DatagramReceiver, socketId, 0);

    /// <summary>The messages queued on a datagram socket (by object id), oldest first.</summary>
    public IReadOnlyList<string> DatagramMessages(int socketId) => DatagramSocketModule.Messages(this, socketId);

    /// <summary>The open descriptors of a process: number, what it is, and the socket object it refers to.</summary>
    public IReadOnlyList<(int Fd, DescriptorKind Kind, int Socket)> DescriptorsOf(int process) => DescriptorTablesState.Of(this, process);

    /// <summary>The threads queued on an object (mutex entry queue, condition or semaphore wait queue), first first.</summary>
    public IReadOnlyList<int> WaitersOf(int objectId)
    {
        var count = FirstWaiterAndCount(objectId).Count;
        if (count == 0)
        {
            return [];
        }

        var threads = new int[count];
        var tickets = new long[count];
        var n = 0;
        for (var t = 0; t < Layout.ThreadCount; t++)
        {
            if (WaitObjectOf(t) == objectId)
            {
                threads[n] = t;
                tickets[n++] = _data[Layout.ThreadField(t, StateLayout.TicketField)];
            }
        }

        Array.Sort(tickets, threads);
        return threads;
    }

    /// <summary>True once a thread has finished or faulted (a crash is a fault): it will never take a step again.</summary>
    public bool HasEnded(int thread) => StatusOf(thread) is ThreadStatus.Finished or ThreadStatus.Faulted;

    /// <summary>True for a thread that crashed (injected, or its process crashed), as opposed to one that faulted on its own.</summary>
    public bool HasCrashed(int thread) =>
        StatusOf(thread) == ThreadStatus.Faulted && FaultOf(thread)?.StartsWith("crashed", StringComparison.Ordinal) == true;

    /// <summary>Why a thread cannot be crashed now, in words; null when it can.</summary>
    public string? WhyCannotCrash(int thread) =>
        _concluded || HasEnded(thread) ? $"{ThreadName(thread)} has already ended"
        : StatusOf(thread) == ThreadStatus.NotStarted ? $"{ThreadName(thread)} has not started yet"
        : Objects.Broker.BrokerRestart.BrokerOfThread(this, thread) is { } broker ? Objects.Broker.BrokerRestart.WhyCannotCrash(this, broker)
        : Objects.Topic.ReplicaFailover.BrokerOfThread(Program, thread) is var (topic, replica) ? Objects.Topic.ReplicaFailover.WhyCannotCrash(this, topic, replica)
        : null;

    /// <summary>Why a whole process cannot be crashed now, in words; null when it can.</summary>
    public string? WhyCannotCrashProcess(int process) =>
        process < 0 || process >= Program.Processes.Count ? $"there is no process #{process}"
        : _concluded || !IsProcessAlive(process) ? $"process {Program.Processes[process].Name} has already ended"
        : Objects.Broker.BrokerRestart.IsBrokerProcess(this, process) ? Objects.Broker.BrokerRestart.WhyCannotCrash(this, Objects.Broker.BrokerParts.Find(Program)!)
        : Objects.Topic.ReplicaFailover.BrokerOfProcess(Program, process) is var (topic, replica) ? Objects.Topic.ReplicaFailover.WhyCannotCrash(this, topic, replica)
        : null;

    public bool CanRun(int thread) => !_concluded && StatusOf(thread) == ThreadStatus.Ready;

    /// <summary>Why a thread cannot take a step now, in words; null when it can.</summary>
    public string? WhyCannotRun(int thread)
    {
        var name = Program.Threads[thread].Name;
        if (_concluded)
        {
            return "the run is over";
        }

        return StatusOf(thread) switch
        {
            ThreadStatus.Ready => null,
            ThreadStatus.Blocked => DescribeWait(thread),
            ThreadStatus.Waiting => DescribeWait(thread),
            ThreadStatus.Finished => $"{name} has finished",
            ThreadStatus.NotStarted => $"{name} has not started: its process {Program.Processes[Program.Threads[thread].Process].Name} waits to be spawned",
            _ when HasCrashed(thread) => $"{name} has {FaultOf(thread)}",
            _ => $"{name} has faulted: {FaultOf(thread)}",
        };
    }

    /// <summary>Fills <paramref name="into"/> with the threads that can run, in id order; returns how many.</summary>
    public int CollectRunnable(Span<int> into)
    {
        if (_concluded)
        {
            return 0;
        }

        var n = 0;
        var statusAt = Layout.ThreadField(0, StateLayout.StatusField);
        for (var t = 0; t < Layout.ThreadCount; t++, statusAt += Layout.ThreadStride)
        {
            if (_data[statusAt] == (long)ThreadStatus.Ready)
            {
                into[n++] = t;
            }
        }

        return n;
    }

    /// <summary>True when no thread can take a step (or the run was concluded).</summary>
    public bool IsOver
    {
        get
        {
            Span<int> buffer = stackalloc int[Layout.ThreadCount];
            return CollectRunnable(buffer) == 0;
        }
    }

    /// <summary>A value as text, given the kind it has.</summary>
    public string Format(ValueKind kind, long value, bool quoteStrings = true) => CExpr.Format(kind, value, Strings, quoteStrings);

    public string ThreadName(int thread) => Program.Threads[thread].Name;

    public string ObjectName(int objectId) => Program.Objects[objectId].Name;
}
