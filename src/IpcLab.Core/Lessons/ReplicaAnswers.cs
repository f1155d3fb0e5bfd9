using System.Globalization;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Lessons;

/// <summary>The answers about a replicated topic, read from its replicas at the pause: the high-water mark, and which replicas hold an offset.</summary>
internal static class ReplicaAnswers
{
    public static Answer Compute(Kernel k, Question q)
    {
        var parts = q.Subject.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var topic = k.Program.Objects.First(o => o.Name == parts[0]);
        var p = int.Parse(parts[1], CultureInfo.InvariantCulture);
        var replica = k.TopicReplicas(topic.Id)[p];
        var ends = string.Join(", ", replica.LogEnds.Select((end, r) => $"{topic.Name}-{r + 1} {(replica.InSync[r] ? "" : "(down) ")}ends at {end}"));
        if (q.Kind == QuestionKind.Hwm)
        {
            var mark = replica.HighWaterMark.ToString(CultureInfo.InvariantCulture);
            return new Answer([mark], false, mark, $"the high-water mark is the lowest log end among the in-sync replicas ({ends}): consumers read partition {p} below offset {mark}");
        }

        var offset = long.Parse(parts[2], CultureInfo.InvariantCulture);
        var holders = Enumerable.Range(0, replica.LogEnds.Length).Where(r => replica.InSync[r] && replica.LogEnds[r] > offset).Select(r => $"{topic.Name}-{r + 1}").ToArray();
        var text = holders.Length == 0 ? "none" : string.Join(", ", holders);
        return new Answer(holders, false, text, $"a live replica holds offset {offset} when its log ends past it ({ends}; a replica that is down holds nothing any more); the high-water mark is {replica.HighWaterMark}");
    }
}
