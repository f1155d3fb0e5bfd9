using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects;

/// <summary>
/// What the kernel offers a module while it takes a step or answers a question: the cells of an
/// object, the wait queues, moving a thread on, events, evaluation. A module keeps no state of
/// its own: everything it knows is in the kernel's one array, reached through here.
/// </summary>
internal interface IKernelServices
{
    CompiledProgram Program { get; }

    /// <summary>The cells of an object in the state array (its typed view wraps them).</summary>
    Span<long> Cells(int objectId);

    /// <summary>The descriptor table of a process (see <see cref="Descriptors.DescriptorTable"/>); empty when the program has no socket.</summary>
    Span<long> DescriptorTable(int process);

    /// <summary>A local of a thread (results of operations go there).</summary>
    ref long Local(int thread, int slot);

    long Eval(int thread, CExpr expr);

    ThreadStatus StatusOf(int thread);

    /// <summary>The object a blocked or waiting thread is queued on, or -1.</summary>
    int WaitObjectOf(int thread);

    /// <summary>True once a thread has finished or faulted.</summary>
    bool HasEnded(int thread);

    /// <summary>True for a thread that crashed (injected, or its process crashed), as opposed to one that faulted on its own.</summary>
    bool HasCrashed(int thread);

    int PcOf(int thread);

    /// <summary>Puts a thread at the end of an object's wait queue, blocked or waiting. Its step stays pending.</summary>
    void JoinWaitQueue(int thread, int objectId, ThreadStatus status);

    /// <summary>Takes a thread out of its wait queue and makes it ready (its pending step still to run).</summary>
    void Wake(int thread);

    /// <summary>
    /// The clock of timed waits: the steps of the run so far (it jumps ahead when only timed waits
    /// are left); 0 in a run whose objects do not use it.
    /// </summary>
    long Clock { get; }

    /// <summary>
    /// Gives a thread that is about to join a wait queue a deadline: when <paramref name="steps"/>
    /// more steps have passed after this one and it still waits, the module of its object times it
    /// out (<see cref="ObjectModule.TimeOut"/>). Leaving the wait queue ends the deadline. A
    /// negative timeout, or one whose deadline does not fit in 64 bits, faults the thread:
    /// <paramref name="waits"/> says what waited ("waits on q", "sends to q").
    /// </summary>
    void SetTimeout(int thread, long steps, string waits);

    /// <summary>The step at which a thread's timed wait gives up, or 0 when it has none.</summary>
    long DeadlineOf(int thread);

    /// <summary>The thread first in an object's wait queue, or -1.</summary>
    int FirstWaiter(int objectId);

    /// <summary>An object's wait queue, first first.</summary>
    IReadOnlyList<int> WaitersOf(int objectId);

    /// <summary>
    /// The waiter a wake-up goes to: -1 when nobody waits, the one waiter, or among several the
    /// schedule's choice (FIFO by default), which the schedule entry records.
    /// </summary>
    int ChooseWaiter(int objectId);

    /// <summary>Moves a thread to instruction <paramref name="next"/>; -1 finishes it.</summary>
    void MoveTo(int thread, int next);

    /// <summary>Completes the pending step of a thread that was handed what it waited for: it moves past that step.</summary>
    void CompletePending(int thread);

    void Emit(EventKind kind, int thread, int pc, int objectId = -1, int other = -1, long value = 0);

    /// <summary>Records an event with more fields than the other Emit takes (a descriptor, byte counts); its Step and Pos are filled in.</summary>
    void Emit(KernelEvent e);

    /// <summary>After a thread blocked on a mutex: reports a cycle of mutex waits through it, if one formed.</summary>
    void ReportCycleFrom(int thread, int pc);

    /// <summary>A fault when the thread's process has not mapped the segment the object lives in.</summary>
    void RequireMapped(int thread, int objectId);

    /// <summary>What an expression evaluated for <paramref name="thread"/> sees.</summary>
    EvalContext Context(int thread);

    /// <summary>The id of a string (a value, or an event's text).</summary>
    long Intern(string text);

    /// <summary>True when <paramref name="value"/> is a valid value of the kind (a string value is the id of a known string).</summary>
    bool IsValue(ValueKind kind, long value);

    /// <summary>True when events are recorded: text made only for an event can be skipped otherwise.</summary>
    bool RecordsEvents { get; }

    int ProcessOf(int thread);

    /// <summary>True while at least one thread of the process has not ended.</summary>
    bool IsProcessAlive(int process);

    /// <summary>The run's strings, by id.</summary>
    StringTable Strings { get; }

    string ThreadName(int thread);

    /// <summary>The thread whose name is the string <paramref name="name"/> (a string id), or -1.</summary>
    int ThreadNamed(long name);

    string ObjectName(int objectId);

    /// <summary>The value as a learner reads it.</summary>
    string Format(ValueKind kind, long value, bool quoteStrings = true);

    /// <summary>
    /// An expression's value as print shows it (strings unquoted). A string made here (a join, an
    /// interpolation) is not interned: only a string that is stored or printed enters the table.
    /// </summary>
    /// <exception cref="ThreadFaultException">The expression faults (a string too long, a bad read).</exception>
    string TextOf(int thread, CExpr expr);

    /// <summary>Faults a thread: it stops where it is, leaves its wait queue, and the finding says why.</summary>
    void Fault(int thread, int pc, FindingKind finding, EventKind kind, string message);

    /// <summary>A thread of a process that was waiting to be spawned becomes ready.</summary>
    void Start(int thread);

    /// <summary>A thread stops where it is as if it had finished (its process exits).</summary>
    void Stop(int thread);

    /// <summary>A thread that ended starts its program again from its first instruction, with its locals cleared (its process restarted).</summary>
    void Revive(int thread);

    /// <summary>Stops every live thread of a process as crashed; <paramref name="actor"/> is the thread whose step did it, or -1.</summary>
    void CrashProcess(int process, int actor, int pc);

    /// <summary>Lets every module clean up after a process whose threads have all ended.</summary>
    void AfterProcessEnded(int process);
}
