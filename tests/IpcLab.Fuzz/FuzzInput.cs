namespace IpcLab.Fuzz;

/// <summary>One mutant: its kind, the seed that made it, the lesson it was made from, its text.</summary>
public sealed record FuzzInput(FuzzKind Kind, ulong Seed, string Lesson, string Text)
{
    /// <summary>The file name a mutant is saved under: seed, lesson and kind ("123-lost-update.ipl").</summary>
    public string FileName => $"{Seed}-{Lesson}{(Kind == FuzzKind.Script ? ".ipl" : ".run.json")}";
}
