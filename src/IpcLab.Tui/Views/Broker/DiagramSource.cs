namespace IpcLab.Tui.Views.Broker;

/// <summary>Who publishes to an exchange (a thread, or a queue dead-lettering into it), the messages it published waiting in the inbox, and whether it published in the last step.</summary>
internal sealed record DiagramSource(string Name, IReadOnlyList<InFlight> Inbox, bool Lit);
