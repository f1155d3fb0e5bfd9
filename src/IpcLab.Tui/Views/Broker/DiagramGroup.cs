namespace IpcLab.Tui.Views.Broker;

/// <summary>One exchange of the diagram: who publishes to it, its name and type, a row per queue it binds, and its alternate exchange (or null), lit when a message went on to it in the last step.</summary>
internal sealed record DiagramGroup(string Name, string Type, IReadOnlyList<DiagramSource> Sources, IReadOnlyList<DiagramRow> Rows, string? Alternate, bool AlternateLit);
