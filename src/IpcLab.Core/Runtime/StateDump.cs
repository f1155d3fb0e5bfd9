using System.Text;
using IpcLab.Core.Model;
using IpcLab.Core.Objects;
using IpcLab.Core.Objects.Descriptors;

namespace IpcLab.Core.Runtime;

/// <summary>
/// The whole kernel state as text, exact (wait tickets included) but with strings by
/// content, so two kernels whose string tables were filled in different orders compare equal
/// when their states are the same. For tests and debugging.
/// </summary>
public static partial class StateDump
{
    public static string Of(Kernel kernel) => Write(kernel, exact: true);

    /// <summary>
    /// The logical state as text: the same spelling of every object, but a waiter's place in its
    /// queue instead of its ticket, and no ticket counter. Two states a learner could not tell
    /// apart read the same, and the state hash covers the same parts.
    /// </summary>
    public static string Logical(Kernel kernel) => Write(kernel, exact: false);

    /// <summary>One object's state as its module spells it ("count 2", "owner worker-1", "items [1 2]"), the part of the dump and of the hash that is that object's.</summary>
    public static string ObjectState(Kernel kernel, ObjectInfo o)
    {
        var sb = new StringBuilder();
        ObjectModules.Of(o.Kind).WriteState(kernel, o, new TextStateWriter(kernel, sb));
        return sb.ToString();
    }

    private static string Write(Kernel kernel, bool exact)
    {
        var sb = new StringBuilder();
        var program = kernel.Program;
        var data = kernel.RawState;
        if (exact)
        {
            sb.Append("ticket ").Append(data[StateLayout.TicketSlot]).Append('\n');
        }

        foreach (var o in program.Objects)
        {
            sb.Append(o.Name).Append(": ");
            if (kernel.CellCountOf(o.Id) > 0)
            {
                ObjectModules.Of(o.Kind).WriteState(kernel, o, new TextStateWriter(kernel, sb));
            }

            sb.Append('\n');
        }

        if (kernel.Layout.DescriptorTableSize > 0)
        {
            sb.Append("descriptors: ");
            DescriptorTablesState.Write(kernel, new TextStateWriter(kernel, sb));
            sb.Append('\n');
        }

        foreach (var t in program.Threads)
        {
            sb.Append(t.Name).Append(": ").Append(kernel.StatusOf(t.Id)).Append(" pc ").Append(kernel.PcOf(t.Id));
            var wait = kernel.WaitObjectOf(t.Id);
            if (wait >= 0)
            {
                sb.Append(" on ").Append(program.Objects[wait].Name);
                if (exact)
                {
                    sb.Append(" ticket ").Append(data[kernel.Layout.ThreadField(t.Id, StateLayout.TicketField)]);
                }
                else
                {
                    sb.Append(" place ").Append(kernel.WaitersOf(wait).ToList().IndexOf(t.Id));
                }
            }

            if (kernel.FaultOf(t.Id) is { } fault)
            {
                sb.Append(" fault \"").Append(fault).Append('"');
            }

            for (var i = 0; i < t.Locals.Count; i++)
            {
                sb.Append(' ').Append(t.Locals[i].Name).Append('=').Append(kernel.Format(t.Locals[i].Kind, kernel.LocalValue(t.Id, i)));
            }

            if (kernel.DeadlineOf(t.Id) > 0)
            {
                sb.Append(" deadline ").Append(kernel.DeadlineOf(t.Id)).Append(" clock ").Append(kernel.Clock);
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }
}
