namespace IpcLab.Benchmarks;

/// <summary>
/// The broker benchmark program: 1 publisher, a topic exchange with 4 bindings, 2 queues, 2
/// consumers with manual acks. The keys alternate between "kern.error" (both bindings of `kernel`
/// match it: one copy) and "mail.info" (both of `mail`), so each consumer gets half of the 2,000
/// messages; the broker's capacity of 8 makes the publisher wait for room now and then.
/// </summary>
public static class BrokerScenario
{
    public const string Text = """
        broker rabbit capacity 8
        exchange logs type topic
        bqueue kernel bind logs key "kern.*" bind logs key "*.error"
        bqueue mail bind logs key "mail.#" bind logs key "#.info"

        thread publisher:
            for i in 1..1000:
                publish logs, "kern.error", "disk"
                publish logs, "mail.info", "sent"

        thread kernlog:
            consume kernel, 4
            repeat 1000:
                receive kernel -> line, tag
                ack tag

        thread maillog:
            consume mail, 4
            repeat 1000:
                receive mail -> line, tag
                ack tag
        """;
}
