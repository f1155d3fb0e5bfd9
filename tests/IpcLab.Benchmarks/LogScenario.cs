namespace IpcLab.Benchmarks;

/// <summary>The retained log under load, for <see cref="KernelStepBenchmarks"/> ("log").</summary>
public static class LogScenario
{
    /// <summary>
    /// A topic of 3 partitions, 2 producers of 6,000 records each (no key: the partitions in turn),
    /// a consumer group of 2 (range assignment: the first reads partitions 0 and 1, the second
    /// partition 2) that commits after every record. Both producers start once both consumers
    /// have subscribed, so the assignment never changes; `room` keeps the records not yet read
    /// under the retention, so none is deleted unread and every run completes.
    /// </summary>
    public const string Text = """
        topic orders partitions 3 retain 64
        consumers billing on orders
        semaphore joinedA, joinedB
        semaphore room = 48

        thread producer * 2:
            P joinedA
            P joinedB
            for i in 1..6000:
                P room
                produce orders, i

        thread consumerA:
            subscribe billing
            V joinedA
            V joinedA
            repeat 8000:
                poll billing -> order
                commit billing
                V room

        thread consumerB:
            subscribe billing
            V joinedB
            V joinedB
            repeat 4000:
                poll billing -> order
                commit billing
                V room
        """;
}
