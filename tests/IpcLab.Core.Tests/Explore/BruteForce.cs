using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Tests.KernelTests;

namespace IpcLab.Core.Tests.Explore;

/// <summary>
/// The explorer's answers computed another way for small programs: depth-first instead of
/// breadth-first, states told apart by their text (<see cref="KernelTestKit.LogicalState"/>, not
/// the hash), the kernel moved with Snapshot/Restore along one history; a state is walked again
/// whenever it is reached in fewer steps than before, so the shortest lengths come out exact.
/// </summary>
internal sealed class BruteForce
{
    private readonly Dictionary<string, int> _states = new(StringComparer.Ordinal);
    private readonly HashSet<string> _finals = new(StringComparer.Ordinal);
    private readonly Dictionary<FindingKind, int> _shortest = [];

    private BruteForce()
    {
    }

    public int States => _states.Count;

    public int FinalStates => _finals.Count;

    public IReadOnlyDictionary<FindingKind, int> Shortest => _shortest;

    public static BruteForce Of(CompiledProgram program)
    {
        var kernel = new Kernel(program, new KernelOptions { RecordEvents = false, CheckInvariants = false, MaxSteps = 1000 });
        var result = new BruteForce();
        result._states.Add(KernelTestKit.LogicalState(kernel), 0);
        result.Walk(kernel);
        return result;
    }

    private void Walk(Kernel kernel)
    {
        var runnable = new int[kernel.Layout.ThreadCount];
        var n = kernel.CollectRunnable(runnable);
        if (n == 0)
        {
            kernel.Conclude();
            if (kernel.Findings.Count == 0)
            {
                _finals.Add(KernelTestKit.LogicalState(kernel));
            }

            Note(kernel);
            return;
        }

        var before = kernel.Snapshot();
        foreach (var thread in runnable[..n])
        {
            // First with the first waiter, noting who else a signal could have woken; then each of them.
            var offered = new OfferedWaiters();
            kernel.Restore(before);
            Try(kernel, thread, offered);
            foreach (var other in offered.Others)
            {
                kernel.Restore(before);
                Try(kernel, thread, new OfferedWaiters(other));
            }
        }

        kernel.Restore(before);
    }

    private void Try(Kernel kernel, int thread, OfferedWaiters chooser)
    {
        kernel.Step(thread, chooser);
        if (kernel.Findings.Count > 0)
        {
            Note(kernel);
            return;
        }

        var state = KernelTestKit.LogicalState(kernel);
        if (_states.TryGetValue(state, out var seenAt) && seenAt <= kernel.StepCount)
        {
            return;
        }

        _states[state] = kernel.StepCount;
        Walk(kernel);
    }

    private void Note(Kernel kernel)
    {
        foreach (var f in kernel.Findings)
        {
            _shortest[f.Kind] = Math.Min(_shortest.GetValueOrDefault(f.Kind, int.MaxValue), kernel.StepCount);
        }
    }

    private sealed class OfferedWaiters(int force = -1) : IWaiterChooser
    {
        public List<int> Others { get; } = [];

        public int ChooseWaiter(Kernel kernel, int condition, IReadOnlyList<int> waiters)
        {
            if (force >= 0)
            {
                return force;
            }

            Others.AddRange(waiters.Skip(1));
            return waiters[0];
        }
    }
}
