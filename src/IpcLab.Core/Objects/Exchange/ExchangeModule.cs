using IpcLab.Core.Model;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;

namespace IpcLab.Core.Objects.Exchange;

/// <summary>
/// A broker's exchange: <c>exchange logs type topic</c>. Publishers send to it; its routing table
/// is the bindings the queues declare to it (gathered by <see cref="BrokerTopology"/>), and the
/// broker's routing step applies it (see <see cref="Routing"/>). An exchange stores nothing: its
/// cells only count what it routed and remember which bindings matched last.
/// </summary>
internal sealed class ExchangeModule : ObjectModule
{
    public override ObjectKind Kind => ObjectKind.Exchange;

    public override string DeclarationWord => "exchange";

    public override string KindWord => "broker exchange";

    /// <summary><c>exchange logs type topic</c>, optionally <c>durable true</c> and <c>alternate EXCHANGE</c>.</summary>
    internal override ObjectInfo Declare(Declaration d)
    {
        d.NoInitial($"an exchange has no value; write `exchange {d.Name} type direct` (or fanout, topic, headers)");
        d.OnlyOptions("an exchange", ["type", "durable", "alternate"]);
        var typeOption = d.Required("type", $"exchange {d.Name} needs a type: `exchange {d.Name} type direct` (or fanout, topic, headers)");
        var word = Declaration.Word(typeOption.Value);
        ExchangeType type = word switch
        {
            "direct" => ExchangeType.Direct,
            "fanout" => ExchangeType.Fanout,
            "topic" => ExchangeType.Topic,
            "headers" => ExchangeType.Headers,
            _ => throw d.Error(typeOption.Value.Pos, $"an exchange's type is direct, fanout, topic or headers, not `{word}`"),
        };

        var durable = BrokerTopology.Flag(d, "durable");
        // `alternate ""` names the default exchange, which RabbitMQ accepts but routes nothing through
        // (see Routing): a message none of the bindings match stays unroutable.
        var alternate = d.Option("alternate") is { } a
            ? new AlternateTarget(a.Value switch
            {
                NameExpr n => n.Name,
                _ when DefaultExchange.IsNamedBy(a.Value) => "",
                _ => throw d.Error(a.Value.Pos, "`alternate` names an exchange: `alternate unrouted`, or `alternate \"\"` (the default exchange)"),
            }, a.Value.Pos)
            : null;
        return d.Object(Kind, 1, (long)type | BrokerParts.DurableBit(durable), ValueKind.Str) with { Alternate = alternate };
    }

    public override int CellCount(ObjectInfo o) => ExchangeCells.Size;

    internal override void Step(IKernelServices k, int t, int pc, Instr instr) =>
        throw new InvalidOperationException("an exchange carries out no operation of its own: publish is the broker's");

    internal override void WriteState(IKernelServices k, ObjectInfo o, StateWriter w) => BrokerStateWriter.WriteExchange(k, o, w);

    public override string Describe(in EventWords w) => NotMine(w);
}
