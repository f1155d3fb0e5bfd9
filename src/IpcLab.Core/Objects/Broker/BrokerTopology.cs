using IpcLab.Core.Model;
using IpcLab.Core.Objects.Exchange;
using IpcLab.Core.Script;

namespace IpcLab.Core.Objects.Broker;

/// <summary>
/// What the compiler does for a broker once every object is declared: checks there is one broker
/// for the exchanges and queues, gathers the bindings the queues declared into their exchanges'
/// routing tables (errors at the binding's position), and adds the broker's own process and thread.
/// </summary>
internal static class BrokerTopology
{
    /// <summary>A true/false option (<c>durable true</c>), false when absent.</summary>
    public static bool Flag(Declaration d, string key) => d.Option(key) switch
    {
        null => false,
        { Value: BoolLit b } => b.Value,
        var o => throw d.Error(o.Value.Pos, $"`{key}` is true or false"),
    };

    /// <summary>
    /// Checks and completes the broker's objects; <paramref name="defaultExchange"/> adds the default
    /// exchange (when some thread publishes to it and there is a broker), last, so no id moves.
    /// </summary>
    public static ObjectInfo[] Resolve(string file, ObjectInfo[] objects, bool defaultExchange = false)
    {
        var brokers = objects.Where(o => o.Kind == ObjectKind.Broker).ToArray();
        if (brokers.Length > 1)
        {
            throw new ScriptError(file, brokers[1].Pos, $"one broker per program (already declared {brokers[0].Name} at line {brokers[0].Pos.Line})");
        }

        if (brokers.Length == 1 && brokers[0].Process >= 0)
        {
            throw new ScriptError(file, brokers[0].Pos, $"declare {brokers[0].Name} at top level: the broker is a process of its own, reached by every client");
        }

        // A dead-letter or alternate exchange "" is the default exchange too.
        defaultExchange |= objects.Any(o => o.DeadLetter?.Exchange == "" || o.Alternate?.Exchange == "");
        if (defaultExchange && brokers.Length == 1)
        {
            objects = [.. objects, DefaultExchange.Create(objects, brokers[0])];
        }

        var parts = objects.Where(o => o.Kind is ObjectKind.Exchange or ObjectKind.BrokerQueue).ToArray();
        if (parts.Length == 0)
        {
            return objects;
        }

        if (brokers.Length == 0)
        {
            throw new ScriptError(file, parts[0].Pos, $"{parts[0].Name} is {(parts[0].Kind == ObjectKind.Exchange ? "an exchange" : "a broker queue")}, part of a broker: declare one first, e.g. `broker rabbit capacity 16`");
        }

        var broker = brokers[0];
        if (broker.Process >= 0 || parts.Any(p => p.Process >= 0))
        {
            var inside = broker.Process >= 0 ? broker : parts.First(p => p.Process >= 0);
            throw new ScriptError(file, inside.Pos, $"declare {inside.Name} at top level: the broker is a process of its own, reached by every client");
        }

        var exchanges = objects.Where(o => o.Kind == ObjectKind.Exchange).ToDictionary(o => o.Name, StringComparer.Ordinal);
        var tables = exchanges.Values.ToDictionary(x => x.Name, x => x.Bindings.ToList(), StringComparer.Ordinal);
        if (tables.TryGetValue(DefaultExchange.Name, out var byName) && byName.Count > 62)
        {
            throw new ScriptError(file, byName[62].Pos, "the default exchange (\"\") binds every queue by its name, and it holds at most 62 bindings: declare at most 62 broker queues");
        }

        foreach (var queue in objects.Where(o => o.Kind == ObjectKind.BrokerQueue))
        {
            foreach (var b in queue.Bindings)
            {
                if (!tables.TryGetValue(b.Exchange, out var table))
                {
                    var what = objects.FirstOrDefault(o => o.Name == b.Exchange) is { } other ? $"{b.Exchange} is not an exchange (it is declared at line {other.Pos.Line})" : $"unknown exchange '{b.Exchange}'";
                    throw new ScriptError(file, b.Pos, $"{what}; declare it first, e.g. `exchange {b.Exchange} type direct`");
                }

                if (table.Count == 62)
                {
                    throw new ScriptError(file, b.Pos, $"at most 62 bindings per exchange");
                }

                table.Add(b);
            }
        }

        // Room in each message for one death-history entry per (queue, reason) it could die for: a
        // queue with a dead-letter exchange can reject and expire (a message may carry its own
        // TTL), and dead-letter for its maximum length and its delivery limit when it has them.
        var deathEntries = objects.Where(o => o.Kind == ObjectKind.BrokerQueue && o.DeadLetter is not null)
            .Sum(q => 2 + (BrokerParts.MaxLengthOf(q) > 0 ? 1 : 0) + (q.DeliveryLimit > 0 ? 1 : 0));
        var alternates = exchanges.Values.ToDictionary(x => x.Name, x => x.Alternate is { } a ? ExchangeId(file, objects, exchanges, a.Exchange, a.Pos, "an alternate exchange") : -1, StringComparer.Ordinal);
        return [.. objects.Select(o => o.Kind switch
        {
            ObjectKind.Broker => o with { Initial = deathEntries },
            // An exchange's capacity is how many queues one message can be copied to (at least the
            // one slot it takes in the inbox), through its alternate exchanges too: a publish waits
            // until the broker has that much room.
            ObjectKind.Exchange => o with
            {
                Bindings = tables[o.Name],
                // The default exchange's keys are the queues' names, all different: one copy at most.
                Capacity = o.Name == DefaultExchange.Name ? 1 : CopiesThrough(o.Name, objects, tables, alternates),
                Initial = BrokerParts.Settings(o.Initial, broker.Id),
                Alternate = o.Alternate is { } a ? a with { ExchangeId = alternates[o.Name] } : null,
            },
            ObjectKind.BrokerQueue => o with
            {
                Capacity = broker.Capacity,
                Initial = BrokerParts.Settings(o.Initial, broker.Id),
                DeadLetter = o.DeadLetter is { } dl ? dl with { ExchangeId = ExchangeId(file, objects, exchanges, dl.Exchange, dl.Pos, "a dead-letter exchange") } : null,
            },
            _ => o,
        })];
    }

