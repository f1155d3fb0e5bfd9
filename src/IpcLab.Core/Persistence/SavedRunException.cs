namespace IpcLab.Core.Persistence;

/// <summary>A saved run file that cannot be read: its message names the file and, where known, line and column.</summary>
public sealed class SavedRunException(string message) : Exception(message);
