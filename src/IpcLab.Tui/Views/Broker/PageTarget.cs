namespace IpcLab.Tui.Views.Broker;

/// <summary>What a row of the broker page leads to when clicked: a message's path (its label), a hop of the open path (its index), or nothing (0, -1).</summary>
internal readonly record struct PageTarget(int Message, int Hop)
{
    public static PageTarget None { get; } = new(0, -1);
}
