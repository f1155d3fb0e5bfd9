using IpcLab.Core.Runtime;
using IpcLab.Core.Sessions;

namespace IpcLab.Tui.App;

/// <summary>
/// The status line's sentences. After any move through the timeline the status says what the
/// step the run is now on did, in the events' own words, so a frame depends only on where the run
/// is, not on how it got there ("step 12: consumer blocks on m: held by producer-1").
/// </summary>
public static class StatusText
{
    public const string AtStart = "step 0: no thread has run yet (space steps, 1-9 runs a thread, ? lists every key)";

    /// <summary>What the current step did.</summary>
    public static string AtStep(Session session)
    {
        var step = session.Position;
        if (step == 0)
        {
            return AtStart;
        }

        var text = Join(session, FirstEventOf(session.Kernel, step));
        return text.Length > 0 ? $"step {step}: {text}" : $"step {step}: {session.Kernel.ThreadName(session.LastThread)} takes a step";
    }

    /// <summary>The run could not go on: why, and what concluding it found (deadlock, final checks).</summary>
    public static string Over(Session session, string reason, int eventsBefore)
    {
        var k = session.Kernel;
        var found = Join(session, Math.Min(eventsBefore, k.Events.Count));
        if (found.Length == 0 && k.Findings.Count > 0)
        {
            // The session concluded the run at the step that ended it; say what it found again.
            found = string.Join("; ", k.Findings.Select(f => f.Text));
        }

        if (found.Length == 0 && k.IsConcluded && Enumerable.Range(0, k.Program.Threads.Count).All(t => k.StatusOf(t) == ThreadStatus.Finished))
        {
            found = "every thread has finished";
        }

        return found.Length > 0
            ? $"the run is over at step {session.Position}: {found}"
            : $"step {session.Position}: {reason}";
    }

    /// <summary>After a scheduler change: the recorded steps ahead are redone first, as they were.</summary>
    public static string Ahead(Session session)
    {
        var ahead = session.Timeline.Count - session.Position;
        return ahead == 0
            ? ""
            : $" (the {ahead} recorded step{(ahead == 1 ? "" : "s")} ahead are redone as they were; it chooses after step {session.Timeline.Count}, or 0 restarts)";
    }

    /// <summary>After a choice: when it started a new future, says how many steps were set aside and how to get them back.</summary>
    public static string Branched(Session session, int branchesBefore)
    {
        if (session.Branches == branchesBefore)
        {
            return "";
        }

        var n = session.SetAsideSteps;
        return $" — a new future from step {session.BranchedAt}: the {n} step{(n == 1 ? "" : "s")} that were ahead are set aside (u brings them back)";
    }

    /// <summary>A thread by number and name, as the learner types it ("2 producer-2").</summary>
    public static string Numbered(Kernel kernel, int thread) => $"{thread + 1} {kernel.ThreadName(thread)}";

    /// <summary>The threads in a given status, numbered, or "none".</summary>
    public static string ThreadsIn(Kernel kernel, Func<int, bool> match)
    {
        var names = Enumerable.Range(0, kernel.Program.Threads.Count)
            .Where(match)
            .Select(t => Numbered(kernel, t))
            .ToArray();
        return names.Length == 0 ? "none" : string.Join(", ", names);
    }

    private static int FirstEventOf(Kernel kernel, int step)
    {
        var first = kernel.Events.Count;
        while (first > 0 && kernel.Events[first - 1].Step == step)
        {
            first--;
        }

        return first;
    }

    private static string Join(Session session, int from)
    {
        var k = session.Kernel;
        var events = new List<KernelEvent>();
        for (var i = from; i < k.Events.Count; i++)
        {
            events.Add(k.Events[i]);
        }

        // The kernel's own verdicts (deadlock, final checks, budget) first: they matter most and
        // the status line may be cut at the right.
        return string.Join("; ", events
            .OrderBy(e => e.Thread >= 0)
            .Select(e => EventText.Describe(e, k.Program, k.Strings)));
    }
}
