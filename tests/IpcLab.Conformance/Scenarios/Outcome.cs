namespace IpcLab.Conformance.Scenarios;

/// <summary>
/// What one side showed for a scenario: its observation lines in order. The model's outcome also
/// carries, for each get, drain and count (by action index), how many messages the queue held ready
/// just before, which the RabbitMQ runner polls for where RabbitMQ settles asynchronously (a dead
/// letter or a requeue on its way), and the program it ran.
/// </summary>
public sealed record Outcome(IReadOnlyList<string> Lines, IReadOnlyDictionary<int, int> ReadyBefore, string Program)
{
    public Outcome(IReadOnlyList<string> lines)
        : this(lines, new Dictionary<int, int>(), "")
    {
    }
}
