using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects;

/// <summary>
/// A part of the kernel that owns operations and events: every kind of object (see
/// <see cref="ObjectModule"/>), and the two parts that are not objects, a thread's own statements
/// and processes. <see cref="ObjectModules"/> lists them all; the kernel dispatches each
/// instruction to the module that owns it, and each event's sentence and class come from the
/// module that emits it. Nothing else switches on an operation or an event.
/// </summary>
public abstract class KernelModule
{
    /// <summary>The part's name in words ("semaphore", "thread statements").</summary>
    public abstract string Name { get; }

    /// <summary>The operations this module carries out; each belongs to exactly one module.</summary>
    public virtual IReadOnlyList<OpSpec> Operations => [];

    /// <summary>The events this module emits; each belongs to exactly one module.</summary>
    public virtual IReadOnlyList<EventSpec> Events => [];

    /// <summary>Carries out one of <see cref="Operations"/> for thread <paramref name="t"/> at <paramref name="pc"/>.</summary>
    /// <exception cref="ThreadFaultException">Misuse: the kernel faults the thread with the message.</exception>
    internal abstract void Step(IKernelServices k, int t, int pc, Instr instr);

    /// <summary>After a thread ended (finished, faulted, crashed): what it leaves behind in this module's objects.</summary>
    internal virtual void OnThreadEnd(IKernelServices k, int thread)
    {
    }

    /// <summary>
    /// After a whole process ended, once every thread of it has ended: it exited when its last
    /// thread <paramref name="lastThread"/> finished, or crashed (<paramref name="lastThread"/> -1).
    /// A process whose last thread faults or is crashed alone does not end here: what it holds stays.
    /// </summary>
    internal virtual void OnProcessEnd(IKernelServices k, int process, int lastThread)
    {
    }

    /// <summary>The sentence of one of <see cref="Events"/>.</summary>
    public abstract string Describe(in EventWords w);

    /// <summary>The fields of one of <see cref="Events"/> for the JSON trace, by name; most events have none beyond the common ones.</summary>
    public virtual void WriteFields(in EventWords w, EventFieldWriter fields)
    {
    }

    /// <summary>The end of every <see cref="Describe"/> switch: an event this module does not emit is a bug, never a silent sentence.</summary>
    protected string NotMine(in EventWords w) =>
        throw new ArgumentOutOfRangeException(nameof(w), w.Event.Kind, $"the {Name} module has no sentence for this event");
}
