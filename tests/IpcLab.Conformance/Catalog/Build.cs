using IpcLab.Conformance.Scenarios;

namespace IpcLab.Conformance.Catalog;

/// <summary>Short spellings for writing scenarios as data.</summary>
public static class Build
{
    public static QueueDecl Queue(string name, params (string Exchange, string Key)[] bindings) => new(name) { Bindings = bindings };

    public static Publish Pub(string exchange, string key, string body, string channel = "p") => new(channel, exchange, key, body);

    public static Get Get(string queue, string name, string channel = "c") => new(channel, queue, name);

    public static Settle Ack(string name, string channel = "c") => new(channel, name, Settlement.Ack);

    public static Settle Nack(string name, bool requeue = true, string channel = "c") => new(channel, name, requeue ? Settlement.NackRequeue : Settlement.NackDiscard);

    public static Settle Reject(string name, bool requeue = true, string channel = "c") => new(channel, name, requeue ? Settlement.RejectRequeue : Settlement.RejectDiscard);

    public static Count Count(string queue) => new("obs", queue);

    public static Drain Drain(string queue) => new("obs", queue);
}
