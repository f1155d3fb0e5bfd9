using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Lessons;

/// <summary>Computes a checkpoint's answer, with its reason, from the kernel's state and events at the pause.</summary>
public static class Answers
{
    public static Answer Compute(Question q, Kernel k) => q.Kind switch
    {
        QuestionKind.Holder => Holder(k, ObjectId(k, q.Subject)),
        QuestionKind.Runnable => Runnable(k),
        QuestionKind.Waiters => Waiters(k, ObjectId(k, q.Subject)),
        QuestionKind.Contents => Contents(k, k.Program.Objects[ObjectId(k, q.Subject)]),
        QuestionKind.Value => Value(k, k.Program.Objects[ObjectId(k, q.Subject)]),
        QuestionKind.Status => Status(k, k.Program.ThreadIdOf(q.Subject)),
        QuestionKind.Copies => BrokerAnswers.Copies(k, q.Subject),
        QuestionKind.Path => BrokerAnswers.Path(k, q.Subject),
        QuestionKind.Unacked => BrokerAnswers.Unacked(k, k.Program.ThreadIdOf(q.Subject)),
        QuestionKind.Owner => BrokerAnswers.Owner(k, ObjectId(k, SubjectName(q.Subject)), SubjectPartition(q.Subject)),
        QuestionKind.Committed => BrokerAnswers.Committed(k, ObjectId(k, SubjectName(q.Subject)), SubjectPartition(q.Subject)),
        QuestionKind.NextPoll => PollAnswers.NextPoll(k, ObjectId(k, SubjectName(q.Subject)), k.Program.ThreadIdOf(q.Subject.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1])),
        QuestionKind.Hwm or QuestionKind.Replicas => ReplicaAnswers.Compute(k, q),
        _ => Receiver(k, q.Subject),
    };

    /// <summary>A thread's state in one word or two, as a status answer names it.</summary>
    public static string StatusWord(ThreadStatus status) => status switch
    {
        ThreadStatus.NotStarted => "not started",
        _ => status.ToString().ToLowerInvariant(),
    };

    private static string SubjectName(string subject) => subject.Split(' ', StringSplitOptions.RemoveEmptyEntries)[0];

    private static int SubjectPartition(string subject) =>
        int.Parse(subject.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], System.Globalization.CultureInfo.InvariantCulture);

    private static int ObjectId(Kernel k, string name) => k.Program.Objects.First(o => o.Name == name).Id;

    private static Answer Holder(Kernel k, int mutex)
    {
        var owner = k.MutexOwner(mutex);
        var name = k.ObjectName(mutex);
        var queue = k.WaitersOf(mutex);
        var queued = queue.Count == 0 ? "nobody is queued for it" : $"queued for it: {Names(k, queue)}";
        var last = LastEvent(k, e => e.Object == mutex && e.Kind is EventKind.Acquired or EventKind.HandedOff or EventKind.Released or EventKind.Waiting or EventKind.OwnerDied);
        return owner < 0
            ? new Answer([], false, "nobody", $"{name} is free; {queued}{last}")
            : new Answer([k.ThreadName(owner)], false, k.ThreadName(owner), $"{name} is held by {k.ThreadName(owner)}; {queued}{last}");
    }

    private static Answer Runnable(Kernel k)
    {
        var ready = Enumerable.Range(0, k.Layout.ThreadCount).Where(k.CanRun).ToArray();
        var why = Enumerable.Range(0, k.Layout.ThreadCount)
            .Select(t => k.WhyCannotRun(t) is { } not ? $"{k.ThreadName(t)} cannot: {not}" : $"{k.ThreadName(t)} can run");
        return new Answer(ready.Select(k.ThreadName).ToArray(), false, ready.Length == 0 ? "none" : Names(k, ready), string.Join("; ", why));
    }

    private static Answer Waiters(Kernel k, int obj)
    {
        var queue = k.WaitersOf(obj);
        var reason = queue.Count == 0
            ? $"nobody is queued on {k.ObjectName(obj)}"
            : string.Join("; ", queue.Select(t => $"{k.ThreadName(t)}: {k.WhyCannotRun(t)}"));
        return new Answer(queue.Select(k.ThreadName).ToArray(), true, queue.Count == 0 ? "nobody" : Names(k, queue), reason);
    }

    private static Answer Contents(Kernel k, ObjectInfo o)
    {
        if (o.Kind == ObjectKind.StreamSocket)
        {
            return StreamContents(k, o);
        }

        string[] items = o.Kind switch
        {
            ObjectKind.BoundedQueue => k.QueueItems(o.Id).Select(v => k.Format(o.ValueKind, v, false)).ToArray(),
            ObjectKind.MessageQueue => k.MessageQueueItems(o.Id).Select(m => k.Format(o.ValueKind, m.Value, false)).ToArray(),
            ObjectKind.SharedMemory => k.SegmentWords(o.Id).Select(w => w.ToString(System.Globalization.CultureInfo.InvariantCulture)).ToArray(),
            ObjectKind.DatagramSocket => k.DatagramMessages(o.Id).ToArray(),
            ObjectKind.BrokerQueue => k.BrokerQueueReady(o.Id).Select(m => m.Body).ToArray(),
            _ => throw new InvalidOperationException($"contents of {o.Name}, a {o.Kind}: the checkpoint's parser admits no such object"),
        };
        var shown = items.Length == 0 ? "empty" : string.Join(", ", items.Select(i => $"\"{i}\""));
        var detail = o.Kind == ObjectKind.MessageQueue && items.Length > 0
            ? " (by priority: " + string.Join(", ", k.MessageQueueItems(o.Id).Select(m => $"{k.Format(o.ValueKind, m.Value)} priority {m.Priority}")) + ")"
            : "";
        if (o.Kind == ObjectKind.SharedMemory)
        {
            var mapped = k.MappedBy(o.Id).Select(p => k.Program.Processes[p].Name).ToArray();
            var writes = k.Events.Where(e => e.Object == o.Id && e.Kind is EventKind.ShmStored or EventKind.ShmRangeWritten)
                .Select(e => $"step {e.Step}: {EventText.Describe(e, k.Program, k.Strings)}").ToArray();
            return new Answer(items, true, string.Join(", ", items),
                $"{o.Name} holds [{string.Join(", ", items)}]; mapped by {(mapped.Length == 0 ? "no process" : string.Join(", ", mapped))}; {(writes.Length == 0 ? "nobody has written it yet" : "writes so far: " + string.Join("; ", writes))}");
        }

        if (o.Kind == ObjectKind.BrokerQueue)
        {
            return BrokerAnswers.QueueContents(k, o, items, shown);
        }

        var moves = k.Events.Count(e => e.Object == o.Id && e.Kind is EventKind.Put or EventKind.Took or EventKind.MessageSent or EventKind.MessageReceived or EventKind.DatagramSent or EventKind.DatagramReceived);
        var reason = $"{o.Name} holds {items.Length} item{(items.Length == 1 ? "" : "s")}, first out first: {shown}{detail}; {moves} put{(moves == 1 ? "" : "s")} and take{(moves == 1 ? "" : "s")} so far";
        return new Answer(items, true, shown, reason);
    }

    /// <summary>A stream socket's bytes in flight: per connection, what waits toward the server, then toward the client.</summary>
    private static Answer StreamContents(Kernel k, ObjectInfo o)
    {
        var items = new List<string>();
        var parts = new List<string>();
        foreach (var c in k.StreamConnections(o.Id))
        {
            items.AddRange(new[] { c.ToServer, c.ToClient }.Where(b => b.Length > 0));
            parts.Add($"{End(k, "client", c.Client)} → {End(k, "server", c.Server)}: \"{c.ToServer}\"; back: \"{c.ToClient}\"");
        }

        var text = items.Count == 0 ? "empty" : string.Join(", ", items.Select(i => $"\"{i}\""));
        var reason = parts.Count == 0 ? $"{o.Name} has no connection" : $"bytes waiting in {o.Name}: {string.Join("; ", parts)}";
        return new Answer(items, true, text, reason);
    }

    private static string End(Kernel k, string role, Objects.StreamSocket.EndInfo end) =>
        end.Process >= 0 ? $"{role} fd {end.Fd} ({k.Program.Processes[end.Process].Name})"
        : end.Open ? $"{role} (not accepted yet)"
        : $"{role} (closed)";

    private static Answer Value(Kernel k, ObjectInfo o)
    {
        var value = k.Format(o.ValueKind, k.SharedValue(o.Slot), false);
        var last = LastEvent(k, e => e.Object == o.Id && e.Kind == EventKind.Stored);
        // In the reason a string is quoted, so an empty one still shows ("read \"\"").
        var reads = k.Events.Where(e => e.Object == o.Id && e.Kind == EventKind.Loaded).Select(e => $"step {e.Step} {k.ThreadName(e.Thread)} read {k.Format(o.ValueKind, e.Value, true)}");
        var readText = reads.Any() ? $"; reads so far: {string.Join(", ", reads)}" : "";
        return new Answer([value], false, value, $"{o.Name} is {value}{(last.Length == 0 ? ", its initial value (nobody has written it yet)" : last)}{readText}");
    }

    private static Answer Status(Kernel k, int t)
    {
        var word = StatusWord(k.StatusOf(t));
        return new Answer([word], false, word, k.WhyCannotRun(t) ?? $"{k.ThreadName(t)} can take a step");
    }

    private static Answer Receiver(Kernel k, string message)
    {
        var got = new List<(int Thread, KernelEvent Event)>();
        foreach (var e in k.Events)
        {
            var receiver = e.Kind switch
            {
                EventKind.Took or EventKind.MessageReceived or EventKind.DatagramReceived or EventKind.GroupReceived or EventKind.DeliveryTaken or EventKind.GetTook => e.Thread,
                EventKind.MessageHandedOver or EventKind.CopyDelivered or EventKind.GroupHandedOver => e.Other,
                _ => -1,
            };
            if (receiver >= 0 && Text(k, e) == message)
            {
                got.Add((receiver, e));
            }
        }

        var threads = got.Select(g => g.Thread).Distinct().ToArray();
        var reason = got.Count == 0
            ? $"\"{message}\" has not gone to any thread yet"
            : string.Join("; ", got.Select(g => $"step {g.Event.Step}: {EventText.Describe(g.Event, k.Program, k.Strings)}"));
        return new Answer(threads.Select(k.ThreadName).ToArray(), false, threads.Length == 0 ? "nobody" : Names(k, threads), reason);
    }

    private static string Text(Kernel k, KernelEvent e)
    {
        // A datagram and a broker message are text; a queue, message queue or group carries the type of its first put or send.
        var kind = e.Kind is EventKind.DatagramReceived or EventKind.DeliveryTaken or EventKind.GetTook ? ValueKind.Str : k.Program.Objects[e.Object].ValueKind;
        return k.Format(kind, e.Value, false);
    }

    private static string LastEvent(Kernel k, Func<KernelEvent, bool> match)
    {
        for (var i = k.Events.Count - 1; i >= 0; i--)
        {
            if (match(k.Events[i]))
            {
                return $" (step {k.Events[i].Step}: {EventText.Describe(k.Events[i], k.Program, k.Strings)})";
            }
        }

        return "";
    }

    private static string Names(Kernel k, IEnumerable<int> threads) => string.Join(", ", threads.Select(k.ThreadName));
}
