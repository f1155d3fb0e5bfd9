using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;

namespace IpcLab.Core.Lessons;

/// <summary>
/// A <c>checkpoint</c> block: <c>program:</c> (optional), <c>at:</c>, <c>ask:</c>, <c>answer:</c>,
/// <c>explain:</c> (optional) and <c>concepts:</c>. Every name in it is checked against the program.
/// </summary>
internal static class CheckpointBlock
{
    public static readonly string[] Keys = ["program", "at", "ask", "answer", "explain", "concepts"];

    public static Checkpoint Read(string file, BlockFields fields, int number, IReadOnlyDictionary<string, LessonProgram> programs, IReadOnlyList<string> lessonConcepts)
    {
        var program = LessonParser.ProgramOf(file, fields, programs);
        var at = fields.Required("at");
        var ask = fields.Required("ask");
        var answer = fields.Required("answer");
        return new Checkpoint(
            number,
            program.Name,
            ReadPause(file, at.Value, at.Pos, program.Compiled),
            ask.Value,
            ReadQuestion(file, answer.Value, answer.Pos, program.Compiled),
            fields.Optional("explain")?.Value,
            Concepts(file, fields, lessonConcepts),
            fields.Start);
    }

    /// <summary>The block's concepts, each one of the lesson's.</summary>
    public static IReadOnlyList<string> Concepts(string file, BlockFields fields, IReadOnlyList<string> lessonConcepts)
    {
        var (value, pos) = fields.Required("concepts");
        var concepts = BlockFields.List(value);
        foreach (var c in concepts.Where(c => !lessonConcepts.Contains(c)))
        {
            throw new LessonError(file, pos, $"concept '{c}' is not in the front matter's concepts ({string.Join(", ", lessonConcepts)})");
        }

        return concepts;
    }

    /// <summary>True when some kind of event has this trace name.</summary>
    public static bool IsEventName(string name) => Enum.GetValues<EventKind>().Any(k => EventText.KindName(k) == name);

    private static PausePoint ReadPause(string file, string text, SourcePos pos, CompiledProgram program)
    {
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var bad = new LessonError(file, pos, $"'at: {text}' is not a pause; expected step N, first EVENT [by THREAD] [on OBJECT], line N of THREAD, or end");
        switch (words[0])
        {
            case "end" when words.Length == 1:
                return new PausePoint(PauseKind.End);
            case "step" when words.Length == 2 && int.TryParse(words[1], out var step) && step >= 0:
                return new PausePoint(PauseKind.Step) { Step = step };
            case "line" when words.Length == 4 && words[2] == "of" && int.TryParse(words[1], out var line):
                LessonParser.RequireThread(file, program, words[3], pos);
                var code = program.Threads[program.ThreadIdOf(words[3])].Code;
                if (!code.Any(i => i.Pos.Line == line))
                {
                    throw new LessonError(file, pos, $"{words[3]} never runs line {line}: it runs lines {string.Join(", ", code.Select(i => i.Pos.Line).Distinct().Order())}");
                }

                return new PausePoint(PauseKind.Line) { Line = line, Thread = words[3] };
            case "first" when words.Length is 2 or 4 or 6:
                if (!IsEventName(words[1]))
                {
                    throw new LessonError(file, pos, $"no event is named '{words[1]}' (event names are those of `ipclab run --trace`: acquired, blocked, waiting, put, faulted, ...)");
                }

                var pause = new PausePoint(PauseKind.FirstEvent) { Event = words[1] };
                for (var i = 2; i < words.Length; i += 2)
                {
                    if (words[i] == "by")
                    {
                        LessonParser.RequireThread(file, program, words[i + 1], pos);
                        pause = pause with { Thread = words[i + 1] };
                    }
                    else if (words[i] == "on")
                    {
                        RequireObject(file, program, words[i + 1], pos, "an object");
                        pause = pause with { Object = words[i + 1] };
                    }
                    else
                    {
                        throw bad;
                    }
                }

                return pause;
            default:
                throw bad;
        }
    }

