using IpcLab.Core.Model;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Objects.Exchange;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;

namespace IpcLab.Core.Objects.BrokerQueue;

/// <summary>
/// A broker's queue (distinct from the plain buffer and the POSIX message queue):
/// <c>bqueue errors bind logs key "*.error"</c>. It holds its ready messages in FIFO order and
/// keeps the books of every copy routed into it; its clients consume (push, with a prefetch window
/// per consumer, or autoack), receive what was pushed, get (pull), and ack, nack or reject. A
/// thread blocked in its receive waits for the broker's step that pushes to it, which hands the
/// delivery over at once: no wake-up can be lost.
/// </summary>
internal sealed class BrokerQueueModule : ObjectModule
{
    public override ObjectKind Kind => ObjectKind.BrokerQueue;

    public override string DeclarationWord => "bqueue";

    public override string KindWord => "broker queue";

    /// <summary><c>bqueue jobs bind work key "photo"</c>: any number of bindings, optionally <c>durable true</c>, <c>maxlength N</c>, <c>overflow drop-head|reject-publish|reject-publish-dlx</c>, <c>ttl N</c> (steps), <c>dlx EXCHANGE [dlkey "KEY"]</c>, <c>delivery-limit N</c> and <c>max-priority N</c>.</summary>
    internal override ObjectInfo Declare(Declaration d)
    {
        d.NoInitial($"a broker queue starts empty; write `bqueue {d.Name} bind EXCHANGE key \"KEY\"`");
        var bindings = new List<Binding>();
        var durable = false;
        var maxLength = 0;
        var overflow = OverflowMode.DropHead;
        var ttl = 0;
        var deliveryLimit = 0;
        var maxPriority = 0;
        DeadLetterTarget? deadLetter = null;
        foreach (var option in d.Item.Options)
        {
            var key = option.Key.Name;
            switch (key)
            {
                case "bind" when DefaultExchange.IsNamedBy(option.Value):
                    throw d.Error(option.Value.Pos, $"\"\" is the default exchange: it binds every queue by its own name and cannot be bound to explicitly; `publish \"\", \"{d.Name}\", ...` already reaches {d.Name}");
                case "bind":
                    var exchange = option.Value is NameExpr n ? n.Name : throw d.Error(option.Value.Pos, "`bind` names an exchange: `bind logs key \"kern.#\"`");
                    bindings.Add(new Binding(exchange, -1, "", HeadersMatch.All, option.Value.Pos));
                    break;
                case "key" or "headers" or "match" when bindings.Count == 0:
                    throw d.Error(option.Key.Pos, $"`{key}` belongs to a binding: write `bind EXCHANGE {key} ...` before it");
                case "key" or "headers":
                    var text = option.Value is StrLit s ? s.Value : throw d.Error(option.Value.Pos, $"a binding's {key} is a string: `{key} \"{(key == "key" ? "kern.#" : "format=pdf,type=report")}\"`");
                    bindings[^1] = bindings[^1] with { Key = text };
                    break;
                case "match":
                    var match = Declaration.Word(option.Value) switch
                    {
                        "all" => HeadersMatch.All,
                        "any" => HeadersMatch.Any,
                        var other => throw d.Error(option.Value.Pos, $"a headers binding matches `all` or `any` of its arguments, not `{other}`"),
                    };
                    bindings[^1] = bindings[^1] with { Match = match };
                    break;
                case "durable":
                    durable = BrokerTopology.Flag(d, "durable");
                    break;
                case "maxlength":
                    maxLength = d.WholeNumber(option, $"a broker queue's maximum length is a whole number from 1 to {Compiler.MaxCapacity}");
                    break;
                case "dlx":
                    // `dlx ""` is the default exchange: a dead letter goes to the queue its key names.
                    var dlx = option.Value switch
                    {
                        NameExpr x => x.Name,
                        _ when DefaultExchange.IsNamedBy(option.Value) => "",
                        _ => throw d.Error(option.Value.Pos, "`dlx` names the dead-letter exchange: `dlx dead`, or `dlx \"\"` (the default exchange, with `dlkey \"QUEUE\"`)"),
                    };
                    deadLetter = new DeadLetterTarget(dlx, deadLetter?.Key, option.Value.Pos);
                    break;
                case "dlkey":
                    var dlkey = option.Value is StrLit k ? k.Value : throw d.Error(option.Value.Pos, "a dead-letter key is a string: `dlkey \"expired\"`");
                    deadLetter = deadLetter is null ? throw d.Error(option.Key.Pos, "`dlkey` is the key of the dead letters: name their exchange first, `dlx EXCHANGE dlkey \"KEY\"`") : deadLetter with { Key = dlkey };
                    break;
                case "delivery-limit":
                    deliveryLimit = d.WholeNumber(option, "a queue's delivery limit is a whole number of redeliveries from 1 to 100", 100);
                    break;
                case "max-priority":
                    maxPriority = d.WholeNumber(option, "a queue's maximum priority is a whole number from 1 to 255 (RabbitMQ recommends up to 10)", 255);
                    break;
                case "ttl":
                    ttl = d.WholeNumber(option, "a queue's message TTL is a whole number of steps from 1 to 10000", 10_000);
                    break;
                case "overflow":
                    overflow = Declaration.Word(option.Value) switch
                    {
                        "drop-head" => OverflowMode.DropHead,
                        "reject-publish" => OverflowMode.RejectPublish,
                        "reject-publish-dlx" => OverflowMode.RejectPublishDlx,
                        var other => throw d.Error(Declaration.WordPos(option.Value), $"a queue's overflow is drop-head, reject-publish or reject-publish-dlx, not `{other}`"),
                    };
                    break;
                default:
                    throw d.Error(option.Key.Pos, $"unknown option '{key}' for a broker queue; expected bind, key, headers, match, durable, maxlength, overflow, ttl, dlx, dlkey, delivery-limit or max-priority");
            }
        }

        if (d.Option("overflow") is { } o && maxLength == 0)
        {
            throw d.Error(o.Key.Pos, "`overflow` says what a full queue does: give it a `maxlength N` too");
        }

        if (overflow == OverflowMode.RejectPublishDlx && deadLetter is null)
        {
            throw d.Error(d.Option("overflow")!.Value.Pos, "`overflow reject-publish-dlx` dead-letters what it refuses: give the queue a `dlx EXCHANGE` too");
        }

        var queue = d.Object(Kind, 1, BrokerParts.DurableBit(durable) | BrokerParts.Limits(maxLength, overflow, ttl), ValueKind.Str);
        return queue with { Bindings = [.. bindings.Select(b => new Binding(b.Exchange, queue.Id, b.Key, b.Match, b.Pos))], DeadLetter = deadLetter, DeliveryLimit = deliveryLimit, MaxPriority = maxPriority };
    }

    public override IReadOnlyList<string> Functions => BrokerQueueFuncExpr.Names;

    internal override CExpr Function(string name, ObjectInfo o) => new BrokerQueueFuncExpr(name, o.Id, o.Capacity);

    public override IReadOnlyList<OpSpec> Operations { get; } =
    [
        new(OpCode.Consume, "consume"),
        new(OpCode.DeliveryReceive, "receive") { Shape = new("receive q -> body, tag", ObjectKind.BrokerQueue, 0, ValueKind.Str, ValueKind.Int) },
        new(OpCode.BrokerGet, "get") { Shape = new("get q -> body, tag  (tag 0: the queue was empty)", ObjectKind.BrokerQueue, 0, ValueKind.Str, ValueKind.Int) },
        new(OpCode.Ack, "ack"),
        new(OpCode.Nack, "nack"),
        new(OpCode.Reject, "reject"),
        new(OpCode.BrokerCancel, "cancel"),
    ];

    public override IReadOnlyList<EventSpec> Events => BrokerQueueSentences.Specs;

    public override int CellCount(CompiledProgram program, ObjectInfo o) => BrokerQueueCells.CellsFor(o.Capacity, program.Threads.Count);

    internal override void Step(IKernelServices k, int t, int pc, Instr instr)
    {
        switch (instr.Op)
        {
            case OpCode.Consume:
                Consuming.Consume(k, t, pc, instr);
                break;
            case OpCode.DeliveryReceive:
                Consuming.Receive(k, t, pc, instr);
                break;
            case OpCode.BrokerGet:
                Consuming.Get(k, t, pc, instr);
                break;
            case OpCode.BrokerCancel:
                Consuming.Cancel(k, t, pc, instr);
                break;
            default:
                Acknowledging.Step(k, t, pc, instr);
                break;
        }
    }

    internal override bool CanProceed(IKernelServices k, ObjectInfo o, int thread) => Consuming.OldestPushed(k, o, thread) >= 0;

    internal override string DescribeWait(IKernelServices k, ObjectInfo o, int thread) =>
        $"waits for {o.Name} to deliver it a message ({BrokerParts.QueueCells(k, o).ReadyCount} ready)";

    internal override void WriteState(IKernelServices k, ObjectInfo o, StateWriter w) => BrokerStateWriter.WriteQueue(k, o, w);

    public override string Describe(in EventWords w) => BrokerQueueSentences.Describe(w) ?? NotMine(w);
}
