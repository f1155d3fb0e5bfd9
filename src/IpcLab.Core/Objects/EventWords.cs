using IpcLab.Core.Model;
using IpcLab.Core.Runtime;
using IpcLab.Core.Script;

namespace IpcLab.Core.Objects;

/// <summary>The words an event's sentence is made of: who acted, on what, with whom, and its value as text.</summary>
public readonly struct EventWords(KernelEvent e, CompiledProgram program, StringTable strings)
{
    public KernelEvent Event { get; } = e;

    public CompiledProgram Program { get; } = program;

    /// <summary>The acting thread's name, or "" for the kernel.</summary>
    public string Who => Event.Thread >= 0 ? Program.Threads[Event.Thread].Name : "";

    /// <summary>The object involved, or null.</summary>
    public ObjectInfo? Object => Event.Object >= 0 && Event.Object < Program.Objects.Count ? Program.Objects[Event.Object] : null;

    public string Name => Object?.Name ?? "";

    /// <summary>The other thread's name (for the kinds whose Other is a thread), or "".</summary>
    public string Other => Event.Other >= 0 ? Program.Threads[Event.Other].Name : "";

    /// <summary>Where the acting thread's instruction is in the script (default for the kernel's own events).</summary>
    public SourcePos Pos => Event.PosIn(Program);

    /// <summary>The acting thread's instruction, or null.</summary>
    public Instr? Instr => Event.Thread >= 0 && Event.Pc >= 0 ? Program.Threads[Event.Thread].Code[Event.Pc] : null;

    /// <summary>The value as a learner reads it, strings quoted.</summary>
    public string Value(ValueKind kind) => CExpr.Format(kind, Event.Value, strings, quoteStrings: true);

    /// <summary>The value as a string id, its text.</summary>
    public string Text => strings[Event.Value];

    /// <summary>The text of any string id.</summary>
    public string TextOf(long id) => strings[id];

    public string ProcessName(int process) => Program.Processes[process].Name;

    public string ThreadName(int thread) => Program.Threads[thread].Name;

    public static string Plural(long n, string word) => n == 1 ? $"{n} {word}" : $"{n} {word}s";
}
