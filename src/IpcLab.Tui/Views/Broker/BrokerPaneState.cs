using IpcLab.Core.Objects.Broker;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views.Broker;

/// <summary>
/// What the broker page shows beyond the kernel's state: the message whose path is open (its
/// label, 0 for none), the hop selected in it, and the path as it was known when the message was
/// chosen, so that going back to one of its hops keeps the hops after it in view.
/// </summary>
internal sealed class BrokerPaneState
{
    private IReadOnlyList<PathHop> _known = [];

    public bool Shown { get; set; }

    /// <summary>The label of the message whose path is open, or 0.</summary>
    public int Message { get; private set; }

    /// <summary>The index of the selected hop in <see cref="Hops"/>, or -1.</summary>
    public int Hop { get; private set; } = -1;

    /// <summary>Rows the page is scrolled down by.</summary>
    public int Scrolled { get; set; }

    /// <summary>Opens the path of the message with this label (0 closes it).</summary>
    public void Choose(Kernel kernel, MessageLabels labels, int label)
    {
        Message = label is > 0 && label <= labels.Published.Count ? label : 0;
        _known = Message == 0 ? [] : Live(kernel, labels[Message]);
        Hop = -1;
    }

    /// <summary>The next (+1) or previous (-1) message, going round.</summary>
    public void Cycle(Kernel kernel, MessageLabels labels, int by)
    {
        var count = labels.Published.Count;
        if (count > 0)
        {
            Choose(kernel, labels, by > 0 ? (Message % count) + 1 : Message <= 1 ? count : Message - 1);
        }
    }

    /// <summary>Moves the hop selection by <paramref name="by"/> within the path shown now.</summary>
    public void MoveHop(Kernel kernel, MessageLabels labels, int by)
    {
        var hops = Hops(kernel, labels);
        Hop = hops.Count == 0 ? -1 : Math.Clamp(Hop < 0 ? (by > 0 ? 0 : hops.Count - 1) : Hop + by, 0, hops.Count - 1);
    }

    public void SelectHop(int index) => Hop = index;

    /// <summary>
    /// The open message's hops: those of the run so far, then the ones known from when it was chosen
    /// that lie after this step — as long as the run so far agrees with them (another future was
    /// taken otherwise, and only the hops so far are shown).
    /// </summary>
    public IReadOnlyList<PathHop> Hops(Kernel kernel, MessageLabels labels)
    {
        if (Message == 0 || Message > labels.Published.Count)
        {
            return [];
        }

        var live = Live(kernel, labels[Message]);
        var known = _known.Where(h => h.Step <= kernel.StepCount).ToArray();
        return known.SequenceEqual(live) ? [.. live, .. _known.Where(h => h.Step > kernel.StepCount)] : live;
    }

    /// <summary>The label of the first message the last step moved (published, routed, delivered, acked, …), or null.</summary>
    public static int? MovedInLastStep(Kernel kernel)
    {
        var events = kernel.Events;
        var labels = new MessageLabels(kernel);
        for (var i = new StepChanges(kernel).FirstEvent; i < events.Count; i++)
        {
            if (MessagePath.IsHop(events[i].Kind) && labels.Of(kernel, events[i]) is > 0 and var label)
            {
                return label;
            }
        }

        return null;
    }

    private static PathHop[] Live(Kernel kernel, PublishedMessage message) =>
        [.. MessagePath.Of(kernel, message.Broker, message.Id).Select(e => new PathHop(e.Step, EventText.Describe(e, kernel.Program, kernel.Strings)))];
}
