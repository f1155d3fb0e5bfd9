using IpcLab.Core.Model;
using IpcLab.Core.Script;

namespace IpcLab.Core.Objects.Topic;

/// <summary>
/// What the compiler does for a replicated topic: reads <c>replicas</c> and <c>minisr</c> from its
/// declaration, and adds one broker process per replica, <c>orders-1</c>, <c>orders-2</c>, …, each
/// with one daemon thread of that name whose program is one fetch that loops. Replica r of every
/// partition lives there, so crashing that process (injected, or by the guarantee checker) crashes
/// those replicas. Replica 1 leads every partition at the start.
/// </summary>
internal static class ReplicaTopology
{
    /// <summary>The replicas and min.insync.replicas of a topic declaration (1 and 1 when not said).</summary>
    public static (int Replicas, int MinInSync) Declare(Declaration d, bool compact)
    {
        var replicas = d.Number("replicas", 1, TopicModule.MaxReplicas, $"a topic has from 1 to {TopicModule.MaxReplicas} replicas per partition");
        var minInSync = d.Number("minisr", 1, replicas, $"min.insync.replicas (`minisr`) is a whole number from 1 to the topic's replicas ({replicas})");
        if (replicas == 1)
        {
            return (1, minInSync);
        }

        if (d.Process >= 0)
        {
            throw d.Error(d.Item.Name.Pos, $"declare {d.Name} at top level: its replicas live on broker processes of their own, reached by every client");
        }

        if (compact)
        {
            throw d.Error(d.Option("cleanup")!.Value.Pos, "a replicated topic does not support `cleanup compact` yet: a truncation on a leader's crash would have to undo it; leave `replicas` out, or this option");
        }

        return (replicas, minInSync);
    }

    /// <summary>The topic's <c>replicalag</c> (0 when not said), which only a replicated topic may have.</summary>
    public static int DeclareLag(Declaration d, int replicas)
    {
        var lag = d.Number("replicalag", 0, MaxReplicaLag, $"`replicalag` is a whole number of the leader's appends from 1 to {MaxReplicaLag}");
        if (lag > 0 && replicas == 1)
        {
            throw d.Error(d.Option("replicalag")!.Value.Pos, $"`replicalag` says when a follower leaves the ISR, and {d.Name} has none: add `replicas 2` or more");
        }

        return lag;
    }

    /// <summary>At most this many of the leader's appends for <c>replicalag</c>.</summary>
    public const int MaxReplicaLag = 100;

    /// <summary>Adds each replicated topic's broker processes and their threads, after every thread of the program.</summary>
    public static void AddProcesses(string file, IReadOnlyList<ObjectInfo> objects, List<(string Name, SourcePos Pos)> processes,
        Dictionary<string, int> processIds, List<ThreadInfo> threads)
    {
        foreach (var topic in objects.Where(o => o.Kind == ObjectKind.Topic && TopicSettings.IsReplicated(o)))
        {
            for (var r = 0; r < TopicSettings.ReplicasOf(topic); r++)
            {
                var name = Replication.NameOf(topic, r);
                if (processIds.ContainsKey(name) || threads.Any(t => t.Name == name))
                {
                    throw new ScriptError(file, topic.Pos, $"replica {r + 1} of {topic.Name} runs as a broker process and a thread named {name}, and the name is taken: call one of them differently");
                }

                var process = processes.Count;
                processes.Add((name, topic.Pos));
                processIds.Add(name, process);
                var fetch = new Instr { Op = OpCode.ReplicaFetch, Pos = topic.Pos, A = topic.Id, B = r, Text = $"{name}'s next fetch", Next = 0 };
                threads.Add(new ThreadInfo(threads.Count, name, name, 1, process, [fetch], []));
            }
        }
    }
}
