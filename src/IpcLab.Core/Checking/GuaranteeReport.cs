namespace IpcLab.Core.Checking;

/// <summary>The outcome of <see cref="GuaranteeChecker.Check"/>: the guarantee shown, the counts behind it, and the shortest bad run.</summary>
/// <param name="Runs">Runs made with a crash injected (one per seed; a program with no crash point gets none).</param>
/// <param name="CrashPoints">Crash points passed by the crash-free runs, summed: how many places a crash could go.</param>
/// <param name="Lost">Messages lost, summed over the runs.</param>
/// <param name="Duplicated">Messages handled more than once, summed over the runs.</param>
/// <param name="RunsLosing">Runs that lost at least one message.</param>
/// <param name="RunsDuplicating">Runs that handled at least one message twice.</param>
/// <param name="Messages">Each judged message and what became of it, in the order of their values (as the report writes them).</param>
/// <param name="Shortest">The shortest run that lost or duplicated, or null.</param>
/// <param name="Shrunk">That run made shorter while it still goes wrong the same way, or null.</param>
public sealed record GuaranteeReport(
    int Runs,
    long CrashPoints,
    int Lost,
    int Duplicated,
    int RunsLosing,
    int RunsDuplicating,
    IReadOnlyList<MessageOutcome> Messages,
    GuaranteeRun? Shortest,
    GuaranteeRun? Shrunk)
{
    /// <summary>The kinds of crash point the crash-free runs passed: where the faults could go.</summary>
    public CrashPointKind PointKinds { get; init; }

    public GuaranteeKind Kind => (Lost > 0, Duplicated > 0) switch
    {
        (false, false) => GuaranteeKind.ExactlyOnce,
        (false, true) => GuaranteeKind.AtLeastOnce,
        (true, false) => GuaranteeKind.AtMostOnce,
        _ => GuaranteeKind.None,
    };

    /// <summary>"at-least-once: 0 lost, 41 duplicated in 1000 runs with crashes".</summary>
    public string Verdict => $"{KindWord}: {Lost} lost, {Duplicated} duplicated in {Runs} runs with crashes";

    public string KindWord => GuaranteeWords.Of(Kind);
}
