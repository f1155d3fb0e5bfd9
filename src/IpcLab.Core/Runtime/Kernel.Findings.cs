using System.Text;
using IpcLab.Core.Model;
using IpcLab.Core.Objects;

namespace IpcLab.Core.Runtime;

// Deadlocks, final checks and the end of a run.
public sealed partial class Kernel
{
    /// <summary>The wait-for graph: every blocked or waiting thread, what it waits on, who holds that.</summary>
    public IReadOnlyList<WaitEdge> WaitForGraph()
    {
        var edges = new List<WaitEdge>();
        for (var t = 0; t < Layout.ThreadCount; t++)
        {
            var obj = WaitObjectOf(t);
            if (obj >= 0)
            {
                var info = Program.Objects[obj];
                if (ObjectModules.Of(info.Kind).IsIdleDaemon(this, info, t))
                {
                    continue;
                }

                var holder = ObjectModules.Of(info.Kind).Holder(this, info);
                edges.Add(new WaitEdge(t, obj, holder));
            }
        }

        return edges;
    }

    /// <summary>"producer-1 waits on mutex m held by consumer-2", "consumer-1 waits on notEmpty".</summary>
    public string DescribeWait(int thread)
    {
        var obj = WaitObjectOf(thread);
        var name = ThreadName(thread);
        if (obj < 0)
        {
            return $"{name} is not waiting";
        }

        var info = Program.Objects[obj];
        return $"{name} {ObjectModules.Of(info.Kind).DescribeWait(this, info, thread)}";
    }

    /// <summary>A queued thread's state in a few words for the threads panel ("blocked on semaphore s (count 0)"), or null when it is not queued.</summary>
    public string? WaitStateOf(int thread)
    {
        var obj = WaitObjectOf(thread);
        if (obj < 0)
        {
            return null;
        }

        var info = Program.Objects[obj];
        return ObjectModules.Of(info.Kind).WaitState(this, info, thread);
    }

    /// <summary>
    /// After thread t blocked on a mutex: follow "waits on a mutex held by" from t. If the chain
    /// comes back to t, the threads on it can never run again, whatever the others do.
    /// </summary>
    private void ReportCycleFrom(int t, int pc)
    {
        // Every block on a mutex runs this, so the walk allocates nothing: a chain of distinct
        // threads has at most ThreadCount links, so a walk that neither ends nor comes back to t
        // within that many hops has entered a cycle that does not pass through t, which was
        // reported when it formed.
        var current = t;
        var hops = 0;
        while (true)
        {
            current = NextInMutexChain(current);
            if (current < 0 || ++hops > Layout.ThreadCount)
            {
                return;
            }

            if (current == t)
            {
                break;
            }
        }

        var chain = new List<int> { t };
        for (var next = NextInMutexChain(t); next != t; next = NextInMutexChain(next))
        {
            chain.Add(next);
        }

        var names = string.Join(", ", chain.Select(ThreadName));
        var text = $"{names} wait for each other in a cycle: " + string.Join("; ", chain.Select(DescribeWait));
        EmitFinding(FindingKind.DeadlockCycle, EventKind.DeadlockCycle, t, pc, WaitObjectOf(t), -1, Strings.Intern(text));
    }

    /// <summary>The owner of the mutex <paramref name="thread"/> is blocked on, or -1 when it is not blocked on a mutex.</summary>
    private int NextInMutexChain(int thread)
    {
        var obj = WaitObjectOf(thread);
        return obj < 0 || Program.Objects[obj].Kind != ObjectKind.Mutex || StatusOf(thread) != ThreadStatus.Blocked
            ? -1
            : MutexOwner(obj);
    }

    /// <summary>
    /// Ends the run when no thread can step: reports the processes that could never start, then a
    /// deadlock if some thread still waits, otherwise evaluates the final checks. Does nothing if already concluded or if a thread can still run.
    /// </summary>
    public void Conclude()
    {
        if (_concluded || !IsOver)
        {
            return;
        }

        _concluded = true;
        foreach (var (process, why) in NeverStartedProcesses.Of(Program))
        {
            EmitFinding(FindingKind.NeverStarted, EventKind.NeverStarted, -1, -1, -1, process, Strings.Intern(why));
        }

        var edges = WaitForGraph();
        if (edges.Count > 0)
        {
            var text = new StringBuilder("no thread can run: ");
            text.AppendJoin("; ", edges.Select(e => DescribeWait(e.Thread)));
            EmitFinding(FindingKind.Deadlock, EventKind.Deadlock, -1, -1, -1, -1, Strings.Intern(text.ToString()));
            return;
        }

        var context = new EvalContext(_data, Layout, Strings, -1, 0, 0);
        for (var i = 0; i < Program.Expectations.Count; i++)
        {
            var check = Program.Expectations[i];
            long held;
            try
            {
                held = check.Condition.Eval(context);
            }
            catch (ThreadFaultException fault)
            {
                EmitFinding(FindingKind.ExpectFailed, EventKind.ExpectFailed, -1, -1, i, -1, Strings.Intern($"final check `{check.Text}` (line {check.Pos.Line}) could not be evaluated: {fault.Message}"));
                continue;
            }

            if (held != 0)
            {
                Emit(EventKind.ExpectHeld, -1, -1, i);
            }
            else
            {
                var why = check.Message is null ? "" : $": {check.Message}";
                EmitFinding(FindingKind.ExpectFailed, EventKind.ExpectFailed, -1, -1, i, -1, Strings.Intern($"final check `{check.Text}` (line {check.Pos.Line}) failed{why} — {DescribeSharedValues(check)}"));
            }
        }
    }

    /// <summary>Ends the run because it used its step budget.</summary>
    public void ExhaustBudget()
    {
        if (_concluded)
        {
            return;
        }

        _concluded = true;
        EmitFinding(FindingKind.StepBudget, EventKind.BudgetExhausted, -1, -1, -1, -1, StepCount);
    }

    private string DescribeSharedValues(Expectation check)
    {
        var parts = Program.ObjectsOf(ObjectKind.SharedVar)
            .Where(v => ContainsWord(check.Text, v.Name))
            .Select(v => $"{v.Name} is {Format(v.ValueKind, SharedValue(v.Slot))}")
            .Concat(Program.ObjectsOf(ObjectKind.SharedMemory)
                .Where(seg => ContainsWord(check.Text, seg.Name))
                .Select(seg => $"{seg.Name} holds [{string.Join(", ", SegmentWords(seg.Id))}]"))
            .ToArray();
        return parts.Length == 0 ? "it evaluated to false" : string.Join(", ", parts);
    }

    private static bool ContainsWord(string text, string word)
    {
        var at = 0;
        while ((at = text.IndexOf(word, at, StringComparison.Ordinal)) >= 0)
        {
            var before = at == 0 || !IsNameChar(text[at - 1]);
            var after = at + word.Length >= text.Length || !IsNameChar(text[at + word.Length]);
            if (before && after)
            {
                return true;
            }

            at += word.Length;
        }

        return false;
    }

    private static bool IsNameChar(char c) => char.IsLetterOrDigit(c) || c == '_';
}
