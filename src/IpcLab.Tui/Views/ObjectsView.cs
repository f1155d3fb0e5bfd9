using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views;

/// <summary>
/// The objects panel's lines, each object drawn by its kind's view (see <see cref="ObjectViews"/>):
/// each mutex with its owner and entry queue, each condition variable with its wait queue,
/// semaphores with count and waiters, shared variables with their values. A "•" marks what the
/// last step changed.
/// </summary>
internal static class ObjectsView
{
    public static List<string> Lines(Kernel kernel, StepChanges changes, int width)
    {
        var lines = new List<string>();
        var objects = kernel.Program.Objects;
        foreach (var view in ObjectViews.All)
        {
            foreach (var o in objects)
            {
                if (o.Kind == view.Kind)
                {
                    view.Add(kernel, o, changes, width, lines);
                }
            }
        }

        if (lines.Count == 0)
        {
            lines.Add(TextFit.Styled("(no shared objects)", Palette.Dim));
        }

        return lines;
    }

    public static void AddMutex(Kernel kernel, ObjectInfo o, StepChanges changes, int width, List<string> lines)
    {
        var owner = kernel.MutexOwner(o.Id);
        var dead = owner >= 0 && kernel.HasEnded(owner) ? " (dead)" : "";
        AddWithQueue(kernel, o, changes, width, lines, owner < 0 ? ("free", Palette.Ready) : ($"held by {kernel.ThreadName(owner)}{dead}", Palette.Title), "queue", Palette.Blocked);
    }

    public static void AddCondition(Kernel kernel, ObjectInfo o, StepChanges changes, int width, List<string> lines) =>
        AddWithQueue(kernel, o, changes, width, lines, null, "waiting", Palette.Waiting);

    public static void AddSemaphore(Kernel kernel, ObjectInfo o, StepChanges changes, int width, List<string> lines) =>
        AddWithQueue(kernel, o, changes, width, lines, ($"count {kernel.SemaphoreCount(o.Id)}", Palette.Title), "waiting", Palette.Blocked);

    public static void AddSharedVariable(Kernel kernel, ObjectInfo o, StepChanges changes, int width, List<string> lines) =>
        lines.Add(Start(kernel, o, changes, width).Add(" = ").Add(kernel.Format(o.ValueKind, kernel.SharedValue(o.Slot)), Palette.Title).ToString());

    /// <summary>"mutex m: held by producer-1 · queue: producer-2, consumer" — the queue on a second line when it does not fit.</summary>
    private static void AddWithQueue(Kernel kernel, ObjectInfo o, StepChanges changes, int width, List<string> lines, (string Text, string Style)? state, string queueWord, string queueStyle)
    {
        var waiters = kernel.WaitersOf(o.Id);
        var names = waiters.Count == 0 ? "" : string.Join(", ", waiters.Select(kernel.ThreadName));
        var line = Start(kernel, o, changes, width).Add(": ");
        if (state is { } s)
        {
            line.Add(s.Text, s.Style);
        }

        if (waiters.Count == 0)
        {
            line.Add(state is null ? "nobody waiting" : "", Palette.Dim);
            lines.Add(line.ToString());
            return;
        }

        var separator = state is null ? "" : " · ";
        var queue = $"{queueWord}: ";
        if (line.Room >= TextFit.Width(separator + queue + names))
        {
            lines.Add(line.Add(separator).Add(queue, Palette.Dim).Add(names, queueStyle).ToString());
            return;
        }

        // Too long for one line: the queue goes on a line of its own (a condition variable says
        // how many wait, so its first line does not end in a bare colon).
        if (state is null)
        {
            line.Add($"{waiters.Count} waiting", queueStyle);
        }

        lines.Add(line.ToString());
        lines.Add(new MarkupLine(width).Add("    ").Add("queue: ", Palette.Dim).Add(names, queueStyle).ToString());
    }

    private static MarkupLine Start(Kernel kernel, ObjectInfo o, StepChanges changes, int width)
    {
        var line = new MarkupLine(width)
            .Add(changes.Changed(o.Id) ? $"{Palette.ChangedMark} " : "  ", Palette.Changed)
            .Add(ObjectViews.WordOf(o.Kind), Palette.Dim)
            .Add(o.Name, Palette.Title);
        if (o.Process >= 0 && kernel.Program.Processes.Count > 1)
        {
            line.Add($" (in {kernel.Program.Processes[o.Process].Name})", Palette.Dim);
        }

        if (o.Segment >= 0)
        {
            line.Add($" (in shm {kernel.ObjectName(o.Segment)})", Palette.Dim);
        }

        return line;
    }
}
