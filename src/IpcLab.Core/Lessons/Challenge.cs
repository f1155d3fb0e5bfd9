using IpcLab.Core.Checking;
using IpcLab.Core.Script;

namespace IpcLab.Core.Lessons;

/// <summary>
/// A goal the kernel judges: reach a state as the scheduler (<see cref="ChallengeKind.Reach"/>),
/// fix the program until check finds nothing (<see cref="ChallengeKind.Fix"/>), or change it until
/// its delivery guarantee is the one asked (<see cref="ChallengeKind.Guarantee"/>). The lesson
/// stores a solution that proves the challenge can be met; <c>ipclab lesson ID --check</c> replays it.
/// </summary>
/// <param name="Number">1-based, in the order of the lesson.</param>
/// <param name="Program">The name of the program the challenge is about.</param>
/// <param name="Task">What the student is asked to do, in words.</param>
/// <param name="Goal">For a reach challenge, the state to reach; null for a fix.</param>
/// <param name="Within">For a reach challenge, the most steps the schedule may take.</param>
/// <param name="Runs">For a fix, how many seeded schedules check must pass; for a guarantee, how many runs with crashes judge it.</param>
/// <param name="Solution">A reach challenge's schedule (thread names); empty for a fix or a guarantee.</param>
/// <param name="SolutionFile">A fix's or a guarantee's stored changed program (a path relative to the lesson); null for a reach.</param>
/// <param name="Hints">Hints, opened one at a time.</param>
/// <param name="Concepts">The concepts this challenge exercises.</param>
public sealed record Challenge(
    int Number,
    string Program,
    ChallengeKind Kind,
    string Task,
    ReachGoal? Goal,
    int Within,
    int Runs,
    IReadOnlyList<string> Solution,
    string? SolutionFile,
    IReadOnlyList<string> Hints,
    IReadOnlyList<string> Concepts,
    SourcePos Pos)
{
    /// <summary>The default step limit of a reach challenge.</summary>
    public const int DefaultWithin = 200;

    /// <summary>The default number of schedules a fix must pass.</summary>
    public const int DefaultRuns = 1000;

    /// <summary>For a guarantee challenge, the delivery guarantee asked for.</summary>
    public GuaranteeKind Promise { get; init; }

    /// <summary>True when the student answers with a changed program (a fix or a guarantee), false for a schedule.</summary>
    public bool ChangesProgram => Kind != ChallengeKind.Reach;

    /// <summary>The goal in the words of the lesson format.</summary>
    public string GoalText => Kind switch
    {
        ChallengeKind.Fix => $"fix: check finds nothing in {Runs} schedules",
        ChallengeKind.Guarantee => $"guarantee: check --guarantee judges it {GuaranteeWords.Of(Promise)} over {Runs} runs with crashes",
        _ => $"reach {Goal} in at most {Within} steps",
    };

    /// <summary>What judges a changed program, for the student: "check runs it over 1000 schedules".</summary>
    public string JudgedBy => Kind == ChallengeKind.Guarantee
        ? $"check --guarantee runs it {Runs} times with a crash injected and must find it {GuaranteeWords.Of(Promise)}"
        : $"check runs it over {Runs} schedules";
}
