using IpcLab.Core.Model;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views.Broker;

/// <summary>
/// The broker's messages as the broker page names them: a number per published message, in the
/// order it was published (the kernel's id of the message, so two messages with the same body
/// have two numbers; the same number on every copy a fanout made, and the same at every step of
/// the run, since it is read from the log's prefix), and every copy in flight now.
/// </summary>
internal sealed class MessageLabels
{
    private readonly Dictionary<(int Broker, long Id), int> _labels = [];
    private readonly List<PublishedMessage> _published = [];

    public MessageLabels(Kernel kernel)
    {
        foreach (var e in kernel.Events)
        {
            if (e.Kind == EventKind.MessagePublished)
            {
                var broker = MessagePath.BrokerOf(kernel, e.Object);
                if (_labels.TryAdd((broker, e.Message), _published.Count + 1))
                {
                    _published.Add(new PublishedMessage(broker, e.Message, kernel.Strings[e.Value]));
                }
            }
        }

        var copies = new List<InFlight>();
        foreach (var broker in kernel.Program.ObjectsOf(ObjectKind.Broker))
        {
            copies.AddRange(kernel.BrokerInbox(broker.Id).Select(m => new InFlight(Of(broker.Id, m.Id), m, -1)));
        }

        foreach (var queue in kernel.Program.ObjectsOf(ObjectKind.BrokerQueue))
        {
            var broker = MessagePath.BrokerOf(kernel, queue.Id);
            copies.AddRange(kernel.BrokerQueueReady(queue.Id).Select(m => new InFlight(Of(broker, m.Id), m, queue.Id)));
            copies.AddRange(kernel.BrokerQueueConsumers(queue.Id).SelectMany(c => c.Held).Select(m => new InFlight(Of(broker, m.Id), m, queue.Id)));
        }

        InFlight = copies;
    }

    /// <summary>Every message published so far, label 1 first.</summary>
    public IReadOnlyList<PublishedMessage> Published => _published;

    /// <summary>Every copy in the broker now: in the inbox, then queue by queue ready ones (head first) and held ones.</summary>
    public IReadOnlyList<InFlight> InFlight { get; }

    public static string Mark(int label) => $"●{label}";

    /// <summary>The label of a broker's message (0 for one never published: a view shows it without a number).</summary>
    public int Of(int broker, long id) => _labels.GetValueOrDefault((broker, id));

    /// <summary>The label of the message a broker event moved (0 for an event that names none).</summary>
    public int Of(Kernel kernel, in KernelEvent e) => e.Message > 0 ? Of(MessagePath.BrokerOf(kernel, e.Object), e.Message) : 0;

    /// <summary>The published message with this label.</summary>
    public PublishedMessage this[int label] => _published[label - 1];

    /// <summary>The copies in the inbox addressed to an exchange.</summary>
    public IEnumerable<InFlight> Inbox(int exchange) => InFlight.Where(m => m.Queue < 0 && m.Message.Exchange == exchange);

    public IEnumerable<InFlight> Ready(int queue) => InFlight.Where(m => m.Queue == queue && m.Message.Place == MessagePlace.Ready);

    public IEnumerable<InFlight> HeldBy(int queue, int thread) =>
        InFlight.Where(m => m.Queue == queue && m.Message.Place != MessagePlace.Ready && m.Message.Consumer == thread);
}
