using IpcLab.Core.Objects;
using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;
using IpcLab.Core.Sessions;

namespace IpcLab.Tui.Views;

/// <summary>
/// What each recorded step of a run did, in one word (its most telling event class), for the
/// timeline. Steps not yet redone (after stepping back) are known by replaying the timeline on a
/// kernel of their own; the session's kernel is never moved.
/// </summary>
public static class TimelineMarks
{
    /// <summary>The class of step 1, 2, … of the recorded timeline (index 0 is step 1).</summary>
    public static IReadOnlyList<EventClass> Of(Session session)
    {
        var events = session.Kernel.Events;
        if (session.Position < session.Timeline.Count)
        {
            var replay = new Kernel(session.Program, session.Kernel.Options);
            Runner.Replay(replay, session.Timeline);
            events = replay.Events;
        }

        var marks = new EventClass[session.Timeline.Count];
        foreach (var e in events)
        {
            var step = e.Step - 1;
            if (step >= 0 && step < marks.Length && Rank(ObjectModules.ClassOf(e.Kind)) > Rank(marks[step]))
            {
                marks[step] = ObjectModules.ClassOf(e.Kind);
            }
        }

        return marks;
    }

    /// <summary>Which class a step shows when it has several: a finding over a fault over a block, a wake-up, a delivery, a drop.</summary>
    public static int Rank(EventClass c) => c switch
    {
        EventClass.Finding => 6,
        EventClass.Fault => 5,
        EventClass.Block => 4,
        EventClass.Wake => 3,
        EventClass.Deliver => 2,
        EventClass.Drop => 1,
        _ => 0,
    };
}
