using IpcLab.Core.Model;
using IpcLab.Core.Objects.Exchange;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views.Broker;

/// <summary>
/// Each exchange as a routing table of its bindings. On the step a message is published to it the
/// table says which bindings its key will match; on the step the broker routes it (or finds it
/// unroutable), which matched — the kernel's own answer — and, for a topic exchange, how each
/// pattern matched the key word by word, for a headers exchange how each binding's arguments
/// matched the message's headers one by one (<see cref="HeaderArguments"/>):
/// <code>
/// ╭ logs (topic) · routed 1 · unroutable 0 · routed "kern.disk.full"
/// │   *.error  → errors   *=kern error≠disk
/// │ ✓ kern.#   → kernel   kern=kern #=disk.full
/// ╰
/// ╭ docs (headers) · routed 1 · unroutable 0 · routed "format=pdf,type=invoice"
/// │ ✗ format=pdf,type=report all       → pdfs     format=pdf ✓ type=report ✗ invoice · x-match all: 1 of 2
/// │ ✓ priority=high,type=invoice any   → urgent   priority=high ✗ absent type=invoice ✓ · x-match any: 1 of 2
/// ╰
/// </code>
/// </summary>
internal static class RoutingTable
{
    public static List<string> Lines(Kernel kernel, StepChanges changes, int width)
    {
        var lines = new List<string>();
        foreach (var x in kernel.Program.ObjectsOf(ObjectKind.Exchange))
        {
            Add(kernel, x, changes, width, lines);
        }

        return lines;
    }

    private static void Add(Kernel kernel, ObjectInfo x, StepChanges changes, int width, List<string> lines)
    {
        var type = (ExchangeType)(x.Initial & 0xF);
        var (routed, unroutable, last) = kernel.ExchangeBooks(x.Id);
        var test = KeyUnderTest(kernel, x.Id, changes);
        var title = new MarkupLine(width).Add("╭ ", Palette.Dim).Add(x.Name, Palette.Title)
            .Add($" ({type.ToString().ToLowerInvariant()}) · routed {routed} · unroutable {unroutable}", Palette.Dim);
        if (test is { } t)
        {
            title.Add(t.Routed ? " · routed " : " · published ", Palette.Dim).Add($"\"{t.Key}\"", Palette.Changed)
                .Add(t.Routed ? "" : " (matches when routed)", Palette.Dim);
        }

        lines.Add(title.ToString());
        var keyWidth = x.Bindings.Select(b => TextFit.Width(BrokerDiagram.KeyText(type, b))).DefaultIfEmpty(0).Max();
        var queueWidth = x.Bindings.Select(b => TextFit.Width(kernel.Program.Objects[b.Queue].Name)).DefaultIfEmpty(0).Max();
        for (var i = 0; i < x.Bindings.Count; i++)
        {
            var b = x.Bindings[i];
            bool? matched = test is not { } m ? null : m.Routed ? (last & (1L << i)) != 0 : Preview(type, b, m.Key);
            var style = matched == true ? Palette.Changed : null;
            var line = new MarkupLine(width).Add("│ ", Palette.Dim)
                .Add(matched switch { true => "✓ ", false => "✗ ", null => "  " }, matched == true ? Palette.Ready : Palette.Dim)
                .Add(TextFit.Pad(BrokerDiagram.KeyText(type, b), keyWidth), style)
                .Add(" → ", Palette.Dim)
                .Add(TextFit.Pad(kernel.Program.Objects[b.Queue].Name, queueWidth), style);
            if (test is { } k && type == ExchangeType.Topic)
            {
                line.Add("  ").Add(TopicWords.Explain(b.Key, k.Key).ToString(), matched == true ? Palette.Ready : Palette.Dim);
            }
            else if (test is { } h && type == ExchangeType.Headers)
            {
                // Arguments take room: in a narrow column they go on a line of their own, under the binding.
                var explained = HeaderArguments.Explain(b, h.Key);
                if (line.Room < TextFit.Width(explained) + 2)
                {
                    lines.Add(line.ToString());
                    line = new MarkupLine(width).Add("│     ", Palette.Dim);
                }
                else
                {
                    line.Add("  ");
                }

                line.Add(explained, matched == true ? Palette.Ready : Palette.Dim);
            }

            lines.Add(line.ToString());
        }

        if (x.Bindings.Count == 0)
        {
            lines.Add(new MarkupLine(width).Add("│   (no bindings: every message is unroutable)", Palette.Dim).ToString());
        }

        lines.Add(TextFit.Styled("╰", Palette.Dim));
    }

    /// <summary>
    /// The key the table is matched against: the message the broker routed from this exchange (or
    /// found unroutable) in the last step, else the one published to it in the last step, else none.
    /// </summary>
    private static (string Key, bool Routed)? KeyUnderTest(Kernel kernel, int exchange, StepChanges changes)
    {
        (string, bool)? published = null;
        var events = kernel.Events;
        for (var i = changes.FirstEvent; i < events.Count; i++)
        {
            var e = events[i];
            if (e.Kind == EventKind.MessageRouted && e.Other == exchange)
            {
                return (kernel.Strings[(int)e.Count], true);
            }

            if (e.Kind == EventKind.MessageUnroutable && e.Object == exchange)
            {
                return (kernel.Strings[e.Other], true);
            }

            if (e.Kind == EventKind.MessagePublished && e.Object == exchange)
            {
                published ??= (kernel.Strings[e.Other], false);
            }
        }

        return published;
    }

    /// <summary>Whether a binding will match a key (for a headers exchange, the headers) just published.</summary>
    private static bool Preview(ExchangeType type, Binding b, string key) => type switch
    {
        ExchangeType.Fanout => true,
        ExchangeType.Direct => b.Key == key,
        ExchangeType.Topic => TopicPattern.Matches(b.Key, key),
        _ => HeaderText.Matches(b.Arguments, b.Match, key),
    };
}
