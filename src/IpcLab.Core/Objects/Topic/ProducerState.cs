using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Topic;

/// <summary>A topic's producer cells: their invariants after every step, and the one spelling of them.</summary>
internal static class ProducerState
{
    public static void AssertInvariants(IKernelServices k, ObjectInfo o)
    {
        if (!Producers.TryCells(k, o, out var producers))
        {
            return;
        }

        var cells = TopicModule.CellsOf(k, o);
        var idempotent = TopicSettings.IdempotentProducers(o);
        for (var t = 0; t < k.Program.Threads.Count; t++)
        {
            var last = producers.LastPartition(t);
            var clear = producers.LastOffset(t) == 0 && producers.LastSequence(t) == 0 && !producers.LastHasKey(t) && producers.LastKey(t) == 0 && producers.LastValue(t) == 0;
            var sent = last < cells.Partitions && k.IsValue(o.ValueKind, producers.LastValue(t))
                && (producers.LastHasKey(t) ? k.IsValue(ValueKind.Str, producers.LastKey(t)) : producers.LastKey(t) == 0)
                && (idempotent ? producers.LastSequence(t) >= 0 && producers.LastSequence(t) < producers.NextSequence(t, last) : producers.LastSequence(t) == -1);
            ObjectModule.Require(last < 0 ? last == -1 && clear && producers.LastAcks(t) == ProduceAcks.All : sent && Enum.IsDefined(producers.LastAcks(t)), $"{k.ThreadName(t)}'s last send to topic {o.Name} (partition {last}, sequence {producers.LastSequence(t)}) is not one its produces could leave");
            AssertLoss(k, o, t, producers.Loss(t));
        }

        for (var p = 0; p < cells.Partitions; p++)
        {
            for (var free = cells.End(p); free < cells.Start(p) + cells.Retain; free++)
            {
                ObjectModule.Require(producers.Producer(p, free) == -1 && producers.Sequence(p, free) == 0, $"the free slot for offset {free} of partition {p} of topic {o.Name} keeps a producer stamp");
            }

            for (var offset = cells.Start(p); offset < cells.End(p); offset++)
            {
                var producer = producers.Producer(p, offset);
                var sequence = producers.Sequence(p, offset);
                ObjectModule.Require(
                    idempotent ? producer >= 0 && sequence >= 0 && sequence < producers.NextSequence(producer, p) : producer < 0 && sequence == 0,
                    $"the record at offset {offset} of partition {p} of topic {o.Name} has the producer stamp ({producer}, {sequence}), which its producers' sequence numbers do not account for");
                for (var earlier = cells.Start(p); earlier < offset; earlier++)
                {
                    ObjectModule.Require(!idempotent || producers.Producer(p, earlier) != producer || producers.Sequence(p, earlier) != sequence, $"partition {p} of topic {o.Name} holds sequence {sequence} of producer {producer} twice, at offsets {earlier} and {offset}");
                }
            }
        }

        ProducerSequences.Assert(k, o);
    }

    /// <summary>A reply is lost only on a replicated topic whose producers retry: one still to come is awaited by an acks(all) produce, and a thread whose reply was lost stands at its produce, ready to send again.</summary>
    private static void AssertLoss(IKernelServices k, ObjectInfo o, int t, AckLoss loss)
    {
        var instr = k.HasEnded(t) ? null : k.Program.Threads[t].Code[k.PcOf(t)];
        var waits = Replication.TryCells(k, o, out var replicas) && replicas.WaitingPartition(t) >= 0;
        var atProduce = instr is { Op: OpCode.Produce } && instr.A == o.Id && TopicSettings.RetryingProducers(o) && TopicSettings.IsReplicated(o);
        ObjectModule.Require(
            loss switch
            {
                AckLoss.None => true,
                AckLoss.WillBeLost => atProduce && waits,
                AckLoss.Lost => atProduce && !waits && k.StatusOf(t) != ThreadStatus.Blocked,
                _ => false,
            },
            $"{k.ThreadName(t)}'s reply from topic {o.Name} stands at {loss}, which its produce does not account for");
    }

    /// <summary>"producers [boss last 0 1 seq 1 "job 2" next [2 0]] stamps [[boss 0 boss 1]]", only for a topic with producer cells.</summary>
    public static void WriteState(IKernelServices k, ObjectInfo o, StateWriter w)
    {
        if (!Producers.TryCells(k, o, out var producers))
        {
            return;
        }

        var cells = TopicModule.CellsOf(k, o);
        var threads = k.Program.Threads.Count;
        w.Label("producers");
        w.BeginList(threads);
        for (var t = 0; t < threads; t++)
        {
            if (producers.LastPartition(t) < 0)
            {
                w.Label("sent-nothing");
            }
            else
            {
                w.Label("last");
                w.Int(producers.LastPartition(t));
                w.Int(producers.LastOffset(t));
                w.Int(producers.LastSequence(t));
                w.Int(producers.LastHasKey(t) ? producers.LastKey(t) : -1);
                w.Value(o.ValueKind, producers.LastValue(t));
            }

            if (TopicSettings.IsReplicated(o))
            {
                w.Label("acks");
                w.Int((long)producers.LastAcks(t));
                w.Label("reply");
                w.Int((long)producers.Loss(t));
            }

            w.Label("next");
            w.BeginList(cells.Partitions);
            for (var p = 0; p < cells.Partitions; p++)
            {
                w.Int(producers.NextSequence(t, p));
            }

            w.EndList();
        }

        w.EndList();
        w.Label("stamps");
        w.BeginList(cells.Partitions);
        for (var p = 0; p < cells.Partitions; p++)
        {
            w.BeginList(cells.Retained(p));
            for (var offset = cells.Start(p); offset < cells.End(p); offset++)
            {
                w.Int(producers.Producer(p, offset));
                w.Int(producers.Sequence(p, offset));
            }

            w.EndList();
        }

        w.EndList();
        ProducerSequences.Write(k, o, w);
    }
}
