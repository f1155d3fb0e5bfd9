using IpcLab.Core.Model;

namespace IpcLab.Tui.Views;

/// <summary>
/// The one list of the objects panel's views, one per kind, in the order the panel shows them
/// (memory first, then locks and their queues, then what carries messages). A guard test checks
/// that every kind has one.
/// </summary>
internal static class ObjectViews
{
    public static IReadOnlyList<ObjectView> All { get; } =
    [
        new(ObjectKind.SharedMemory, "shm", SegmentView.Add),
        new(ObjectKind.Mutex, "mutex", ObjectsView.AddMutex),
        new(ObjectKind.CondVar, "cond", ObjectsView.AddCondition),
        new(ObjectKind.Semaphore, "sem", ObjectsView.AddSemaphore),
        new(ObjectKind.SharedVar, "shared", ObjectsView.AddSharedVariable),
        new(ObjectKind.BoundedQueue, "queue", QueueSlotsView.Add),
        new(ObjectKind.MessageQueue, "mqueue", MessagingView.Add),
        new(ObjectKind.Group, "group", MessagingView.Add),
        new(ObjectKind.StreamSocket, "socket", SocketsView.Add),
        new(ObjectKind.DatagramSocket, "dgram", SocketsView.Add),
        new(ObjectKind.Broker, "broker", BrokerView.Add),
        new(ObjectKind.Exchange, "exchange", BrokerView.Add),
        new(ObjectKind.BrokerQueue, "bqueue", BrokerView.Add),
        new(ObjectKind.Topic, "topic", LogView.AddTopic),
        new(ObjectKind.ConsumerGroup, "consumers", LogView.AddConsumerGroup),
        new(ObjectKind.ProcessedIds, "table", IdempotenceView.AddTable),
    ];

    /// <summary>The view of a kind, or null when it has none.</summary>
    public static ObjectView? Of(ObjectKind kind) => All.FirstOrDefault(v => v.Kind == kind);

    /// <summary>The word in front of an object's name, with its space ("sem ").</summary>
    public static string WordOf(ObjectKind kind) => (Of(kind)?.Word ?? kind.ToString()) + " ";
}
