using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Group;

/// <summary>What must hold of a group after every step, and the one spelling of its state.</summary>
internal static class GroupState
{
    /// <summary>
    /// A group's members are threads that have not ended; each inbox is a well-formed ring (at most
    /// its capacity, zeros in free slots); a waiter waits in a receive (with a deadline exactly when
    /// it is timed) or in a send of a group that blocks when full. That a waiter could not go on now
    /// (no lost wake-up) the kernel checks for every kind through CanProceed.
    /// </summary>
    public static void AssertInvariants(IKernelServices k, ObjectInfo g)
    {
        var group = GroupModule.CellsOf(k, g);
        var threads = k.Program.Threads.Count;
        Require(group.Cursor >= 0 && group.Cursor <= threads, $"group {g.Name} has cursor {group.Cursor}");
        Require(group.Dropped >= 0, $"group {g.Name} has a negative drop count");
        for (var t = 0; t < threads; t++)
        {
            var name = k.ThreadName(t);
            var flag = group.MemberFlag(t);
            Require(flag is 0 or 1, $"group {g.Name} has member flag {flag} for {name}");
            Require(flag == 0 || !k.HasEnded(t), $"{name} has ended but is still in {g.Name}");
            var inbox = group.Inbox(t);
            Require(inbox.IsWellFormed(), $"{name}'s inbox in {g.Name} has head {inbox.Head}, tail {inbox.Tail} of {g.Capacity}, or a stale value in a free slot");
            for (var i = 0; i < inbox.Count; i++)
            {
                Require(k.IsValue(g.ValueKind, inbox[i]), $"{name}'s inbox in {g.Name} holds {inbox[i]}, which is not a string of the run");
            }

            if (k.WaitObjectOf(t) != g.Id)
            {
                continue;
            }

            var op = GroupModule.NextOf(k, t).Op;
            Require(GroupSends.IsBlockingReceive(op) || GroupSends.IsSendOp(op), $"{name} is blocked on {g.Name} at a {op}");
            Require(!GroupSends.IsSendOp(op) || GroupSettings.Of(g).Full == FullPolicy.Block, $"{name} is blocked sending to {g.Name}, whose full setting does not block");
            Require((k.DeadlineOf(t) > 0) == (op == OpCode.GroupTimedReceive), $"{name} waits on {g.Name} at a {op} with deadline {k.DeadlineOf(t)}");
        }
    }

    /// <summary>"last-anycast worker-1 dropped 0 members [worker-1 worker-2] inboxes [worker-1 [1] worker-2 [] sender []]".</summary>
    public static void Write(IKernelServices k, ObjectInfo g, StateWriter w)
    {
        var group = GroupModule.CellsOf(k, g);
        var threads = k.Program.Threads.Count;
        w.Label("last-anycast");
        w.Thread(group.Cursor - 1);
        w.Label("dropped");
        w.Int(group.Dropped);
        var members = 0;
        for (var t = 0; t < threads; t++)
        {
            members += group.IsMember(t) ? 1 : 0;
        }

        w.Label("members");
        w.BeginList(members);
        for (var t = 0; t < threads; t++)
        {
            if (group.IsMember(t))
            {
                w.Thread(t);
            }
        }

        w.EndList();
        w.Label("inboxes");
        w.BeginList(threads);
        for (var t = 0; t < threads; t++)
        {
            var inbox = group.Inbox(t);
            w.Label(k.ThreadName(t));
            w.BeginList(inbox.Count);
            for (var i = 0; i < inbox.Count; i++)
            {
                w.Value(g.ValueKind, inbox[i]);
            }

            w.EndList();
        }

        w.EndList();
    }

    private static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new KernelInvariantException("kernel invariant violated: " + message);
        }
    }
}
