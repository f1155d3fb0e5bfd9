using System.Text;
using System.Text.Json;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Persistence;

/// <summary>
/// A run as a file: the scenario (the script text and its file name), the schedule (every choice,
/// by thread name) and, for checking, the events' sentences. Replaying the schedule on the
/// scenario reproduces the run event for event.
/// </summary>
public sealed record SavedRun(string ScriptFile, string Script, string Scheduler, IReadOnlyList<SavedEntry> Schedule, IReadOnlyList<string> Events)
{
    public const string Format = "ipclab-run/1";

    public static SavedRun From(Kernel kernel, string scheduler)
    {
        var program = kernel.Program;
        var entries = kernel.Schedule.Select(e => new SavedEntry(
            e.Kind,
            e.Kind == ScheduleEntryKind.ProcessCrash ? program.Processes[e.Thread].Name : program.Threads[e.Thread].Name,
            e.Woken >= 0 ? program.Threads[e.Woken].Name : null)).ToArray();
        var events = kernel.Events.Select(e => EventText.Describe(e, program, kernel.Strings)).ToArray();
        return new SavedRun(program.File, program.Source, scheduler, entries, events);
    }

    /// <summary>The schedule with thread names resolved against a compiled program.</summary>
    public IReadOnlyList<ScheduleEntry> ResolveSchedule(CompiledProgram program, string file)
    {
        var result = new ScheduleEntry[Schedule.Count];
        for (var i = 0; i < Schedule.Count; i++)
        {
            var e = Schedule[i];
            if (e.Kind == ScheduleEntryKind.ProcessCrash)
            {
                var process = program.Processes.FirstOrDefault(p => p.Name == e.Thread)
                    ?? throw new SavedRunException($"{file}: schedule entry {i + 1} crashes process '{e.Thread}', which the scenario does not have");
                result[i] = new ScheduleEntry(e.Kind, process.Id);
                continue;
            }

            var thread = program.ThreadIdOf(e.Thread);
            if (thread < 0)
            {
                throw new SavedRunException($"{file}: schedule entry {i + 1} names thread '{e.Thread}', which the scenario does not have");
            }

            var woken = -1;
            if (e.Wakes is not null && (woken = program.ThreadIdOf(e.Wakes)) < 0)
            {
                throw new SavedRunException($"{file}: schedule entry {i + 1} wakes thread '{e.Wakes}', which the scenario does not have");
            }

            result[i] = new ScheduleEntry(e.Kind, thread, woken);
        }

        return result;
    }

    public string ToJson()
    {
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
        {
            w.WriteStartObject();
            w.WriteString("format", Format);
            w.WriteString("scriptFile", ScriptFile);
            w.WriteString("scheduler", Scheduler);
            w.WriteNumber("steps", Schedule.Count);
            w.WriteString("script", Script);
            w.WriteStartArray("schedule");
            foreach (var e in Schedule)
            {
                w.WriteStartObject();
                w.WriteString(KindKey(e.Kind), e.Thread);
                if (e.Wakes is not null)
                {
                    w.WriteString("wakes", e.Wakes);
                }

                w.WriteEndObject();
            }

            w.WriteEndArray();
            w.WriteStartArray("events");
            foreach (var text in Events)
            {
                w.WriteStringValue(text);
            }

            w.WriteEndArray();
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray()) + "\n";
    }

    /// <summary>Reads a saved run; any problem is a <see cref="SavedRunException"/> naming the file and position.</summary>
    public static SavedRun Parse(string file, string json)
    {
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new SavedRunException($"{file}:{(e.LineNumber ?? 0) + 1}:{(e.BytePositionInLine ?? 0) + 1}: not valid JSON: {e.Message.Split(" Path:")[0]}");
        }

        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new SavedRunException($"{file}: a saved run is a JSON object");
            }

            var format = Str(file, root, "format");
            if (format != Format)
            {
                throw new SavedRunException($"{file}: unknown format '{format}' (expected '{Format}')");
            }

            var schedule = new List<SavedEntry>();
            foreach (var item in Array(file, root, "schedule").EnumerateArray())
            {
                schedule.Add(ParseEntry(file, item, schedule.Count + 1));
            }

            var scheduler = root.TryGetProperty("scheduler", out var s) && s.ValueKind == JsonValueKind.String
                ? Text(file, s, "the field \"scheduler\"")
                : "replay";
            return new SavedRun(Str(file, root, "scriptFile"), Str(file, root, "script"), scheduler, schedule, EventTexts(file, root));
        }
    }

    /// <summary>The sentences of the events, when the run carries them (an old run may not).</summary>
    private static string[] EventTexts(string file, JsonElement root)
    {
        if (!root.TryGetProperty("events", out var events))
        {
            return [];
        }

        if (events.ValueKind != JsonValueKind.Array)
        {
            throw new SavedRunException($"{file}: the field \"events\" is not an array of sentences");
        }

        var texts = new List<string>();
        foreach (var item in events.EnumerateArray())
        {
            var where = $"\"events\" item {texts.Count + 1}";
            texts.Add(item.ValueKind == JsonValueKind.String
                ? Text(file, item, where)
                : throw new SavedRunException($"{file}: {where} is not a string (each item is the sentence of one event)"));
        }

        return [.. texts];
    }

    private static SavedEntry ParseEntry(string file, JsonElement item, int number)
    {
        if (item.ValueKind != JsonValueKind.Object)
        {
            throw new SavedRunException($"{file}: schedule entry {number} is not an object like {{\"run\": \"producer-1\"}}");
        }

        foreach (var kind in Enum.GetValues<ScheduleEntryKind>())
        {
            if (item.TryGetProperty(KindKey(kind), out var thread) && thread.ValueKind == JsonValueKind.String)
            {
                var wakes = item.TryGetProperty("wakes", out var w) && w.ValueKind == JsonValueKind.String
                    ? Text(file, w, $"schedule entry {number} (\"wakes\")")
                    : null;
                return new SavedEntry(kind, Text(file, thread, $"schedule entry {number} (\"{KindKey(kind)}\")"), wakes);
            }
        }

        throw new SavedRunException($"{file}: schedule entry {number} has none of \"run\", \"spurious\", \"crash\", \"lost-ack\" with a thread name, or \"crash-process\" with a process name");
    }

    private static string KindKey(ScheduleEntryKind kind) => kind switch
    {
        ScheduleEntryKind.SpuriousWakeup => "spurious",
        ScheduleEntryKind.Crash => "crash",
        ScheduleEntryKind.ProcessCrash => "crash-process",
        ScheduleEntryKind.LostAck => "lost-ack",
        _ => "run",
    };

    private static string Str(string file, JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String
            ? Text(file, v, $"the field \"{name}\"")
            : throw new SavedRunException($"{file}: missing the string field \"{name}\"");

    /// <summary>
    /// A JSON string as text. JSON may escape half of a UTF-16 pair alone ("\ud800"), which is no
    /// character: reading it fails, and the run names where.
    /// </summary>
    private static string Text(string file, JsonElement value, string where)
    {
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException)
        {
            throw new SavedRunException($"{file}: {where} is not valid text (it holds a lone surrogate, half of a UTF-16 pair, such as \\ud800)");
        }
    }

    private static JsonElement Array(string file, JsonElement root, string name) =>
        root.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array
            ? v
            : throw new SavedRunException($"{file}: missing the array field \"{name}\"");
}

/// <summary>One schedule entry by thread names, as stored in a file.</summary>
public sealed record SavedEntry(ScheduleEntryKind Kind, string Thread, string? Wakes);
