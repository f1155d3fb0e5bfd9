namespace IpcLab.Core.Checking;

/// <summary>What became of one message over the runs that sent it: in how many it was lost, handled once, handled more than once.</summary>
public sealed record MessageOutcome(string Message, int Lost, int Once, int MoreThanOnce);
