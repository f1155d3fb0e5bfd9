using System.Globalization;
using System.Text;
using IpcLab.Conformance.Scenarios;

namespace IpcLab.Conformance.Model;

/// <summary>
/// A scenario written as an .ipl program: the topology at the top, one thread per channel with its
/// actions in order, and for each action the source lines it occupies (so the driver knows when
/// the thread has done it).
/// </summary>
public sealed class ModelProgram
{
    public const string BrokerName = "rabbit";

    /// <summary>The semaphore no thread ever posts, where the channels wait once their actions are done.</summary>
    public const string Parked = "parked";

    private readonly StringBuilder _text = new();
    private readonly Dictionary<string, List<string>> _threads = [];
    private readonly List<(string Thread, int First, int Count)> _lines = [];

    public ModelProgram(Scenario scenario)
    {
        Scenario = scenario;
        DrainGets = scenario.Actions.OfType<Publish>().Count() + 1;
        _text.Append("broker ").Append(BrokerName).Append(" capacity 64\n");
        _text.Append("semaphore ").Append(Parked).Append('\n');
        foreach (var x in scenario.Exchanges)
        {
            _text.Append($"exchange {x.Name} type {x.Type}");
            _text.Append(x.Durable ? " durable true" : "").Append(x.Alternate is null ? "" : $" alternate {ExchangeName(x.Alternate)}").Append('\n');
        }

        foreach (var q in scenario.Queues)
        {
            _text.Append("bqueue ").Append(q.Name).Append(QueueOptions(q)).Append('\n');
        }

        for (var i = 0; i < scenario.Actions.Count; i++)
        {
            var action = scenario.Actions[i];
            if (!_threads.TryGetValue(action.Channel, out var lines))
            {
                _threads[action.Channel] = lines = [];
            }

            var statements = Statements(action, i);
            _lines.Add((action.Channel, lines.Count, statements.Count));
            lines.AddRange(statements);
        }

        var line = _text.ToString().Count(c => c == '\n') + 1;
        foreach (var (thread, lines) in _threads)
        {
            _text.Append("\nthread ").Append(thread).Append(":\n");
            line += 2;
            for (var i = 0; i < _lines.Count; i++)
            {
                if (_lines[i].Thread == thread)
                {
                    _lines[i] = (thread, line + _lines[i].First, _lines[i].Count);
                }
            }

            foreach (var statement in lines)
            {
                _text.Append("    ").Append(statement).Append('\n');
            }

            // A thread that ended would close its channel and requeue what it holds, which a RabbitMQ
            // channel does only when closed: every channel the scenario does not close waits here.
            var parks = scenario.Actions.Last(a => a.Channel == thread) is not CloseChannel;
            if (parks)
            {
                _text.Append("    P ").Append(Parked).Append('\n');
            }

            line += lines.Count + (parks ? 1 : 0);
        }
    }

    public Scenario Scenario { get; }

    public string Text => _text.ToString();

    /// <summary>How many gets a drain makes: one more than the scenario publishes, so the last is always empty.</summary>
    public int DrainGets { get; }

    /// <summary>The thread of the scenario's action number <paramref name="index"/> and the source lines of its statements (first line, how many; 0 for an action without a statement).</summary>
    public (string Thread, int First, int Count) LinesOf(int index) => _lines[index];

    /// <summary>The index of the pending publish an <see cref="AwaitConfirm"/> waits for.</summary>
    public int PendingPublishOf(AwaitConfirm awaited) =>
        Scenario.Actions.Select((a, i) => (a, i)).Single(x => x.a is Publish { Pending: true } p && p.Channel == awaited.Channel && p.Body == awaited.Body).i;

    public static string TagOf(string name) => "t_" + name;

    public static string DrainTag(int action, int i) => $"d{action}_{i}";

