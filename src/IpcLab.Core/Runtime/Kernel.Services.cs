using System.Runtime.CompilerServices;
using IpcLab.Core.Model;
using IpcLab.Core.Objects;

namespace IpcLab.Core.Runtime;

// What the kernel offers its modules (see IKernelServices): the modules reach the state only here.
public sealed partial class Kernel : IKernelServices
{
    private readonly int[] _cellCount;

    /// <summary>The hash's writer, kept so that hashing allocates nothing.</summary>
    internal HashStateWriter HashWriter { get; }

    /// <summary>How many cells an object has in the objects region (0 while its kind lays out a region of its own).</summary>
    internal int CellCountOf(int objectId) => _cellCount[objectId];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    Span<long> IKernelServices.Cells(int objectId) => _data.AsSpan(Layout.ObjectBase(objectId), _cellCount[objectId]);

    Span<long> IKernelServices.DescriptorTable(int process) =>
        _data.AsSpan(Layout.DescriptorTableBase(process), Layout.DescriptorTableSize);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    ref long IKernelServices.Local(int thread, int slot) => ref _data[Layout.LocalBase(thread) + slot];

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    long IKernelServices.Eval(int thread, CExpr expr) => Eval(thread, expr);

    void IKernelServices.JoinWaitQueue(int thread, int objectId, ThreadStatus status) => JoinWaitQueue(thread, objectId, status);

    void IKernelServices.Wake(int thread) => Wake(thread);

    int IKernelServices.FirstWaiter(int objectId) => FirstWaiter(objectId);

    void IKernelServices.SetTimeout(int thread, long steps, string waits) => SetTimeout(thread, steps, waits);

    int IKernelServices.ThreadNamed(long name) => Array.IndexOf(_selfName, name);

    int IKernelServices.ChooseWaiter(int objectId)
    {
        // One pass finds the first waiter and whether there is a choice at all; only a choice
        // among several needs the queue as a list (a signal is one of the most frequent steps).
        var (first, count) = FirstWaiterAndCount(objectId);
        if (count <= 1)
        {
            return first;
        }

        var waiters = WaitersOf(objectId);
        var woken = _chooser?.ChooseWaiter(this, objectId, waiters) ?? first;
        if (!waiters.Contains(woken))
        {
            throw new InvalidOperationException($"the waiter chooser picked {woken}, which does not wait on {ObjectName(objectId)}");
        }

        _pendingWoken = woken;
        return woken;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void IKernelServices.MoveTo(int thread, int next) => MoveTo(thread, next);

    void IKernelServices.CompletePending(int thread) => MoveTo(thread, _code[thread][PcOf(thread)].Next);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void IKernelServices.Emit(EventKind kind, int thread, int pc, int objectId, int other, long value) => Emit(kind, thread, pc, objectId, other, value);

    void IKernelServices.Emit(KernelEvent e)
    {
        if (Options.RecordEvents)
        {
            _events.Add(e with { Step = StepCount });
        }
    }

    void IKernelServices.ReportCycleFrom(int thread, int pc) => ReportCycleFrom(thread, pc);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    void IKernelServices.RequireMapped(int thread, int objectId)
    {
        if (_hasSegments)
        {
            RequireMapped(thread, objectId);
        }
    }

    string IKernelServices.Format(ValueKind kind, long value, bool quoteStrings) => Format(kind, value, quoteStrings);

    string IKernelServices.TextOf(int thread, CExpr expr) =>
        expr.Kind == ValueKind.Str ? expr.EvalText(Context(thread)) : Format(expr.Kind, Eval(thread, expr), quoteStrings: false);

    void IKernelServices.Fault(int thread, int pc, FindingKind finding, EventKind kind, string message) => FaultThread(thread, pc, finding, kind, message);

    void IKernelServices.Start(int thread) => SetStatus(thread, ThreadStatus.Ready);

    void IKernelServices.Stop(int thread)
    {
        LeaveWaitQueue(thread);
        SetStatus(thread, ThreadStatus.Finished);
        _data[Layout.ThreadField(thread, StateLayout.PcField)] = -1;
    }

    void IKernelServices.Revive(int thread)
    {
        _data.AsSpan(Layout.LocalBase(thread), Layout.MaxLocals).Clear();
        _data[Layout.ThreadField(thread, StateLayout.PcField)] = 0;
        _data[Layout.ThreadField(thread, StateLayout.FaultField)] = -1;
        SetStatus(thread, ThreadStatus.Ready);
    }

    void IKernelServices.CrashProcess(int process, int actor, int pc) => CrashProcess(process, actor, pc);

    void IKernelServices.AfterProcessEnded(int process) => AfterProcessEnded(process);

    EvalContext IKernelServices.Context(int thread) => Context(thread);

    long IKernelServices.Intern(string text) => Strings.Intern(text);

    bool IKernelServices.IsValue(ValueKind kind, long value) => kind != ValueKind.Str || (value >= 0 && value < Strings.Count);

    bool IKernelServices.RecordsEvents
    {
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        get => Options.RecordEvents;
    }

    int IKernelServices.ProcessOf(int thread) => Layout.ProcessOf(thread);

    /// <summary>The cell counts of every object, by id (what <see cref="StateLayout.ObjectBase"/> laid out).</summary>
    private static int[] CellCounts(CompiledProgram program) =>
        program.Objects.Select(o => ObjectModules.Of(o.Kind).CellCount(program, o)).ToArray();
}
