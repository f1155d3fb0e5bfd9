using IpcLab.Core.Model;
using IpcLab.Core.Objects;

namespace IpcLab.Core.Runtime;

/// <summary>The one-line sentence for each event, in the words a learner reads.</summary>
public static class EventText
{
    public static string Describe(KernelEvent e, CompiledProgram program, StringTable strings)
    {
        if (ObjectModules.OwnerOf(e.Kind) is { } owner)
        {
            return owner.Describe(new EventWords(e, program, strings));
        }

        return MessagingEventText.Describe(e, program, strings) ?? e.Kind.ToString();
    }

    /// <summary>
    /// The kinds whose Other field names a thread (the holder, the one woken or handed to, the
    /// member a copy goes to); in every other kind it is a local slot, a word, a process, a
    /// priority or a count.
    /// </summary>
    public static bool OtherIsThread(EventKind kind) => ObjectModules.NameOf(kind) is null
        ? kind is EventKind.MessageHandedOver or EventKind.SenderResumed or EventKind.CopyDelivered or EventKind.CopyDropped
        or EventKind.OldestDropped or EventKind.SendBlocked or EventKind.NotDelivered
        : ObjectModules.SpecOf(kind).OtherIsThread;

    /// <summary>A short lower-case name for the kind, used in JSON and by filters ("blocked", "woken").</summary>
    public static string KindName(EventKind kind) => ObjectModules.NameOf(kind) ?? kind switch
    {
        _ when MessagingEventText.KindName(kind) is { } messaging => messaging,
        _ => kind.ToString().ToLowerInvariant(),
    };
}
