using IpcLab.Core.Model;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Script;

namespace IpcLab.Core.Objects.Exchange;

/// <summary>
/// AMQP's default exchange, the one with the empty name: a direct exchange the broker has of its
/// own, to which every queue is bound by its own name, so <c>publish "", "jobs", "job 1"</c>
/// reaches queue jobs. It cannot be declared, bound to or deleted. A program has it only when one
/// of its threads publishes to it, so programs that never do keep their objects as they were.
/// </summary>
public static class DefaultExchange
{
    /// <summary>Its name in sentences and panels; no declared name can be it.</summary>
    public const string Name = "the default exchange (\"\")";

    /// <summary>True for the operand that names it: the empty string.</summary>
    internal static bool IsNamedBy(Expr operand) => operand is StrLit { Value: "" };

    /// <summary>True when some thread has a <c>publish "", ...</c>.</summary>
    internal static bool IsPublishedTo(IEnumerable<ThreadDecl> threads) => threads.Any(t => Publishes(t.Body));

    /// <summary>The exchange, bound to every queue of the broker by the queue's name.</summary>
    internal static ObjectInfo Create(ObjectInfo[] objects, ObjectInfo broker)
    {
        var slot = objects.Count(o => o.Kind == ObjectKind.Exchange);
        var bindings = objects.Where(o => o.Kind == ObjectKind.BrokerQueue)
            .Select(q => new Binding("", q.Id, q.Name, HeadersMatch.All, q.Pos))
            .ToArray();
        return new ObjectInfo(objects.Length, Name, ObjectKind.Exchange, slot, -1, broker.Pos, 1, (long)ExchangeType.Direct | BrokerParts.DurableBit(true), ValueKind.Str)
        {
            Bindings = bindings,
        };
    }

    private static bool Publishes(IEnumerable<Stmt> body) => body.Any(s => s switch
    {
        OpStmt { Op.Name: "publish", Args: [var first, ..] } => IsNamedBy(first),
        IfStmt i => i.Branches.Any(b => Publishes(b.Body)) || Publishes(i.Else),
        WhileStmt w => Publishes(w.Body),
        ForStmt f => Publishes(f.Body),
        RepeatStmt r => Publishes(r.Body),
        _ => false,
    });
}
