using IpcLab.Core.Model;
using IpcLab.Core.Objects.Topic;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;

namespace IpcLab.Core.Objects.ConsumerGroup;

/// <summary>
/// A consumer group on a topic (Kafka-style): threads subscribe and unsubscribe, the partitions are
/// split among the members by its assignor, range or round-robin (see <see cref="Rebalance"/>), each member polls
/// records at its own position in its partitions, and commits its positions as the group's
/// committed offsets, where the next owner of a partition starts after a rebalance. A poll with no
/// record at any of the member's positions blocks; it is completed by hand-over (see
/// <see cref="ConsumerPolls"/>), never retried.
/// </summary>
internal sealed class ConsumerGroupModule : ObjectModule
{
    public override ObjectKind Kind => ObjectKind.ConsumerGroup;

    public override string DeclarationWord => "consumers";

    public override string KindWord => "consumer group";

    /// <summary><c>consumers billing on orders [assignor roundrobin] [commit auto]</c> (range and manual commits when not said).</summary>
    internal override ObjectInfo Declare(Declaration d)
    {
        d.NoInitial($"a consumer group starts with no member; write `consumers {d.Name} on TOPIC`");
        d.OnlyOptions("a consumer group", ["on", "assignor", "commit"]);
        var on = d.Required("on", $"consumers {d.Name} needs its topic: `consumers {d.Name} on orders`");
        if (on.Value is not NameExpr n)
        {
            throw d.Error(on.Value.Pos, "`on` names a topic declared before it with `topic NAME partitions N retain M`");
        }

        var topic = d.Earlier.LastOrDefault(o => o.Name == n.Name && (o.Process < 0 || o.Process == d.Process))
            ?? throw d.Error(n.Pos, $"unknown topic '{n.Name}'; declare it before its consumers: `topic {n.Name} partitions 2 retain 8`");
        if (topic.Kind != ObjectKind.Topic)
        {
            throw d.Error(n.Pos, $"{n.Name} is a {topic.KindWord}, not a topic: consumers read a topic");
        }

        var assignor = d.Option("assignor") is not { } chosen ? Assignor.Range : Declaration.Word(chosen.Value) switch
        {
            "range" => Assignor.Range,
            "roundrobin" => Assignor.RoundRobin,
            _ => throw d.Error(chosen.Value.Pos, $"unknown assignor '{ExprPrinter.Print(chosen.Value)}'; expected range (the default: consecutive runs of partitions) or roundrobin (partition p to member p mod n)"),
        };
        var auto = d.Option("commit") is { } commit && (Declaration.Word(commit.Value) switch
        {
            "auto" => true,
            "manual" => false,
            _ => throw d.Error(commit.Value.Pos, $"unknown commit '{ExprPrinter.Print(commit.Value)}'; expected manual (the default: only `commit` commits) or auto (each poll first commits the positions of the polls before it)"),
        });
        var settings = new ConsumerGroupSettings(topic.Id, TopicModule.PartitionsOf(topic), topic.Capacity) { Assignor = assignor, AutoCommit = auto, Replicas = TopicSettings.ReplicasOf(topic) };
        return d.Object(Kind, settings.Partitions, settings.Pack(), ValueKind.Int);
    }

    public override IReadOnlyList<string> Functions => ["lag", "committed"];

    internal override CExpr Function(string name, ObjectInfo o) => new ConsumerGroupFuncExpr(name == "lag", o.Id, ConsumerGroupSettings.Of(o));

    public override IReadOnlyList<OpSpec> Operations { get; } =
    [
        new(OpCode.ConsumerSubscribe, "subscribe", "join") { Shape = new("{0} billing", ObjectKind.ConsumerGroup) },
        new(OpCode.ConsumerUnsubscribe, "unsubscribe", "leave") { Shape = new("{0} billing", ObjectKind.ConsumerGroup) },
        new(OpCode.Poll, "poll"),
        new(OpCode.Commit, "commit") { Shape = new("commit billing", ObjectKind.ConsumerGroup) },
        new(OpCode.Seek, "seek"),
    ];

    public override IReadOnlyList<EventSpec> Events => ConsumerGroupSentences.Specs;

    public override int CellCount(CompiledProgram program, ObjectInfo o) => ConsumerGroupCells.CellsFor(o.Capacity, program.Threads.Count);

    // Members that ended leave at the end of their step, as a group's do (see OnClockTick).
    internal override bool UsesClock => true;

    internal static ConsumerGroupCells CellsOf(IKernelServices k, ObjectInfo g) => new(k.Cells(g.Id), g.Capacity);

    internal static Instr NextOf(IKernelServices k, int thread) => k.Program.Threads[thread].Code[k.PcOf(thread)];