    private static Question ReadQuestion(string file, string text, SourcePos pos, CompiledProgram program)
    {
        var space = text.IndexOf(' ', StringComparison.Ordinal);
        var word = space < 0 ? text : text[..space];
        var subject = space < 0 ? "" : text[(space + 1)..].Trim();
        var subjectPos = new SourcePos(pos.Line, pos.Column + (space < 0 ? 0 : space + 1));
        var kind = Enum.GetValues<QuestionKind>().Where(k => k.ToString().Equals(word, StringComparison.OrdinalIgnoreCase)).Select(k => (QuestionKind?)k).FirstOrDefault()
            ?? throw new LessonError(file, pos, $"'{word}' is not a question; expected holder MUTEX, runnable, waiters OBJECT, contents OBJECT, value VARIABLE, status THREAD, receiver \"MESSAGE\", copies \"MESSAGE\", path \"MESSAGE\", unacked THREAD, owner GROUP PARTITION, committed GROUP PARTITION, nextpoll GROUP THREAD, hwm TOPIC PARTITION or replicas TOPIC PARTITION OFFSET");
        if ((kind == QuestionKind.Runnable) != (subject.Length == 0))
        {
            throw new LessonError(file, subjectPos, kind == QuestionKind.Runnable ? "'runnable' takes nothing after it" : $"'{word}' needs what it asks about after it");
        }

        switch (kind)
        {
            case QuestionKind.Holder:
                RequireObject(file, program, subject, subjectPos, "a mutex", ObjectKind.Mutex);
                break;
            case QuestionKind.Waiters:
                RequireObject(file, program, subject, subjectPos, "a mutex, condition variable or semaphore", ObjectKind.Mutex, ObjectKind.CondVar, ObjectKind.Semaphore);
                break;
            case QuestionKind.Contents:
                RequireObject(file, program, subject, subjectPos, "a queue, message queue, socket or shared-memory segment", ObjectKind.BoundedQueue, ObjectKind.MessageQueue, ObjectKind.DatagramSocket, ObjectKind.StreamSocket, ObjectKind.SharedMemory, ObjectKind.BrokerQueue);
                break;
            case QuestionKind.Value:
                RequireObject(file, program, subject, subjectPos, "a shared variable", ObjectKind.SharedVar);
                break;
            case QuestionKind.Status:
                LessonParser.RequireThread(file, program, subject, subjectPos);
                break;
            case QuestionKind.Receiver or QuestionKind.Copies or QuestionKind.Path:
                if (subject.Length < 2 || subject[0] != '"' || subject[^1] != '"')
                {
                    throw new LessonError(file, subjectPos, $"{word} takes a message in double quotes: {word} \"job 2\"");
                }

                subject = subject[1..^1];
                break;
            case QuestionKind.Unacked:
                LessonParser.RequireThread(file, program, subject, subjectPos);
                break;
            case QuestionKind.Owner or QuestionKind.Committed:
                RequirePartition(file, program, word, subject, subjectPos);
                break;
            case QuestionKind.NextPoll:
                var parts = subject.Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (parts.Length != 2)
                {
                    throw new LessonError(file, subjectPos, "nextpoll takes a consumer group and a thread: nextpoll billing worker-1");
                }

                RequireObject(file, program, parts[0], subjectPos, "a consumer group", ObjectKind.ConsumerGroup);
                LessonParser.RequireThread(file, program, parts[1], subjectPos);
                break;
            case QuestionKind.Hwm or QuestionKind.Replicas:
                ReplicaQuestions.Require(file, program, kind, subject, subjectPos);
                break;
        }

        return new Question(kind, subject, subjectPos);
    }

    private static void RequirePartition(string file, CompiledProgram program, string word, string subject, SourcePos pos)
    {
        var parts = subject.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length != 2 || !int.TryParse(parts[1], System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var partition))
        {
            throw new LessonError(file, pos, $"{word} takes a consumer group and a partition number: {word} billing 0");
        }

        RequireObject(file, program, parts[0], pos, "a consumer group", ObjectKind.ConsumerGroup);
        var group = program.Objects.First(o => o.Name == parts[0]);
        var partitions = group.Capacity;
        if (partition >= partitions)
        {
            throw new LessonError(file, pos, $"{parts[0]} reads a topic of {partitions} partition{(partitions == 1 ? "" : "s")}; partition {partition} is not one of them");
        }
    }

    private static void RequireObject(string file, CompiledProgram program, string name, SourcePos pos, string what, params ObjectKind[] kinds)
    {
        var o = program.Objects.FirstOrDefault(x => x.Name == name)
            ?? throw new LessonError(file, pos, $"no object named '{name}' in the program; its objects are {string.Join(", ", program.Objects.Select(x => x.Name))}");
        if (kinds.Length > 0 && !kinds.Contains(o.Kind))
        {
            throw new LessonError(file, pos, $"'{name}' is a {o.KindWord}; this question asks about {what}");
        }
    }
}
