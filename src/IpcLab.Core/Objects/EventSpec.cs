using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects;

/// <summary>
/// An event a module emits: its class, the short name the JSON trace uses, and what the views
/// highlight when it happens (which thread it tags and with what words, whether its object changed).
/// </summary>
/// <param name="Name">Lower case with dashes ("sem-down"); several kinds may share one (every block is "blocked").</param>
public readonly record struct EventSpec(EventKind Kind, EventClass Class, string Name)
{
    /// <summary>True when the event's Other field is a thread (the holder, the one woken or handed to); otherwise it is a local, a word, a process, a priority or a count.</summary>
    public bool OtherIsThread { get; init; }

    /// <summary>
    /// The words the threads panel puts next to the thread the event is about ("just blocked";
    /// "{0}" stands for the object's name), "" for none. By default a block tags its thread
    /// "just blocked" and a wake-up "just woken".
    /// </summary>
    public string? Tag { get; init; }

    /// <summary>True when the tag goes to the Other thread (a hand-off tags who got the object), not the actor.</summary>
    public bool TagsOther { get; init; }

    /// <summary>True when the event changed its object (so the objects panel marks it); blocks, wake-ups, deliveries and drops always do.</summary>
    public bool ChangesObject { get; init; }

    /// <summary>The tag as written, or the class's default.</summary>
    public string TagText => Tag ?? Class switch
    {
        EventClass.Block => "just blocked",
        EventClass.Wake => "just woken",
        _ => "",
    };

    /// <summary>Whether the objects panel marks the event's object.</summary>
    public bool MarksObject => ChangesObject || Class is EventClass.Block or EventClass.Wake or EventClass.Deliver or EventClass.Drop;
}
