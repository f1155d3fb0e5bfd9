using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects.Descriptors;

/// <summary>The descriptor tables of every process: handing out numbers, resolving them, finding who holds what.</summary>
internal static class DescriptorTables
{
    public static DescriptorTable Of(IKernelServices k, int process) => new(k.DescriptorTable(process));

    /// <summary>Takes the lowest free descriptor number of a process (as POSIX does).</summary>
    /// <exception cref="ThreadFaultException">Every number is in use.</exception>
    public static int Allocate(IKernelServices k, int process, DescriptorKind kind, int socket, int reference, string op)
    {
        var table = Of(k, process);
        var fd = table.LowestFree();
        if (fd < 0)
        {
            throw new ThreadFaultException($"{op}: too many open descriptors (a process can have {DescriptorTable.MaxDescriptors}; close one first)");
        }

        table[fd].Set(kind, socket, reference);
        return fd;
    }

    /// <summary>An open descriptor of the thread's process.</summary>
    /// <exception cref="ThreadFaultException">It is not open: a bad file descriptor.</exception>
    public static DescriptorCells Resolve(IKernelServices k, int t, long fd, string op)
    {
        var process = k.ProcessOf(t);
        var table = Of(k, process);
        if (!table.IsOpen(fd))
        {
            throw new ThreadFaultException($"{op} on fd {fd}: bad file descriptor (not an open descriptor of process {k.Program.Processes[process].Name})");
        }

        return table[fd];
    }

    /// <summary>The process and number of the descriptor that refers to (kind, socket, reference), or (-1, -1).</summary>
    public static (int Process, int Fd) Find(IKernelServices k, DescriptorKind kind, int socket, int reference)
    {
        for (var p = 0; p < k.Program.Processes.Count; p++)
        {
            var table = Of(k, p);
            for (var fd = DescriptorTable.FirstFd; fd < table.EndFd; fd++)
            {
                if (table[fd].Is(kind, socket, reference))
                {
                    return (p, fd);
                }
            }
        }

        return (-1, -1);
    }

    /// <summary>How many descriptors, over every process, refer to (kind, socket, reference): one at most when all is well.</summary>
    public static int Count(IKernelServices k, DescriptorKind kind, int socket, int reference)
    {
        var n = 0;
        for (var p = 0; p < k.Program.Processes.Count; p++)
        {
            var table = Of(k, p);
            for (var fd = DescriptorTable.FirstFd; fd < table.EndFd; fd++)
            {
                n += table[fd].Is(kind, socket, reference) ? 1 : 0;
            }
        }

        return n;
    }

    /// <summary>"it is a listening socket", as a fault explains why an operation does not apply.</summary>
    public static string KindText(DescriptorKind kind) => kind switch
    {
        DescriptorKind.Listener => "it is a listening socket",
        DescriptorKind.DatagramReceiver => "it is a datagram socket",
        _ => "it is a connection",
    };
}
