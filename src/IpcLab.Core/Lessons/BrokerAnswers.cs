using IpcLab.Core.Model;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Lessons;

/// <summary>The answers about a broker's queues and a log's consumer groups, read from the kernel's state at the pause.</summary>
internal static class BrokerAnswers
{
    /// <summary>A broker queue's ready copies, head first; the reason adds what consumers hold and the queue's books.</summary>
    public static Answer QueueContents(Kernel k, ObjectInfo o, string[] items, string shown)
    {
        var held = k.BrokerQueueConsumers(o.Id).Where(c => c.Held.Count > 0)
            .Select(c => $"{k.ThreadName(c.Thread)} holds {Bodies(c.Held)} unacknowledged").ToArray();
        var (routed, acked, discarded, lost) = k.BrokerQueueBooks(o.Id);
        var reason = $"{o.Name} has {items.Length} ready cop{(items.Length == 1 ? "y" : "ies")}, head first: {shown}"
            + (held.Length == 0 ? "; no consumer holds one unacknowledged" : "; " + string.Join("; ", held))
            + $"; routed into it so far {routed}, acknowledged {acked}, discarded {discarded}, lost {lost}";
        return new Answer(items, true, shown, reason);
    }

    /// <summary>The broker queues holding a copy of a message, ready or held by a consumer.</summary>
    public static Answer Copies(Kernel k, string message)
    {
        var found = new List<string>();
        var where = new List<string>();
        foreach (var q in k.Program.Objects.Where(o => o.Kind == ObjectKind.BrokerQueue))
        {
            var ready = k.BrokerQueueReady(q.Id).Count(m => m.Body == message);
            var held = k.BrokerQueueConsumers(q.Id)
                .SelectMany(c => c.Held.Where(m => m.Body == message).Select(_ => k.ThreadName(c.Thread))).ToArray();
            if (ready + held.Length > 0)
            {
                found.Add(q.Name);
                where.Add(ready > 0 ? $"{q.Name} (ready)" : $"{q.Name} (held by {string.Join(", ", held)}, unacknowledged)");
            }
        }

        var waiting = k.Program.Objects.Where(o => o.Kind == ObjectKind.Broker)
            .Any(b => k.BrokerInbox(b.Id).Any(m => m.Body == message));
        var reason = found.Count == 0
            ? $"no queue holds \"{message}\"" + (waiting ? ": it waits in the broker's inbox, not routed yet" : " (not routed yet, acknowledged, dropped or never published)")
            : $"copies of \"{message}\": {string.Join("; ", where)}" + (waiting ? "; another waits in the broker's inbox" : "");
        return new Answer(found, false, found.Count == 0 ? "none" : string.Join(", ", found), reason);
    }

    /// <summary>The queues a message was routed into, in order; the reason tells its whole path, hop by hop.</summary>
    public static Answer Path(Kernel k, string message)
    {
        var path = MessagePath.Of(k, message);
        var queues = MessagePath.Queues(k, path);
        var reason = path.Count == 0
            ? $"\"{message}\" has not been published yet"
            : $"the path of \"{message}\": " + string.Join("; ", path.Select(e => $"step {e.Step}: {EventText.Describe(e, k.Program, k.Strings)}"))
              + string.Concat(Deaths(k, message).Select(d => $"; {d}"));
        return new Answer(queues, true, queues.Count == 0 ? "none" : string.Join(", ", queues), reason);
    }

    /// <summary>The death history each live copy of the message carries, where it is now.</summary>
    private static IEnumerable<string> Deaths(Kernel k, string message)
    {
        foreach (var b in k.Program.Objects.Where(o => o.Kind == ObjectKind.Broker))
        {
            foreach (var m in k.BrokerInbox(b.Id).Where(m => m.Body == message && m.History.Count > 0))
            {
                yield return $"in the inbox at {k.Program.Objects[m.Exchange].Name} it carries its death history (x-death, newest first): {DeathHistoryText.Of(k.Program, m.History)}";
            }
        }

        foreach (var q in k.Program.Objects.Where(o => o.Kind == ObjectKind.BrokerQueue))
        {
            var held = k.BrokerQueueConsumers(q.Id).SelectMany(c => c.Held);
            foreach (var m in k.BrokerQueueReady(q.Id).Concat(held).Where(m => m.Body == message && m.History.Count > 0))
            {
                yield return $"in {q.Name} it carries its death history (x-death, newest first): {DeathHistoryText.Of(k.Program, m.History)}";
            }
        }
    }

    /// <summary>What a thread holds delivered and unacknowledged, over every broker queue, by delivery tag.</summary>
    public static Answer Unacked(Kernel k, int thread)
    {
        var held = k.Program.Objects.Where(o => o.Kind == ObjectKind.BrokerQueue)
            .SelectMany(q => k.BrokerQueueConsumers(q.Id).Where(c => c.Thread == thread).SelectMany(c => c.Held.Select(m => (Queue: q.Name, Message: m))))
            .OrderBy(h => h.Message.Tag).ToArray();
        var name = k.ThreadName(thread);
        var reason = held.Length == 0
            ? $"{name} holds no message unacknowledged"
            : $"{name} holds " + string.Join(", ", held.Select(h => $"\"{h.Message.Body}\" from {h.Queue} (tag {h.Message.Tag})"))
              + ": delivered to it, not yet acknowledged; the broker puts them back if it dies";
        return new Answer(held.Select(h => h.Message.Body).ToArray(), false, held.Length == 0 ? "none" : string.Join(", ", held.Select(h => $"\"{h.Message.Body}\"")), reason);
    }

    /// <summary>The member of a consumer group that owns a partition.</summary>
    public static Answer Owner(Kernel k, int group, int partition)
    {
        var p = k.ConsumerGroupPartitions(group)[partition];
        var members = k.ConsumerGroupMembers(group);
        var text = p.Owner < 0 ? "nobody" : k.ThreadName(p.Owner);
        var reason = $"partition {partition} of {k.ObjectName(group)} is owned by {text}; members {(members.Length == 0 ? "none" : string.Join(", ", members.Select(k.ThreadName)))}; {k.ConsumerGroupGeneration(group)} rebalance(s) so far";
        return new Answer(p.Owner < 0 ? [] : [text], false, text, reason);
    }

    /// <summary>A consumer group's committed offset in one partition.</summary>
    public static Answer Committed(Kernel k, int group, int partition)
    {
        var p = k.ConsumerGroupPartitions(group)[partition];
        var text = p.Committed < 0 ? "none" : p.Committed.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var owner = p.Owner < 0 ? "no owner" : $"owner {k.ThreadName(p.Owner)} at position {p.Position}";
        var reason = p.Committed < 0
            ? $"{k.ObjectName(group)} has committed nothing in partition {partition} ({owner}): a new owner starts where the group's offset reset says"
            : $"{k.ObjectName(group)} has committed offset {text} in partition {partition} ({owner}): a new owner resumes there";
        return new Answer(p.Committed < 0 ? [] : [text], false, text, reason);
    }

    private static string Bodies(IReadOnlyList<BrokerMessageInfo> held) => string.Join(", ", held.Select(m => $"\"{m.Body}\""));
}
