using IpcLab.Core.Model;

namespace IpcLab.Core.Runtime;

// select (or poll, the same step) over descriptors, and datagram sockets (bind, sendto, recv of whole messages).
public sealed partial class Kernel
{
    /// <summary>"select" or "poll", as the script wrote the step (the compiler keeps the word in the text).</summary>
    private static string SelectWord(Instr instr) => instr.Text.StartsWith("poll ", StringComparison.Ordinal) ? "poll" : "select";

    private void DoSelect(int t, int pc, Instr instr)
    {
        var first = -1L;
        var ready = 0;
        var waitOn = -1;
        var reasons = new List<string>();
        var watched = new List<long>();
        foreach (var arg in instr.Args)
        {
            var fd = Eval(t, arg);
            if (fd < 0)
            {
                continue; // as in poll: a negative descriptor is ignored
            }

            var at = ResolveDescriptor(t, fd, SelectWord(instr));
            watched.Add(fd);
            waitOn = waitOn < 0 ? ObjectOfDescriptor(at) : waitOn;
            if (Readable(at, fd, out var why))
            {
                first = ready == 0 ? fd : first;
                ready++;
                reasons.Add(why);
            }
        }

        if (watched.Count == 0)
        {
            throw new ThreadFaultException($"{SelectWord(instr)} with no descriptor to wait for (every one is negative): it would block forever");
        }

        if (ready == 0)
        {
            JoinWaitQueue(t, waitOn, ThreadStatus.Blocked);
            EmitSocket(EventKind.SocketBlocked, t, pc, waitOn, () => $"blocks in {SelectWord(instr)}: none of {FdList(watched)} is readable yet");
            return;
        }

        var locals = Layout.LocalBase(t);
        _data[locals + instr.B] = first;
        if (instr.C >= 0)
        {
            _data[locals + instr.C] = ready;
        }

        EmitSocket(EventKind.Selected, t, pc, waitOn, () => $"{(SelectWord(instr) == "poll" ? "polls" : "selects on")} {FdList(watched)}: {string.Join("; ", reasons)}; gets fd {first}");
        MoveTo(t, instr.Next);
    }

    private bool SelectCanProceed(int t, Instr instr, out string why)
    {
        foreach (var arg in instr.Args)
        {
            var fd = Eval(t, arg);
            if (fd < 0)
            {
                continue;
            }

            var at = DescriptorIndex(ProcessOfThread(t), fd);
            if (at < 0 || _data[at] == (long)DescriptorKind.Free)
            {
                why = $"fd {fd} has been closed";
                return true;
            }

            if (Readable(at, fd, out why))
            {
                return true;
            }
        }

        why = "";
        return false;
    }

    /// <summary>"fd 4", "fd 4 or 5", "fd 4, 5 or 6".</summary>
    private static string FdList(List<long> fds) =>
        fds.Count == 1 ? $"fd {fds[0]}" : $"fd {string.Join(", ", fds.Take(fds.Count - 1))} or {fds[^1]}";

    private void DoBind(int t, int pc, Instr instr)
    {
        var d = SlotOf(instr.A);
        var db = Sk.DgramBase(d);
        if (_data[db] != 0)
        {
            var (p, fd) = FindDescriptor(DescriptorKind.DatagramReceiver, d, 0);
            throw new ThreadFaultException($"bind to {PathOf(instr.A)}: address already in use (process {ProcessName(p)} receives on it as fd {fd})");
        }

        var mine = AllocDescriptor(ProcessOfThread(t), DescriptorKind.DatagramReceiver, d, 0, "bind");
        _data[db] = 1;
        _data[Layout.LocalBase(t) + instr.B] = mine;
        EmitSocket(EventKind.SocketBound, t, pc, instr.A, () => $"binds {PathOf(instr.A)}: gets fd {mine} and receives every datagram sent to it");
        MoveTo(t, instr.Next);
        WakeSocketWaiters();
    }

    private void DoSendTo(int t, int pc, Instr instr)
    {
        var d = SlotOf(instr.A);
        var db = Sk.DgramBase(d);
        var spec = Sk.Datagrams[d].Socket!;
        if (_data[db] == 0)
        {
            throw new ThreadFaultException($"sendto {spec.Path}: connection refused (nobody is bound to it)");
        }

        var queued = _data[db + 2] - _data[db + 1];
        if (queued >= spec.Buffer)
        {
            JoinWaitQueue(t, instr.A, ThreadStatus.Blocked);
            EmitSocket(EventKind.SocketBlocked, t, pc, instr.A, () => $"blocks in sendto {spec.Path}: its queue is full ({spec.Buffer} of {spec.Buffer} messages)");
            return;
        }

        var message = Eval(t, instr.E1!);
        _data[db + DgramHeaderCells + (int)(_data[db + 2] % spec.Buffer)] = message;
        _data[db + 2]++;
        EmitSocket(EventKind.DatagramSent, t, pc, instr.A, () => $"sends the datagram \"{Strings[message]}\" to {spec.Path} ({queued + 1} of {spec.Buffer} queued)");
        MoveTo(t, instr.Next);
        WakeSocketWaiters();
    }

    private const int DgramHeaderCells = SocketLayout.DgramHeader;

    private void RecvDatagram(int t, int pc, Instr instr, long fd, int at, long max)
    {
        var d = (int)_data[at + 1];
        var db = Sk.DgramBase(d);
        var spec = Sk.Datagrams[d].Socket!;
        var obj = IdOf(ObjectKind.DatagramSocket, d);
        var queued = _data[db + 2] - _data[db + 1];
        if (queued == 0)
        {
            JoinWaitQueue(t, obj, ThreadStatus.Blocked);
            EmitSocket(EventKind.SocketBlocked, t, pc, obj, () => $"blocks in recv on fd {fd}: no datagram is queued on {spec.Path}");
            return;
        }

        var cell = db + DgramHeaderCells + (int)(_data[db + 1] % spec.Buffer);
        var whole = Strings[_data[cell]];
        _data[cell] = 0;
        _data[db + 1]++;
        var text = whole.Length > max ? whole[..(int)max] : whole;
        _data[Layout.LocalBase(t) + instr.B] = Strings.Intern(text);
        EmitSocket(EventKind.DatagramReceived, t, pc, obj, () => text.Length == whole.Length
            ? $"gets the datagram \"{text}\" on fd {fd} (one whole message; {queued - 1} left)"
            : $"gets \"{text}\" on fd {fd}: the datagram \"{whole}\" is longer than {max} bytes, the rest is lost");
        MoveTo(t, instr.Next);
        WakeSocketWaiters();
    }

    private bool SendToCanProceed(int d, out string why)
    {
        var db = Sk.DgramBase(d);
        var spec = Sk.Datagrams[d].Socket!;
        why = _data[db] == 0 ? $"nobody is bound to {spec.Path} any more" : $"the queue of {spec.Path} has room";
        return _data[db] == 0 || _data[db + 2] - _data[db + 1] < spec.Buffer;
    }

    private void ClearDatagrams(int d)
    {
        var db = Sk.DgramBase(d);
        var capacity = Sk.Datagrams[d].Socket!.Buffer;
        Array.Clear(_data, db + DgramHeaderCells, capacity);
        _data[db + 1] = _data[db + 2];
    }
}
