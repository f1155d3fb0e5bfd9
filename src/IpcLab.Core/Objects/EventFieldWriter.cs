namespace IpcLab.Core.Objects;

/// <summary>
/// Where a module names an event's fields for the JSON trace (<see cref="KernelModule.WriteFields"/>):
/// "fd": 4, "bytes": 3. A trace is then read by its fields, not by parsing sentences.
/// </summary>
public abstract class EventFieldWriter
{
    public abstract void Number(string name, long value);

    public abstract void Text(string name, string value);

    public abstract void Flag(string name, bool value);
}
