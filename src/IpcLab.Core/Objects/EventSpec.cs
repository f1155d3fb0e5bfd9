using IpcLab.Core.Runtime;

namespace IpcLab.Core.Objects;

/// <summary>An event a module emits, with its class and the short name the JSON trace uses.</summary>
/// <param name="Name">Lower case with dashes ("sem-down"); several kinds may share one (every block is "blocked").</param>
public readonly record struct EventSpec(EventKind Kind, EventClass Class, string Name);
