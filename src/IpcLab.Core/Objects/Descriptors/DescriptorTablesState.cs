using IpcLab.Core.Model;

namespace IpcLab.Core.Objects.Descriptors;

/// <summary>The descriptor tables' state: their one spelling (hash, dump), their invariants, and what the views ask.</summary>
internal static class DescriptorTablesState
{
    /// <summary>
    /// Each process's open descriptors as they are: number, kind, socket and which end. A free
    /// entry is all zeros (an invariant), so the open ones say everything.
    /// </summary>
    public static void Write(IKernelServices k, StateWriter w)
    {
        for (var p = 0; p < k.Program.Processes.Count; p++)
        {
            var table = DescriptorTables.Of(k, p);
            var open = 0;
            for (var fd = DescriptorTable.FirstFd; fd < table.EndFd; fd++)
            {
                open += table.IsOpen(fd) ? 1 : 0;
            }

            w.Label(k.Program.Processes[p].Name);
            w.BeginList(open);
            for (var fd = DescriptorTable.FirstFd; fd < table.EndFd; fd++)
            {
                if (table.IsOpen(fd))
                {
                    var d = table[fd];
                    w.BeginList(4);
                    w.Int(fd);
                    w.Int((long)d.Kind);
                    w.Int(d.Socket);
                    w.Int(d.Reference);
                    w.EndList();
                }
            }

            w.EndList();
        }
    }

    // Every descriptor refers to something open, of the kind it says. (Each socket module checks
    // the other way round: every open thing it has is held by exactly one descriptor.)
    public static void AssertInvariants(IKernelServices k)
    {
        var objects = k.Program.Objects;
        for (var p = 0; p < k.Program.Processes.Count; p++)
        {
            var table = DescriptorTables.Of(k, p);
            var process = k.Program.Processes[p].Name;
            for (var fd = DescriptorTable.FirstFd; fd < table.EndFd; fd++)
            {
                var d = table[fd];
                var expected = d.Kind switch
                {
                    DescriptorKind.Free => (ObjectKind?)null,
                    DescriptorKind.Listener or DescriptorKind.Connection => ObjectKind.StreamSocket,
                    DescriptorKind.DatagramReceiver => ObjectKind.DatagramSocket,
                    _ => throw Violated($"fd {fd} of {process} has kind {d.Kind}"),
                };
                if (expected is null)
                {
                    ObjectModule.Require(d.IsCleared, $"free fd {fd} of {process} is not cleared");
                    continue;
                }

                ObjectModule.Require(d.Socket >= 0 && d.Socket < objects.Count && objects[d.Socket].Kind == expected, $"fd {fd} of {process} ({d.Kind}) refers to object {d.Socket}, not a {expected}");
                var spec = objects[d.Socket].Socket!;
                var reference = d.Kind == DescriptorKind.Connection ? d.Reference >= 0 && d.Connection < spec.Connections : d.Reference == 0;
                ObjectModule.Require(reference, $"fd {fd} of {process} ({d.Kind}) has reference {d.Reference}");
                var open = d.Kind switch
                {
                    DescriptorKind.Listener => StreamSocket.StreamSocketModule.Cells(k, d.Socket).Listening == 1,
                    DescriptorKind.Connection => StreamSocket.StreamSocketModule.Cells(k, d.Socket).Connection(d.Connection).IsOpen(d.Side),
                    _ => DatagramSocket.DatagramSocketModule.IsBound(k, d.Socket),
                };
                ObjectModule.Require(open, $"fd {fd} of {process} refers to a closed {d.Kind} of {objects[d.Socket].Name}");
            }
        }
    }

    private static Runtime.KernelInvariantException Violated(string message) => new("kernel invariant violated: " + message);

    /// <summary>The open descriptors of a process: number, what it is, and the socket it refers to.</summary>
    public static IReadOnlyList<(int Fd, DescriptorKind Kind, int Socket)> Of(IKernelServices k, int process)
    {
        var table = DescriptorTables.Of(k, process);
        var list = new List<(int, DescriptorKind, int)>();
        for (var fd = DescriptorTable.FirstFd; fd < table.EndFd; fd++)
        {
            if (table.IsOpen(fd))
            {
                list.Add((fd, table[fd].Kind, table[fd].Socket));
            }
        }

        return list;
    }
}
