using IpcLab.Core.Runtime;

namespace IpcLab.Core.Lessons;

/// <summary>The names a lesson gives the kinds of finding in <c>goal: reach finding KIND</c>.</summary>
public static class FindingWords
{
    private static readonly (string Name, FindingKind Kind)[] Names =
    [
        ("deadlock", FindingKind.Deadlock),
        ("fault", FindingKind.Fault),
        ("assert", FindingKind.AssertionFailed),
        ("check", FindingKind.ExpectFailed),
        ("budget", FindingKind.StepBudget),
    ];

    public static IEnumerable<string> All => Names.Select(n => n.Name);

    public static FindingKind? Parse(string name) =>
        Names.Where(n => n.Name == name).Select(n => (FindingKind?)n.Kind).FirstOrDefault();

    public static string NameOf(FindingKind kind) =>
        Names.Where(n => Same(kind, n.Kind)).Select(n => n.Name).FirstOrDefault() ?? kind.ToString().ToLowerInvariant();

    /// <summary>A deadlock found as a cycle counts as a deadlock.</summary>
    public static bool Same(FindingKind found, FindingKind wanted) =>
        found == wanted || (wanted == FindingKind.Deadlock && found == FindingKind.DeadlockCycle);
}
