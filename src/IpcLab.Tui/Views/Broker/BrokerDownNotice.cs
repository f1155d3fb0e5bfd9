using IpcLab.Core.Model;
using IpcLab.Core.Runtime;

namespace IpcLab.Tui.Views.Broker;

/// <summary>
/// The line the objects panel and the broker page show while the broker is down (crashed, not
/// restarted yet by its own step): what the clients meet meanwhile. Nothing while it is up.
/// </summary>
internal static class BrokerDownNotice
{
    public static string? Line(Kernel kernel, int width)
    {
        var broker = kernel.Program.Objects.FirstOrDefault(o => o.Kind == ObjectKind.Broker);
        if (broker is null || !kernel.BrokerIsDown(broker.Id))
        {
            return null;
        }

        var text = $"  ✗ {broker.Name} is DOWN: its own next step restarts it · a publish or a get fails, a receive waits, an ack is dropped";
        return TextFit.Styled(TextFit.Fit(text, width), Palette.Finding);
    }
}
