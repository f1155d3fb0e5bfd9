using IpcLab.Core.Objects.Topic;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Checking;

/// <summary>
/// What one run did with the messages: a message is a value. It is <em>sent</em> when a queue, a
/// broker or a log accepts it (the put, send, publish or produce completed; a publish with
/// <c>confirm</c> when the broker confirms it with an ack), and <em>handled</em>
/// each time a thread runs <c>handle</c> on it, or <c>handleonce</c> finds its id new (a
/// <c>handleonce</c> that finds the id recorded skips the message: not handled again). Only the messages the program means to handle
/// are judged: those handled in the run of the same seed without a crash (a "stop" marker that
/// nobody handles is not lost).
/// </summary>
public sealed class MessageTally
{
    private readonly HashSet<long> _sent = [];
    private readonly Dictionary<long, int> _handled = [];

    public static MessageTally Of(IReadOnlyList<KernelEvent> events)
    {
        var tally = new MessageTally();
        foreach (var e in events)
        {
            switch (e.Kind)
            {
                // A publish with confirm is accepted when the broker confirms it with an ack: until
                // then the publisher still holds it, and publishes it again if the broker lost it.
                case EventKind.MessagePublished when (e.Count & (int)Objects.Broker.PublishFlags.Confirm) != 0:
                    break;
                case EventKind.PublishConfirmed when e.Count != 0:
                    tally._sent.Add(e.Value);
                    break;
                case EventKind.Put or EventKind.MessageSent or EventKind.SenderResumed or EventKind.MessageHandedOver
                    or EventKind.MessagePublished or EventKind.RecordAppended:
                    tally._sent.Add(e.Value);
                    break;
                // A publish without confirms that failed while the broker was down: the program went
                // on as if it was sent, so a message it never sees handled is its loss.
                case EventKind.PublishRefused when e.Count == 0:
                    tally._sent.Add(e.Value);
                    break;
                // An acks(all) record appended but never acknowledged was not sent as far as its
                // producer knows (it was told so, offset -1): its loss is no loss of the program's.
                case EventKind.ProduceRefused when LogFields.Offset(e) >= 0:
                    tally._sent.Remove(e.Value);
                    break;
                // A record refused, then sent again after all (a retry) and acknowledged, is sent.
                case EventKind.ProduceAcknowledged:
                    tally._sent.Add(e.Value);
                    break;
                case EventKind.Handled or EventKind.HandledOnce:
                    tally._handled[e.Value] = tally._handled.GetValueOrDefault(e.Value) + 1;
                    break;
            }
        }

        return tally;
    }

    /// <summary>The messages handled at least once.</summary>
    public IEnumerable<long> HandledMessages => _handled.Keys;

    /// <summary>Messages of <paramref name="judged"/> that were sent in this run and never handled.</summary>
    public IReadOnlyList<long> Lost(IReadOnlySet<long> judged) =>
        judged.Where(m => _sent.Contains(m) && !_handled.ContainsKey(m)).Order().ToArray();

    /// <summary>Messages handled more than once.</summary>
    public IReadOnlyList<long> Duplicated => _handled.Where(p => p.Value > 1).Select(p => p.Key).Order().ToArray();

    /// <summary>How many times the message was handled.</summary>
    public int TimesHandled(long message) => _handled.GetValueOrDefault(message);
}
