namespace IpcLab.Core.Scheduling;

/// <summary>A saved schedule does not fit its program at entry <see cref="Index"/> (0-based).</summary>
public sealed class ReplayException(int index, string message) : Exception(message)
{
    public int Index { get; } = index;
}
