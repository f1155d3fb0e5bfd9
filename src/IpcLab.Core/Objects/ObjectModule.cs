using System.Runtime.CompilerServices;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;

namespace IpcLab.Core.Objects;

/// <summary>
/// One kind of kernel object, whole: the word that declares it, the operations and events it
/// owns, its cells in the state array, what a thread blocked on it waits for, its invariants and
/// the one spelling of its state. The kernel, the hash, the dump and the views loop over
/// <see cref="ObjectModules"/>; adding a kind is a new folder and a line in that list.
/// </summary>
public abstract class ObjectModule : KernelModule
{
    public abstract ObjectKind Kind { get; }

    /// <summary>The word that declares one in a script ("semaphore", "mqueue").</summary>
    public abstract string DeclarationWord { get; }

    /// <summary>What a learner calls it ("semaphore", "message queue").</summary>
    public abstract string KindWord { get; }

    public override string Name => KindWord;

    /// <summary>
    /// The object a declaration in a script makes (<c>semaphore s = 1</c>): the module reads the
    /// initial value and the options it knows, and refuses what it does not, at its position.
    /// </summary>
    internal abstract ObjectInfo Declare(Declaration d);

    /// <summary>The functions an expression reads an object of this kind with (<c>value(s)</c>, <c>size(q)</c>).</summary>
    public virtual IReadOnlyList<string> Functions => [];

    /// <summary>The expression for one of <see cref="Functions"/> applied to <paramref name="o"/>.</summary>
    internal virtual CExpr Function(string name, ObjectInfo o) =>
        throw new InvalidOperationException($"a {KindWord} has no function {name}");

    /// <summary>
    /// How a learner reads something from one, after "q is a queue, not a value": by default its
    /// functions (" (use value(s))"), or "" for a kind that has none.
    /// </summary>
    internal virtual string ValueHint(ObjectInfo o) => Functions.Count switch
    {
        0 => "",
        1 => $" (use {Functions[0]}({o.Name}))",
        _ => $" (use {string.Join(", ", Functions.Take(Functions.Count - 1).Select(f => $"{f}({o.Name})"))} or {Functions[^1]}({o.Name}))",
    };

    /// <summary>
    /// How many cells of the state array one object of this kind takes in the objects region
    /// (0 for a kind with none: a condition variable's waiters are in the threads' wait fields).
    /// </summary>
    public virtual int CellCount(ObjectInfo o) => 0;

    /// <summary>
    /// The cell count when it depends on the program too (a cell per thread, as a group's inboxes);
    /// by default <see cref="CellCount(ObjectInfo)"/>. The layout and the kernel ask this one.
    /// </summary>
    public virtual int CellCount(CompiledProgram program, ObjectInfo o) => CellCount(o);

    /// <summary>
    /// True when objects of this kind need the clock: timed waits on them, or tidying at every
    /// tick (<see cref="KernelModule.OnClockTick"/>). A run with no such object has no clock and
    /// its steps skip it.
    /// </summary>
    internal virtual bool UsesClock => false;

    /// <summary>
    /// At the end of every step of a run whose objects use the clock (<see cref="ObjectModule.UsesClock"/>),
    /// after the clock moved on and before timed waits expire: what the step's ends left to tidy
    /// (a member that ended leaves its groups, the message of a sender that ended is lost). Only kinds
    /// that use the clock have it, run in the order of <see cref="ObjectModules.All"/>.
    /// </summary>
    internal virtual void OnClockTick(IKernelServices k)
    {
    }

    /// <summary>The object's cells at step 0 (they start as zeros).</summary>
    public virtual void Initialize(ObjectInfo o, Span<long> cells)
    {
    }

    /// <summary>
    /// Could <paramref name="thread"/>, blocked on <paramref name="o"/>, go on now? The kernel
    /// checks after every step that no blocked thread could: a true here is a lost wake-up.
    /// </summary>
    internal virtual bool CanProceed(IKernelServices k, ObjectInfo o, int thread) => false;

    /// <summary>
    /// True for an operation a thread blocked on an object of this kind may be at: by default the
    /// kind's own operations (a socket is waited on by descriptor operations too).
    /// </summary>
    internal virtual bool CanBlockAt(OpCode op) => ObjectModules.OwnerOf(op) == this;

    /// <summary>What a thread queued on <paramref name="o"/> waits for, after its name: "waits on semaphore s (count 0)".</summary>
    internal virtual string DescribeWait(IKernelServices k, ObjectInfo o, int thread) => $"waits on {o.Name}";

    /// <summary>The thread's state in a few words for the threads panel: "blocked on semaphore s (count 0)".</summary>
    internal virtual string WaitState(IKernelServices k, ObjectInfo o, int thread) =>
        k.StatusOf(thread) == ThreadStatus.Waiting ? DescribeWait(k, o, thread) : "blocked: " + DescribeWait(k, o, thread);

    /// <summary>
    /// A thread blocked on <paramref name="o"/> with a deadline (<see cref="IKernelServices.SetTimeout"/>)
    /// reached it: it gives up, leaves the wait queue and moves on. Only kinds with timed waits have one.
    /// </summary>
    internal virtual void TimeOut(IKernelServices k, ObjectInfo o, int thread) =>
        throw new InvalidOperationException($"a {KindWord} has no timed wait, but {k.ThreadName(thread)} timed out on {o.Name}");

    /// <summary>
    /// True for a thread queued on <paramref name="o"/> that is an idle daemon, not a waiter (a
    /// broker with nothing to do): it waits for nobody, so the wait-for graph leaves it out and it
    /// is never reported as deadlocked.
    /// </summary>
    internal virtual bool IsIdleDaemon(IKernelServices k, ObjectInfo o, int thread) => false;

    /// <summary>The thread a waiter on <paramref name="o"/> waits for (the wait-for graph's edge), or -1.</summary>
    internal virtual int Holder(IKernelServices k, ObjectInfo o) => -1;

    /// <summary>What must hold for <paramref name="o"/> after every step; a failure is a bug in IpcLab.</summary>
    internal virtual void AssertInvariants(IKernelServices k, ObjectInfo o)
    {
    }

    /// <summary>The object's logical state, spelled once for the hash, the dump and the tests.</summary>
    internal abstract void WriteState(IKernelServices k, ObjectInfo o, StateWriter w);

    /// <summary>
    /// True when <see cref="WriteState"/> reads nothing but the object's own cells (and the kernel's
    /// strings): the explorer then keeps an object's hash while its cells stay the same.
    /// </summary>
    internal virtual bool WritesOwnCellsOnly => false;

    /// <summary>A kernel invariant: a failure is a bug in IpcLab, never the script's fault.</summary>
    internal static void Require(bool condition, string message)
    {
        if (!condition)
        {
            throw new KernelInvariantException("kernel invariant violated: " + message);
        }
    }

    /// <summary>
    /// A kernel invariant whose message is formatted only when it fails (see <see cref="InvariantMessage"/>):
    /// invariants run after every step for every object.
    /// </summary>
    internal static void Require(bool condition, [InterpolatedStringHandlerArgument(nameof(condition))] ref InvariantMessage message)
    {
        if (!condition)
        {
            throw new KernelInvariantException("kernel invariant violated: " + message.ToString());
        }
    }
}
