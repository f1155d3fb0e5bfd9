namespace IpcLab.Core.Model;

/// <summary>
/// The static type of a value. Every value is stored as a <c>long</c>: an integer as itself,
/// a boolean as 0 or 1, a string as its id in the run's <see cref="Runtime.StringTable"/>.
/// </summary>
public enum ValueKind
{
    Int,
    Bool,
    Str,
}
