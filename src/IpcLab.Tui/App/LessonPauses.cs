using IpcLab.Core.Lessons;
using IpcLab.Core.Runtime;
using IpcLab.Tui.Lessons;

namespace IpcLab.Tui.App;

/// <summary>Pauses the run at the open lesson's next checkpoint, and asks its question.</summary>
public static class LessonPauses
{
    /// <summary>
    /// When the run has reached the next checkpoint of its program, stops auto-run and opens the
    /// question; called after every key and every auto-run step. Checkpoints come in the order of
    /// the lesson, each once a sitting.
    /// </summary>
    public static void Check(TuiState state)
    {
        var screen = state.LessonScreen;
        if (screen.Open is not { } open || screen.Dialog is not null || state.Screen != Screen.Run || state.Session is not { } session)
        {
            return;
        }

        if (open.NextCheckpoint is not { } checkpoint || !Reached(checkpoint.At, session.Kernel, open.EventMark))
        {
            return;
        }

        open.Asked.Add(checkpoint.Number);
        open.EventMark = session.Kernel.Events.Count;
        state.Running = false;
        screen.Dialog = new LessonDialog { Kind = LessonDialogKind.Question, Checkpoint = checkpoint, Step = session.Kernel.StepCount };
        screen.ScrollToCheckpoint = checkpoint.Number;
        var where = checkpoint.At.Kind == PauseKind.Step ? $"{checkpoint.At}" : $"{checkpoint.At} (step {session.Kernel.StepCount})";
        state.Status = $"checkpoint {checkpoint.Number}: the run paused at {where}; type your answer, Enter";
    }

    /// <summary>
    /// True when the kernel stands at the pause: the step count for <c>step N</c>, the thread's
    /// next line for <c>line N of T</c>, the run's end, or a matching event among those after
    /// <paramref name="eventMark"/> (the events up to the previous checkpoint of the run do not count).
    /// </summary>
    public static bool Reached(PausePoint pause, Kernel kernel, int eventMark)
    {
        switch (pause.Kind)
        {
            case PauseKind.Step:
                return kernel.StepCount == pause.Step;
            case PauseKind.Line:
                return !kernel.IsConcluded && pause.AtLine(kernel);
            case PauseKind.End:
                return kernel.IsConcluded;
            default:
                // Stepping back below the mark makes the earlier events count again, as in a fresh run.
                for (var i = Math.Min(eventMark, kernel.Events.Count); i < kernel.Events.Count; i++)
                {
                    if (pause.Matches(kernel.Events[i], kernel))
                    {
                        return true;
                    }
                }

                return false;
        }
    }
}
