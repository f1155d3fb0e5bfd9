using IpcLab.Core.Model;
using IpcLab.Core.Objects;

namespace IpcLab.Core.Runtime;

/// <summary>The one-line sentence for each event, in the words a learner reads.</summary>
public static class EventText
{
    public static string Describe(KernelEvent e, CompiledProgram program, StringTable strings)
    {
        var owner = ObjectModules.OwnerOf(e.Kind)
            ?? throw new InvalidOperationException($"no module owns the event {e.Kind}");
        return owner.Describe(new EventWords(e, program, strings));
    }

    /// <summary>
    /// The kinds whose Other field names a thread (the holder, the one woken or handed to, the
    /// member a copy goes to); in every other kind it is a local slot, a word, a process, a
    /// priority or a count.
    /// </summary>
    public static bool OtherIsThread(EventKind kind) => ObjectModules.SpecOf(kind).OtherIsThread;

    /// <summary>A short lower-case name for the kind, used in JSON and by filters ("blocked", "woken").</summary>
    public static string KindName(EventKind kind) => ObjectModules.NameOf(kind)
        ?? throw new InvalidOperationException($"no module names the event {kind}");
}
