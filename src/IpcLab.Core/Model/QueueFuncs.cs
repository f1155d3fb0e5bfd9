namespace IpcLab.Core.Model;

/// <summary>The words of <see cref="QueueFunc"/> as a script writes them: <c>full(q)</c>, <c>size(q)</c>.</summary>
internal static class QueueFuncs
{
    public static readonly IReadOnlyList<string> Names = ["full", "empty", "size", "capacity"];

    public static QueueFunc Of(string name) => name switch
    {
        "full" => QueueFunc.Full,
        "empty" => QueueFunc.Empty,
        "size" => QueueFunc.Size,
        "capacity" => QueueFunc.Capacity,
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "not a queue function"),
    };
}
