using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;

namespace IpcLab.Core.Lessons;

/// <summary>
/// A lesson program's run under its schedule, going from pause to pause: the same run every
/// time, so a checkpoint's answer is the same for every student.
/// </summary>
public sealed class LessonRun
{
    private readonly LessonProgram _program;
    private readonly IScheduler _scheduler;
    private int _eventMark;

    public LessonRun(LessonProgram program, int maxSteps = 10_000)
    {
        _program = program;
        _scheduler = program.Schedule.CreateScheduler();
        Kernel = new Kernel(program.Compiled, new KernelOptions { MaxSteps = maxSteps });
    }

    public Kernel Kernel { get; }

    /// <summary>
    /// Runs until <paramref name="pause"/> is reached and returns null; or returns why it never
    /// is (the run ended first, it was already past it, or a named thread of the schedule could not run).
    /// </summary>
    public string? RunTo(PausePoint pause)
    {
        while (true)
        {
            if (Reached(pause))
            {
                return null;
            }

            if (pause.Kind == PauseKind.Step && Kernel.StepCount > pause.Step)
            {
                return $"the run is already at step {Kernel.StepCount}, past step {pause.Step}";
            }

            if (StepOnce() is { } problem)
            {
                return problem;
            }

            if (Kernel.IsConcluded)
            {
                return Reached(pause) ? null : $"the run ended at step {Kernel.StepCount} before reaching {pause}";
            }
        }
    }

    /// <summary>Runs to the end of the run; returns why it could not, or null.</summary>
    public string? RunToEnd() => RunTo(new PausePoint(PauseKind.End));

    /// <summary>Runs until <paramref name="met"/> holds (true) or the run ends without it (false); checked before every step and at the end.</summary>
    public bool RunUntil(Func<Kernel, bool> met)
    {
        while (!met(Kernel))
        {
            if (Kernel.IsConcluded || StepOnce() is not null)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Takes one step (or concludes the run when no thread can run); returns a problem, or null.</summary>
    private string? StepOnce()
    {
        Span<int> runnable = stackalloc int[Kernel.Layout.ThreadCount];
        var n = Kernel.CollectRunnable(runnable);
        if (n == 0)
        {
            Kernel.Conclude();
            return null;
        }

        if (Kernel.StepCount >= Kernel.Options.MaxSteps)
        {
            Kernel.ExhaustBudget();
            Kernel.Conclude();
            return null;
        }

        var named = _program.Schedule.Threads;
        if (Kernel.StepCount < named.Count)
        {
            var t = Kernel.Program.ThreadIdOf(named[Kernel.StepCount]);
            if (Kernel.WhyCannotRun(t) is { } why)
            {
                return $"the schedule names {named[Kernel.StepCount]} for step {Kernel.StepCount + 1}, but it cannot run: {why}";
            }

            Kernel.Step(t, _scheduler);
            return null;
        }

        Kernel.Step(_scheduler.ChooseThread(Kernel, runnable[..n]), _scheduler);
        return null;
    }

    private bool Reached(PausePoint pause)
    {
        switch (pause.Kind)
        {
            case PauseKind.Step:
                return Kernel.StepCount == pause.Step;
            case PauseKind.Line:
                return !Kernel.IsConcluded && pause.AtLine(Kernel);
            case PauseKind.End:
                return Kernel.IsConcluded;
            default:
                for (var i = _eventMark; i < Kernel.Events.Count; i++)
                {
                    if (pause.Matches(Kernel.Events[i], Kernel))
                    {
                        _eventMark = Kernel.Events.Count;
                        return true;
                    }
                }

                return false;
        }
    }
}
