namespace IpcLab.Tui.Views.Broker;

/// <summary>One exchange of the diagram: who publishes to it, its name and type, and a row per binding.</summary>
internal sealed record DiagramGroup(string Name, string Type, IReadOnlyList<DiagramSource> Sources, IReadOnlyList<DiagramRow> Rows);
