using System.Text;
using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Descriptors;

/// <summary>
/// select (or poll, the same step under its other name) over descriptors of either kind: the
/// first readable one in the order written, or a block until one is. The thread waits on the
/// socket of the first descriptor it watches; every socket change wakes it to look again.
/// </summary>
internal static class SelectStep
{
    /// <summary>"select" or "poll", as the script wrote the step (the compiler keeps the word in the text).</summary>
    public static string Word(Instr instr) => instr.Text.StartsWith("poll ", StringComparison.Ordinal) ? "poll" : "select";

    public static void Run(IKernelServices k, int t, int pc, Instr instr)
    {
        var first = -1L;
        var ready = 0;
        var waitOn = -1;
        var reasons = k.RecordsEvents ? new StringBuilder() : null;
        var watched = new List<long>();
        foreach (var arg in instr.Args)
        {
            var fd = k.Eval(t, arg);
            if (fd < 0)
            {
                continue; // as in poll: a negative descriptor is ignored
            }

            var d = DescriptorTables.Resolve(k, t, fd, Word(instr));
            watched.Add(fd);
            waitOn = waitOn < 0 ? d.Socket : waitOn;
            var why = SocketWaits.Readable(k, d, fd);
            if (why.CanProceed)
            {
                first = ready == 0 ? fd : first;
                ready++;
                reasons?.Append(reasons.Length == 0 ? "" : "; ").Append(why.Text(""));
            }
        }

        if (watched.Count == 0)
        {
            throw new ThreadFaultException($"{Word(instr)} with no descriptor to wait for (every one is negative): it would block forever");
        }

        // The watched descriptors (and why the ready ones are) become text only when events are recorded.
        var blocked = SocketEvent.Of(k, EventKind.SocketBlocked, t, pc, waitOn);
        if (ready == 0)
        {
            k.JoinWaitQueue(t, waitOn, ThreadStatus.Blocked);
            k.Emit(blocked with { Value = k.RecordsEvents ? k.Strings.Intern(FdList(watched)) : 0 });
            return;
        }

        k.Local(t, instr.B) = first;
        if (instr.C >= 0)
        {
            k.Local(t, instr.C) = ready;
        }

        var text = k.RecordsEvents ? k.Strings.Intern($"{FdList(watched)}: {reasons}") : 0;
        k.Emit(blocked with { Kind = EventKind.Selected, Fd = (int)first, Count = ready, Value = text });
        k.MoveTo(t, instr.Next);
    }

    /// <summary>Could a select blocked at <paramref name="instr"/> go on: one of its descriptors was closed or is readable.</summary>
    public static WakeReason Ready(IKernelServices k, int t, Instr instr)
    {
        var table = DescriptorTables.Of(k, k.ProcessOf(t));
        foreach (var arg in instr.Args)
        {
            var fd = k.Eval(t, arg);
            if (fd < 0)
            {
                continue;
            }

            if (!table.IsOpen(fd))
            {
                return new(WakeCause.FdClosed, fd);
            }

            var why = SocketWaits.Readable(k, table[fd], fd);
            if (why.CanProceed)
            {
                return why;
            }
        }

        return WakeReason.None;
    }

    /// <summary>Selected: Fd is the first ready descriptor, Count how many are ready, Value the watched ones and why the ready ones are.</summary>
    public static string Describe(in EventWords w) =>
        $"{w.Who} {(Word(w.Instr!) == "poll" ? "polls" : "selects on")} {w.Text}; gets fd {w.Event.Fd}";

    /// <summary>Blocked at a select: Value is the watched descriptors.</summary>
    public static string Blocked(in EventWords w) => $"{w.Who} blocks in {Word(w.Instr!)}: none of {w.Text} is readable yet";

    /// <summary>What a thread blocked in select waits for (after its name).</summary>
    public static string DescribeWait(IKernelServices k, int t, Instr instr)
    {
        var fds = new List<long>();
        foreach (var arg in instr.Args)
        {
            var fd = k.Eval(t, arg);
            if (fd >= 0)
            {
                fds.Add(fd);
            }
        }

        return $"waits in {Word(instr)} for {FdList(fds)} to become readable";
    }

    /// <summary>"fd 4", "fd 4 or 5", "fd 4, 5 or 6".</summary>
    private static string FdList(List<long> fds) =>
        fds.Count == 1 ? $"fd {fds[0]}" : $"fd {string.Join(", ", fds.Take(fds.Count - 1))} or {fds[^1]}";
}
