using IpcLab.Core.Runtime;

namespace IpcLab.Core.Lessons;

/// <summary>The state a reach challenge asks for (see <see cref="GoalKind"/>).</summary>
public sealed record ReachGoal(GoalKind Kind)
{
    /// <summary>How many threads must be in the lines at once (<see cref="GoalKind.Together"/>).</summary>
    public int Threads { get; init; }

    public int FromLine { get; init; }

    public int ToLine { get; init; }

    /// <summary>The event's trace name; any kind of that name meets the goal.</summary>
    public string Event { get; init; } = "";

    public FindingKind Finding { get; init; }

    /// <summary>The goal in the words of the lesson format.</summary>
    public override string ToString() => Kind switch
    {
        GoalKind.Together => $"{Threads} threads in lines {FromLine}-{ToLine}",
        GoalKind.Event => $"event {Event}",
        _ => $"finding {FindingWords.NameOf(Finding)}",
    };

    /// <summary>True when the kernel's state or its history so far meets the goal.</summary>
    public bool IsMet(Kernel kernel)
    {
        switch (Kind)
        {
            case GoalKind.Together:
                var inside = 0;
                for (var t = 0; t < kernel.Layout.ThreadCount; t++)
                {
                    if (!kernel.HasEnded(t) && kernel.NextInstruction(t) is { } instr && instr.Pos.Line >= FromLine && instr.Pos.Line <= ToLine)
                    {
                        inside++;
                    }
                }

                return inside >= Threads;
            case GoalKind.Event:
                return kernel.Events.Any(e => EventText.KindName(e.Kind) == Event);
            default:
                return kernel.Findings.Any(f => FindingWords.Same(f.Kind, Finding));
        }
    }
}
