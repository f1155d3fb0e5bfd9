namespace IpcLab.Tui.Views.Broker;

/// <summary>The broker page as view data: its lines (markup fitted to the width) and, row for row, what a click on each leads to.</summary>
internal sealed record BrokerPageData(IReadOnlyList<string> Lines, IReadOnlyList<PageTarget> Targets);
