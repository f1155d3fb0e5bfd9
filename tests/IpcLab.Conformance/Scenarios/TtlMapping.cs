namespace IpcLab.Conformance.Scenarios;

/// <summary>
/// How a TTL of the model (steps of the kernel clock) is written for RabbitMQ (milliseconds).
/// The suite uses only the two ends where both sides agree without a clock: 1 step is
/// RabbitMQ's 0 ms (the message expires as soon as it is at the head with no consumer waiting;
/// in the model it has expired one step after it entered the queue, and the broker's next step
/// drops it), and <see cref="Long"/> steps is an hour (nothing expires during a scenario).
/// </summary>
public static class TtlMapping
{
    public const int Short = 1;

    public const int Long = 10_000;

    public static int Milliseconds(int steps) => steps switch
    {
        Short => 0,
        Long => 3_600_000,
        _ => throw new ArgumentOutOfRangeException(nameof(steps), steps, $"a scenario's TTL is {Short} (expires at once) or {Long} (never within a scenario)"),
    };
}