    internal override void Step(IKernelServices k, int t, int pc, Instr instr)
    {
        var g = k.Program.Objects[instr.A];
        var group = CellsOf(k, g);
        if (instr.Op != OpCode.ConsumerSubscribe && !group.IsMember(t))
        {
            throw new ThreadFaultException($"{Verb(instr.Op)} {g.Name} without being a member; `subscribe {g.Name}` first");
        }

        switch (instr.Op)
        {
            case OpCode.ConsumerSubscribe:
                if (group.IsMember(t))
                {
                    throw new ThreadFaultException($"subscribes to {g.Name}, which it has already joined");
                }

                group.SetMember(t, true);
                group.Cursor(t) = 0;
                k.Emit(EventKind.ConsumerJoined, t, pc, g.Id);
                Rebalance.Run(k, t, pc, g);
                break;
            case OpCode.ConsumerUnsubscribe:
                // Kafka's close() commits the positions when auto-commit is on; a member that just
                // ends or crashes never gets there.
                if (ConsumerGroupSettings.Of(g).AutoCommit)
                {
                    AutoCommit(k, t, pc, g);
                }

                group.SetMember(t, false);
                group.Cursor(t) = 0;
                k.Emit(EventKind.ConsumerLeft, t, pc, g.Id);
                Rebalance.Run(k, t, pc, g);
                break;
            case OpCode.Poll:
                Poll(k, t, pc, g);
                return;
            case OpCode.Commit:
                Commit(k, t, pc, g);
                break;
            default:
                ConsumerSeeks.Seek(k, t, pc, instr, g);
                break;
        }

        k.MoveTo(t, instr.Next);
    }

    private static void Poll(IKernelServices k, int t, int pc, ObjectInfo g)
    {
        // Auto-commit happens when the poll starts, before it reads: what it commits is where the
        // polls before it left the member, whether or not the program has handled those records.
        if (ConsumerGroupSettings.Of(g).AutoCommit)
        {
            AutoCommit(k, t, pc, g);
        }

        var p = ConsumerPolls.ReadablePartition(k, g, t);
        if (p >= 0)
        {
            ConsumerPolls.Read(k, g, t, p, t, pc);
            return;
        }

        k.JoinWaitQueue(t, g.Id, ThreadStatus.Blocked);
        k.Emit(EventKind.PollBlocked, t, pc, g.Id);
    }

    private static void Commit(IKernelServices k, int t, int pc, ObjectInfo g)
    {
        var group = CellsOf(k, g);
        var any = false;
        for (var p = 0; p < group.Partitions; p++)
        {
            if (group.Owner(p) == t)
            {
                any = true;
                var before = group.Committed(p);
                group.SetCommitted(p, group.Position(p));
                k.Emit(LogFields.Record(EventKind.OffsetCommitted, t, pc, g.Id, -1, before, p, group.Position(p), 0));
            }
        }

        if (!any)
        {
            k.Emit(LogFields.Record(EventKind.OffsetCommitted, t, pc, g.Id, -1, -1, -1, 0, 0));
        }
    }

    /// <summary>The member's positions that moved since the group's last commit become its committed offsets, with an event each.</summary>
    private static void AutoCommit(IKernelServices k, int t, int pc, ObjectInfo g)
    {
        var group = CellsOf(k, g);
        for (var p = 0; p < group.Partitions; p++)
        {
            if (group.Owner(p) == t && group.Committed(p) != group.Position(p))
            {
                var before = group.Committed(p);
                group.SetCommitted(p, group.Position(p));
                k.Emit(LogFields.Record(EventKind.OffsetAutoCommitted, t, pc, g.Id, -1, before, p, group.Position(p), 0));
            }
        }
    }

    /// <summary>Members that ended (finished, faulted, crashed, or their process ended) leave at the end of the step, and the group rebalances.</summary>
    internal override void OnClockTick(IKernelServices k)
    {
        // By index: the tick runs after every step, and the list's enumerator would be allocated each time.
        var objects = k.Program.Objects;
        for (var i = 0; i < objects.Count; i++)
        {
            var g = objects[i];
            if (g.Kind != ObjectKind.ConsumerGroup)
            {
                continue;
            }

            var group = CellsOf(k, g);
            var left = false;
            for (var t = 0; t < k.Program.Threads.Count; t++)
            {
                if (group.IsMember(t) && k.HasEnded(t))
                {
                    group.SetMember(t, false);
                    group.Cursor(t) = 0;
                    k.Emit(EventKind.ConsumerGone, t, -1, g.Id, value: k.HasCrashed(t) ? 1 : 0);
                    left = true;
                }
            }

            if (left)
            {
                Rebalance.Run(k, -1, -1, g);
            }
        }
    }

    private static string Verb(OpCode op) => op switch
    {
        OpCode.ConsumerUnsubscribe => "unsubscribes from",
        OpCode.Poll => "polls",
        OpCode.Commit => "commits to",
        _ => "seeks in",
    };

    internal override bool CanProceed(IKernelServices k, ObjectInfo o, int thread) => ConsumerPolls.ReadablePartition(k, o, thread) >= 0;

    internal override string DescribeWait(IKernelServices k, ObjectInfo o, int thread) => ConsumerGroupState.DescribeWait(k, o, thread);

    internal override void AssertInvariants(IKernelServices k, ObjectInfo o) => ConsumerGroupState.AssertInvariants(k, o);

    internal override void WriteState(IKernelServices k, ObjectInfo o, StateWriter w) => ConsumerGroupState.Write(k, o, w);

    public override string Describe(in EventWords w) => ConsumerGroupSentences.Describe(w) ?? NotMine(w);

    public override void WriteFields(in EventWords w, EventFieldWriter fields) => ConsumerGroupSentences.WriteFields(w, fields);
}
