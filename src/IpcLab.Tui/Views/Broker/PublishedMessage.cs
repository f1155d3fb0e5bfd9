namespace IpcLab.Tui.Views.Broker;

/// <summary>One message a thread published: the broker it went to, its id there (<see cref="Core.Runtime.KernelEvent.Message"/>) and its body.</summary>
internal sealed record PublishedMessage(int Broker, long Id, string Body);
