using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;

namespace IpcLab.Core.Objects.Group;

/// <summary>
/// A delivery group: threads join and leave it, every thread has its own bounded inbox in it, and
/// unicast, multicast, broadcast and anycast send to it (see <see cref="GroupSends"/> and
/// <see cref="GroupSegment"/>). A receive reads the thread's own inbox, oldest first.
/// </summary>
internal sealed class GroupModule : ObjectModule
{
    // A receive that finds nothing, as on every channel.
    private static readonly EmptyReceive Empty = new(OpCode.GroupTryReceive, OpCode.GroupTimedReceive, EventKind.GroupTryFailed, EventKind.GroupReceiveBlocked);

    public override ObjectKind Kind => ObjectKind.Group;

    public override string DeclarationWord => "group";

    public override string KindWord => "group";

    /// <summary><c>group desk capacity 4 [policy round-robin|least-loaded|first-ready] [full block|drop|drop-oldest]</c></summary>
    internal override ObjectInfo Declare(Declaration d)
    {
        var capacity = d.Capacity("group", "a group", ["policy", "full"]);
        var policy = d.Option("policy") is { } p ? GroupSettings.ParsePolicy(d, p) : AnycastPolicy.RoundRobin;
        var full = d.Option("full") is { } f ? GroupSettings.ParseFull(d, f) : FullPolicy.Block;
        return d.Object(Kind, capacity, new GroupSettings(policy, full).Pack(), ValueKind.Int);
    }

    public override IReadOnlyList<string> Functions => ["members", "dropped"];

    internal override CExpr Function(string name, ObjectInfo o) =>
        new GroupFuncExpr(name == "members" ? GroupFunc.Members : GroupFunc.Dropped, o.Id, o.Capacity);

    public override IReadOnlyList<OpSpec> Operations { get; } =
    [
        new(OpCode.GroupReceive, "receive"),
        new(OpCode.GroupTryReceive, "tryreceive"),
        new(OpCode.GroupTimedReceive, "timedreceive"),
        new(OpCode.Join, "join", "subscribe"),
        new(OpCode.Leave, "leave", "unsubscribe"),
        new(OpCode.Publish, "multicast"),
        new(OpCode.GroupBroadcast, "broadcast"),
        new(OpCode.Anycast, "anycast"),
        new(OpCode.Unicast, "unicast"),
    ];

    public override IReadOnlyList<EventSpec> Events => GroupSentences.Specs;

    public override int CellCount(CompiledProgram program, ObjectInfo o) => GroupCells.CellsFor(o.Capacity, program.Threads.Count);

    internal override bool UsesClock => true;

    internal static GroupCells CellsOf(IKernelServices k, ObjectInfo g) => new(k.Cells(g.Id), g.Capacity);

    internal static Instr NextOf(IKernelServices k, int thread) => k.Program.Threads[thread].Code[k.PcOf(thread)];

    internal override void Step(IKernelServices k, int t, int pc, Instr instr)
    {
        switch (instr.Op)
        {
            case OpCode.Join: Join(k, t, pc, instr); break;
            case OpCode.Leave: Leave(k, t, pc, instr); break;
            case OpCode.Publish or OpCode.GroupBroadcast: GroupSends.Publish(k, t, pc, instr); break;
            case OpCode.Anycast: GroupSends.Anycast(k, t, pc, instr); break;
            case OpCode.Unicast: GroupSends.Unicast(k, t, pc, instr); break;
            default: Receive(k, t, pc, instr); break;
        }
    }

    private static void Join(IKernelServices k, int t, int pc, Instr instr)
    {
        var g = k.Program.Objects[instr.A];
        var group = CellsOf(k, g);
        if (group.IsMember(t))
        {
            throw new ThreadFaultException($"{instr.Text}s {g.Name}, which it has already joined");
        }

        group.SetMember(t, true);
        k.Emit(EventKind.GroupJoined, t, pc, g.Id);

        // An anycast blocks only while every member's inbox is full: a new member with room is
        // one it can go to, so it tries again (without this it would wait for a receive that
        // may never come).
        if (!group.Inbox(t).IsFull)
        {
            GroupSends.WakeAnycasts(k, g);
        }

        k.MoveTo(t, instr.Next);
    }

    private static void Leave(IKernelServices k, int t, int pc, Instr instr)
    {
        var g = k.Program.Objects[instr.A];
        var group = CellsOf(k, g);
        if (!group.IsMember(t))
        {
            throw new ThreadFaultException($"{instr.Text}s {g.Name}, which it has not joined");
        }

        group.SetMember(t, false);
        var count = group.Inbox(t).Count;
        k.Emit(EventKind.GroupLeft, t, pc, g.Id, value: count);
        GroupSends.WakeSendersIfFull(k, t, pc, g, count);
        k.MoveTo(t, instr.Next);
    }

