using IpcLab.Core.Runtime;
using IpcLab.Core.Scheduling;

namespace IpcLab.Core.Lessons;

/// <summary>The schedule of a lesson's program run; the run is the same every time.</summary>
public sealed record ScheduleSpec(ScheduleKind Kind, ulong Seed, IReadOnlyList<string> Threads)
{
    public static ScheduleSpec RoundRobin { get; } = new(ScheduleKind.RoundRobin, 0, []);

    /// <summary>Reads <c>round-robin</c>, <c>seed:N</c> or <c>T1,T2,...</c>; null when it is none of them.</summary>
    public static ScheduleSpec? Parse(string text)
    {
        if (text == "round-robin")
        {
            return RoundRobin;
        }

        if (text.StartsWith("seed:", StringComparison.Ordinal))
        {
            return ulong.TryParse(text.AsSpan(5), out var seed) ? new ScheduleSpec(ScheduleKind.Seed, seed, []) : null;
        }

        var names = text.Split(',');
        return names.All(n => n.Length > 0) ? new ScheduleSpec(ScheduleKind.Threads, 0, names) : null;
    }

    /// <summary>The scheduler for the steps after the named threads (all of them for round-robin and seeds).</summary>
    public IScheduler CreateScheduler() =>
        Kind == ScheduleKind.Seed ? new RandomScheduler(Seed) : new RoundRobinScheduler();

    public override string ToString() => Kind switch
    {
        ScheduleKind.Seed => $"random (seed {Seed})",
        ScheduleKind.Threads => $"{string.Join(", ", Threads)}, then round-robin",
        _ => "round-robin",
    };
}
