using IpcLab.Core.Model;
using IpcLab.Core.Objects.Topic;
using IpcLab.Core.Script;

namespace IpcLab.Core.Lessons;

/// <summary>The checks of a replication question's subject: <c>hwm orders 0</c>, <c>replicas orders 0 2</c>.</summary>
internal static class ReplicaQuestions
{
    public static void Require(string file, CompiledProgram program, QuestionKind kind, string subject, SourcePos pos)
    {
        var usage = kind == QuestionKind.Hwm ? "hwm takes a replicated topic and a partition number: hwm orders 0" : "replicas takes a replicated topic, a partition number and an offset: replicas orders 0 2";
        var parts = subject.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var numbers = parts.Skip(1).Select(n => int.TryParse(n, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var v) ? v : -1).ToArray();
        if (parts.Length != (kind == QuestionKind.Hwm ? 2 : 3) || numbers.Any(n => n < 0))
        {
            throw new LessonError(file, pos, usage);
        }

        var topic = program.Objects.FirstOrDefault(o => o.Name == parts[0] && o.Kind == ObjectKind.Topic && TopicSettings.IsReplicated(o))
            ?? throw new LessonError(file, pos, $"{parts[0]} is not a replicated topic of the program (declare it with `replicas 2` or more)");
        if (numbers[0] >= TopicSettings.PartitionsOf(topic))
        {
            throw new LessonError(file, pos, $"{topic.Name} has {TopicSettings.PartitionsOf(topic)} partition{(TopicSettings.PartitionsOf(topic) == 1 ? "" : "s")}; partition {numbers[0]} is not one of them");
        }
    }
}
