namespace IpcLab.Tui.Views.Broker;

/// <summary>One hop of a message's path: the step it happened at, and the event's sentence.</summary>
internal sealed record PathHop(int Step, string Text);
