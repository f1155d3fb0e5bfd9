using System.Text;
using IpcLab.Conformance.Scenarios;
using RabbitMQ.Client;

namespace IpcLab.Conformance.Rabbit;

/// <summary>
/// Reads RabbitMQ's x-death header (newest first) into the suite's spelling, names without the run's
/// prefix (routing keys too: a key sent to the default exchange is a queue's name, which carries it).
/// </summary>
public static class XDeath
{
    public static IReadOnlyList<DeathSeen> Read(IReadOnlyBasicProperties properties, string prefix)
    {
        if (properties.Headers?.TryGetValue("x-death", out var value) != true || value is not IList<object> entries)
        {
            return [];
        }

        return [.. entries.Cast<IDictionary<string, object>>().Select(e => new DeathSeen(
            Unprefixed(Text(e["queue"]), prefix),
            Text(e["reason"]),
            (long)e["count"],
            Unprefixed(Text(e["exchange"]), prefix),
            string.Join(",", ((IList<object>)e["routing-keys"]).Select(k => Unprefixed(Text(k), prefix)))))];
    }

    private static string Text(object value) => value is byte[] bytes ? Encoding.UTF8.GetString(bytes) : value.ToString() ?? "";

    private static string Unprefixed(string name, string prefix) => name.StartsWith(prefix, StringComparison.Ordinal) ? name[prefix.Length..] : name;
}
