using System.Globalization;
using IpcLab.Core.Objects;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views;

/// <summary>
/// What the last step changed, read from its events only (the tail of the log with
/// <c>Step == Position</c>), so that every view can highlight it without scanning the whole log.
/// </summary>
internal sealed class StepChanges
{
    private readonly string?[] _threadTags;
    private readonly bool[] _objectChanged;

    public StepChanges(Kernel kernel)
    {
        _threadTags = new string?[kernel.Program.Threads.Count];
        _objectChanged = new bool[kernel.Program.Objects.Count];
        var events = kernel.Events;
        FirstEvent = events.Count;
        var step = kernel.StepCount;
        if (step == 0)
        {
            return;
        }

        for (var i = events.Count - 1; i >= 0 && events[i].Step == step; i--)
        {
            FirstEvent = i;
        }

        for (var i = FirstEvent; i < events.Count; i++)
        {
            Note(kernel, events[i]);
        }
    }

    /// <summary>The index in the event log of the last step's first event (the log's length if it had none).</summary>
    public int FirstEvent { get; }

    /// <summary>
    /// The broker message the learner chose in the objects panel (its label, 0 for none): not a
    /// change of the step, but drawn with the changes, marked where the panel shows its copies.
    /// </summary>
    public int ChosenMessage { get; init; }

    /// <summary>The queue a value was just put into, or -1.</summary>
    public int PutQueue { get; private set; } = -1;

    /// <summary>The queue a value was just taken from, or -1.</summary>
    public int TookQueue { get; private set; } = -1;

    public long TookValue { get; private set; }

    /// <summary>The segment word just written (segment object id, word index), or (-1, -1).</summary>
    public (int Segment, int Word) StoredWord { get; private set; } = (-1, -1);

    /// <summary>"just blocked", "just woken", "just got m" — or null when the last step left the thread's state alone.</summary>
    public string? TagOf(int thread) => _threadTags[thread];

    /// <summary>True when the last step changed the object (owner, queue, count, contents, value).</summary>
    public bool Changed(int objectId) => _objectChanged[objectId];

    private void Note(Kernel kernel, KernelEvent e)
    {
        NoteSlots(e);
        var spec = ObjectModules.SpecOf(e.Kind);

        // What the module says the event means: which thread it is about, and whether its object changed.
        var tagged = spec.TagsOther ? e.Other : e.Thread;
        if (spec.TagText.Length > 0 && tagged >= 0)
        {
            _threadTags[tagged] = e.Object >= 0 ? string.Format(CultureInfo.InvariantCulture, spec.TagText, kernel.ObjectName(e.Object)) : spec.TagText;
        }

        if (spec.MarksObject && e.Object >= 0)
        {
            _objectChanged[e.Object] = true;
        }

        if (e.Kind == EventKind.Spawned)
        {
            foreach (var t in kernel.Program.Processes[e.Other].Threads)
            {
                _threadTags[t] = "just spawned";
            }
        }
    }

    /// <summary>The slot a queue's put or take touched, and the word of a segment just written, for the views that draw slots and words.</summary>
    private void NoteSlots(KernelEvent e)
    {
        switch (e.Kind)
        {
            case EventKind.Put:
                PutQueue = e.Object;
                break;
            case EventKind.Took:
                TookQueue = e.Object;
                TookValue = e.Value;
                break;
            case EventKind.ShmStored:
                StoredWord = (e.Object, e.Other);
                break;
        }
    }
}