    /// <summary>The most copies one message published to the exchange can become: its own bound queues, or those of an alternate exchange down its chain.</summary>
    private static int CopiesThrough(string name, ObjectInfo[] objects, Dictionary<string, List<Binding>> tables, Dictionary<string, int> alternates)
    {
        var most = 1;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var x = name; x is not null && seen.Add(x); x = alternates[x] is var next and >= 0 ? objects[next].Name : null)
        {
            // The default exchange's keys are the queues' names, all different: one copy at most.
            most = Math.Max(most, x == DefaultExchange.Name ? 1 : tables[x].Select(b => b.Queue).Distinct().Count());
        }

        return most;
    }

    private static int ExchangeId(string file, ObjectInfo[] objects, Dictionary<string, ObjectInfo> exchanges, string name, SourcePos pos, string role)
    {
        if (exchanges.TryGetValue(name.Length == 0 ? DefaultExchange.Name : name, out var exchange))
        {
            return exchange.Id;
        }

        var what = objects.FirstOrDefault(o => o.Name == name) is { } other ? $"{name} is not an exchange (it is declared at line {other.Pos.Line})" : $"unknown exchange '{name}'";
        throw new ScriptError(file, pos, $"{what}: {role} is an exchange, e.g. `exchange {name} type direct`");
    }

    /// <summary>Adds the broker's process and its one thread, both named as the broker; its program is one instruction that loops.</summary>
    public static void AddProcess(string file, IReadOnlyList<ObjectInfo> objects, List<(string Name, SourcePos Pos)> processes,
        Dictionary<string, int> processIds, List<ThreadInfo> threads)
    {
        if (objects.FirstOrDefault(o => o.Kind == ObjectKind.Broker) is not { } broker)
        {
            return;
        }

        if (processIds.ContainsKey(broker.Name) || threads.Any(t => t.Name == broker.Name))
        {
            throw new ScriptError(file, broker.Pos, $"the broker {broker.Name} runs as a process and a thread of that name, and the name is taken: call one of them differently");
        }

        var process = processes.Count;
        processes.Add((broker.Name, broker.Pos));
        processIds.Add(broker.Name, process);
        var work = new Instr { Op = OpCode.BrokerWork, Pos = broker.Pos, A = broker.Id, Text = $"{broker.Name}'s next action", Next = 0 };
        threads.Add(new ThreadInfo(threads.Count, broker.Name, broker.Name, 1, process, [work], []));
    }
}
