using IpcLab.Core.Model;

namespace IpcLab.Core.Objects.Broker;

/// <summary>A message's death history in words, newest first, as the path question and the views say it.</summary>
public static class DeathHistoryText
{
    /// <summary>"q2 expired x1 (published to b, key "k"), q1 expired x1 (published to a, key "k")", or "" for a message that never died.</summary>
    public static string Of(CompiledProgram program, IReadOnlyList<DeathEntry> history) =>
        string.Join(", ", history.Select(d => $"{program.Objects[d.Queue].Name} {d.Reason.Word()} x{d.Count} (published to {program.Objects[d.Exchange].Name}, key \"{d.Key}\")"));
}