    private static void Receive(IKernelServices k, int t, int pc, Instr instr)
    {
        var g = k.Program.Objects[instr.A];
        var group = CellsOf(k, g);
        var inbox = group.Inbox(t);
        if (inbox.IsEmpty)
        {
            if (instr.Op == OpCode.GroupReceive && !group.IsMember(t) && !GroupSegment.BroadcastsTo(k, g))
            {
                throw new ThreadFaultException($"receives from {g.Name} without being a member, and its inbox is empty: nothing could ever arrive");
            }

            Empty.BlockOrFail(k, t, pc, instr, g);
            return;
        }

        var countBefore = inbox.Count;
        var value = inbox.RemoveFirst();
        SetReceived(k, t, instr, value);
        k.Emit(EventKind.GroupReceived, t, pc, g.Id, -1, value);
        GroupSends.WakeSendersIfFull(k, t, pc, g, countBefore);
        k.MoveTo(t, instr.Next);
    }

    /// <summary>Stores a received message into the receive's results: the value, and ok when asked for.</summary>
    internal static void SetReceived(IKernelServices k, int t, Instr instr, long value)
    {
        k.Local(t, instr.B) = value;
        if (instr.C >= 0)
        {
            k.Local(t, instr.C) = 1;
        }
    }

    internal override void TimeOut(IKernelServices k, ObjectInfo o, int thread)
    {
        var pc = k.PcOf(thread);
        var instr = NextOf(k, thread);
        k.Local(thread, instr.C) = 0;
        k.Wake(thread);
        k.Emit(EventKind.GroupReceiveTimedOut, thread, pc, o.Id);
        k.MoveTo(thread, instr.Next);
    }

    /// <summary>
    /// The threads of a process that crashed leave their groups at once (after its descriptors
    /// closed), before whatever else the clock tick finds. A process that exited needs nothing
    /// more: each of its threads leaves at the clock tick of the step it finished in, as every
    /// member that ended (below).
    /// </summary>
    internal override void OnProcessEnd(IKernelServices k, int process, int lastThread)
    {
        if (lastThread >= 0)
        {
            return;
        }

        foreach (var t in k.Program.Processes[process].Threads)
        {
            LeaveAll(k, t);
        }
    }

    /// <summary>
    /// Members that ended leave their groups at the end of the step, not when they end, so that a
    /// member that ends in the middle of a send (handed its copy) is told gone after that send's
    /// other copies.
    /// </summary>
    internal override void OnClockTick(IKernelServices k)
    {
        for (var t = 0; t < k.Program.Threads.Count; t++)
        {
            if (k.HasEnded(t))
            {
                LeaveAll(k, t);
            }
        }
    }

    /// <summary>
    /// A thread that ended leaves every group it was in, and every segment; the messages in its
    /// inbox stay there, undelivered. Its going may let a blocked sender on (see <see cref="GroupSends"/>).
    /// </summary>
    private static void LeaveAll(IKernelServices k, int t)
    {
        foreach (var g in k.Program.Objects)
        {
            if (g.Kind != ObjectKind.Group)
            {
                continue;
            }

            var group = CellsOf(k, g);
            if (group.IsMember(t))
            {
                group.SetMember(t, false);
                var count = group.Inbox(t).Count;
                k.Emit(EventKind.MemberGone, t, -1, g.Id, value: count);
                GroupSends.WakeSendersIfFull(k, -1, -1, g, count);
            }
            else
            {
                GroupSegment.WakeBroadcastsOffTheGroup(k, g, t);
            }
        }
    }

    internal override bool CanProceed(IKernelServices k, ObjectInfo o, int thread) => GroupWaits.CanProceed(k, o, thread);

    internal override string DescribeWait(IKernelServices k, ObjectInfo o, int thread) => GroupWaits.DescribeWait(k, o, thread);

    internal override string WaitState(IKernelServices k, ObjectInfo o, int thread) => GroupWaits.WaitState(k, o, thread);

    internal override void AssertInvariants(IKernelServices k, ObjectInfo o) => GroupState.AssertInvariants(k, o);

    internal override void WriteState(IKernelServices k, ObjectInfo o, StateWriter w) => GroupState.Write(k, o, w);

    public override string Describe(in EventWords w) => GroupSentences.Describe(w) ?? NotMine(w);
}
