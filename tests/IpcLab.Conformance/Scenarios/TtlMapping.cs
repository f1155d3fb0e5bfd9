namespace IpcLab.Conformance.Scenarios;

/// <summary>
/// How a TTL of the model (steps of the kernel clock) is written for RabbitMQ (milliseconds).
/// There is no exchange rate between a step and a millisecond, so the suite uses three TTLs and
/// observes them only where both sides agree without a clock:
/// <list type="bullet">
/// <item><see cref="Short"/>, 1 step, is RabbitMQ's 0 ms: the message expires as soon as it is at
/// the head with no consumer waiting; in the model it has expired one step after it entered the
/// queue, and the broker's next step drops it.</item>
/// <item><see cref="Medium"/>, 200 steps, is 4 s: a scenario takes its observations before the
/// expiry within a few actions of the publish (a few dozen steps, a few milliseconds of RabbitMQ,
/// far from either bound), and the ones after it only behind an <see cref="AwaitReady"/>, where
/// the model runs its clock and RabbitMQ is polled until the queue's count has changed.</item>
/// <item><see cref="Long"/>, 10000 steps, is an hour: nothing expires during a scenario.</item>
/// </list>
/// </summary>
public static class TtlMapping
{
    public const int Short = 1;

    public const int Medium = 200;

    public const int Long = 10_000;

    public static int Milliseconds(int steps) => steps switch
    {
        Short => 0,
        Medium => 4_000,
        Long => 3_600_000,
        _ => throw new ArgumentOutOfRangeException(nameof(steps), steps, $"a scenario's TTL is {Short} (expires at once), {Medium} (expires behind an await) or {Long} (never within a scenario)"),
    };
}
