using IpcLab.Core.Model;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views.Broker;

/// <summary>
/// The broker's messages as the broker page names them: a number per message body, in the order
/// it was first published (the same number on every copy a fanout made, and the same at every
/// step of the run, since it is read from the log's prefix), and every copy in flight now.
/// </summary>
internal sealed class MessageLabels
{
    private readonly Dictionary<string, int> _labels = new(StringComparer.Ordinal);
    private readonly List<string> _bodies = [];

    public MessageLabels(Kernel kernel)
    {
        foreach (var e in kernel.Events)
        {
            if (e.Kind == EventKind.MessagePublished && _labels.TryAdd(kernel.Strings[e.Value], _bodies.Count + 1))
            {
                _bodies.Add(kernel.Strings[e.Value]);
            }
        }

        var copies = new List<InFlight>();
        foreach (var broker in kernel.Program.ObjectsOf(ObjectKind.Broker))
        {
            copies.AddRange(kernel.BrokerInbox(broker.Id).Select(m => new InFlight(Of(m.Body), m, -1)));
        }

        foreach (var queue in kernel.Program.ObjectsOf(ObjectKind.BrokerQueue))
        {
            copies.AddRange(kernel.BrokerQueueReady(queue.Id).Select(m => new InFlight(Of(m.Body), m, queue.Id)));
            copies.AddRange(kernel.BrokerQueueConsumers(queue.Id).SelectMany(c => c.Held).Select(m => new InFlight(Of(m.Body), m, queue.Id)));
        }

        InFlight = copies;
    }

    /// <summary>Every body published so far, label 1 first.</summary>
    public IReadOnlyList<string> Bodies => _bodies;

    /// <summary>Every copy in the broker now: in the inbox, then queue by queue ready ones (head first) and held ones.</summary>
    public IReadOnlyList<InFlight> InFlight { get; }

    public static string Mark(int label) => $"●{label}";

    /// <summary>The label of a body (0 for one never published: a view shows it without a number).</summary>
    public int Of(string body) => _labels.GetValueOrDefault(body);

    /// <summary>The copies in the inbox addressed to an exchange.</summary>
    public IEnumerable<InFlight> Inbox(int exchange) => InFlight.Where(m => m.Queue < 0 && m.Message.Exchange == exchange);

    public IEnumerable<InFlight> Ready(int queue) => InFlight.Where(m => m.Queue == queue && m.Message.Place == MessagePlace.Ready);

    public IEnumerable<InFlight> HeldBy(int queue, int thread) =>
        InFlight.Where(m => m.Queue == queue && m.Message.Place != MessagePlace.Ready && m.Message.Consumer == thread);
}