    private static string QueueOptions(QueueDecl q)
    {
        var sb = new StringBuilder();
        foreach (var (exchange, key) in q.Bindings)
        {
            sb.Append($" bind {exchange} key {Quote(key)}");
        }

        foreach (var binding in q.HeaderBindings)
        {
            sb.Append($" bind {binding.Exchange} headers {Quote(binding.Arguments)} match {binding.Match.ToString().ToLowerInvariant()}");
        }

        sb.Append(q.Durable ? " durable true" : "");
        sb.Append(q.MaxLength > 0 ? $" maxlength {q.MaxLength}" : "").Append(q.Overflow is null ? "" : $" overflow {q.Overflow}");
        sb.Append(q.MessageTtl > 0 ? $" ttl {q.MessageTtl}" : "");
        sb.Append(q.DeadLetterExchange is null ? "" : $" dlx {ExchangeName(q.DeadLetterExchange)}").Append(q.DeadLetterKey is null ? "" : $" dlkey {Quote(q.DeadLetterKey)}");
        sb.Append(q.MaxPriority > 0 ? $" max-priority {q.MaxPriority}" : "");
        sb.Append(q.DeliveryLimit > 0 ? $" delivery-limit {q.DeliveryLimit}" : "");
        return sb.ToString();
    }

    private List<string> Statements(ClientAction action, int index) => action switch
    {
        Publish p => [PublishStatement(p)],
        Get g => [$"get {g.Queue} -> b_{g.Name}, {TagOf(g.Name)}"],
        Consume c => [c.AutoAck ? $"consume {c.Queue}, autoack" : $"consume {c.Queue}, {c.Prefetch}"],
        Cancel c => [$"cancel {c.Queue}"],
        Receive r => [$"receive {r.Queue} -> b_{r.Name}, {TagOf(r.Name)}"],
        Settle s => [SettleStatement(s)],
        Drain d => [.. Enumerable.Range(0, DrainGets).Select(i => $"get {d.Queue} -> {DrainTag(index, i)}b, {DrainTag(index, i)}")],
        Restart => [$"restart {BrokerName}"],
        // The thread ends with the step of its last statement, and its channel closes with it: so that
        // the action before the close is observed first, the close is a statement of its own.
        CloseChannel => ["print \"closes its channel\""],
        Count => [],
        AwaitConfirm => [],
        AwaitReady a => [$"while ready({a.Queue}) != {a.Ready}: pass"],
        _ => throw new ArgumentOutOfRangeException(nameof(action), action, "no statement for this action"),
    };

    private static string PublishStatement(Publish p)
    {
        var exchange = p.Exchange.Length == 0 ? Quote("") : p.Exchange;
        var sb = new StringBuilder($"publish {exchange}, {Quote(p.Headers ?? p.Key)}, {Quote(p.Body)}");
        sb.Append(p.Mandatory ? ", mandatory" : "").Append(p.Persistent ? ", persistent" : "");
        sb.Append(p.Ttl > 0 ? $", ttl({p.Ttl.ToString(CultureInfo.InvariantCulture)})" : "");
        sb.Append(p.Priority is { } priority ? $", priority({priority})" : "");
        return sb.Append(", confirm -> ok").ToString();
    }

    private static string SettleStatement(Settle s)
    {
        var multiple = s.Multiple ? ", multiple" : "";
        return s.How switch
        {
            Settlement.Ack => $"ack {TagOf(s.Name)}{multiple}",
            Settlement.NackRequeue => $"nack {TagOf(s.Name)}{multiple}",
            Settlement.NackDiscard => $"nack {TagOf(s.Name)}{multiple}, discard",
            Settlement.RejectRequeue when !s.Multiple => $"reject {TagOf(s.Name)}",
            Settlement.RejectDiscard when !s.Multiple => $"reject {TagOf(s.Name)}, discard",
            _ => throw new ArgumentOutOfRangeException(nameof(s), s, "no such settlement (reject has no multiple)"),
        };
    }

    private static string Quote(string text) => "\"" + text + "\"";

    /// <summary>An exchange as a declaration names it: the default exchange is written "".</summary>
    private static string ExchangeName(string name) => name.Length == 0 ? Quote("") : name;
}
