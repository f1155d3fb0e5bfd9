using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views;

/// <summary>
/// The output and locals pane: the final checks (<c>expect</c>) with what they say now, each
/// thread's locals (and the register a split line has loaded but not yet written back), then
/// what <c>print</c> printed, newest last, apart from the other events.
/// </summary>
internal static class OutputView
{
    /// <summary>The pane's lines (markup), fitted to <paramref name="w"/> x <paramref name="h"/> cells.</summary>
    public static IReadOnlyList<string> Lines(Kernel kernel, int w, int h)
    {
        var lines = new List<string>();
        var program = kernel.Program;
        if (program.Expectations.Count > 0)
        {
            lines.Add(new MarkupLine(w).Add("final checks", Palette.Title).Add(Header(kernel), Palette.Dim).ToString());
            for (var i = 0; i < program.Expectations.Count; i++)
            {
                var (held, error) = kernel.CheckNow(i);
                var line = new MarkupLine(w).Add("  expect ").Add(program.Expectations[i].Text, Palette.Title).Add(" → ");
                lines.Add((error is not null ? line.Add($"cannot be evaluated: {error}", Palette.Faulted)
                    : held ? line.Add("true", Palette.Ready) : line.Add("false", Palette.Finding)).ToString());
            }
        }

        lines.Add(new MarkupLine(w).Add("locals", Palette.Title).ToString());
        var locals = 0;
        for (var t = 0; t < program.Threads.Count; t++)
        {
            var parts = Locals(kernel, t);
            if (parts.Count > 0)
            {
                locals++;
                var text = $"{t + 1} {kernel.ThreadName(t)}: {string.Join(" · ", parts)}";
                lines.AddRange(TextFit.Wrap(text, w - 2, indent: 2).Select(l => TextFit.Markup("  " + l, w)));
            }
        }

        if (locals == 0)
        {
            lines.Add(new MarkupLine(w).Add("  no thread has a local variable", Palette.Dim).ToString());
        }

        lines.Add(new MarkupLine(w).Add("output", Palette.Title).Add(" (print, newest last)", Palette.Dim).ToString());
        var printed = kernel.Events.Where(e => e.Kind == EventKind.Printed).ToList();
        if (printed.Count == 0)
        {
            lines.Add(new MarkupLine(w).Add("  nothing printed yet", Palette.Dim).ToString());
        }

        // The newest prints that fit below the checks and locals.
        foreach (var e in printed.Skip(Math.Max(0, printed.Count - Math.Max(1, h - lines.Count))))
        {
            lines.Add(new MarkupLine(w).Add($"{e.Step,5}  ", Palette.Dim).Add($"{kernel.ThreadName(e.Thread)}: ", Palette.Title).Add(kernel.Strings[e.Value]).ToString());
        }

        return Box.Clip(lines, h);
    }

    /// <summary>When the checks are made: at the end, unless the run ended in a deadlock (then never).</summary>
    private static string Header(Kernel kernel) =>
        !kernel.IsConcluded ? " · checked at the end; now:"
        : kernel.Findings.Any(f => f.Kind == FindingKind.Deadlock) ? " · not checked: the run ended in a deadlock; now:"
        : " · checked: the run is over";

    /// <summary>A thread's visible locals as "name = value", and any register loaded and not yet written back.</summary>
    public static List<string> Locals(Kernel kernel, int thread)
    {
        var info = kernel.Program.Threads[thread];
        var parts = new List<string>();
        if (kernel.StatusOf(thread) == ThreadStatus.NotStarted)
        {
            return parts;
        }

        foreach (var (local, slot) in info.Locals.Select((l, i) => (l, i)).Where(p => !p.l.IsHidden))
        {
            parts.Add($"{local.Name} = {kernel.Format(local.Kind, kernel.LocalValue(thread, slot))}");
        }

        // A line such as `count = count + 1` loads count into a register in one step and writes
        // back in a later one: between the two, the register is what the race is about.
        var pc = kernel.PcOf(thread);
        if (pc >= 0 && pc < info.Code.Length)
        {
            for (var i = 0; i < pc; i++)
            {
                var load = info.Code[i];
                if (load.Op is OpCode.Load or OpCode.ShmLoad && load.Pos.Line == info.Code[pc].Pos.Line && i >= FirstOfLine(info.Code, pc))
                {
                    parts.Add($"register {load.Text} = {kernel.Format(info.Locals[load.B].Kind, kernel.LocalValue(thread, load.B))} (not yet written back)");
                }
            }
        }

        return parts;
    }

    /// <summary>The first instruction of the run of instructions from the same source line that ends at <paramref name="pc"/>.</summary>
    private static int FirstOfLine(Instr[] code, int pc)
    {
        var first = pc;
        while (first > 0 && code[first - 1].Pos.Line == code[pc].Pos.Line)
        {
            first--;
        }

        return first;
    }
}
