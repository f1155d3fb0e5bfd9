using System.Text;
using System.Text.Json;
using IpcLab.Core.Objects;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Persistence;

/// <summary>Events as JSON Lines: one object per event, with its kind, names and sentence.</summary>
public static class EventJson
{
    public static string ToLine(KernelEvent e, Kernel kernel)
    {
        var program = kernel.Program;
        using var stream = new MemoryStream();
        using (var w = new Utf8JsonWriter(stream))
        {
            w.WriteStartObject();
            w.WriteNumber("step", e.Step);
            w.WriteString("kind", EventText.KindName(e.Kind));
            if (e.Thread >= 0)
            {
                w.WriteString("thread", program.Threads[e.Thread].Name);
                w.WriteNumber("line", e.PosIn(program).Line);
            }

            if (e.Object >= 0 && e.Kind is not (EventKind.ExpectHeld or EventKind.ExpectFailed))
            {
                w.WriteString("object", program.Objects[e.Object].Name);
            }

            if (e.Other >= 0 && EventText.OtherIsThread(e.Kind))
            {
                w.WriteString("other", program.Threads[e.Other].Name);
            }

            if (e.Kind is EventKind.ProcessCrashed or EventKind.Spawned or EventKind.ProcessExited)
            {
                w.WriteString("process", program.Processes[e.Other].Name);
            }

            if (e.Kind is EventKind.ShmLoaded or EventKind.ShmStored)
            {
                w.WriteNumber("word", e.Other);
                w.WriteNumber("value", e.Value);
            }

            ObjectModules.OwnerOf(e.Kind)?.WriteFields(new EventWords(e, program, kernel.Strings), new JsonFieldWriter(w));
            w.WriteString("text", EventText.Describe(e, program, kernel.Strings));
            w.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    public static string ToLines(Kernel kernel)
    {
        var sb = new StringBuilder();
        foreach (var e in kernel.Events)
        {
            sb.Append(ToLine(e, kernel)).Append('\n');
        }

        return sb.ToString();
    }

    /// <summary>A module's event fields, as JSON properties of the event's line.</summary>
    private sealed class JsonFieldWriter(Utf8JsonWriter w) : EventFieldWriter
    {
        public override void Number(string name, long value) => w.WriteNumber(name, value);

        public override void Text(string name, string value) => w.WriteString(name, value);

        public override void Flag(string name, bool value) => w.WriteBoolean(name, value);
    }
}
