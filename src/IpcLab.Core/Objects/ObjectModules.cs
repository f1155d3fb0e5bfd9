using IpcLab.Core.Model;
using IpcLab.Core.Objects.BoundedQueue;
using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Objects.BrokerQueue;
using IpcLab.Core.Objects.CondVar;
using IpcLab.Core.Objects.ConsumerGroup;
using IpcLab.Core.Objects.DatagramSocket;
using IpcLab.Core.Objects.Descriptors;
using IpcLab.Core.Objects.Exchange;
using IpcLab.Core.Objects.Group;
using IpcLab.Core.Objects.MessageQueue;
using IpcLab.Core.Objects.Mutex;
using IpcLab.Core.Objects.Processes;
using IpcLab.Core.Objects.ProcessedIds;
using IpcLab.Core.Objects.Run;
using IpcLab.Core.Objects.Semaphore;
using IpcLab.Core.Objects.SharedMemory;
using IpcLab.Core.Objects.SharedVar;
using IpcLab.Core.Objects.Statements;
using IpcLab.Core.Objects.StreamSocket;
using IpcLab.Core.Objects.Topic;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects;

/// <summary>
/// The one list of the kernel's modules. Everything that used to switch on an object kind, an
/// operation or an event asks here instead; the guard tests check that every kind, operation and
/// event has exactly one owner.
/// </summary>
public static class ObjectModules
{
    private static readonly ObjectModule?[] ByKind;
    private static readonly KernelModule?[] ByOp;
    private static readonly KernelModule?[] ByEvent;
    private static readonly EventSpec[] SpecByEvent;
    private static readonly Dictionary<string, List<OpSpec>> ByWord = new(StringComparer.Ordinal);

    static ObjectModules()
    {
        // The order in which the end-of-thread, end-of-process and clock-tick hooks run, and so the
        // order of the events they emit: a robust mutex passes on before anything else is cleaned up.
        All =
        [
            new MutexModule(),
            new CondVarModule(),
            new SemaphoreModule(),
            new BoundedQueueModule(),
            new SharedVarModule(),
            new SharedMemoryModule(),
            new StreamSocketModule(),
            new DatagramSocketModule(),
            new DescriptorsModule(),

            // Groups after the descriptors (a process's descriptors close before its threads leave
            // their groups) and before message queues (at the clock tick a member that ended is told
            // gone before the message it was blocked sending is told lost).
            new GroupModule(),
            new MessageQueueModule(),

            // The broker after the other channels: a consumer that ends returns its messages to
            // their queues once its descriptors and groups are cleaned up.
            new BrokerModule(),
            new ExchangeModule(),
            new BrokerQueueModule(),
            new StatementsModule(),
            new ProcessesModule(),
            new RunModule(),

            // The retained log: a produce hands records to consumer groups' blocked polls; members
            // that ended leave their consumer groups at the clock tick.
            new TopicModule(),
            new ConsumerGroupModule(),

            // The idempotent consumer's table of processed ids: no hooks, so its place changes nothing.
            new ProcessedIdsModule(),
        ];
        Objects = [.. All.OfType<ObjectModule>()];
        Clocked = [.. Objects.Where(m => m.UsesClock)];

        ByKind = new ObjectModule?[Enum.GetValues<ObjectKind>().Length];
        foreach (var m in Objects)
        {
            ByKind[(int)m.Kind] ??= m;
        }

        ByOp = new KernelModule?[Enum.GetValues<OpCode>().Length];
        ByEvent = new KernelModule?[Enum.GetValues<EventKind>().Length];
        SpecByEvent = new EventSpec[ByEvent.Length];
        foreach (var m in All)
        {
            foreach (var op in m.Operations)
            {
                ByOp[(int)op.Op] ??= m;
                foreach (var word in op.Words)
                {
                    if (!ByWord.TryGetValue(word, out var specs))
                    {
                        ByWord[word] = specs = [];
                    }

                    specs.Add(op);
                }
            }

            foreach (var e in m.Events)
            {
                if (ByEvent[(int)e.Kind] is null)
                {
                    ByEvent[(int)e.Kind] = m;
                    SpecByEvent[(int)e.Kind] = e;
                }
            }
        }
    }

    /// <summary>Every module, in the order their hooks run.</summary>
    public static IReadOnlyList<KernelModule> All { get; }

    public static IReadOnlyList<ObjectModule> Objects { get; }

    /// <summary>The modules whose objects use the clock, in the order of <see cref="All"/>: the ones the clock tick runs.</summary>
    internal static IReadOnlyList<ObjectModule> Clocked { get; }

    /// <summary>The operations a statement word may mean (several when the operand decides: `wait s` on a semaphore, `wait c, m` on a condition).</summary>
    public static IReadOnlyList<OpSpec> OperationsOf(string word) =>
        ByWord.TryGetValue(word, out var specs) ? specs : [];

    /// <summary>The operation a word means on an object of the kind: <c>receive</c> on a message queue or on a group.</summary>
    public static OpCode OpOn(string word, ObjectKind kind) =>
        OperationsOf(word).First(s => OwnerOf(s.Op) == Of(kind)).Op;

    /// <summary>The module of a kind (every kind has one: a guard test checks it).</summary>
    public static ObjectModule Of(ObjectKind kind) =>
        ByKind[(int)kind] ?? throw new InvalidOperationException($"no module owns the object kind {kind}");

    /// <summary>The module that carries out an operation, or null.</summary>
    public static KernelModule? OwnerOf(OpCode op) => ByOp[(int)op];

    /// <summary>The module that emits an event, or null.</summary>
    public static KernelModule? OwnerOf(EventKind kind) => ByEvent[(int)kind];

    /// <summary>What an event means (block, wake, deliver, drop, fault, finding, other).</summary>
    public static EventClass ClassOf(EventKind kind) => SpecByEvent[(int)kind].Class;

    /// <summary>The short name of an event in the JSON trace, or null when no module emits it.</summary>
    public static string? NameOf(EventKind kind) => SpecByEvent[(int)kind].Name;

    /// <summary>Everything the owner says about an event kind (default when no module emits it).</summary>
    public static EventSpec SpecOf(EventKind kind) => SpecByEvent[(int)kind];
}
