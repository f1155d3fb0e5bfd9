using System.Text;
using IpcLab.Core.Model;
using IpcLab.Core.Objects;

namespace IpcLab.Core.Runtime;

/// <summary>
/// The whole kernel state as text, exact (tickets and counters included) but with strings by
/// content, so two kernels whose string tables were filled in different orders compare equal
/// when their states are the same. For tests and debugging.
/// </summary>
public static partial class StateDump
{
    public static string Of(Kernel kernel)
    {
        var sb = new StringBuilder();
        var program = kernel.Program;
        var data = kernel.RawState;
        sb.Append("ticket ").Append(data[StateLayout.TicketSlot]).Append('\n');
        foreach (var o in program.Objects)
        {
            sb.Append(o.Name).Append(": ");
            if (kernel.CellCountOf(o.Id) > 0)
            {
                ObjectModules.Of(o.Kind)!.WriteState(kernel, o, new TextStateWriter(kernel, sb));
            }

            switch (o.Kind)
            {
                case ObjectKind.StreamSocket or ObjectKind.DatagramSocket:
                    SocketDump.Append(sb, kernel, o);
                    break;
            }

            sb.Append('\n');
        }

        foreach (var t in program.Threads)
        {
            sb.Append(t.Name).Append(": ").Append(kernel.StatusOf(t.Id)).Append(" pc ").Append(kernel.PcOf(t.Id));
            var wait = kernel.WaitObjectOf(t.Id);
            if (wait >= 0)
            {
                sb.Append(" on ").Append(program.Objects[wait].Name).Append(" ticket ")
                    .Append(data[kernel.Layout.ThreadField(t.Id, StateLayout.TicketField)]);
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
